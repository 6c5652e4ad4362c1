package dev.s3notify.spi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.s3notify.core.Digest;
import dev.s3notify.core.Notification;
import dev.s3notify.core.RateLimit;
import dev.s3notify.core.WebhookRequest;
import dev.s3notify.core.text.TextLimit;
import dev.s3notify.core.text.TextUnit;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WebhookFormatterDefaultsTest {
    private static final WebhookFormatter PLAIN = new Plain(MessageLimits.defaults());

    @Test
    void declaresNoLimitOnTheMessageOrTheBody() {
        assertThat(PLAIN.limits().message().max()).isEqualTo(MessageLimits.NONE);
        assertThat(PLAIN.limits().bodyBytes()).isEqualTo(MessageLimits.NONE);
        assertThat(PLAIN.limits().error()).isEqualTo(TextLimit.codePoints(300));
    }

    @Test
    void describesAnErrorByTheBodysFirstLine() {
        assertThat(PLAIN.describeError(400, "  bad request\nsecond line")).isEqualTo("bad request");
        assertThat(PLAIN.describeError(500, null)).isEmpty();
        assertThat(PLAIN.describeError(500, "")).isEmpty();
    }

    @Test
    void cutsALongFirstLineWithAnEllipsisInCodePoints() {
        String described = PLAIN.describeError(400, "📄".repeat(1_000));

        assertThat(described).isEqualTo("📄".repeat(299) + "…");
        assertThat(TextUnit.CODE_POINTS.length(described)).isEqualTo(300);
    }

    @Test
    void keepsAFirstLineOfExactlyTheLimit() {
        assertThat(PLAIN.describeError(400, "x".repeat(300))).isEqualTo("x".repeat(300));
    }

    @Test
    void cutsToTheDeclaredErrorLimit() {
        WebhookFormatter strict = new Plain(MessageLimits.builder().error(TextLimit.utf16Units(10)).build());

        assertThat(strict.describeError(400, "😀".repeat(20))).isEqualTo("😀😀😀😀…");
    }

    @Test
    void leavesControlCharactersOtherThanLineBreaksToTheQuoting() {
        assertThat(PLAIN.describeError(400, "\u001b[31mred\ttab\r\nnext")).isEqualTo("\u001b[31mred\ttab");
    }

    private record Plain(MessageLimits declared) implements WebhookFormatter {
        @Override
        public MessageLimits limits() {
            return declared;
        }

        @Override
        public WebhookRequest format(Notification notification) {
            return WebhookRequest.json("{}");
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
