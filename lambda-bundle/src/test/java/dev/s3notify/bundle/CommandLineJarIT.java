package dev.s3notify.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The README's first commands on the built jar, with no configuration at all, as on a fresh clone. */
class CommandLineJarIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String EXAMPLE = "docs/examples/eventbridge-object-created.json";

    @Test
    void previewsTheShippedExampleWithNoConfiguration() throws Exception {
        Command preview = Bundle.cli(Map.of(), "preview", "--event", EXAMPLE);

        assertThat(preview.exit()).as(preview.output()).isZero();
        assertThat(JSON.readTree(preview.out()).get("embeds").get(0).toString()).contains("quarterly-report.pdf");
        assertThat(preview.err()).contains("previewing as discord").doesNotContain("{\"timestamp\"");
    }

    @Test
    void printsTheProjectVersion() {
        Command version = Bundle.cli(Map.of(), "--version");

        assertThat(version.exit()).as(version.output()).isZero();
        assertThat(version.out()).isEqualTo("s3notify " + Bundle.property("project.version") + "\n");
    }

    @Test
    void runReadsTheEventFromStandardInput() throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-jar", Bundle.JAR.toString(), "run", "--event", "-"));

        Command run = Command.run(command, Bundle.ROOT, Map.of(), false, Duration.ofMinutes(1),
                Bundle.ROOT.resolve(EXAMPLE));

        assertThat(run.exit()).as(run.output()).isZero();
        JsonNode report = JSON.readTree(run.out());
        assertThat(report.get("mode").asText()).isEqualTo("preview");
        assertThat(report.get("objects").get(0).get("key").asText()).isEqualTo("reports/quarterly-report.pdf");
    }
}
