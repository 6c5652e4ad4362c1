package dev.s3notify.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import dev.s3notify.core.function.DispatchFunction;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The stand-in answers the queue path's calls as AWS would: without faults, a batch is delivered. */
class FaultyAwsTest {
    @Test
    void withoutFaultsTheQueuePathDelivers() throws Exception {
        try (FaultyAws aws = new FaultyAws()) {
            Map<String, String> env = aws.dispatcherEnvironment();
            WebhookDispatcherHandler handler = new WebhookDispatcherHandler(env, DispatchFunction.Overrides.none());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            handler.handleRequest(new ByteArrayInputStream(Files.readAllBytes(
                    HostileCorpus.EXAMPLES.resolve("link-events/sqs-batch.json"))), out, new TestContext(30_000));
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("\"batchItemFailures\":[]");
            assertThat(aws.count("Webhook.POST")).isPositive();
            assertThat(aws.count("DynamoDB.PutItem")).isPositive();
        }
    }
}
