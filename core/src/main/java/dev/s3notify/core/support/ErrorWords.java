package dev.s3notify.core.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.regex.Pattern;

/**
 * An unexpected exception in words for the people who read the log or the command line: what kind of failure it
 * was and its message, never a Java or SDK class name ({@code IllegalStateException}, {@code java.lang.String},
 * {@code software.amazon.awssdk...}), and with presigned links' signing parameters masked.
 */
public final class ErrorWords {
    /** A qualified name of a package we or our libraries use: {@code java.lang.Foo}, {@code software.amazon.x.Y}. */
    private static final Pattern QUALIFIED = Pattern.compile(
            "\\b(?:java|javax|jdk|sun|software|com|org|dev|io|net)(?:\\.[a-z_$][\\w$]*)+\\.([A-Z][\\w$]*)");
    /** An exception's or an error's class name, as Java spells it: {@code NoSuchBucketException}. */
    private static final Pattern THROWABLE = Pattern.compile("\\b[A-Z][\\w$]*(?:Exception|Error)\\b");

    private ErrorWords() {
    }

    /**
     * @param e what was thrown, of a type that is not one of ours (whose messages are written for people already)
     * @return the kind of failure, with the message if it has one: "unexpected state: the batch was closed"
     */
    public static String of(Throwable e) {
        String message = e.getMessage() == null ? "" : Redact.signingParameters(withoutClassNames(e.getMessage()));
        String kind = kind(e);
        return message.isBlank() ? kind : kind + ": " + message.strip();
    }

    /**
     * @param text a message that may name Java or SDK classes
     * @return the text with qualified class names shortened to their simple name and exception class names
     *     replaced by the word "error" (a {@code ResourceNotFoundException} code becomes "ResourceNotFound")
     */
    public static String withoutClassNames(String text) {
        if (text == null) {
            return null;
        }
        String shorter = QUALIFIED.matcher(text).replaceAll("$1");
        return THROWABLE.matcher(shorter).replaceAll(match -> {
            String name = match.group();
            String stem = name.replaceFirst("(?:Exception|Error)$", "");
            return stem.isEmpty() ? "error" : stem;
        });
    }

    private static String kind(Throwable e) {
        if (e instanceof IllegalArgumentException) {
            return "invalid value";
        }
        if (e instanceof IllegalStateException) {
            return "unexpected state";
        }
        if (e instanceof NullPointerException) {
            return "a value was missing";
        }
        if (e instanceof UncheckedIOException || e instanceof IOException) {
            return "reading or writing failed";
        }
        if (e instanceof OutOfMemoryError) {
            return "out of memory";
        }
        if (e instanceof ArithmeticException || e instanceof IndexOutOfBoundsException
                || e instanceof ClassCastException) {
            return "internal error";
        }
        return "unexpected error";
    }
}
