package dev.s3notify.core.queue;

import static dev.s3notify.core.queue.QueueFixtures.upload;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** Rate-limited messages given back to an SQS queue (ElasticMQ, in process on 127.0.0.1) stay hidden that long. */
class SqsVisibilityTest {
    private static SQSRestServer server;
    private static SqsClient sqs;

    @BeforeAll
    static void startElasticMq() {
        server = SQSRestServerBuilder.withInterface("127.0.0.1").withDynamicPort().start();
        int port = server.waitUntilStarted().localAddress().getPort();
        sqs = SqsClient.builder().endpointOverride(URI.create("http://127.0.0.1:" + port)).region(Region.EU_WEST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("x", "y")))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    @AfterAll
    static void stop() {
        sqs.close();
        server.stopAndWait();
    }

    private static List<Message> receive(String url, int visibility) {
        return sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10).visibilityTimeout(visibility)
                .waitTimeSeconds(0)).messages();
    }

    @Test
    void hidesDeferredMessagesForTheirTimeoutInBatchesOfTen() {
        String url = sqs.createQueue(b -> b.queueName("links")).queueUrl();
        String arn = sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        for (int i = 0; i < 12; i++) {
            sqs.sendMessage(b -> b.queueUrl(url).messageBody("{}"));
        }
        List<Message> received = new java.util.ArrayList<>();
        for (int i = 0; i < 10 && received.size() < 12; i++) {
            received.addAll(receive(url, 60));
        }
        assertThat(received).hasSize(12);
        List<QueuedLink> deferred = received.subList(0, 11).stream().map(m -> new QueuedLink(m.messageId(),
                m.receiptHandle(), arn, m.messageId(), upload("k/" + m.messageId(), 1))).toList();

        new SqsVisibility(new dev.s3notify.core.aws.SqsQueues(() -> sqs)).defer(deferred, Duration.ofMillis(30_200), null);
        new SqsVisibility(new dev.s3notify.core.aws.SqsQueues(() -> sqs)).defer(List.of(new QueuedLink(received.get(11).messageId(),
                received.get(11).receiptHandle(), arn, "e", upload("k/last", 1))), Duration.ZERO, null);

        List<Message> back = receive(url, 30);
        assertThat(back).extracting(Message::messageId).containsExactly(received.get(11).messageId());
    }
}
