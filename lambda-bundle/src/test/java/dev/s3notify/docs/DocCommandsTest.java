package dev.s3notify.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The docs' commands work as written: every shell variable they use is set in the page, and what they make is ignored. */
class DocCommandsTest {
    private static final Path ROOT = Path.of(System.getProperty("repo.root", ".."));
    private static final Pattern SHELL_BLOCK = Pattern.compile("```(?:sh|bash)\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern USE = Pattern.compile("\\$\\{?([A-Za-z_][A-Za-z0-9_]*)");
    private static final List<Pattern> ASSIGNMENTS = List.of(
            Pattern.compile("(?:^|[\\s;(])([A-Za-z_][A-Za-z0-9_]*)="),
            Pattern.compile("\\bfor ([A-Za-z_][A-Za-z0-9_]*) in\\b"),
            Pattern.compile("\\bread -r ([A-Za-z_][A-Za-z0-9_]*)"),
            Pattern.compile("--arg ([A-Za-z_][A-Za-z0-9_]*)"));

    @Test
    void deploymentCommandsUseOnlyVariablesThePageSets() throws IOException {
        assertThat(unset(Files.readString(ROOT.resolve("docs/deployment.md")))).isEmpty();
    }

    @Test
    void findsAVariableUsedButNeverSet() {
        String page = "```sh\nQUEUE=q\nfor f in a b; do echo \"$f $QUEUE ${ALIAS_ARN}\"; done\n```\n";

        assertThat(unset(page)).containsExactly("ALIAS_ARN");
    }

    @Test
    void gitIgnoresWhatThePluginStepsCreate() throws Exception {
        assumeTrue(Files.exists(ROOT.resolve(".git")), "not a git checkout");
        for (String made : List.of("plugins/s3-notify-rocketchat-1.0.0.jar",
                "docs/examples/plugin-formatter/plugins/s3-notify-rocketchat-1.0.0.jar",
                "docs/examples/plugin-formatter/layer/java/lib/s3-notify-rocketchat-1.0.0.jar",
                "docs/examples/plugin-formatter/s3-notify-rocketchat-layer.zip")) {
            Process check = new ProcessBuilder("git", "check-ignore", "-q", "--no-index", made)
                    .directory(ROOT.toFile()).start();
            assertThat(check.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(check.exitValue()).as("git ignores %s", made).isZero();
        }
    }

    /** The variables the page's shell blocks use and never set. */
    static Set<String> unset(String page) {
        Set<String> used = new TreeSet<>();
        List<String> set = new ArrayList<>();
        Matcher block = SHELL_BLOCK.matcher(page);
        while (block.find()) {
            String code = block.group(1).replaceAll("(?m)(^|\\s)#.*$", "$1");
            Matcher use = USE.matcher(code);
            while (use.find()) {
                used.add(use.group(1));
            }
            for (Pattern assignment : ASSIGNMENTS) {
                Matcher m = assignment.matcher(code);
                while (m.find()) {
                    set.add(m.group(1));
                }
            }
        }
        used.removeAll(set);
        return used;
    }
}
