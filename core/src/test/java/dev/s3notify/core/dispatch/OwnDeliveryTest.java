package dev.s3notify.core.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.s3notify.core.Digest;
import dev.s3notify.core.Notification;
import dev.s3notify.core.RateLimit;
import dev.s3notify.core.WebhookRequest;
import dev.s3notify.core.error.ConfigurationException;
import dev.s3notify.core.error.DeliveryException;
import dev.s3notify.core.error.FailureReason;
import dev.s3notify.core.pacing.RateLimitedException;
import dev.s3notify.core.support.Secret;
import dev.s3notify.core.templates.DigestTemplate;
import dev.s3notify.core.templates.MessageTemplate;
import dev.s3notify.spi.Delivery;
import dev.s3notify.spi.WebhookFormatter;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A formatter's own {@link Delivery} takes the place of the HTTP post; the sender's rules stay the same. */
class OwnDeliveryTest {
    private static final String ARN = "arn:aws:sns:eu-west-1:123456789012:uploads";
    private static final Instant START = SenderFixtures.START;

    private final WebhookSenderTest.MutableClock clock = new WebhookSenderTest.MutableClock(START);
    private final List<Duration> pauses = new ArrayList<>();
    private final Scripted delivery = new Scripted();
    private final WebhookSender sender = new WebhookSender(HttpTransport.create(null), Duration.ofSeconds(2), 3,
            duration -> {
                pauses.add(duration);
                clock.advance(duration);
            }, new WebhookSenderTest.Draws(0.5), clock);

    @Test
    void handsEachAttemptToTheFormattersDeliveryWithTheDestinationAndTimeout() {
        delivery.answers.add(Delivery.Answer.accepted());

        WebhookSender.Delivered delivered = send();

        assertThat(delivered.status()).isEqualTo(200);
        assertThat(delivered.attempts()).isEqualTo(1);
        assertThat(delivery.destinations).containsExactly(URI.create(ARN));
        assertThat(delivery.timeouts).containsExactly(Duration.ofSeconds(2));
        assertThat(delivery.bodies).containsExactly("New file report.pdf");
    }

    @Test
    void failsForGoodWithoutRetryingWhenTheTopicIsGone() {
        delivery.answers.add(new Delivery.Answer(404, "NotFound: Topic does not exist"));

        DeliveryException e = catchThrowableOfType(this::send, DeliveryException.class);

        assertThat(e.reason()).isEqualTo(FailureReason.GONE);
        assertThat(e.reason().retryable()).isFalse();
        assertThat(e).hasMessageContaining("after 1 attempt").hasMessageContaining("NotFound: Topic does not exist");
        assertThat(delivery.destinations).hasSize(1);
    }

    @Test
    void failsForGoodWhenNotAuthorisedAndNeverQuotesTheDestinationsAccount() {
        delivery.answers.add(new Delivery.Answer(403, "AuthorizationError: User is not authorized to perform"
                + " SNS:Publish on resource: " + ARN));

        DeliveryException e = catchThrowableOfType(this::send, DeliveryException.class);

        assertThat(e.reason()).isEqualTo(FailureReason.AUTHENTICATION);
        assertThat(e.getMessage()).doesNotContain("123456789012").contains("arn:aws:sns:eu-west-1:…:uploads");
    }

    @Test
    void retriesAThrottledAnswerAndThenHandsItBack() {
        for (int i = 0; i < 3; i++) {
            delivery.answers.add(new Delivery.Answer(429, "Throttled: Rate exceeded"));
        }

        RateLimitedException e = catchThrowableOfType(this::send, RateLimitedException.class);

        assertThat(e.retryAfter()).isPositive();
        assertThat(delivery.destinations).hasSize(3);
    }

    @Test
    void retriesWhenNoAnswerCameAndSaysWhy() {
        delivery.failures.add(new IOException("connection refused"));
        delivery.answers.add(new Delivery.Answer(500, "InternalError"));
        delivery.answers.add(Delivery.Answer.accepted());

        assertThat(send().attempts()).isEqualTo(3);

        Scripted silent = new Scripted();
        for (int i = 0; i < 3; i++) {
            silent.failures.add(new IOException("no answer within 2000 ms"));
        }
        DeliveryException e = catchThrowableOfType(() -> sender.send(destination(silent), WebhookRequest.json("x"),
                SenderFixtures.notification(), START.plus(Duration.ofHours(1))), DeliveryException.class);
        assertThat(e.reason()).isEqualTo(FailureReason.TIMEOUT);
        assertThat(e).hasMessageContaining("no answer within 2000 ms (MAX_ATTEMPTS=3)");
    }

    @Test
    void refusesAnArnForAFormatterThatPostsToWebhooks() {
        WebhookFormatter posting = new Formatter(null);

        assertThatThrownBy(() -> destination(posting, ARN)).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("posts to https webhooks").hasMessageContaining("sns for an SNS topic")
                .hasMessageNotContaining("123456789012");
    }

    private WebhookSender.Delivered send() {
        return sender.send(destination(delivery), WebhookRequest.builder().body("New file report.pdf")
                .contentType("text/plain; charset=utf-8").build(), SenderFixtures.notification(),
                START.plus(Duration.ofHours(1)));
    }

    private static Destination destination(Delivery delivery) {
        return destination(new Formatter(delivery), ARN);
    }

    private static Destination destination(WebhookFormatter formatter, String url) {
        return new Destination("topic", "own", formatter, MessageTemplate.compile("{{fileName}}", "t", s -> s),
                DigestTemplate.compile("{{summary}}", "d", s -> s), Secret.of(url));
    }

    /** Answers or fails in the order given: failures first. */
    private static final class Scripted implements Delivery {
        final Deque<Answer> answers = new ArrayDeque<>();
        final Deque<IOException> failures = new ArrayDeque<>();
        final List<URI> destinations = new ArrayList<>();
        final List<Duration> timeouts = new ArrayList<>();
        final List<String> bodies = new ArrayList<>();

        @Override
        public Answer deliver(URI destination, WebhookRequest request, Duration timeout) throws IOException {
            destinations.add(destination);
            timeouts.add(timeout);
            bodies.add(request.body());
            if (!failures.isEmpty()) {
                throw failures.removeFirst();
            }
            return answers.removeFirst();
        }
    }

    private record Formatter(Delivery own) implements WebhookFormatter {
        @Override
        public WebhookRequest format(Notification notification) {
            return WebhookRequest.json("{}");
        }

        @Override
        public Optional<WebhookRequest> formatDigest(Digest digest) {
            return Optional.of(WebhookRequest.json("{}"));
        }

        @Override
        public RateLimit rateLimit() {
            return RateLimit.UNKNOWN;
        }

        @Override
        public Optional<Delivery> delivery() {
            return Optional.ofNullable(own);
        }
    }
}
