package dev.s3notify.bundle;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Maven run on a copy of a project, as a user would run it, without installing anything into the shared local
 * repository. Its own local repository, under target/it, holds this build's s3-notify artifacts (the parent pom,
 * core and its test-jar, the test-kit, the adapters); everything else it copies from the outer build's local
 * repository, which it reaches as a read-only {@code file://} mirror. So it needs no network and works on a fresh
 * clone once the outer build has resolved its dependencies, with any Maven 3 (no chained local repositories, which
 * need 3.9).
 */
final class NestedMaven {
    private static final Path HOME = Bundle.WORK.resolve("maven");
    private static final Path REPOSITORY = HOME.resolve("repository");
    private static final Path SETTINGS = HOME.resolve("settings.xml");
    private static boolean prepared;

    private NestedMaven() {
    }

    /**
     * @param project the directory holding the pom.xml to build
     * @param args phases and options, such as {@code package -Dadapters=slack}
     * @return how the build ended, with its log
     */
    static Command run(Path project, String... args) {
        prepare();
        boolean windows = System.getProperty("os.name").toLowerCase(Locale.ROOT).startsWith("windows");
        List<String> command = new ArrayList<>(List.of(Path.of(Bundle.property("maven.home"), "bin",
                windows ? "mvn.cmd" : "mvn").toString(), "-B", "-ntp", "-Dstyle.color=never", "-s",
                SETTINGS.toString(), "-Dmaven.repo.local=" + REPOSITORY));
        command.addAll(List.of(args));
        return Command.run(command, project, Map.of("JAVA_HOME", System.getProperty("java.home")), true,
                Duration.ofMinutes(5));
    }

    /**
     * @param from a project directory
     * @param to where the copy goes
     * @return the copy, without {@code target/} directories
     */
    static Path copy(Path from, Path to) {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : paths.filter(p -> !from.relativize(p).toString().matches("(.*[/\\\\])?target([/\\\\].*)?"))
                    .toList()) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(path, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            return to;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static synchronized void prepare() {
        if (prepared) {
            return;
        }
        Path root = Bundle.ROOT;
        put("s3-notify-parent", ".pom", root.resolve("pom.xml"));
        put("s3-notify-core", ".pom", root.resolve("core/pom.xml"));
        put("s3-notify-core", ".jar", artifact("core.jar"));
        put("s3-notify-core", "-tests.jar", artifact("core.tests.jar"));
        put("s3-notify-test-kit", ".pom", root.resolve("test-kit/pom.xml"));
        put("s3-notify-test-kit", ".jar", artifact("test-kit.jar"));
        for (String adapter : Bundle.FORMATTERS.keySet()) {
            put("s3-notify-adapter-" + adapter, ".pom", root.resolve("adapters-" + adapter + "/pom.xml"));
            put("s3-notify-adapter-" + adapter, ".jar", artifact("adapter." + adapter + ".jar"));
        }
        String outer = Path.of(Bundle.property("maven.repository")).toUri().toString();
        String repository = """
                    <repository>
                      <id>central</id>
                      <url>%s</url>
                      <releases><checksumPolicy>ignore</checksumPolicy></releases>
                      <snapshots><enabled>false</enabled></snapshots>
                    </repository>""".formatted(outer);
        write(SETTINGS, """
                <settings>
                  <localRepository>%s</localRepository>
                  <mirrors>
                    <mirror><id>outer-local-repository</id><mirrorOf>*</mirrorOf><url>%s</url></mirror>
                  </mirrors>
                  <profiles>
                    <profile>
                      <id>outer-local-repository</id>
                      <repositories>%s</repositories>
                      <pluginRepositories>%s</pluginRepositories>
                    </profile>
                  </profiles>
                  <activeProfiles><activeProfile>outer-local-repository</activeProfile></activeProfiles>
                </settings>
                """.formatted(REPOSITORY, outer, repository, repository.replace("repository>", "pluginRepository>")));
        prepared = true;
    }

    /** Puts a file into the local repository as {@code dev.s3notify:artifactId:version}, in Maven's layout. */
    private static void put(String artifactId, String suffix, Path file) {
        String version = Bundle.property("project.version");
        Path target = REPOSITORY.resolve("dev/s3notify/" + artifactId + "/" + version + "/" + artifactId + "-"
                + version + suffix);
        try {
            Files.createDirectories(target.getParent());
            Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path artifact(String property) {
        Path file = Path.of(Bundle.property(property));
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException(property + " is " + file + ", not a jar: run mvn verify, which packages"
                    + " every module before the integration tests");
        }
        return file;
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
