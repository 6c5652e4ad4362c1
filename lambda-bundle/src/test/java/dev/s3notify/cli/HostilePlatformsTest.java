package dev.s3notify.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Hostile platforms on the command line: a webhook URL of another kind than the one named is said on standard error
 * naming both, and a retired Office 365 connector URL is refused with what to use instead, the token never shown.
 */
class HostilePlatformsTest {
    private static final String TOKEN = "s3cr3tT0kenPart-0123456789abcdefghijklmnop";
    private static final String SLACK = "https://hooks.slack.com/services/T0/B0/" + TOKEN;
    private static final String CONNECTOR = "https://contoso.webhook.office.com/webhookb2/0a1b@0c2d/IncomingWebhook/ef/"
            + TOKEN;
    private final TestConsole console = new TestConsole();

    @ParameterizedTest(name = "{0}")
    @CsvSource({"WEBHOOK_KIND=discord, discord, ", "--kind discord, , discord"})
    void previewWarnsNamingBothKindsWhenTheUrlIsAnotherKinds(String how, String variable, String option) {
        Map<String, String> env = variable == null ? Map.of("WEBHOOK_URL", SLACK)
                : Map.of("WEBHOOK_KIND", variable, "WEBHOOK_URL", SLACK);
        String[] args = option == null ? new String[] {"preview", "--event", event()}
                : new String[] {"preview", "--kind", option, "--event", event()};

        int exit = console.run(env, args);

        assertThat(exit).isZero();
        assertThat(console.err()).contains("warning").contains("is a slack webhook's, but the kind is discord")
                .contains("set WEBHOOK_KIND (or --kind) to slack").doesNotContain(TOKEN);
        assertThat(console.out()).doesNotContain(TOKEN);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"preview, teams", "preview, ", "run, teams"})
    void refusesARetiredOffice365ConnectorSayingWhatToUseInstead(String command, String kind) {
        Map<String, String> env = kind == null ? Map.of("WEBHOOK_URL", CONNECTOR)
                : Map.of("WEBHOOK_KIND", kind, "WEBHOOK_URL", CONNECTOR);
        String[] words = (command + " --event " + event()).split(" ");

        int exit = console.run(env, words);

        assertThat(exit).isEqualTo(2);
        assertThat(console.err()).contains("cannot be used with the teams formatter")
                .contains("Office 365 connector").contains("Post to a channel when a webhook request is received")
                .doesNotContain(TOKEN).doesNotContain("Exception");
        assertThat(console.out()).isEmpty();
    }

    private static String event() {
        return TestConsole.example("link-events/file-link-generated.json");
    }
}
