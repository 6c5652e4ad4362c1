package dev.s3notify.sns;

import dev.s3notify.core.Notification;
import dev.s3notify.core.templates.MessageTemplate;
import dev.s3notify.core.templates.TemplateModel;
import java.text.Normalizer;

/**
 * The subject of text messages ({@code SNS_SUBJECT}, else {@link SnsTemplates#SUBJECT}), made what SNS accepts:
 * printable ASCII only (accents dropped, other characters as {@code ?}), one line, starting with a letter, digit or
 * punctuation mark, at most {@link #MAX} characters ("..." at the end when cut). An empty subject is left out.
 */
final class Subjects {
    /** SNS's limit on a subject, in characters. */
    static final int MAX = 100;
    private static final String PUNCTUATION = "!\"#%&'()*,-./:;?@[\\]_{}";

    private final MessageTemplate template;

    private Subjects(MessageTemplate template) {
        this.template = template;
    }

    /** @param text {@code SNS_SUBJECT}, or null for the default; a template that does not compile fails start-up */
    static Subjects compile(String text) {
        return new Subjects(MessageTemplate.compile(text != null ? text : SnsTemplates.SUBJECT,
                text != null ? "SNS_SUBJECT" : "sns's default subject", value -> value));
    }

    /** @return the notification's subject, or null when it renders empty */
    String of(Notification notification) {
        return clean(template.render(TemplateModel.of(notification.event(), notification.eventId())));
    }

    /** @return text as SNS accepts it for a subject, or null when nothing is left */
    static String clean(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD);
        StringBuilder out = new StringBuilder();
        decomposed.codePoints().forEach(c -> {
            if (c >= 0x20 && c <= 0x7E) {
                out.append((char) c);
            } else if (Character.isWhitespace(c) || Character.isISOControl(c)) {
                out.append(' ');
            } else if (Character.getType(c) != Character.NON_SPACING_MARK && Character.getType(c) != Character.FORMAT) {
                out.append('?');
            }
        });
        String line = out.toString().replaceAll(" {2,}", " ").strip();
        int start = 0;
        while (start < line.length() && !Character.isLetterOrDigit(line.charAt(start))
                && PUNCTUATION.indexOf(line.charAt(start)) < 0) {
            start++;
        }
        line = line.substring(start).strip();
        if (line.length() > MAX) {
            line = line.substring(0, MAX - 3).stripTrailing() + "...";
        }
        return line.isEmpty() ? null : line;
    }
}
