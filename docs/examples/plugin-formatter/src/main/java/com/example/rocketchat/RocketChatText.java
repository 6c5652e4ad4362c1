package com.example.rocketchat;

/** Escaping for Rocket.Chat's message text; its length limit is core's ({@link RocketChatFormatter#TEXT}). */
final class RocketChatText {
    private static final char ZERO_WIDTH_SPACE = '\u200B';

    private RocketChatText() {
    }

    /**
     * Makes a value from the event (a file name, a bucket) safe in the message text: one line (control characters
     * become spaces, bidirectional overrides go, so a right-to-left override cannot make an .exe pass for a PDF), and
     * a zero-width space after every {@code @}, {@code <} and {@code [}, so it can neither mention anyone
     * ({@code @all}, {@code @here}, {@code @username}, and the other platforms' tokens the contract test knows) nor
     * make a link ({@code [text](url)}, {@code <url|text>}). Rocket.Chat's {@code *bold*} and {@code _italic_} have
     * no escape here: a name can at worst change its own formatting.
     *
     * @param text the value, or null
     * @return the safe text
     */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 8);
        text.codePoints().forEach(cp -> {
            if ((cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069)) {
                return;
            }
            boolean lineBreaking = Character.getType(cp) == Character.CONTROL || cp == 0x2028 || cp == 0x2029;
            out.appendCodePoint(lineBreaking ? ' ' : cp);
            if (cp == '@' || cp == '<' || cp == '[') {
                out.append(ZERO_WIDTH_SPACE);
            }
        });
        return out.toString();
    }
}
