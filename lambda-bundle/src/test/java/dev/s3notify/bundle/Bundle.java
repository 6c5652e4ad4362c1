package dev.s3notify.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The built s3-notify.jar and what the build says about it, as failsafe passes them in system properties. */
final class Bundle {
    /** The adapters a build may choose, and each one's formatter. */
    static final Map<String, String> FORMATTERS = Map.of("discord", "dev.s3notify.discord.DiscordFormatterProvider",
            "slack", "dev.s3notify.slack.SlackFormatterProvider", "teams", "dev.s3notify.teams.TeamsFormatterProvider",
            "generic", "dev.s3notify.generic.GenericFormatterProvider",
            "googlechat", "dev.s3notify.googlechat.GoogleChatFormatterProvider",
            "mattermost", "dev.s3notify.mattermost.MattermostFormatterProvider",
            "ntfy", "dev.s3notify.ntfy.NtfyFormatterProvider",
            "telegram", "dev.s3notify.telegram.TelegramFormatterProvider",
            "sns", "dev.s3notify.sns.SnsFormatterProvider");
    static final Path JAR = Path.of(property("bundle.jar"));
    static final Path ROOT = Path.of(property("repo.root")).toAbsolutePath().normalize();
    static final Path LINK_EVENT = ROOT.resolve("docs/examples/link-events/file-link-generated.json");
    /** Where the tests write, under target/. */
    static final Path WORK = Path.of(property("it.work")).toAbsolutePath();

    private Bundle() {
    }

    /** @return the adapters this build put in the jar ({@code -Dadapters}), sorted */
    static List<String> adapters() {
        return Arrays.stream(property("bundle.adapters").split(",")).map(String::strip)
                .filter(name -> !name.isEmpty()).sorted().toList();
    }

    /**
     * Runs {@code java -jar s3-notify.jar} in the repository root with only the given environment (and PATH, HOME).
     *
     * @param env the configuration
     * @param args the command line
     * @return how it ended
     */
    static Command cli(Map<String, String> env, String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-jar", JAR.toString()));
        command.addAll(List.of(args));
        return Command.run(command, ROOT, env, false, Duration.ofMinutes(1));
    }

    /**
     * Loads a jar on its own, beside nothing but the JDK, and asks core's registry what it finds.
     *
     * @param jar the jar
     * @param registry {@code dev.s3notify.core.plugins.WebhookFormatters} or {@code dev.s3notify.core.plugins.LinkGenerators}
     * @return the kinds found, sorted
     */
    @SuppressWarnings("unchecked")
    static List<String> kinds(Path jar, String registry) {
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()},
                ClassLoader.getPlatformClassLoader())) {
            Class<?> type = loader.loadClass(registry);
            assertThat(type.getClassLoader()).as("loaded from the jar alone").isSameAs(loader);
            Object found = type.getMethod("load", ClassLoader.class).invoke(null, loader);
            assertThat((List<String>) found.getClass().getMethod("failures").invoke(found))
                    .as("providers that failed to load").isEmpty();
            return (List<String>) found.getClass().getMethod("kinds").invoke(found);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ReflectiveOperationException e) {
            Throwable cause = e instanceof InvocationTargetException ? e.getCause() : e;
            throw new AssertionError("cannot list the kinds of " + jar + ": " + cause, cause);
        }
    }

    /** @return target/it/{name}, emptied: what an earlier run left there is gone, what this one leaves stays */
    static Path workDir(String name) {
        Path dir = WORK.resolve(name);
        try {
            if (Files.exists(dir)) {
                try (Stream<Path> paths = Files.walk(dir)) {
                    for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(path);
                    }
                }
            }
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String property(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank() || value.startsWith("${")) {
            throw new IllegalStateException("system property " + name + " is not set: run the *IT tests through"
                    + " mvn verify (maven-failsafe-plugin), which passes it");
        }
        return value;
    }
}
