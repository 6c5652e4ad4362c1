package dev.s3notify.telegram;

import dev.s3notify.core.text.TextUnit;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Telegram's HTML parse mode: escaping values for it, and making a rendered message one Telegram parses. Telegram
 * supports a few tags and the entities {@code &lt; &gt; &amp; &quot;} and numeric ones; every other {@code <},
 * {@code >} and {@code &} must be an entity, and every tag must be closed.
 */
final class TelegramHtml {
    /** The tags Telegram's HTML style supports (Bot API, Formatting options). */
    static final Set<String> TAGS = Set.of("b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "span",
            "tg-spoiler", "a", "tg-emoji", "code", "pre", "blockquote");
    private static final String ZERO_WIDTH_SPACE = "\u200B";
    private static final Pattern TAG = Pattern.compile("<(/?)([A-Za-z][A-Za-z0-9-]*)((?:\\s[^<>]*)?)>");
    private static final Pattern ENTITY = Pattern.compile("&(?:lt|gt|amp|quot|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});");
    /** {@code @username} becomes a mention that notifies; {@code @} before a word character starts one. */
    private static final Pattern MENTION = Pattern.compile("@(?=[\\p{L}\\p{N}_])");
    /** A whole value that is a link: every character one RFC 3986 allows. */
    private static final Pattern LINK = Pattern.compile("https?://[A-Za-z0-9\\-._~:/?#@!$&'()*+,;=%]+");
    private static final Pattern BARE_LINK = Pattern.compile("(?i)https?://");

    private TelegramHtml() {
    }

    /**
     * @param text a value from the event
     * @return the value with {@code & < > "} as entities (so it is safe in text and in a quoted {@code href}),
     *     line breaks and other control characters as spaces, bidirectional overrides as U+FFFD, and a zero-width
     *     space after each {@code @} that would start a mention; a value that is a whole link only gets its
     *     entities, so it still works in {@code <a href="{{fileUrl}}">}
     */
    static String escape(String text) {
        if (LINK.matcher(text).matches()) {
            return entities(text);
        }
        StringBuilder plain = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (Character.isISOControl(c)) {
                plain.append(' ');
            } else if ((c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069)) {
                plain.append('\uFFFD');
            } else {
                plain.appendCodePoint(c);
            }
        });
        return MENTION.matcher(entities(plain.toString())).replaceAll("@" + ZERO_WIDTH_SPACE);
    }

    /**
     * Makes rendered text one Telegram parses: a {@code <}, {@code >} or {@code &} that is not part of a tag or an
     * entity becomes an entity, and tags left open (a cut removed their end) are closed at the end.
     *
     * @param html the rendered template, possibly cut
     * @return the text to send
     * @throws IllegalArgumentException for a tag Telegram does not support or one closed out of order
     */
    static String finish(String html) {
        StringBuilder out = new StringBuilder(html.length() + 16);
        Deque<String> open = new ArrayDeque<>();
        Matcher tag = TAG.matcher(html);
        int at = 0;
        while (tag.find()) {
            out.append(text(html.substring(at, tag.start()), true));
            String name = tag.group(2).toLowerCase(Locale.ROOT);
            if (!TAGS.contains(name)) {
                throw new IllegalArgumentException("the message has the tag <" + tag.group(1) + name + ">, which"
                        + " Telegram's HTML does not support; it supports " + String.join(", ", TAGS.stream()
                        .sorted().toList()) + " (line breaks are written as they are, not as <br>)");
            }
            if (tag.group(1).isEmpty()) {
                open.push(name);
            } else if (name.equals(open.peek())) {
                open.pop();
            } else {
                throw new IllegalArgumentException("the message closes </" + name + "> " + (open.isEmpty()
                        ? "which is not open" : "while <" + open.peek() + "> is open") + ": Telegram needs tags"
                        + " closed in the order opened");
            }
            out.append('<').append(tag.group(1)).append(name).append(text(tag.group(3), false)).append('>');
            at = tag.end();
        }
        out.append(text(html.substring(at), true));
        open.forEach(name -> out.append("</").append(name).append('>'));
        return out.toString();
    }

    /**
     * @param html text as {@link #finish} makes it
     * @return its length as Telegram counts it: after parsing, tags removed and entities decoded, in UTF-16 units
     */
    static int visibleLength(String html) {
        return TextUnit.UTF16_UNITS.length(visible(html));
    }

    /** @return the text people see: tags removed, entities decoded */
    static String visible(String html) {
        String text = TAG.matcher(html).replaceAll("");
        Matcher entity = ENTITY.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (entity.find()) {
            entity.appendReplacement(out, Matcher.quoteReplacement(decode(entity.group())));
        }
        entity.appendTail(out);
        return out.toString();
    }

    /**
     * @param html text as {@link #finish} makes it
     * @return how many entities Telegram makes of it: one a tag, and one a bare link it turns into a link
     */
    static int entityCount(String html) {
        Matcher tag = TAG.matcher(html);
        int count = 0;
        while (tag.find()) {
            count += tag.group(1).isEmpty() ? 1 : 0;
        }
        Matcher bare = BARE_LINK.matcher(TAG.matcher(html).replaceAll(" "));
        while (bare.find()) {
            count++;
        }
        return count;
    }

    /** {@code & < > "} as entities: what a value needs in text and in a double-quoted attribute. */
    static String entities(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * Text between tags, where a stray {@code <} or {@code >} and an {@code &} that starts no entity become entities;
     * or a tag's attributes, where only the {@code &} does (a raw {@code {{{fileUrl}}}} in {@code href} holds them).
     */
    private static String text(String part, boolean angles) {
        StringBuilder out = new StringBuilder(part.length());
        for (int i = 0; i < part.length(); i++) {
            char c = part.charAt(i);
            if (angles && c == '<') {
                out.append("&lt;");
            } else if (angles && c == '>') {
                out.append("&gt;");
            } else if (c == '&' && !ENTITY.matcher(part).region(i, part.length()).lookingAt()) {
                out.append("&amp;");
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String decode(String entity) {
        return switch (entity) {
            case "&lt;" -> "<";
            case "&gt;" -> ">";
            case "&amp;" -> "&";
            case "&quot;" -> "\"";
            default -> {
                boolean hex = entity.charAt(2) == 'x' || entity.charAt(2) == 'X';
                int code = Integer.parseInt(entity.substring(hex ? 3 : 2, entity.length() - 1), hex ? 16 : 10);
                yield Character.isValidCodePoint(code) ? new String(Character.toChars(code)) : "\uFFFD";
            }
        };
    }
}
