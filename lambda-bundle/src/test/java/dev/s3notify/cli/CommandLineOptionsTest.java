package dev.s3notify.cli;

import static dev.s3notify.cli.TestConsole.example;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What users of comparable tools expect: a version, help on help, one value per option, a mistyped kind named. */
class CommandLineOptionsTest {
    private final TestConsole console = new TestConsole();

    @Test
    void printsTheVersionMavenBuilt() {
        assertThat(console.run(Map.of(), "--version")).isZero();

        assertThat(console.out()).isEqualTo("s3notify " + System.getProperty("project.version") + "\n")
                .matches("s3notify \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\\n");
    }

    @Test
    void explainsHelpWithHelp() {
        assertThat(console.run(Map.of(), "help", "help")).isZero();

        assertThat(console.out()).startsWith("usage: s3notify <command> [options]").contains("help [COMMAND]");
        assertThat(console.err()).isEmpty();
    }

    @Test
    void refusesAnOptionGivenTwiceNamingIt() {
        String event = example("eventbridge-object-created.json");

        assertThat(console.run(Map.of(), "preview", "--kind", "slack", "--event", event, "--kind=teams"))
                .isEqualTo(2);
        assertThat(console.err()).startsWith("s3notify: --kind is given twice; give it once");
        assertThat(console.run(Map.of(), "preview", "--event", event, "--event=other.json")).isEqualTo(2);
        assertThat(console.err()).startsWith("s3notify: --event is given twice; give it once");
        assertThat(console.run(Map.of(), "--verbose", "preview", "--event", event, "--verbose")).isEqualTo(2);
        assertThat(console.err()).startsWith("s3notify: --verbose is given twice; give it once");
        assertThat(console.out()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"preview", "run", "send-test", "invoke"})
    void reportsAMistypedKindAsTheOptionWithADidYouMean(String command) {
        String[] args = switch (command) {
            case "send-test" -> new String[] {command, "--kind", "slak"};
            case "invoke" -> new String[] {command, "webhook-dispatcher", "--kind", "slak", "--event",
                example("link-events/file-link-generated.json")};
            default -> new String[] {command, "--kind", "slak", "--event", example("eventbridge-object-created.json")};
        };

        assertThat(console.run(Map.of("WEBHOOK_URL", "https://hooks.slack.com/services/T/B/x"), args)).isEqualTo(2);
        assertThat(console.err()).startsWith("s3notify: --kind slak names no formatter; did you mean 'slack'?"
                + " (available: discord, generic, googlechat, mattermost, ntfy, slack, sns, teams, telegram")
                .doesNotContain("WEBHOOK_KIND=slak");
    }

    @Test
    void takesTheCommonOptionsBeforeTheCommandToo() {
        assertThat(console.run(Map.of(), "--verbose", "--log-format", "json", "preview", "--event",
                example("eventbridge-object-created.json"))).as(console.err()).isZero();
        assertThat(console.err()).contains("{\"timestamp\":").contains("\"message\":\"link generator ready\"");
    }

    @Test
    void printsPlainWarningsOnlyByDefault() {
        assertThat(console.run(Map.of(), "preview", "--event", example("eventbridge-object-created.json"))).isZero();

        assertThat(console.err()).contains("s3notify: warning: no AWS credentials: links are signed")
                .doesNotContain("{\"timestamp\"").doesNotContain("link generator ready");
    }

    @Test
    void printsWhatWasDoneWithVerbose() {
        assertThat(console.run(Map.of(), "preview", "--verbose", "--event",
                example("eventbridge-object-created.json"))).isZero();

        assertThat(console.err()).contains("s3notify: link generator ready (linkKind=s3-presigned")
                .doesNotContain("{\"timestamp\"");
    }

    @Test
    void writesTheFunctionsJsonLinesWithLogFormatJson() {
        assertThat(console.run(Map.of(), "preview", "--log-format=json", "--event",
                example("eventbridge-object-created.json"))).isZero();

        assertThat(console.err().lines().filter(line -> line.startsWith("{")))
                .anyMatch(line -> line.contains("\"level\":\"INFO\"") && line.contains("link generator ready"))
                .allMatch(line -> line.endsWith("}"));
        assertThat(console.run(Map.of(), "kinds", "--log-format", "xml")).isEqualTo(2);
        assertThat(console.err()).contains("--log-format xml is not a format; use text (the default) or json");
    }

    @Test
    void honoursAwsLambdaLogLevel() {
        assertThat(console.run(Map.of("AWS_LAMBDA_LOG_LEVEL", "ERROR"), "preview", "--log-format", "json",
                "--event", example("eventbridge-object-created.json"))).isZero();
        assertThat(console.err()).doesNotContain("\"level\":\"INFO\"").doesNotContain("\"level\":\"WARN\"");

        assertThat(console.run(Map.of("AWS_LAMBDA_LOG_LEVEL", "info"), "preview", "--event",
                example("eventbridge-object-created.json"))).isZero();
        assertThat(console.err()).contains("s3notify: link generator ready");

        assertThat(console.run(Map.of("AWS_LAMBDA_LOG_LEVEL", "loud"), "kinds")).isEqualTo(2);
        assertThat(console.err()).contains("AWS_LAMBDA_LOG_LEVEL='loud' is not valid: expected DEBUG, INFO, WARN"
                + " or ERROR");
    }

    @Test
    void saysAPluginsDirectoryThatIsAFileMustBeADirectory(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("plugin.jar"), "not a directory");

        assertThat(console.run(Map.of("S3NOTIFY_PLUGINS_DIR", file.toString()), "kinds")).isEqualTo(2);
        assertThat(console.err()).contains("it is a file, and it must be a directory").doesNotContain("create it");
    }

    @Test
    void printsACompletionScriptMadeFromTheCommandsOwnOptions() {
        assertThat(console.run(Map.of(), "completion", "bash")).isZero();
        String bash = console.out();
        for (Command command : Main.COMMANDS) {
            assertThat(bash).contains("    " + command.name() + ") words='" + String.join(" ", command.words()));
            command.options().forEach(option -> assertThat(bash).contains(option));
        }
        assertThat(bash).contains("--kind) COMPREPLY=($(compgen -W 'discord generic googlechat mattermost ntfy slack sns teams telegram'")
                .contains("complete -F _s3notify s3notify ./s3notify");

        assertThat(console.run(Map.of(), "completion", "zsh")).isZero();
        assertThat(console.out()).startsWith("#compdef s3notify").contains("bashcompinit").contains(bash);
        assertThat(console.run(Map.of(), "completion", "fish")).isEqualTo(2);
        assertThat(console.err()).contains("no completion for the shell 'fish'; bash and zsh are supported");
    }
}
