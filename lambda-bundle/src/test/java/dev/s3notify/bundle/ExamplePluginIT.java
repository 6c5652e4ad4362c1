package dev.s3notify.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The example plugin project of docs/plugins.md, built with Maven as its README says (its contract tests run), and
 * its jar used through s3-notify.jar.
 */
class ExamplePluginIT {
    private static final Path EXAMPLE = Bundle.ROOT.resolve("docs/examples/plugin-formatter");
    private static Path project;
    private static Command build;

    @BeforeAll
    static void buildTheExample() {
        project = NestedMaven.copy(EXAMPLE, Bundle.workDir("plugin-formatter"));
        build = NestedMaven.run(project, "package", "-Ds3notify.version=" + Bundle.property("project.version"));
    }

    @Test
    void buildsAndPassesTheWholeContractWithMaven() throws IOException {
        assertThat(build.exit()).as(build.output()).isZero();
        // The contract's @Nested groups report apart from the class that extends it: read every report.
        StringBuilder reports = new StringBuilder();
        try (Stream<Path> files = Files.list(project.resolve("target/surefire-reports"))) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("TEST-")).sorted().toList()) {
                reports.append(Files.readString(file));
            }
        }
        Matcher counts = Pattern.compile("<testsuite [^>]*tests=\"(\\d+)\" errors=\"(\\d+)\" skipped=\"(\\d+)\""
                + " failures=\"(\\d+)\"").matcher(reports);
        int tests = 0;
        while (counts.find()) {
            assertThat(counts.group(2) + counts.group(3) + counts.group(4)).as(counts.group()).isEqualTo("000");
            tests += Integer.parseInt(counts.group(1));
        }
        assertThat(tests).isGreaterThan(50);
        assertThat(reports).contains("neverLetsAFileNamePingAnyone", "isRegisteredForServiceLoader",
                "keepsEveryFileOfAHostileDigestReachableThroughTheIndexLink",
                "describesErrorsWithinTheDeclaredErrorLimit",
                "anyDetailGivesABoundedValidEscapedPayloadOrAClearError");
    }

    @Test
    void itsJarIsChosenWithWebhookKind() throws IOException {
        assertThat(build.exit()).as(build.output()).isZero();
        Path plugins = Bundle.workDir("example-plugins");
        Files.copy(project.resolve("target/s3-notify-rocketchat-1.0.0.jar"),
                plugins.resolve("s3-notify-rocketchat-1.0.0.jar"));

        Command preview = Bundle.cli(Map.of("S3NOTIFY_PLUGINS_DIR", plugins.toString(), "WEBHOOK_KIND",
                "rocketchat", "ROCKETCHAT_ALIAS", "uploads"), "preview", "--event", Bundle.LINK_EVENT.toString());

        assertThat(preview.exit()).as(preview.output()).isZero();
        JsonNode body = new ObjectMapper().readTree(preview.out());
        assertThat(body.path("text").asText()).startsWith("*quarterly-report.pdf* was uploaded to"
                + " *example-uploads*. [Download](https://example-uploads.s3.us-east-1.amazonaws.com/reports/");
        assertThat(body.path("alias").asText()).isEqualTo("uploads");
    }

    @Test
    void isListedByKindsWithItsVariable() throws IOException {
        assertThat(build.exit()).as(build.output()).isZero();
        Path plugins = Bundle.workDir("example-plugins-kinds");
        Files.copy(project.resolve("target/s3-notify-rocketchat-1.0.0.jar"), plugins.resolve("rocketchat.jar"));

        Command kinds = Bundle.cli(Map.of("S3NOTIFY_PLUGINS_DIR", plugins.toString()), "kinds", "--json");

        assertThat(kinds.exit()).as(kinds.output()).isZero();
        JsonNode formatters = new ObjectMapper().readTree(kinds.out()).path("webhookFormatters").path("kinds");
        assertThat(formatters.findValuesAsText("kind")).contains("rocketchat");
        assertThat(formatters.findValuesAsText("name")).contains("ROCKETCHAT_ALIAS");
    }

    @Test
    void dependsOnThisVersionOfS3NotifyByDefault() throws IOException {
        assertThat(Files.readString(EXAMPLE.resolve("pom.xml")))
                .contains("<s3notify.version>" + Bundle.property("project.version") + "</s3notify.version>");
    }
}
