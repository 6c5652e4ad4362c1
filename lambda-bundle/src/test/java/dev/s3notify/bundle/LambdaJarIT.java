package dev.s3notify.bundle;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.head;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Lambda package ({@code target/s3-notify-lambda.jar}, the template's {@code CodeUri}) on its own: none of what
 * only the command line uses, within 20 MB, and both handlers running out of it alone as Lambda's runtime runs them
 * ({@link RunHandler}: the jar and that one class on the class path), against WireMock playing AWS and the webhook.
 */
class LambdaJarIT {
    private static final Path LAMBDA_JAR = Path.of(Bundle.property("lambda.jar"));
    private static final String SIGNED = "AWS4-HMAC-SHA256 Credential=AKIDLAMBDA/\\d{8}/us-east-1/%s/aws4_request.*";
    private static WireMockServer aws;

    @BeforeAll
    static void start() {
        aws = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        aws.start();
        aws.stubFor(post("/").withHeader("X-Amz-Target", equalTo("AmazonSSM.GetParameter"))
                .willReturn(okJson("{\"Parameter\":{\"Name\":\"/hook\",\"Type\":\"SecureString\",\"Value\":\""
                        + aws.baseUrl() + "/hook\",\"Version\":1}}")));
        aws.stubFor(post("/").withHeader("X-Amz-Target", equalTo("AWSEvents.PutEvents"))
                .willReturn(okJson("{\"FailedEntryCount\":0,\"Entries\":[{\"EventId\":\"e1\"}]}")));
        aws.stubFor(head(urlPathMatching("/example-uploads/.*")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/pdf").withHeader("Content-Length", "1024")));
        aws.stubFor(post("/hook").willReturn(aResponse().withStatus(204)));
    }

    @AfterAll
    static void stop() {
        aws.stop();
    }

    @Test
    void holdsTheHandlersAndNothingOnlyTheCommandLineUses() throws IOException {
        List<String> names;
        try (JarFile jar = new JarFile(LAMBDA_JAR.toFile())) {
            names = Collections.list(jar.entries()).stream().map(JarEntry::getName).toList();
        }

        assertThat(names).contains("dev/s3notify/lambda/LinkGeneratorHandler.class",
                "dev/s3notify/lambda/WebhookDispatcherHandler.class", "org/crac/Core.class",
                "dev/s3notify/lambda/priming/object-created.json",
                "dev/s3notify/lambda/priming/file-link-generated.json");
        assertThat(names).noneMatch(name -> name.startsWith("dev/s3notify/cli/"))
                .noneMatch(name -> name.matches("software/amazon/awssdk/services/(sts|sso|ssooidc)/.*"));
        assertThat(Files.size(LAMBDA_JAR)).as("the Lambda package's bytes").isLessThanOrEqualTo(20_000_000L)
                .isLessThan(Files.size(Bundle.JAR));
    }

    @Test
    void linkGeneratorChecksTheObjectAndPublishesItsLink() {
        Map<String, String> env = lambda();
        env.put("HEAD_OBJECT", "always");
        env.put("S3_FORCE_PATH_STYLE", "true");

        Command ran = handler("dev.s3notify.lambda.LinkGeneratorHandler", env,
                Bundle.ROOT.resolve("docs/examples/eventbridge-object-created.json"));

        assertThat(ran.exit()).as(ran.out() + ran.err()).isZero();
        aws.verify(postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("AWSEvents.PutEvents"))
                .withHeader("Authorization", matching(SIGNED.formatted("events")))
                .withRequestBody(containing("X-Amz-Signature")));
    }

    @Test
    void dispatcherReadsItsWebhookFromParameterStoreAndPosts() {
        assumeTrue(Bundle.adapters().contains("generic"), "the generic adapter is not in this build");
        Map<String, String> env = lambda();
        env.put("WEBHOOK_URL_PARAMETER", "/hook");
        env.put("WEBHOOK_KIND", "generic");

        Command ran = handler("dev.s3notify.lambda.WebhookDispatcherHandler", env,
                Bundle.ROOT.resolve("docs/examples/link-events/file-link-generated.json"));

        assertThat(ran.exit()).as(ran.out() + ran.err()).isZero();
        aws.verify(postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("AmazonSSM.GetParameter"))
                .withHeader("Authorization", matching(SIGNED.formatted("ssm"))));
        aws.verify(postRequestedFor(urlEqualTo("/hook")).withRequestBody(containing("quarterly-report.pdf")));
    }

    /** @return a folder holding {@link RunHandler}'s class files and nothing else of the tests' */
    private static Path runnerAlone() {
        Path dir = Bundle.workDir("lambda-jar");
        Path from = Path.of(Bundle.property("test.classes"), "dev", "s3notify", "bundle");
        try (DirectoryStream<Path> runner = Files.newDirectoryStream(from, "RunHandler*.class")) {
            Path to = Files.createDirectories(dir.resolve("dev/s3notify/bundle"));
            for (Path file : runner) {
                Files.copy(file, to.resolve(file.getFileName().toString()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }

    /** What Lambda gives a function: the role's session credentials in the environment, region, function name. */
    private static Map<String, String> lambda() {
        Map<String, String> env = new HashMap<>();
        env.put("AWS_ACCESS_KEY_ID", "AKIDLAMBDA");
        env.put("AWS_SECRET_ACCESS_KEY", "lambda-secret");
        env.put("AWS_SESSION_TOKEN", "lambda-session-token");
        env.put("AWS_REGION", "us-east-1");
        env.put("AWS_LAMBDA_FUNCTION_NAME", "s3-notify-it");
        env.put("AWS_ENDPOINT_URL", aws.baseUrl());
        return env;
    }

    private static Command handler(String type, Map<String, String> env, Path event) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classPath = LAMBDA_JAR + File.pathSeparator + runnerAlone();
        return Command.run(List.of(java, "-cp", classPath, RunHandler.class.getName(), type, event.toString()),
                Bundle.ROOT, env, false, Duration.ofMinutes(1));
    }
}
