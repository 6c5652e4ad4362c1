package dev.s3notify.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The {@code s3notify} launcher on the built jar: the class archive it makes on first use, reuses, and never lets
 * break a run. With the JDK running the tests, and also with a Java 25+ JDK beside it when there is one (the AOT
 * cache path).
 */
class LauncherIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    static List<Path> jdks() throws IOException {
        Path home = Path.of(System.getProperty("java.home"));
        List<Path> jdks = new ArrayList<>(List.of(home));
        try (Stream<Path> siblings = Files.list(home.getParent())) {
            siblings.filter(jdk -> !jdk.equals(home) && major(jdk) >= 25).max(Path::compareTo).ifPresent(jdks::add);
        }
        return jdks;
    }

    @ParameterizedTest
    @MethodSource("jdks")
    void makesAnArchiveOnTheFirstSuccessfulRunAndLoadsClassesFromItAfterwards(Path jdk) throws Exception {
        Path cache = Bundle.workDir("launcher-archive-" + major(jdk));

        Command first = launch(jdk, cache, Map.of(), "kinds", "--json");
        List<Path> made = archives(cache);
        Path classes = cache.resolve("classes.log");
        Command second = launch(jdk, cache, Map.of("S3NOTIFY_JAVA_OPTS", "-Xlog:class+load:file=" + classes),
                "kinds", "--json");

        assertThat(first.exit()).as(first.output()).isZero();
        assertThat(first.err()).isEmpty();
        JSON.readTree(first.out());
        assertThat(made).hasSize(1);
        assertThat(second.out()).isEqualTo(first.out());
        assertThat(second.err()).isEmpty();
        assertThat(archives(cache)).isEqualTo(made);
        assertThat(Files.readString(classes)).contains("dev.s3notify.cli.Main source: shared objects file");
    }

    @ParameterizedTest
    @MethodSource("jdks")
    void anArchiveThatDoesNotFitIsIgnoredWithoutAWord(Path jdk) throws Exception {
        Path cache = Bundle.workDir("launcher-misfit-" + major(jdk));
        assertThat(launch(jdk, cache, Map.of(), "kinds").exit()).isZero();
        Path archive = archives(cache).get(0);
        archive.toFile().setWritable(true);
        try (RandomAccessFile file = new RandomAccessFile(archive.toFile(), "rw")) {
            file.write("not an archive".getBytes(StandardCharsets.US_ASCII));
        }

        Command run = launch(jdk, cache, Map.of(), "kinds");

        assertThat(run.exit()).as(run.output()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).contains("discord");
    }

    // A Java 17 JVM that maps a truncated dynamic archive dies of SIGBUS: the launcher must never hand it one.
    @Test
    void aTruncatedArchiveIsMadeAgainAndTheRunSucceeds() throws Exception {
        Path jdk = Path.of(System.getProperty("java.home"));
        Path cache = Bundle.workDir("launcher-truncated");
        assertThat(launch(jdk, cache, Map.of(), "kinds").exit()).isZero();
        Path archive = archives(cache).get(0);
        archive.toFile().setWritable(true);
        try (RandomAccessFile file = new RandomAccessFile(archive.toFile(), "rw")) {
            file.setLength(file.length() / 2);
        }

        Command run = launch(jdk, cache, Map.of(), "kinds");

        assertThat(run.exit()).as(run.output()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).contains("discord");
        assertThat(archives(cache)).hasSize(1).allSatisfy(made -> assertThat(made.getFileName().toString())
                .endsWith("-" + Files.size(made) + "." + extension(jdk)));
    }

    @Test
    void keepsNoArchiveFromARunThatFailed() throws Exception {
        Path jdk = Path.of(System.getProperty("java.home"));
        Path cache = Bundle.workDir("launcher-failed");

        Command run = launch(jdk, cache, Map.of(), "kinds", "--no-such-option");

        assertThat(run.exit()).isEqualTo(2);
        try (Stream<Path> left = Files.walk(cache)) {
            assertThat(left.filter(Files::isRegularFile).map(p -> p.getFileName().toString()))
                    .allMatch(name -> name.endsWith(".sum"));
        }
    }

    @Test
    void runsThroughASymlinkFromAnotherDirectory() throws Exception {
        Path dir = Bundle.workDir("launcher-symlink");
        Path link = Files.createSymbolicLink(dir.resolve("s3notify"), Bundle.ROOT.resolve("s3notify"));

        Command run = Command.run(List.of(link.toString(), "--help"), dir, Map.of("S3NOTIFY_JAR",
                Bundle.JAR.toString(), "S3NOTIFY_ARCHIVE", "off"), false, Duration.ofMinutes(1));

        assertThat(run.exit()).as(run.output()).isZero();
        assertThat(run.out()).startsWith("usage: s3notify");
    }

    @Test
    void showsAFailedBuildWithoutTerminalColourCodes() throws Exception {
        Path dir = Bundle.workDir("launcher-build");
        Path launcher = Files.copy(Bundle.ROOT.resolve("s3notify"), dir.resolve("s3notify"));
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path mvn = Files.writeString(bin.resolve("mvn"),
                "#!/bin/sh\nprintf '\\033[1;31m[ERROR]\\033[m it broke\\033[0m\\n'\nexit 1\n");
        Files.setPosixFilePermissions(mvn, PosixFilePermissions.fromString("rwxr-xr-x"));

        Command run = Command.run(List.of(launcher.toString(), "--help"), dir,
                Map.of("PATH", bin + ":" + System.getenv("PATH")), false, Duration.ofMinutes(1));

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("[ERROR] it broke").doesNotContain("\u001b");
    }

    private static Command launch(Path jdk, Path cache, Map<String, String> more, String... args) {
        List<String> command = new ArrayList<>(List.of(Bundle.ROOT.resolve("s3notify").toString()));
        command.addAll(List.of(args));
        Map<String, String> env = new HashMap<>(Map.of("JAVA_HOME", jdk.toString(),
                "S3NOTIFY_JAR", Bundle.JAR.toString(), "S3NOTIFY_CACHE_DIR", cache.toString()));
        env.putAll(more);
        return Command.run(command, Bundle.ROOT, env, false, Duration.ofMinutes(2));
    }

    private static List<Path> archives(Path cache) throws IOException {
        try (Stream<Path> files = Files.walk(cache)) {
            return files.filter(p -> p.toString().endsWith(".jsa") || p.toString().endsWith(".aot")).sorted()
                    .toList();
        }
    }

    private static String extension(Path jdk) {
        return major(jdk) >= 25 ? "aot" : "jsa";
    }

    private static int major(Path jdk) {
        try {
            for (String line : Files.readAllLines(jdk.resolve("release"))) {
                if (line.startsWith("JAVA_VERSION=\"")) {
                    return Integer.parseInt(line.substring(14).split("[.\"]")[0]);
                }
            }
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
        return 0;
    }
}
