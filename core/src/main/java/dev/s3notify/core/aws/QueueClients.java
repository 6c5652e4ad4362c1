package dev.s3notify.core.aws;

import java.net.URI;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The clients of the dispatcher's queue path ({@code dev.s3notify.core.queue}), built from the function's
 * {@link AwsSession} like every other client: DynamoDB for delivery records, SQS for visibility changes, S3 for
 * digest index pages (linked by an {@link S3LinkSigner}).
 */
public final class QueueClients {
    private QueueClients() {
    }

    /**
     * @param session the function's session
     * @param endpoint the endpoint override, or null for AWS's own
     * @return a DynamoDB client
     */
    public static DynamoDbClient dynamo(AwsSession session, URI endpoint) {
        return session.configure(DynamoDbClient.builder(), endpoint, null).build();
    }

    /**
     * @param session the function's session
     * @param endpoint the endpoint override, or null for AWS's own
     * @return an SQS client
     */
    public static SqsClient sqs(AwsSession session, URI endpoint) {
        return session.configure(SqsClient.builder(), endpoint, null).build();
    }

    /**
     * @param session the function's session
     * @param endpoint the endpoint override, or null for AWS's own
     * @param pathStyle whether objects are addressed as ENDPOINT/bucket/key
     * @return an S3 client
     */
    public static S3Client s3(AwsSession session, URI endpoint, boolean pathStyle) {
        return session.configure(S3Client.builder(), endpoint, null).forcePathStyle(pathStyle).build();
    }
}
