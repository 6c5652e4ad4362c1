package dev.s3notify.core.plugins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.s3notify.core.WebhookRequest;
import dev.s3notify.core.config.Settings;
import dev.s3notify.core.error.ConfigurationException;
import dev.s3notify.core.function.DispatchFunction;
import dev.s3notify.core.function.LinkFunction;
import dev.s3notify.core.testing.Fixtures;
import dev.s3notify.core.testing.LogCapture;
import dev.s3notify.core.testing.TestFormatters;
import dev.s3notify.spi.WebhookFormatterProvider;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The plugin class loader: which jars it adds, in which order, and what it says about a bad directory. */
class PluginsTest {
    private static final ClassLoader CORE = PluginsTest.class.getClassLoader();

    @TempDir
    Path temp;

    @Test
    void returnsCoresOwnLoaderWhenThereIsNothingToAdd() {
        Settings settings = new Settings(Map.of());

        assertThat(Plugins.classLoader(settings, temp.resolve("no-layers"), CORE, "")).isSameAs(CORE);
        assertThat(settings.problems()).isEmpty();
    }

    @Test
    void warnsAboutAnEmptyPluginsDirectoryAndAddsNothing() throws IOException {
        Path plugins = Files.createDirectory(temp.resolve("plugins"));
        try (LogCapture logs = new LogCapture()) {
            assertThat(loader(plugins, temp.resolve("no-layers"))).isSameAs(CORE);

            assertThat(logs.lines()).singleElement().asString().contains("\"level\":\"WARN\"")
                    .contains("no plugin jars found").contains(plugins.toString());
        }
    }

    @Test
    void reportsAMissingPluginsDirectoryNamingIt() {
        Path missing = temp.resolve("nope");

        assertThatThrownBy(() -> Plugins.classLoader(Map.of("S3NOTIFY_PLUGINS_DIR", missing.toString())))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("Invalid configuration: S3NOTIFY_PLUGINS_DIR='" + missing + "' is not valid: there is no"
                        + " such directory; create it and put the plugin jars in it, or unset the variable");
    }

    @Test
    void saysAFileGivenAsThePluginsDirectoryMustBeADirectory() throws IOException {
        Path file = jar(temp.resolve("a.jar"));
        Settings settings = new Settings(Map.of("S3NOTIFY_PLUGINS_DIR", file.toString()));

        Plugins.classLoader(settings, temp.resolve("no-layers"), CORE, "");

        assertThat(settings.problems()).singleElement().asString().contains("S3NOTIFY_PLUGINS_DIR='" + file + "'")
                .contains("it is a file, and it must be a directory").doesNotContain("create it");
    }

    @Test
    void reportsAPluginFileThatIsNoJar() throws IOException {
        Path plugins = Files.createDirectory(temp.resolve("plugins"));
        Files.writeString(plugins.resolve("notes.jar"), "not a zip");
        Settings settings = new Settings(Map.of("S3NOTIFY_PLUGINS_DIR", plugins.toString()));

        Plugins.classLoader(settings, temp.resolve("no-layers"), CORE, "");

        assertThat(settings.problems()).singleElement().asString().contains("S3NOTIFY_PLUGINS_DIR=")
                .contains("holds notes.jar, which cannot be opened as a jar");
    }

    @Test
    void addsThePluginJarsByNameThenTheLayerJarsIgnoringEverythingElse() throws IOException {
        Path plugins = Files.createDirectory(temp.resolve("plugins"));
        Path layers = Files.createDirectory(temp.resolve("layers"));
        jar(plugins.resolve("b.jar"));
        jar(plugins.resolve("a.jar"));
        Files.writeString(plugins.resolve("README.txt"), "not a plugin");
        jar(Files.createDirectories(plugins.resolve("nested")).resolve("c.jar"));
        Files.createDirectory(plugins.resolve("d.jar"));
        jar(layers.resolve("layer.jar"));

        try (LogCapture logs = new LogCapture()) {
            assertThat(names(loader(plugins, layers))).containsExactly("a.jar", "b.jar", "layer.jar");

            assertThat(logs.lines()).singleElement().asString().contains("plugin jars added")
                    .contains("\"jars\":\"a.jar, b.jar, layer.jar\"").doesNotContain(temp.toString());
        }
    }

    @Test
    void skipsALayerJarThatCannotBeOpenedWithAWarning() throws IOException {
        Path layers = Files.createDirectory(temp.resolve("layers"));
        Files.writeString(layers.resolve("broken.jar"), "not a zip");
        jar(layers.resolve("good.jar"));
        Settings settings = new Settings(Map.of());

        try (LogCapture logs = new LogCapture()) {
            assertThat(names(Plugins.classLoader(settings, layers, CORE, ""))).containsExactly("good.jar");

            assertThat(logs.lines()).anySatisfy(line -> assertThat(line).contains("\"level\":\"WARN\"")
                    .contains("layer jar skipped").contains("broken.jar"));
        }
        assertThat(settings.problems()).isEmpty();
    }

