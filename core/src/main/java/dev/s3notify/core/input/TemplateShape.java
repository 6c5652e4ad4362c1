package dev.s3notify.core.input;

import dev.s3notify.core.text.SafeText;
import java.util.List;

/**
 * A template's tags read without compiling it, so that the checks that bound compiling come first: its length, how
 * deep its sections nest (mustache.java recurses once per level: 5,000 levels overflow the stack, and a few hundred
 * take it tens of seconds), and pragmas ({@code {{%FOO}}}), which mustache.java would only warn about on its own
 * log. Follows delimiter changes ({@code {{=<% %>=}}}), so the text between tags is known exactly; the printf check
 * reads only that text.
 *
 * @param literalText the template's text outside every tag, joined
 * @param depth how deep its sections nest (0 without sections)
 * @param pragma the first pragma tag found, such as {@code %FOO}, or null
 * @param tags how many tags it has
 */
public record TemplateShape(String literalText, int depth, String pragma, int tags) {
    /** The longest template accepted, in characters: Lambda allows 4 KB for all variables together. */
    public static final int MAX_LENGTH = 10_000;
    /**
     * How deep sections may nest: real templates use two or three levels, and mustache.java renders each level
     * slower than the one above it.
     */
    public static final int MAX_DEPTH = 6;
    /** How many tags a template may have: each costs mustache.java milliseconds to compile; defaults use 30. */
    public static final int MAX_TAGS = 200;

    /**
     * @param template the template text
     * @param variable where it came from, for messages
     * @return what the checks need
     * @throws IllegalArgumentException saying what is wrong: too long, nested too deeply, or a pragma
     */
    public static TemplateShape check(String template, String variable) {
        if (template.length() > MAX_LENGTH) {
            throw new IllegalArgumentException(variable + " is " + template.length() + " characters long; at most "
                    + MAX_LENGTH + " are accepted");
        }
        TemplateShape shape = read(template);
        if (shape.depth() > MAX_DEPTH) {
            throw new IllegalArgumentException(variable + " nests sections " + shape.depth() + " levels deep; at most "
                    + MAX_DEPTH + " are accepted");
        }
        if (shape.tags() > MAX_TAGS) {
            throw new IllegalArgumentException(variable + " has " + shape.tags() + " tags; at most " + MAX_TAGS
                    + " are accepted");
        }
        if (shape.pragma() != null) {
            throw new IllegalArgumentException(variable + " uses the pragma {{" + SafeText.cut(shape.pragma(), 40)
                    + "}}; pragmas are not supported");
        }
        return shape;
    }

    private static TemplateShape read(String template) {
        StringBuilder literal = new StringBuilder();
        String open = "{{";
        String close = "}}";
        int depth = 0;
        int deepest = 0;
        int tags = 0;
        String pragma = null;
        int pos = 0;
        while (pos < template.length()) {
            int start = template.indexOf(open, pos);
            if (start < 0) {
                break;
            }
            literal.append(template, pos, start).append(' ');
            boolean triple = open.equals("{{") && template.startsWith("{{{", start);
            String end = triple ? "}}}" : close;
            int contentStart = start + (triple ? 3 : open.length());
            int stop = template.indexOf(end, contentStart);
            if (stop < 0) {
                pos = template.length(); // unclosed: the compiler says so
                break;
            }
            String content = template.substring(contentStart, stop).strip();
            pos = stop + end.length();
            tags++;
            if (triple || content.isEmpty()) {
                continue;
            }
            switch (content.charAt(0)) {
                case '#', '^', '$', '<' -> deepest = Math.max(deepest, ++depth);
                case '/' -> depth = Math.max(0, depth - 1);
                case '%' -> pragma = pragma != null ? pragma : content;
                case '=' -> {
                    List<String> delimiters = delimiters(content);
                    if (delimiters != null) {
                        open = delimiters.get(0);
                        close = delimiters.get(1);
                    }
                }
                default -> { }
            }
        }
        if (pos < template.length()) {
            literal.append(template, pos, template.length());
        }
        return new TemplateShape(literal.toString(), deepest, pragma, tags);
    }

    /** {@code =<% %>=} gives {@code <%} and {@code %>}; anything else is left for the compiler to refuse. */
    private static List<String> delimiters(String content) {
        if (content.length() < 3 || !content.endsWith("=")) {
            return null;
        }
        String[] parts = content.substring(1, content.length() - 1).strip().split("\\s+");
        if (parts.length != 2 || parts[0].isEmpty() || parts[1].isEmpty()) {
            return null;
        }
        return List.of(parts);
    }
}
