package dev.s3notify.cli;

import static dev.s3notify.cli.TestConsole.example;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code s3notify routes}: which route takes which event, and why one does not; nothing is sent. */
class RoutesCommandTest {
    static final String SLACK_URL = "https://hooks.slack.com/services/T0/B0/slack-secret-token";
    static final String DISCORD_URL = "https://discord.com/api/webhooks/1/discord-secret-token";
    static final String TWO_ROUTES = "[{\"name\":\"pdfs\",\"kind\":\"slack\",\"url\":\"" + SLACK_URL + "\","
            + "\"filters\":{\"suffix\":\".pdf\"}},{\"name\":\"all\",\"kind\":\"discord\",\"url\":\"" + DISCORD_URL
            + "\"}]";

    private final TestConsole console = new TestConsole();

    @Test
    void showsEveryRouteAnS3EventMatches() {
        int exit = console.run(Map.of("ROUTES", TWO_ROUTES), "routes", "--event",
                example("eventbridge-object-created.json"));

        assertThat(exit).as(console.err()).isZero();
        assertThat(console.out()).isEqualTo("""
                s3://example-uploads/reports/quarterly-report.pdf (created, 524288 bytes)
                  pdfs  slack    url (hooks.slack.com)  matched
                  all   discord  url (discord.com)      matched
                1 event: 2 of 2 routes matched
                """);
        assertThat(console.out() + console.err()).doesNotContain("secret-token");
    }

    @Test
    void namesTheFilterThatSaidNoAndTheFallback() {
        String routes = "[{\"name\":\"csv\",\"url\":\"" + SLACK_URL + "\",\"filters\":{\"suffix\":\".csv\"},"
                + "\"fallback\":\"all\"},{\"name\":\"all\",\"kind\":\"discord\",\"urlParameter\":\"/hooks/all\"}]";

        int exit = console.run(Map.of("ROUTES", routes), "routes", "--event",
                example("link-events/file-link-generated.json"));

        assertThat(exit).as(console.err()).isZero();
        assertThat(console.out()).contains("  csv  inferred  url (hooks.slack.com)    not matched: suffix: key"
                + " \"reports/quarterly-report.pdf\" does not end with .csv -> fallback all\n")
                .contains("  all  discord   urlParameter /hooks/all  matched\n")
                .endsWith("1 event: 1 of 2 routes matched\n");
        assertThat(console.out()).doesNotContain("slack-secret-token").doesNotContain("X-Amz-Signature");
    }

    @Test
    void routesEachObjectOfAnSqsBatchAndSaysWhichMatchedNoRoute() {
        String routes = "[{\"name\":\"csv\",\"kind\":\"slack\",\"url\":\"" + SLACK_URL + "\","
                + "\"filters\":{\"suffix\":\".csv\"}}]";

        int exit = console.run(Map.of("ROUTES", routes), "routes", "--event", example("sqs-s3-notification.json"));

        assertThat(exit).as(console.err()).isZero();
        assertThat(console.out()).contains("not matched: suffix:")
                .contains("matched no route: nothing is posted for it");
    }

    @Test
    void readsTheDocumentFromRoutesFileAndTheEventFromStandardInput(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("routes.json");
        Files.writeString(file, "{\"routes\": " + TWO_ROUTES + "}");
        byte[] event = Files.readAllBytes(Path.of(example("eventbridge-object-deleted.json")));

        int exit = console.run(Map.of("ROUTES_FILE", file.toString()), new ByteArrayInputStream(event), "routes",
                "--event", "-");

        assertThat(exit).as(console.err()).isZero();
        assertThat(console.out()).startsWith("s3://amzn-s3-demo-bucket/reports/2024/Q1-summary.pdf (deleted)\n")
                .endsWith("1 event: 2 of 2 routes matched\n");
    }

    @Test
    void listsEveryProblemOfABadDocumentAndExitsTwo() {
        String routes = "[{\"name\":\"x\",\"kind\":\"slack\",\"url\":\"" + SLACK_URL + "\","
                + "\"filters\":{\"sufix\":\".pdf\"}},{\"name\":\"y\"}]";

        int exit = console.run(Map.of("ROUTES", routes), "routes", "--event",
                example("eventbridge-object-created.json"));

        assertThat(exit).isEqualTo(2);
        assertThat(console.err()).contains("the configuration cannot work")
                .contains("  - ROUTES: route 'x': filters.sufix: not a known field; did you mean 'suffix'?")
                .contains("  - ROUTES: route 'y': no webhook");
        assertThat(console.out()).isEmpty();
        assertThat(console.err()).doesNotContain("slack-secret-token");
    }

    @Test
    void refusesTwoDocumentsAtOnce() {
        int exit = console.run(Map.of("ROUTES", TWO_ROUTES, "ROUTES_FILE", "/nowhere.json"), "routes", "--event",
                example("eventbridge-object-created.json"));

        assertThat(exit).isEqualTo(2);
        assertThat(console.err()).contains("set only one of ROUTES, ROUTES_PARAMETER and ROUTES_FILE");
    }

    @Test
    void saysHowToConfigureRoutesWhenThereAreNone() {
        int exit = console.run(Map.of("WEBHOOK_URL", DISCORD_URL), "routes", "--event",
                example("eventbridge-object-created.json"));

        assertThat(exit).isEqualTo(2);
        assertThat(console.err()).contains("no routes are configured: set ROUTES")
                .contains("ROUTES_PARAMETER").contains("ROUTES_FILE")
                .contains("every event goes to the one webhook of WEBHOOK_URL").doesNotContain("discord-secret-token");
        assertThat(console.out()).isEmpty();
    }

    @Test
    void needsAnEventFile() {
        assertThat(console.run(Map.of("ROUTES", TWO_ROUTES), "routes")).isEqualTo(2);
        assertThat(console.err()).contains("--event FILE is required");
    }

    @Test
    void quotesAHostileKeyWithoutItsControlCharacters() {
        String event = "{\"detail-type\":\"file-link-generated\",\"detail\":{\"bucket\":\"b\","
                + "\"key\":\"a\\u001b[31m.pdf\",\"eventType\":\"created\"}}";

        int exit = console.run(Map.of("ROUTES", TWO_ROUTES),
                new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), "routes", "--event", "-");

        assertThat(exit).as(console.err()).isZero();
        assertThat(console.out()).doesNotContain("\u001b").contains("s3://b/a?[31m.pdf (created)");
    }
}
