package dev.s3notify.core.templates;

import dev.s3notify.core.text.SafeText;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * mustache.java's complaints in our words: which tag, on which line, and what to write instead. Its own wording
 * ({@code Mismatched start/end tags: null != hasLink in MESSAGE_TEMPLATE:1 @[MESSAGE_TEMPLATE:1]}) names Java's null
 * and repeats the location twice. Stateless.
 */
final class TemplateErrors {
    private static final int NAME_LIMIT = 40;
    private static final Pattern MISMATCHED = Pattern.compile("Mismatched start/end tags: (.*?) != (.*?) in .*:(\\d+)"
            + " @\\[.*");
    private static final Pattern UNCLOSED_SECTION = Pattern.compile("Failed to close '(.*)' tag @\\[.*:(\\d+)]");
    private static final Pattern UNCLOSED_TAG = Pattern.compile("Improperly closed variable(?:: (.*?) in .*?)?"
            + " ?@\\[.*:(\\d+)]");
    private static final Pattern EMPTY = Pattern.compile("Empty mustache @\\[.*:(\\d+)]");
    private static final Pattern DELIMITERS = Pattern.compile("Invalid delimiter string.*:(\\d+)]");
    private static final Pattern LOCATION = Pattern.compile(" ?(?:in \\S+:\\d+(?:@\\d+)? ?)?@\\[[^]]*]$");

    private TemplateErrors() {
    }

    /**
     * @param message mustache.java's message, not null
     * @return what is wrong, in a sentence without mustache.java's location markers
     */
    static String reworded(String message) {
        Matcher m = MISMATCHED.matcher(message);
        if (m.matches()) {
            return m.group(1).equals("null")
                    ? "{{/" + name(m.group(2)) + "}} on line " + m.group(3) + " closes a section that is not open"
                            + " (no {{#" + name(m.group(2)) + "}} before it)"
                    : "{{#" + name(m.group(1)) + "}} is closed by {{/" + name(m.group(2)) + "}} on line "
                            + m.group(3) + "; close it with {{/" + name(m.group(1)) + "}}";
        }
        if ((m = UNCLOSED_SECTION.matcher(message)).matches()) {
            return "the section {{#" + name(m.group(1)) + "}} is never closed (the template ends on line "
                    + m.group(2) + "); add {{/" + name(m.group(1)) + "}}";
        }
        if ((m = UNCLOSED_TAG.matcher(message)).matches()) {
            return "a tag " + (m.group(1) == null ? "" : "{{" + name(m.group(1)) + " ") + "on line " + m.group(2)
                    + " is not closed: {{ needs }} and {{{ needs }}}";
        }
        if ((m = EMPTY.matcher(message)).matches()) {
            return "an empty tag {{}} on line " + m.group(1) + "; name a value, such as {{fileName}}";
        }
        if ((m = DELIMITERS.matcher(message)).matches()) {
            return "the delimiter change on line " + m.group(1) + " is not valid; write it as {{=<% %>=}}";
        }
        return SafeText.cut(LOCATION.matcher(message).replaceFirst(""), SafeText.QUOTE_LIMIT);
    }

    private static String name(String name) {
        return SafeText.cut(name, NAME_LIMIT);
    }
}
