package dev.s3notify.testkit;

import dev.s3notify.core.Digest;
import dev.s3notify.core.Notification;
import dev.s3notify.core.RateLimit;
import dev.s3notify.core.WebhookRequest;
import dev.s3notify.core.error.S3NotifyException;
import dev.s3notify.spi.FormatterContext;
import dev.s3notify.spi.WebhookFormatter;
import dev.s3notify.spi.WebhookFormatterProvider;
import java.util.Optional;

/**
 * Formatters that break the contract on purpose, and the contract tests run against them (only through
 * {@link WebhookFormatterContractSelfTest}: their names do not end in {@code Test}, so the build does not run them).
 */
final class BrokenFormatters {
    private BrokenFormatters() {
    }

    /** Refuses every message with a clear error: every single check it could pass by refusing, it passes. */
    static final class Refusing implements WebhookFormatterProvider {
        @Override
        public String kind() {
            return "refusing";
        }

        @Override
        public String defaultTemplate() {
            return "{{fileName}}";
        }

        @Override
        public WebhookFormatter create(FormatterContext context) {
            return new Plain(RateLimit.of(1, java.time.Duration.ofSeconds(1)), true);
        }
    }

    /** A chat platform's formatter that declares no rate. */
    static final class Unpaced implements WebhookFormatterProvider {
        @Override
        public String kind() {
            return "unpaced";
        }

        @Override
        public String defaultTemplate() {
            return "{{fileName}}";
        }

        @Override
        public WebhookFormatter create(FormatterContext context) {
            return new Plain(RateLimit.UNKNOWN, false);
        }
    }

    /** Posts the message as {@code {"text": ...}}, or refuses everything. */
    private record Plain(RateLimit rate, boolean refuse) implements WebhookFormatter {
        @Override
        public WebhookRequest format(Notification notification) {
            if (refuse) {
                throw new S3NotifyException("this formatter refuses every message");
            }
            return WebhookRequest.json("{\"text\":" + com.fasterxml.jackson.databind.node.TextNode
                    .valueOf(notification.message()) + "}");
        }

        @Override
        public Optional<WebhookRequest> formatDigest(Digest digest) {
            return Optional.of(WebhookRequest.json("{\"text\":" + com.fasterxml.jackson.databind.node.TextNode
                    .valueOf(digest.message()) + "}"));
        }

        @Override
        public RateLimit rateLimit() {
            return rate;
        }
    }

    /** The contract against {@link Refusing}. */
    static class RefusingContract extends WebhookFormatterContract {
        @Override
        protected WebhookFormatterProvider provider() {
            return new Refusing();
        }
    }

    /** The contract against {@link Unpaced}. */
    static class UnpacedContract extends WebhookFormatterContract {
        @Override
        protected WebhookFormatterProvider provider() {
            return new Unpaced();
        }
    }

    /** The contract against {@link Unpaced} taken for a machine receiver, where mentions and rates do not matter. */
    static class MachineContract extends UnpacedContract {
        @Override
        protected boolean isChatPlatform() {
            return false;
        }
    }
}
