package dev.s3notify.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A formatter that is no part of the build, compiled here against s3-notify.jar and dropped into a plugins
 * directory: the bundle finds it through {@code S3NOTIFY_PLUGINS_DIR} and {@code WEBHOOK_KIND} selects it.
 */
class PluginJarIT {
    private static final String ECHO = """
            package com.example.echo;

            import com.fasterxml.jackson.databind.ObjectMapper;
            import dev.s3notify.core.Digest;
            import dev.s3notify.spi.FormatterContext;
            import dev.s3notify.core.Notification;
            import dev.s3notify.core.RateLimit;
            import dev.s3notify.core.WebhookRequest;
            import dev.s3notify.spi.WebhookFormatter;
            import dev.s3notify.spi.WebhookFormatterProvider;
            import java.util.Optional;

            public final class %s implements WebhookFormatterProvider {
                public String kind() {
                    return "%s";
                }

                public String defaultTemplate() {
                    return "{{fileName}} in {{bucket}}";
                }

                public WebhookFormatter create(FormatterContext context) {
                    return new WebhookFormatter() {
                        public WebhookRequest format(Notification notification) {
                            return echo(notification.message());
                        }

                        public Optional<WebhookRequest> formatDigest(Digest digest) {
                            return Optional.of(echo(digest.message()));
                        }

                        public RateLimit rateLimit() {
                            return RateLimit.UNKNOWN;
                        }
                    };
                }

                private static WebhookRequest echo(String text) {
                    return WebhookRequest.json(new ObjectMapper().createObjectNode().put("echo", text).toString());
                }
            }
            """;
    private static final String EXPECTED_BODY = "{\"echo\":\"quarterly-report.pdf in example-uploads\"}";
    private static Path plugins;

    @BeforeAll
    static void buildThePlugin() {
        plugins = Bundle.workDir("plugins");
        PluginJars.formatters(plugins.resolve("echo.jar"), Map.of("com.example.echo.EchoFormatter",
                ECHO.formatted("EchoFormatter", "echo")));
    }

    @Test
    void previewsWithThePluginChosenByWebhookKind() {
        Command preview = Bundle.cli(Map.of("S3NOTIFY_PLUGINS_DIR", plugins.toString(), "WEBHOOK_KIND", "echo"),
                "preview", "--verbose", "--event", Bundle.LINK_EVENT.toString());

        assertThat(preview.exit()).as(preview.output()).isZero();
        assertThat(preview.out().strip()).isEqualTo(EXPECTED_BODY);
        assertThat(preview.err()).contains("s3notify: plugin jars added (jars=echo.jar");
    }

    @Test
    void listsTheAvailableKindsWhenThePluginIsNotThere() {
        Command preview = Bundle.cli(Map.of("WEBHOOK_KIND", "echo"), "preview", "--event",
                Bundle.LINK_EVENT.toString());

        assertThat(preview.exit()).as(preview.output()).isEqualTo(2);
        assertThat(preview.err()).contains("WEBHOOK_KIND=echo names no known kind; available: "
                + String.join(", ", Bundle.adapters()) + ".");
    }

    @Test
    void refusesAPluginsDirectoryThatDoesNotExist() {
        Path missing = plugins.resolve("missing");
        Command preview = Bundle.cli(Map.of("S3NOTIFY_PLUGINS_DIR", missing.toString(), "WEBHOOK_KIND",
                Bundle.adapters().get(0)), "preview", "--event", Bundle.LINK_EVENT.toString());

        assertThat(preview.exit()).as(preview.output()).isEqualTo(2);
        assertThat(preview.err()).contains("S3NOTIFY_PLUGINS_DIR='" + missing + "' is not valid: there is no such"
                + " directory; create it and put the plugin jars in it, or unset the variable");
    }

    @Test
    void refusesAPluginThatClaimsABundledKindNamingBothClasses() {
        String bundled = Bundle.adapters().get(0);
        Path impostors = Bundle.workDir("impostors");
        PluginJars.formatters(impostors.resolve("impostor.jar"), Map.of("com.example.echo.Impostor",
                ECHO.formatted("Impostor", bundled)));

        Command preview = Bundle.cli(Map.of("S3NOTIFY_PLUGINS_DIR", impostors.toString(), "WEBHOOK_KIND", bundled),
                "preview", "--event", Bundle.LINK_EVENT.toString());

        assertThat(preview.exit()).as(preview.output()).isEqualTo(2);
        assertThat(preview.err()).contains("claim the kind '" + bundled + "'")
                .contains(Bundle.FORMATTERS.get(bundled)).contains("com.example.echo.Impostor");
    }

    @Test
    void deliversThroughTheDispatcherHandlerWithThePlugin() throws IOException {
        List<String> bodies = new CopyOnWriteArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/hook", exchange -> {
            bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
        try {
            Command invoke = Bundle.cli(Map.of("S3NOTIFY_PLUGINS_DIR", plugins.toString(), "WEBHOOK_KIND", "echo",
                    "WEBHOOK_URL", "http://127.0.0.1:" + server.getAddress().getPort() + "/hook"),
                    "invoke", "webhook-dispatcher", "--event", Bundle.LINK_EVENT.toString());

            assertThat(invoke.exit()).as(invoke.output()).isZero();
            assertThat(bodies).containsExactly(EXPECTED_BODY);
        } finally {
            server.stop(0);
        }
    }
}
