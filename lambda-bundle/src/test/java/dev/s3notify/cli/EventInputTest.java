package dev.s3notify.cli;

import static dev.s3notify.cli.TestConsole.example;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Where events come from (a file, or standard input with {@code -}) and what happens to a file that is not one. */
class EventInputTest {
    private final TestConsole console = new TestConsole();

    @Test
    void runReadsTheEventFromStandardInput() throws IOException {
        byte[] event = Files.readAllBytes(Path.of(example("eventbridge-object-created.json")));

        int exit = console.run(Map.of(), new ByteArrayInputStream(event), "run", "--event", "-");

        assertThat(exit).as(console.err()).isZero();
        assertThat(console.json().get("objects").get(0).get("key").asText())
                .isEqualTo("reports/quarterly-report.pdf");
    }

    @Test
    void previewReadsTheEventFromStandardInput() throws IOException {
        byte[] event = Files.readAllBytes(Path.of(example("link-events/file-link-generated.json")));

        assertThat(console.run(Map.of(), new ByteArrayInputStream(event), "preview", "--kind", "slack", "--event", "-"))
                .as(console.err()).isZero();
        assertThat(console.out()).contains("\"blocks\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"run", "preview"})
    void refusesAnEmptyFileAsBadUsagePointingAtAnExample(String command, @TempDir Path dir) throws IOException {
        Path empty = Files.writeString(dir.resolve("empty.json"), "");

        assertThat(console.run(Map.of(), command, "--event", empty.toString())).isEqualTo(2);
        assertThat(console.err()).contains("the event file " + empty + " is not an event: event is not valid JSON:"
                + " it is empty").contains("docs/examples/eventbridge-object-created.json")
                .contains("Run 's3notify " + command + " --help' for its options.").doesNotContain("usage:");
    }

    @Test
    void refusesAFileThatIsNotJsonAsBadUsageEvenForInvoke(@TempDir Path dir) throws IOException {
        Path text = Files.writeString(dir.resolve("notes.txt"), "hello there\n");

        assertThat(console.run(Map.of(), "invoke", "link-generator", "--dry-run", "--event", text.toString()))
                .isEqualTo(2);
        assertThat(console.err()).contains("is not an event: event is not valid JSON").doesNotContain("failed:");
        assertThat(console.run(Map.of(), new ByteArrayInputStream(new byte[0]), "run", "--event", "-")).isEqualTo(2);
        assertThat(console.err()).contains("standard input is not an event");
    }

    @Test
    void refusesJsonThatIsNeitherAnS3NorALinkEvent(@TempDir Path dir) throws IOException {
        Path other = Files.writeString(dir.resolve("other.json"), "{\"hello\":\"world\"}");

        assertThat(console.run(Map.of(), "run", "--event", other.toString())).isEqualTo(2);
        assertThat(console.err()).contains("neither an S3 event nor a file-link-generated event")
                .contains("docs/events.md");
    }

    @Test
    void runTakesALinkEventAndSkipsTheLinkGenerator() {
        int exit = console.run(Map.of(), "run", "--kind", "slack", "--event",
                example("link-events/file-link-generated.json"));

        assertThat(exit).as(console.err()).isZero();
        assertThat(console.json().get("objects")).hasSize(1);
        assertThat(console.err()).doesNotContain("placeholder");
    }

    @Test
    void pointsEachFunctionAtTheOtherWhenGivenItsEvent() {
        assertThat(console.run(Map.of(), "invoke", "link-generator", "--dry-run", "--event",
                example("link-events/file-link-generated.json"))).isEqualTo(2);
        assertThat(console.err()).contains("is a file-link-generated event")
                .contains("use s3notify invoke webhook-dispatcher");

        assertThat(console.run(Map.of("WEBHOOK_URL", "https://discord.com/api/webhooks/1/t"), "invoke",
                "webhook-dispatcher", "--event", example("eventbridge-object-created.json"))).isEqualTo(2);
        assertThat(console.err()).contains("is an S3 event").contains("use s3notify invoke link-generator");
    }
}
