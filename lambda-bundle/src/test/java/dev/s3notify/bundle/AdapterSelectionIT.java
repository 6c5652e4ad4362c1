package dev.s3notify.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code -Dadapters}: the bundle module built again, with Maven, on a copy of its pom and sources. */
class AdapterSelectionIT {
    private static Path bundle;

    @BeforeAll
    static void copyTheBundleModule() throws IOException {
        Path project = Bundle.workDir("selection");
        Files.copy(Bundle.ROOT.resolve("pom.xml"), project.resolve("pom.xml"));
        bundle = Files.createDirectories(project.resolve("lambda-bundle"));
        Files.copy(Bundle.ROOT.resolve("lambda-bundle/pom.xml"), bundle.resolve("pom.xml"));
        NestedMaven.copy(Bundle.ROOT.resolve("lambda-bundle/src/main"), bundle.resolve("src/main"));
    }

    @Test
    void shadesOnlyTheChosenAdapters() throws IOException {
        Command build = NestedMaven.run(bundle, "package", "-Dadapters=slack, generic", "-Dmaven.test.skip=true",
                "-Dmdep.skip=true");

        assertThat(build.exit()).as(build.output()).isZero();
        Path jar = bundle.resolve("target/s3-notify.jar");
        assertThat(Bundle.kinds(jar, "dev.s3notify.core.plugins.WebhookFormatters")).containsExactly("generic", "slack");
        assertThat(Bundle.kinds(jar, "dev.s3notify.core.plugins.LinkGenerators")).containsExactly("public-url", "s3-presigned");
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            assertThat(zip.stream().map(entry -> entry.getName()))
                    .noneMatch(name -> name.startsWith("dev/s3notify/discord/") || name.startsWith("dev/s3notify/teams/"));
        }
    }

    @Test
    void refusesUnknownAdapterNamesNamingThem() {
        Command build = NestedMaven.run(bundle, "validate", "-Dadapters=discord,matrix,Slack");

        assertThat(build.exit()).as(build.output()).isNotZero();
        assertThat(build.out()).contains("-Dadapters=discord,matrix,Slack names unknown adapters: matrix, Slack."
                + " Choose from discord, slack, teams, generic, mattermost, ntfy, telegram, googlechat, sns");
    }

    @Test
    void refusesAnEmptyList() {
        Command build = NestedMaven.run(bundle, "validate", "-Dadapters=");

        assertThat(build.exit()).as(build.output()).isNotZero();
        assertThat(build.out()).contains("-Dadapters is empty: name at least one of discord, slack, teams, generic,"
                + " mattermost, ntfy, telegram, googlechat, sns");
    }
}
