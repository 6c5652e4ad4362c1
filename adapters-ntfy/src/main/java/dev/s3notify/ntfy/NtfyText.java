package dev.s3notify.ntfy;

/**
 * ntfy's messages are plain text (this formatter never sets {@code markdown}) and it has no mentions, so nothing
 * needs escaping but bidirectional overrides, which could make {@code invoice<U+202E>fdp.exe} pass for
 * {@code invoiceexe.pdf} in a notification; they become U+FFFD.
 */
final class NtfyText {
    private NtfyText() {
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> out.appendCodePoint((c >= 0x202A && c <= 0x202E) || (c >= 0x2066
                && c <= 0x2069) ? 0xFFFD : c));
        return out.toString();
    }
}
