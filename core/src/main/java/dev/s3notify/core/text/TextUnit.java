package dev.s3notify.core.text;

/** How a platform counts the length of text. */
public enum TextUnit {
    /** Unicode code points: Discord (its API is Python 3), most JSON APIs. */
    CODE_POINTS,
    /** UTF-16 code units, as Java and JavaScript count: Slack (the stricter of its counts). */
    UTF16_UNITS,
    /** Bytes of UTF-8: body size limits, such as Teams' 28 KB. */
    UTF8_BYTES;

    /**
     * @param text any text
     * @return its length in this unit
     */
    public int length(String text) {
        return switch (this) {
            case CODE_POINTS -> text.codePointCount(0, text.length());
            case UTF16_UNITS -> text.length();
            case UTF8_BYTES -> {
                int bytes = 0;
                for (int i = 0; i < text.length(); i += Character.charCount(text.codePointAt(i))) {
                    bytes += cost(text.codePointAt(i));
                }
                yield bytes;
            }
        };
    }

    /**
     * @param codePoint one code point
     * @return what it counts for in this unit
     */
    public int cost(int codePoint) {
        return switch (this) {
            case CODE_POINTS -> 1;
            case UTF16_UNITS -> Character.charCount(codePoint);
            case UTF8_BYTES -> codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
        };
    }
}
