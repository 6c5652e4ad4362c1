package dev.s3notify.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/**
 * The jar the template deploys ({@code CodeUri: target/s3-notify-lambda.jar}) holds both handlers, the SnapStart hooks'
 * API and the priming samples. Runs after packaging, under the failsafe plugin; {@link TemplateTest} checks the
 * handler classes on the test class path before that.
 */
class TemplateJarIT {
    private static final Path ROOT = Path.of(System.getProperty("repo.root", ".."));

    @Test
    void theShadedJarHoldsWhatTheTemplateRuns() throws Exception {
        Path jar = ROOT.resolve("lambda-bundle/target/s3-notify-lambda.jar");
        assertThat(jar).as("run mvn package first").exists();
        try (JarFile file = new JarFile(jar.toFile())) {
            for (String entry : new String[] {"dev/s3notify/lambda/LinkGeneratorHandler.class",
                    "dev/s3notify/lambda/WebhookDispatcherHandler.class", "org/crac/Core.class",
                    "org/crac/Resource.class", "dev/s3notify/lambda/priming/object-created.json",
                    "dev/s3notify/lambda/priming/file-link-generated.json"}) {
                assertThat(file.getEntry(entry)).as(entry).isNotNull();
            }
        }
        assertThat(Files.readString(ROOT.resolve("lambda-bundle/template.yaml")))
                .contains("CodeUri: target/s3-notify-lambda.jar");
    }
}
