package dev.s3notify.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Help everywhere, and what a mistyped command or option gets: exit 2, a "did you mean", a pointer to --help. */
class MainHelpTest {
    private final TestConsole console = new TestConsole();

    @ParameterizedTest
    @ValueSource(strings = {"--help", "-h", "help"})
    void listsEveryCommand(String help) {
        assertThat(console.run(Map.of(), help)).isZero();

        assertThat(console.out()).startsWith("usage: s3notify <command> [options]")
                .contains("  run --event FILE", "  send-test [--kind K]", "  kinds [--json]", "  preview --event FILE",
                        "  routes --event FILE", "  invoke link-generator|webhook-dispatcher", "  help [COMMAND]", "Exit codes: 0");
    }

    @ParameterizedTest
    @ValueSource(strings = {"run", "send-test", "kinds", "preview", "routes", "invoke"})
    void printsEachCommandsOwnHelp(String command) {
        assertThat(console.run(Map.of(), command, "--help")).isZero();
        String help = console.out();
        assertThat(help).startsWith("usage: s3notify " + command).contains("Exit codes:")
                .doesNotContain("commands:");

        assertThat(console.run(Map.of(), "help", command)).isZero();
        assertThat(console.out()).isEqualTo(help);
        assertThat(console.run(Map.of(), command, "-h")).isZero();
        assertThat(console.out()).isEqualTo(help);
    }

    @Test
    void printsTheUsageOnStandardErrorWithoutACommand() {
        assertThat(console.run(Map.of())).isEqualTo(2);
        assertThat(console.err()).startsWith("usage: s3notify");
        assertThat(console.out()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"rnu, run", "sendtest, send-test", "kind, kinds", "previw, preview", "hlep, help"})
    void suggestsTheCommandMeantByAnUnknownOne(String typed, String meant) {
        assertThat(console.run(Map.of(), typed, "--event", "x.json")).isEqualTo(2);

        assertThat(console.err()).startsWith("s3notify: unknown command '" + typed + "'; did you mean '" + meant
                + "'?").contains("Run 's3notify --help' for the commands.").doesNotContain("usage:");
    }

    @Test
    void suggestsNothingWhenNoCommandIsClose() {
        assertThat(console.run(Map.of(), "frobnicate")).isEqualTo(2);
        assertThat(console.err()).contains("unknown command 'frobnicate'").doesNotContain("did you mean");
        assertThat(console.run(Map.of(), "help", "frobnicate")).isEqualTo(2);
        assertThat(console.err()).contains("unknown command 'frobnicate'");
    }

    @Test
    void refusesAnUnknownOptionWithTheCommandsUsage() {
        assertThat(console.run(Map.of(), "run", "--evnt", "x.json")).isEqualTo(2);
        assertThat(console.err()).startsWith("s3notify: unknown option '--evnt'; did you mean '--event'?")
                .contains("Run 's3notify run --help' for its options.").doesNotContain("usage:");

        assertThat(console.run(Map.of(), "kinds", "--jsn")).isEqualTo(2);
        assertThat(console.err()).contains("did you mean '--json'?")
                .contains("Run 's3notify kinds --help' for its options.").doesNotContain("usage:");

        assertThat(console.run(Map.of(), "preview", "--dry-run", "--event", "x.json")).isEqualTo(2);
        assertThat(console.err()).contains("unknown option '--dry-run'")
                .contains("Run 's3notify preview --help' for its options.").doesNotContain("usage:");
    }

    @Test
    void asksForAnOptionsValue() {
        assertThat(console.run(Map.of(), "run", "--event")).isEqualTo(2);
        assertThat(console.err()).contains("--event needs a value: the name of a JSON event file");
        assertThat(console.run(Map.of(), "run", "--kind", "--event", "x.json")).isEqualTo(2);
        assertThat(console.err()).contains("--kind needs a value");
        assertThat(console.run(Map.of(), "kinds", "--json=yes")).isEqualTo(2);
        assertThat(console.err()).contains("--json takes no value");
    }

    @Test
    void acceptsAValueJoinedToItsOption() {
        assertThat(console.run(Map.of(), "run", "--event=" + TestConsole.example("eventbridge-object-created.json"),
                "--kind=slack")).as(console.err()).isZero();
        assertThat(console.json().get("objects").get(0).get("kind").asText()).isEqualTo("slack");
    }

    @Test
    void suggestsTheFunctionMeantByInvoke() {
        assertThat(console.run(Map.of(), "invoke", "link-genrator", "--event", "x.json")).isEqualTo(2);
        assertThat(console.err()).contains("unknown function 'link-genrator'; did you mean 'link-generator'?")
                .contains("Run 's3notify invoke --help' for its options.").doesNotContain("usage:");
    }
}
