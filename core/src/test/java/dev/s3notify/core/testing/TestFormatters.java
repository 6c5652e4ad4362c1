package dev.s3notify.core.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.s3notify.core.Digest;
import dev.s3notify.core.Notification;
import dev.s3notify.core.RateLimit;
import dev.s3notify.core.WebhookRequest;
import dev.s3notify.core.decoding.LinkEventJson;
import dev.s3notify.spi.FormatterContext;
import dev.s3notify.spi.Variable;
import dev.s3notify.spi.WebhookFormatter;
import dev.s3notify.spi.WebhookFormatterProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Formatters that exist only in core's tests (no adapter is on core's test class path), and a class loader that
 * offers them to {@link java.util.ServiceLoader} the way a third-party jar would.
 */
public final class TestFormatters {
    private static final ObjectMapper JSON = new ObjectMapper();

    private TestFormatters() {
    }

    /**
     * @param dir an empty directory, the class path entry
     * @param providers the formatters to list in its {@code META-INF/services} file
     * @return a loader whose ServiceLoader finds exactly those formatters
     */
    public static ClassLoader loader(Path dir, Class<?>... providers) {
        try {
            Path services = dir.resolve("META-INF/services/" + WebhookFormatterProvider.class.getName());
            Files.createDirectories(services.getParent());
            Files.writeString(services, Arrays.stream(providers).map(Class::getName)
                    .collect(Collectors.joining("\n", "# test formatters\n", "\n")), StandardCharsets.UTF_8);
            return new URLClassLoader(new URL[] {dir.toUri().toURL()}, TestFormatters.class.getClassLoader());
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A Discord-like chat formatter: recognizes {@code /api/webhooks/} URLs, asks for {@code wait=true}, explains
     * errors as Discord does, and stamps each attempt with its time, as a signing formatter would. Digests carry
     * at most {@link ChatFormatter#MAX_CONTENT} characters.
     */
    public static class Chat implements WebhookFormatterProvider {
        static final Variable<String> USERNAME = Variable.text("CHAT_USERNAME", "webhook-dispatcher", "s3-notify",
                "the name messages are posted under");
        static final Variable<Long> COLOR = Variable.integer("CHAT_COLOR", "webhook-dispatcher", null, 0, 0xFFFFFF,
                "the embed colour");
        static final String DEFAULT_TEMPLATE = "{{#hasLink}}New file {{fileName}} in {{bucket}}: {{{fileUrl}}}"
                + " (link valid for {{expirationTime}}){{/hasLink}}{{^hasLink}}{{fileName}} was removed from"
                + " {{bucket}}{{/hasLink}}";

        /** ServiceLoader's constructor. */
        public Chat() {
        }

        @Override
        public String kind() {
            return "chat";
        }

        @Override
        public WebhookFormatter create(FormatterContext context) {
            return new ChatFormatter(context.settings().get(USERNAME));
        }

        @Override
        public String defaultTemplate() {
            return DEFAULT_TEMPLATE;
        }

        @Override
        public List<Variable<?>> variables() {
            return List.of(USERNAME, COLOR);
        }

        @Override
        public boolean recognizes(URI webhookUrl) {
            return webhookUrl.getPath() != null && webhookUrl.getPath().startsWith("/api/webhooks/");
        }
    }

    /** What {@link Chat} creates. */
    static class ChatFormatter implements WebhookFormatter {
        static final int MAX_CONTENT = 2_000;
        private final String username;

        ChatFormatter(String username) {
            this.username = username;
        }

        @Override
        public WebhookRequest format(Notification notification) {
            ObjectNode body = JSON.createObjectNode().put("content", notification.message())
                    .put("username", username).put("eventId", notification.eventId());
            return WebhookRequest.builder().body(body.toString()).header("X-Event-Id", notification.eventId())
                    .queryParameter("wait", "true").build();
        }

        @Override
        public Optional<WebhookRequest> formatDigest(Digest digest) {
            int listed = digest.mostListed(n -> digest.message(n).length() <= MAX_CONTENT);
            if (listed < digest.count() && digest.indexLink().isEmpty()) {
                return Optional.empty();
            }
            ObjectNode body = JSON.createObjectNode().put("content", digest.message(Math.max(0, listed)))
                    .put("username", username).put("eventId", digest.id());
            return Optional.of(WebhookRequest.builder().body(body.toString()).header("X-Event-Id", digest.id())
                    .queryParameter("wait", "true").build());
        }

        @Override
        public RateLimit rateLimit() {
            return RateLimit.of(5, Duration.ofSeconds(2));
        }

        @Override
        public String escape(String text) {
            return text.replace("*", "\\*").replace("_", "\\_");
        }

        /** Discord's wording: {@code {"code":50006,"message":"Cannot send an empty message"}}. */
        @Override
        public String describeError(int status, String body) {
            try {
                JsonNode error = JSON.readTree(body);
                if (error != null && error.hasNonNull("code") && error.hasNonNull("message")) {
                    return "Discord error " + error.get("code").asText() + ": " + error.get("message").asText();
                }
            } catch (IOException e) {
                // not Discord's JSON: say what the body says
            }
            return WebhookFormatter.super.describeError(status, body);
        }

        @Override
        public WebhookRequest prepareAttempt(WebhookRequest request, Instant now) {
            return request.withHeader("X-Attempt-At", now.toString());
        }
    }

    /** A plain formatter: the message as {@code {"text": ...}}, digests likewise, no documented rate. */
    static class TextFormatter implements WebhookFormatter {
        @Override
        public WebhookRequest format(Notification notification) {
            return WebhookRequest.json(JSON.createObjectNode().put("text", notification.message()).toString());
        }

        @Override
        public Optional<WebhookRequest> formatDigest(Digest digest) {
            return Optional.of(WebhookRequest.json(JSON.createObjectNode().put("text", digest.message()).toString()));
        }

        @Override
        public RateLimit rateLimit() {
            return RateLimit.UNKNOWN;
        }
    }

    /** A second chat platform that claims the {@code chat.test} host, so that one URL can match two formatters. */
    public static final class OtherChat implements WebhookFormatterProvider {
        /** ServiceLoader's constructor. */
        public OtherChat() {
        }

        @Override
        public String kind() {
            return "otherchat";
        }

        @Override
        public WebhookFormatter create(FormatterContext context) {
            return new TextFormatter();
        }

        @Override
        public String defaultTemplate() {
            return "{{fileName}}";
        }

        @Override
        public boolean recognizes(URI webhookUrl) {
            return "chat.test".equals(webhookUrl.getHost());
        }

        /** Its platform retired the {@code /retired/} webhooks. */
        @Override
        public Optional<String> refuses(URI webhookUrl) {
            return webhookUrl.getPath().startsWith("/retired/")
                    ? Optional.of("those webhooks are retired; make a new one") : Optional.empty();
        }
    }

    /** Claims the kind {@code chat} too: loading it next to {@link Chat} is a start-up error. */
    public static final class ChatImpostor extends Chat {
        /** ServiceLoader's constructor. */
        public ChatImpostor() {
        }
    }

    /** The fallback: the notification as plain JSON, for any URL no other formatter recognizes. */
    public static final class Generic implements WebhookFormatterProvider {
        /** ServiceLoader's constructor. */
        public Generic() {
        }

        @Override
        public String kind() {
            return "generic";
        }

        @Override
        public WebhookFormatter create(FormatterContext context) {
            return new TextFormatter() {
                @Override
                public WebhookRequest format(Notification notification) {
                    ObjectNode body = JSON.createObjectNode().put("text", notification.message())
                            .put("eventId", notification.eventId());
                    body.set("detail", LinkEventJson.toJson(notification.event()));
                    return WebhookRequest.json(body.toString());
                }
            };
        }

        @Override
        public String defaultTemplate() {
            return "{{fileName}}";
        }
    }

    /** A plugin whose constructor fails: reported by class name, never silently skipped. */
    public static final class Broken extends Chat {
        /** ServiceLoader's constructor, which fails as a plugin missing a dependency would. */
        public Broken() {
            throw new IllegalStateException("needs a library that is not on the class path");
        }
    }

    /** Posts the rendered message as the body, which must be a JSON object, as a JSON-body template does. */
    public static final class JsonBody extends Chat {
        /** ServiceLoader's constructor. */
        public JsonBody() {
        }

        @Override
        public String kind() {
            return "jsonbody";
        }

        @Override
        public boolean recognizes(URI webhookUrl) {
            return false;
        }

        @Override
        public WebhookFormatter create(FormatterContext context) {
            return new TextFormatter() {
                @Override
                public WebhookRequest format(Notification notification) {
                    try {
                        if (!JSON.readTree(notification.message()).isObject()) {
                            throw new IllegalArgumentException("the template's output is not a JSON object");
                        }
                    } catch (IOException e) {
                        throw new IllegalArgumentException("the template's output is not JSON");
                    }
                    return WebhookRequest.json(notification.message());
                }
            };
        }
    }

    /** Fails to format files whose name contains "poison", as a formatter bug would. */
    public static final class Fussy extends Chat {
        /** ServiceLoader's constructor. */
        public Fussy() {
        }

        @Override
        public String kind() {
            return "fussy";
        }

        @Override
        public WebhookFormatter create(FormatterContext context) {
            return new ChatFormatter(context.settings().get(USERNAME)) {
                @Override
                public WebhookRequest format(Notification notification) {
                    if (notification.event().fileName().contains("poison")) {
                        throw new IllegalStateException("cannot format " + notification.event().fileName());
                    }
                    return super.format(notification);
                }
            };
        }
    }

    /** {@link Chat} on a platform that documents one request a minute: a second send soon after is paced. */
    public static final class Scarce extends Chat {
        static final RateLimit ONE_A_MINUTE = RateLimit.of(1, Duration.ofMinutes(1));

        /** ServiceLoader's constructor. */
        public Scarce() {
        }

        @Override
        public String kind() {
            return "scarce";
        }

        @Override
        public WebhookFormatter create(FormatterContext context) {
            return new ChatFormatter(context.settings().get(USERNAME)) {
                @Override
                public RateLimit rateLimit() {
                    return ONE_A_MINUTE;
                }
            };
        }
    }

    /**
     * {@link Chat} whose default digest template is too long to carry the links of three files in its 2,000
     * characters: digests cannot be made, single messages can.
     */
    public static final class Cramped extends Chat {
        /** The digest check's wording for it. */
        public static final String NO_ROOM = "cramped's default digest template leaves no room for the links of a"
                + " digest of three files";

        /** ServiceLoader's constructor. */
        public Cramped() {
        }

        @Override
        public String kind() {
            return "cramped";
        }

        @Override
        public String defaultDigestTemplate() {
            return "x".repeat(2_500) + "{{#files}}{{{fileUrl}}}{{/files}}{{#hasIndex}}{{{indexUrl}}}{{/hasIndex}}";
        }
    }
}