    @Test
    void leavesOutLayerJarsTheLambdaRuntimeAlreadyPutOnTheFunctionsLoader() throws IOException {
        Path layers = Files.createDirectory(temp.resolve("layers"));
        Path onRuntimeLoader = jar(layers.resolve("a.jar"));
        Path onClassPath = jar(layers.resolve("b.jar"));
        jar(layers.resolve("c.jar"));
        // The runtime's own loader builds its URLs from raw paths, as here.
        URLClassLoader function = new URLClassLoader(new URL[] {new URL("file", null, -1, onRuntimeLoader.toString())},
                CORE);

        ClassLoader loader = Plugins.classLoader(new Settings(Map.of()), layers, function, onClassPath.toString());

        assertThat(loader.getParent()).isSameAs(function);
        assertThat(names(loader)).containsExactly("c.jar");
        assertThat(Plugins.classLoader(new Settings(Map.of()), layers, loader, onClassPath.toString()))
                .as("a second look adds nothing").isSameAs(loader);
    }

    @Test
    void findsAPluginsFormatterOnceWhenTwoJarsListIt() throws IOException {
        Path plugins = Files.createDirectory(temp.resolve("plugins"));
        Path layers = Files.createDirectory(temp.resolve("layers"));
        jar(plugins.resolve("chat.jar"), TestFormatters.Chat.class, TestFormatters.Generic.class);
        jar(layers.resolve("chat-copy.jar"), TestFormatters.Chat.class);

        KindRegistry<WebhookFormatterProvider> registry = WebhookFormatters.load(loader(plugins, layers));

        assertThat(registry.kinds()).containsExactly("chat", "generic");
        assertThat(WebhookFormatters.load(CORE).kinds()).as("without the plugins").isEmpty();
    }

    @Test
    void letsTheDispatcherChooseAFormatterFromThePluginsDirectory() throws IOException {
        Path plugins = Files.createDirectory(temp.resolve("plugins"));
        jar(plugins.resolve("chat.jar"), TestFormatters.Chat.class);
        List<WebhookRequest> requests = new ArrayList<>();

        DispatchFunction.create(Map.of("S3NOTIFY_PLUGINS_DIR", plugins.toString(), "WEBHOOK_KIND", "chat"),
                new DispatchFunction.Overrides(true, (destination, request) -> requests.add(request), null, null, null,
                        null)).handle(Fixtures.bytes("eventbridge-file-link-generated.json"), Instant.now().plusSeconds(60));

        assertThat(requests).hasSize(1);
    }

    @Test
    void reportsAMissingPluginsDirectoryWithTheOtherProblemsOfTheLinkGenerator() {
        assertThatThrownBy(() -> LinkFunction.create(Map.of("S3NOTIFY_PLUGINS_DIR", "/no/such/plugins",
                "URL_EXPIRATION_SECONDS", "0"), LinkFunction.Overrides.none()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("(2 problems)")
                .hasMessageContaining("S3NOTIFY_PLUGINS_DIR='/no/such/plugins' is not valid")
                .hasMessageContaining("URL_EXPIRATION_SECONDS='0' is not valid");
    }

    private static ClassLoader loader(Path plugins, Path layers) {
        Settings settings = new Settings(Map.of("S3NOTIFY_PLUGINS_DIR", plugins.toString()));
        ClassLoader loader = Plugins.classLoader(settings, layers, CORE, "");
        assertThat(settings.problems()).isEmpty();
        return loader;
    }

    private static List<String> names(ClassLoader loader) {
        assertThat(loader).isInstanceOf(URLClassLoader.class).isNotSameAs(CORE);
        return Arrays.stream(((URLClassLoader) loader).getURLs())
                .map(url -> Path.of(url.getPath()).getFileName().toString()).toList();
    }

    /** Writes a jar whose services file lists the given formatters (their classes stay on the test class path). */
    private static Path jar(Path file, Class<?>... formatters) throws IOException {
        try (OutputStream out = Files.newOutputStream(file); JarOutputStream jar = new JarOutputStream(out)) {
            jar.putNextEntry(new JarEntry("META-INF/services/" + WebhookFormatterProvider.class.getName()));
            jar.write(Arrays.stream(formatters).map(Class::getName).collect(Collectors.joining("\n", "", "\n"))
                    .getBytes(StandardCharsets.UTF_8));
            jar.closeEntry();
        }
        return file;
    }
}
