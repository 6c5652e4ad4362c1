package dev.s3notify.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * cfn-lint on the template, informational checks included (I3011: deletion policies), when it is installed; it is
 * a Python tool, not on Maven Central, so a machine without it skips this test.
 */
class TemplateLintTest {
    private static final Path ROOT = Path.of(System.getProperty("repo.root", ".."));

    @Test
    void passesCfnLintWithNoFindingsIncludingInformationalOnes() throws Exception {
        assumeTrue(onPath("cfn-lint"), "cfn-lint is not installed");
        Process lint = new ProcessBuilder("cfn-lint", "--include-checks", "I", "--",
                ROOT.resolve("lambda-bundle/template.yaml").toString()).redirectErrorStream(true).start();
        assertThat(lint.waitFor(120, TimeUnit.SECONDS)).as("cfn-lint finished").isTrue();
        String findings = new String(lint.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(findings).isEmpty();
        assertThat(lint.exitValue()).isZero();
    }

    private static boolean onPath(String command) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .anyMatch(dir -> !dir.isEmpty() && Files.isExecutable(Path.of(dir, command)));
    }
}
