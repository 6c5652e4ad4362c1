package dev.s3notify.sns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.s3notify.core.aws.MotoServer;
import dev.s3notify.core.error.DeliveryException;
import dev.s3notify.core.error.FailureReason;
import dev.s3notify.core.function.DispatchFunction;
import dev.s3notify.core.function.DispatchPipeline;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The dispatcher, built from its environment as on Lambda, publishes both shapes to a real SNS-compatible emulator
 * (moto's server; skipped, saying so, where moto is not installed), read back through an SQS queue subscribed to the
 * topic, and a missing topic is a failure for good.
 */
class SnsMotoTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final StaticCredentialsProvider KEYS = StaticCredentialsProvider.create(
            AwsBasicCredentials.create("testing", "testing"));
    private static MotoServer moto;
    private static SnsClient sns;
    private static SqsClient sqs;
    private static String topicArn;
    private static String queueUrl;

    @BeforeAll
    static void startMoto() throws Exception {
        moto = MotoServer.start();
        sns = SnsClient.builder().endpointOverride(moto.endpoint()).region(Region.US_EAST_1).credentialsProvider(KEYS)
                .httpClient(UrlConnectionHttpClient.create()).build();
        sqs = SqsClient.builder().endpointOverride(moto.endpoint()).region(Region.US_EAST_1).credentialsProvider(KEYS)
                .httpClient(UrlConnectionHttpClient.create()).build();
        topicArn = sns.createTopic(b -> b.name("uploads")).topicArn();
        queueUrl = sqs.createQueue(b -> b.queueName("uploads-copy")).queueUrl();
        String queueArn = sqs.getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        sns.subscribe(b -> b.topicArn(topicArn).protocol("sqs").endpoint(queueArn));
    }

    @AfterAll
    static void stopMoto() {
        if (moto != null) {
            moto.close();
        }
    }

    @Test
    void publishesTheTextShapeWithItsSubject() throws Exception {
        pipeline(Map.of("SNS_SUBJECT", "Ünïcode {{fileName}} in {{bucket}}")).deliverOne(event(), soon());

        JsonNode published = received();
        assertThat(published.path("Subject").asText()).isEqualTo("Unicode quarterly-report.pdf in example-uploads");
        assertThat(published.path("Message").asText()).startsWith("quarterly-report.pdf was uploaded to"
                + " example-uploads.\nDownload (the link expires in 24 hours): https://example-uploads.s3.");
    }

    @Test
    void publishesTheChatbotShapeAsAValidCustomNotification() throws Exception {
        pipeline(Map.of("SNS_MESSAGE_SHAPE", "chatbot")).deliverOne(event(), soon());

        JsonNode notification = JSON.readTree(received().path("Message").asText());
        CustomNotificationSchema.assertValid(notification);
        assertThat(notification.path("content").path("title").asText()).isEqualTo("New file: quarterly-report.pdf");
        assertThat(notification.path("content").path("description").asText()).contains("X-Amz-Signature=");
    }

    @Test
    void failsForGoodWhenTheTopicIsGoneWithoutShowingTheAccount() {
        Map<String, String> env = new HashMap<>(environment(Map.of()));
        env.put("WEBHOOK_URL", topicArn.replace(":uploads", ":deleted-topic"));

        DeliveryException e = catchThrowableOfType(() -> DispatchFunction.create(env, overrides())
                .deliverOne(event(), soon()), DeliveryException.class);

        assertThat(e.reason()).isEqualTo(FailureReason.GONE);
        assertThat(e.status()).isEqualTo(404);
        assertThat(e).hasMessageContaining("after 1 attempt").hasMessageContaining("SNS: NotFound")
                .hasMessageContaining("arn:aws:sns:us-east-1:…:deleted-topic").hasMessageNotContaining("123456789012");
    }

    private static DispatchPipeline pipeline(Map<String, String> settings) {
        return DispatchFunction.create(environment(settings), overrides());
    }

    /** WEBHOOK_KIND is left unset: the topic's ARN says it is sns. */
    private static Map<String, String> environment(Map<String, String> settings) {
        Map<String, String> env = new HashMap<>(settings);
        env.put("WEBHOOK_URL", topicArn);
        env.put("AWS_ENDPOINT_URL_SNS", moto.endpoint().toString());
        env.put("AWS_REGION", "eu-west-1");
        env.put("MAX_ATTEMPTS", "2");
        return env;
    }

    private static DispatchFunction.Overrides overrides() {
        return new DispatchFunction.Overrides(false, null, null, null, null, KEYS);
    }

    private static byte[] event() throws Exception {
        return Files.readAllBytes(Path.of("..", "docs", "examples", "link-events", "file-link-generated.json"));
    }

    private static Instant soon() {
        return Instant.now().plusSeconds(30);
    }

    /** The SNS envelope the subscribed queue got: {@code Type}, {@code Subject}, {@code Message}. */
    private static JsonNode received() throws Exception {
        List<Message> messages = sqs.receiveMessage(b -> b.queueUrl(queueUrl).waitTimeSeconds(5)
                .maxNumberOfMessages(10)).messages();
        assertThat(messages).hasSize(1);
        sqs.deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(messages.get(0).receiptHandle()));
        return JSON.readTree(messages.get(0).body());
    }
}
