package dev.s3notify.core.support;

import dev.s3notify.core.dispatch.WebhookSender;

/** Breaks a rule on purpose, for ArchitectureTest: support may not use dispatch. Never used otherwise. */
final class LayerViolation {
    private LayerViolation() {
    }

    static Class<?> sender() {
        return WebhookSender.class;
    }
}
