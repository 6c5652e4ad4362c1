package dev.s3notify.sns;

import java.util.Locale;

/** What is published: {@code SNS_MESSAGE_SHAPE}. */
enum Shape {
    /** Plain text and a subject, for email and SMS subscribers. */
    TEXT,
    /** Amazon Q Developer in chat applications' custom notification (version 1.0, client-markdown). */
    CHATBOT;

    /** @param value the validated {@code SNS_MESSAGE_SHAPE} ({@code text} when unset) */
    static Shape of(String value) {
        return value == null ? TEXT : valueOf(value.toUpperCase(Locale.ROOT));
    }
}
