package dev.s3notify.core.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.s3notify.core.Digest;
import dev.s3notify.core.Notification;
import dev.s3notify.core.RateLimit;
import dev.s3notify.core.WebhookRequest;
import dev.s3notify.core.error.S3NotifyException;
import dev.s3notify.core.testing.TestEvents;
import dev.s3notify.core.text.Boundary;
import dev.s3notify.core.text.TextLimit;
import dev.s3notify.core.text.TextUnit;
import dev.s3notify.spi.MessageLimits;
import dev.s3notify.spi.WebhookFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MessageFitTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void sendsAMessageThatFitsAsItIs() {
        SmallBody formatter = new SmallBody("title", 300);

        WebhookRequest request = MessageFit.request("small", formatter, notification("Q1 is in."));

        assertThat(text(request)).isEqualTo("Q1 is in.");
        assertThat(formatter.formatted).containsExactly("Q1 is in.");
    }

    @Test
    void cutsALongMessageToTheLongestStartWhoseBodyFits() {
        SmallBody formatter = new SmallBody("title", 300);

        WebhookRequest request = MessageFit.request("small", formatter, notification("é".repeat(1_000)));

        assertThat(bytes(request)).isLessThanOrEqualTo(300);
        assertThat(text(request)).endsWith("…").startsWith("éé");
        String oneMore = "é".repeat(TextUnit.CODE_POINTS.length(text(request))) + "…";
        assertThat(bytes(formatter.format(notification(oneMore)))).as("one code point more does not fit")
                .isGreaterThan(300);
    }

    @Test
    void keepsTheEventsLinkWholeAsTheTemplateInsertedItWhenItCuts() {
        SmallBody formatter = new SmallBody("title", 10_000, new Boundary[0]);
        String escaped = formatter.escape(TestEvents.LINK);

        String raw = text(MessageFit.request("small", formatter, notification("y".repeat(150) + " <"
                + TestEvents.LINK + "> tail")));
        String cut = text(MessageFit.request("small", formatter, notification("y".repeat(150) + " <" + escaped
                + "> tail")));

        assertThat(escaped).isNotEqualTo(TestEvents.LINK);
        assertThat(raw).isEqualTo("y".repeat(150) + " <…");
        assertThat(cut).isEqualTo("y".repeat(150) + " <…");
    }

    @Test
    void keepsTheEventsLinkWholeWhenTheBodyLimitCuts() {
        SmallBody formatter = new SmallBody("title", 150, new Boundary[0]);
        String message = "y".repeat(60) + " " + TestEvents.LINK + " " + "x".repeat(20);

        String text = text(MessageFit.request("small", formatter, notification(message)));

        assertThat(text).isEqualTo("y".repeat(60) + "…");
    }

    @Test
    void keepsLinksTheLimitProtectsWholeWhenItCuts() {
        SmallBody formatter = new SmallBody("title", 300);
        String other = "https://example.com/" + "p".repeat(100);

        String text = text(MessageFit.request("small", formatter, notification("y".repeat(150) + " " + other)));

        assertThat(text).isEqualTo("y".repeat(150) + "…");
    }

    @Test
    void cutsTheMessageToTheDeclaredMessageLimitBeforeFormatting() {
        SmallBody formatter = new SmallBody("title", 10_000);

        MessageFit.request("small", formatter, notification("z".repeat(500)));

        assertThat(formatter.formatted).containsExactly("z".repeat(199) + "…");
        assertThat(MessageFit.message(formatter, TestEvents.created(), "z".repeat(500))).hasSize(200);
    }

    @Test
    void reportsFixedPartsThatDoNotFitNamingTheKindAndTheSizes() {
        SmallBody formatter = new SmallBody("t".repeat(400), 300);

        assertThatThrownBy(() -> MessageFit.request("small", formatter, notification("hello")))
                .isInstanceOf(S3NotifyException.class)
                .hasMessageContaining("small formatter")
                .hasMessageContaining("is 422 bytes even with an empty message")
                .hasMessageContaining("300-byte limit");
    }

    @Test
    void leavesTheMessageOfAFormatterThatDeclaresNoLimitsAlone() {
        WebhookFormatter plain = new SmallBody("title", 300) {
            @Override
            public MessageLimits limits() {
                return MessageLimits.defaults();
            }
        };
        String message = "m".repeat(5_000);

        assertThat(text(MessageFit.request("plain", plain, notification(message)))).isEqualTo(message);
    }

    private static Notification notification(String message) {
        return new Notification(TestEvents.created(), message, "evt-1");
    }

    private static String text(WebhookRequest request) {
        try {
            return JSON.readTree(request.body()).path("text").asText();
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private static int bytes(WebhookRequest request) {
        return TextUnit.UTF8_BYTES.length(request.body());
    }

    /** A formatter whose body is {@code {"title": ..., "text": message}}, with a small byte limit. */
    static class SmallBody implements WebhookFormatter {
        final List<String> formatted = new ArrayList<>();
        private final String title;
        private final MessageLimits limits;

        SmallBody(String title, int bodyBytes) {
            this(title, bodyBytes, Boundary.LINKS);
        }

        SmallBody(String title, int bodyBytes, Boundary... boundaries) {
            this.title = title;
            this.limits = MessageLimits.builder().message(TextLimit.codePoints(200).keeping(boundaries))
                    .bodyBytes(bodyBytes).build();
        }

        @Override
        public String escape(String text) {
            return text.replace("_", "\\_");
        }

        @Override
        public MessageLimits limits() {
            return limits;
        }

        @Override
        public WebhookRequest format(Notification notification) {
            formatted.add(notification.message());
            return WebhookRequest.json(JSON.createObjectNode().put("title", title)
                    .put("text", notification.message()).toString());
        }

        @Override
        public Optional<WebhookRequest> formatDigest(Digest digest) {
            return Optional.empty();
        }

        @Override
        public RateLimit rateLimit() {
            return RateLimit.UNKNOWN;
        }
    }
}
