package dev.s3notify.sns;

import dev.s3notify.core.WebhookRequest;
import dev.s3notify.core.support.Sha256;
import dev.s3notify.spi.AwsClients;
import dev.s3notify.spi.Delivery;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.regex.Pattern;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.SnsClientBuilder;
import software.amazon.awssdk.services.sns.model.PublishRequest;

/**
 * SNS {@code Publish}, one call per attempt: the SDK's own retries are off (core's sender retries), the call is
 * bounded by the attempt's time, and the client is the one core would build ({@link AwsClients}) in the topic's own
 * region, one per region, made on first use. SNS's answers are handed on in HTTP's terms: {@code NotFound} 404 and
 * {@code AuthorizationError} 403 (for good), throttling 429 (retried), the others with the status SNS gave them.
 */
final class SnsDelivery implements Delivery {
    /** The one message group of a FIFO topic: messages keep the order they were sent in. */
    static final String MESSAGE_GROUP = "s3-notify";
    private static final Pattern DEDUPLICATION_ID = Pattern.compile("[\\x21-\\x7E]{1,128}");

    private final AwsClients aws;
    private final URI endpoint;
    private final ConcurrentMap<String, SnsClient> clients = new ConcurrentHashMap<>();

    /** @param endpoint {@code AWS_ENDPOINT_URL_SNS}, or null */
    SnsDelivery(AwsClients aws, URI endpoint) {
        this.aws = aws;
        this.endpoint = endpoint;
    }

    @Override
    public Answer deliver(URI destination, WebhookRequest request, Duration timeout) throws IOException {
        String arn = destination.toString();
        PublishRequest.Builder publish = PublishRequest.builder().topicArn(arn).message(request.body())
                .overrideConfiguration(o -> o.apiCallTimeout(timeout).apiCallAttemptTimeout(timeout));
        String subject = request.headers().get(SnsFormatter.SUBJECT_HEADER);
        if (subject != null) {
            publish.subject(subject);
        }
        if (TopicArn.fifo(arn)) {
            publish.messageGroupId(MESSAGE_GROUP).messageDeduplicationId(deduplicationId(request));
        }
        try {
            client(TopicArn.region(arn)).publish(publish.build());
            return Answer.accepted();
        } catch (AwsServiceException e) {
            return answer(e);
        } catch (ApiCallTimeoutException | ApiCallAttemptTimeoutException e) {
            throw new IOException("no answer within " + timeout.toMillis() + " ms");
        } catch (SdkClientException e) {
            String words = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw new IOException("could not reach SNS: " + words.replace(arn, "the topic").lines().findFirst()
                    .orElse("").strip());
        }
    }

    /** SNS's error as an HTTP answer: the status stands for what the code means to the sender. */
    static Answer answer(AwsServiceException e) {
        String code = e.awsErrorDetails() == null || e.awsErrorDetails().errorCode() == null ? ""
                : e.awsErrorDetails().errorCode();
        String message = e.awsErrorDetails() == null || e.awsErrorDetails().errorMessage() == null ? ""
                : e.awsErrorDetails().errorMessage();
        int status = switch (code) {
            case "NotFound", "NotFoundException" -> 404;
            case "AuthorizationError", "AuthorizationErrorException", "KMSAccessDenied" -> 403;
            case "Throttled", "Throttling", "ThrottlingException", "KMSThrottling" -> 429;
            default -> e.isThrottlingException() ? 429 : e.statusCode() >= 400 && e.statusCode() <= 599
                    ? e.statusCode() : 500;
        };
        return new Answer(status, code.isEmpty() ? message : message.isEmpty() ? code : code + ": " + message);
    }

    private SnsClient client(String region) {
        return clients.computeIfAbsent(region, name -> {
            SnsClientBuilder builder = aws.configure(SnsClient.builder(), endpoint);
            builder.region(Region.of(name));
            builder.overrideConfiguration(builder.overrideConfiguration().toBuilder()
                    .retryStrategy(AwsRetryStrategy.doNotRetry()).build());
            return builder.build();
        });
    }

    /** The message's own id when SNS takes it as one, else its SHA-256: retries of one message are one message. */
    private static String deduplicationId(WebhookRequest request) {
        String id = request.headers().getOrDefault(SnsFormatter.DEDUPLICATION_HEADER, "");
        return DEDUPLICATION_ID.matcher(id).matches() ? id : Sha256.hex((id.isEmpty() ? request.body() : id)
                .getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "SnsDelivery[regions=" + clients.keySet() + "]";
    }
}
