package dev.s3notify.core.links;

import dev.s3notify.core.EventEntry;
import java.util.Set;

/**
 * An entry EventBridge did not take, with AWS's error code and text.
 *
 * @param entry the entry
 * @param code {@code ErrorCode} of the entry, or {@code CallFailed} when the whole call failed
 * @param message AWS's text, already safe to show
 * @param retryable whether sending it again may work
 */
record EntryFailure(EventEntry entry, String code, String message, boolean retryable) {
    /** The per-entry error codes PutEvents documents as transient. */
    private static final Set<String> RETRYABLE_CODES =
            Set.of("ThrottlingException", "InternalFailure", "InternalException", "ServiceUnavailable");

    /** @return a failure reported in the response's {@code Entries}, retryable when its code is transient */
    static EntryFailure reported(EventEntry entry, String code, String message) {
        return new EntryFailure(entry, code, message == null ? "" : message, RETRYABLE_CODES.contains(code));
    }

    /**
     * @param reason why the whole call failed, safe to show
     * @return a failure of the whole call this entry was in, already retried by the SDK: not resent
     */
    static EntryFailure ofCall(EventEntry entry, String reason) {
        return new EntryFailure(entry, "CallFailed", reason, false);
    }

    /** @return the label, code and text, for an exception message (never the detail) */
    String describe() {
        return entry.label() + " (" + code + (message.isEmpty() ? "" : ": " + message) + ")";
    }
}
