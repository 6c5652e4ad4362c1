package dev.s3notify.core.decoding;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Strict {@code application/x-www-form-urlencoded} decoding of S3 keys. Written rather than taken from
 * {@link java.net.URLDecoder}, which throws a bare IllegalArgumentException on a bad escape and silently turns
 * escapes that are not UTF-8 into U+FFFD: a key altered that way names an object that does not exist.
 */
final class FormUrl {
    private FormUrl() {
    }

    /**
     * @param raw form-URL-encoded text: {@code +} is a space, {@code %XX} (ASCII hex, either case) a UTF-8 byte;
     *     any other character stands for itself
     * @return the decoded text
     * @throws IllegalArgumentException saying which escape, at which index, is wrong: a {@code %} without two hex
     *     digits after it, or escapes whose bytes are not valid UTF-8
     */
    static String formDecode(String raw) {
        if (raw.indexOf('%') < 0 && raw.indexOf('+') < 0) {
            return raw;
        }
        StringBuilder out = new StringBuilder(raw.length());
        int i = 0;
        while (i < raw.length()) {
            char c = raw.charAt(i);
            if (c == '%') {
                i = decodeEscapes(raw, i, out);
            } else {
                out.append(c == '+' ? ' ' : c);
                i++;
            }
        }
        return out.toString();
    }

    /** Decodes a run of consecutive escapes together: one character may take up to four of them. */
    private static int decodeEscapes(String raw, int start, StringBuilder out) {
        byte[] bytes = new byte[(raw.length() - start) / 3 + 1];
        int count = 0;
        int i = start;
        while (i < raw.length() && raw.charAt(i) == '%') {
            int high = i + 1 < raw.length() ? hex(raw.charAt(i + 1)) : -1;
            int low = i + 2 < raw.length() ? hex(raw.charAt(i + 2)) : -1;
            if (high < 0 || low < 0) {
                throw new IllegalArgumentException("'" + raw.substring(i, Math.min(i + 3, raw.length()))
                        + "' at index " + i + " is not an escape (% and two hex digits)");
            }
            bytes[count++] = (byte) (high << 4 | low);
            i += 3;
        }
        try {
            out.append(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, 0, count)));
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("the escapes '" + raw.substring(start, Math.min(i, start + 60))
                    + (i > start + 60 ? "…" : "") + "' at index " + start
                    + " are not UTF-8", e);
        }
        return i;
    }

    /** ASCII hex only: {@link Character#digit(char, int)} would also accept other scripts' digits. */
    private static int hex(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }
}
