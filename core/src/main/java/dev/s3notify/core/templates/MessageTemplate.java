package dev.s3notify.core.templates;

import dev.s3notify.core.error.ConfigurationException;
import dev.s3notify.core.error.S3NotifyException;
import dev.s3notify.core.error.TemplateLimitException;

import com.github.mustachejava.Code;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheException;
import com.github.mustachejava.codes.CommentCode;
import dev.s3notify.core.input.TemplateShape;
import dev.s3notify.core.text.SafeText;
import dev.s3notify.core.text.Suggestions;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

/**
 * A {@code MESSAGE_TEMPLATE}: Mustache (mustache.java), compiled once at start-up. {@code {{name}}} inserts a
 * value escaped for the target platform (the formatter's {@code escape}), {@code {{{name}}}} inserts it as is.
 * The names are those of {@link TemplateModel}. A template that does not compile, uses the old printf style
 * ({@code %s}) in its text, names a value no event has, includes partials, uses a pragma, is longer than
 * {@link TemplateShape#MAX_LENGTH} characters or nests sections deeper than {@link TemplateShape#MAX_DEPTH} levels
 * is a configuration error naming the problem. Delimiter changes ({@code {{=<% %>=}}}) are accepted.
 *
 * <p>Every render is bounded ({@code RenderBudget}): past 1,048,576 characters written or 5,000,000 steps taken it
 * stops with a {@link TemplateLimitException} naming the template.
 */
public final class MessageTemplate {
    private static final Pattern PRINTF = Pattern.compile("%[-+ #0]*\\d*(?:\\.\\d+)?[sdvqfx]");
    /** {@code %2f}, {@code %3d}: percent-encoding in a link, not a printf placeholder. */
    private static final Pattern PERCENT_ENCODED = Pattern.compile("%\\p{XDigit}{2}");
    private static final String[] PRINTF_GUESS = {"{{fileName}}", "{{{fileUrl}}}", "{{expirationTime}}"};

    private final Mustache mustache;
    private final String variable;

    private MessageTemplate(Mustache mustache, String variable) {
        this.mustache = mustache;
        this.variable = variable;
    }

    /**
     * @param template the template text
     * @param variable where it came from, for messages ({@code MESSAGE_TEMPLATE}, or a formatter's default)
     * @param escaper the platform's escaping for {@code {{name}}}
     * @return the compiled template
     * @throws ConfigurationException saying what is wrong and, for printf style, the Mustache equivalent
     */
    public static MessageTemplate compile(String template, String variable, UnaryOperator<String> escaper) {
        return compile(template, variable, escaper, TemplateModel.NAMES);
    }

    /** As {@link #compile(String, String, UnaryOperator)}, for a template whose values have other names. */
    static MessageTemplate compile(String template, String variable, UnaryOperator<String> escaper,
            Collection<String> names) {
        TemplateShape shape;
        try {
            shape = TemplateShape.check(template, variable);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(e.getMessage() + ". See docs/templates.md.");
        }
        List<MatchResult> printf = printfPlaceholders(shape.literalText());
        if (!printf.isEmpty()) {
            throw new ConfigurationException(variable + " uses the printf style ('" + printf.get(0).group()
                    + "'); templates are Mustache now. The equivalent, taking the placeholders as file name, link and"
                    + " expiry in that order: '" + SafeText.cut(printfToMustache(template,
                    printfPlaceholders(template)), SafeText.QUOTE_LIMIT) + "'. See docs/templates.md.");
        }
        Mustache mustache;
        try {
            mustache = new EscapingFactory(escaper).compile(new StringReader(template), variable);
        } catch (MustacheException e) {
            throw new ConfigurationException(variable + " is not a valid Mustache template: "
                    + TemplateErrors.reworded(String.valueOf(e.getMessage())) + ". See docs/templates.md.");
        }
        Set<String> unknown = new TreeSet<>();
        collectUnknownNames(mustache.getCodes(), unknown, names);
        if (!unknown.isEmpty()) {
            throw new ConfigurationException(variable + " uses " + unknown + ", which no event has"
                    + meant(unknown, names) + "; the names are " + names + ". See docs/templates.md.");
        }
        return new MessageTemplate(mustache, variable);
    }

    /**
     * @param model the values
     * @return the message text, with surrounding white space trimmed
     */
    public String render(TemplateModel model) {
        return render(model.asMap());
    }

    String render(Map<String, Object> values) {
        RenderBudget budget = RenderBudget.rendering();
        execute(values, budget);
        return budget.text().strip();
    }

    /**
     * Renders in the {@linkplain RenderBudget#worstCase() worst case}: every section taken, the text counted only.
     *
     * @param values the values, with lists as long as the largest a render may get
     * @return the budget spent, for its steps and characters
     * @throws TemplateLimitException when the render passes the step bound
     */
    RenderBudget worstCase(Map<String, Object> values) {
        RenderBudget budget = RenderBudget.worstCase();
        execute(values, budget);
        return budget;
    }

    private void execute(Map<String, Object> values, RenderBudget budget) {
        try {
            mustache.execute(budget, values).flush();
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            // mustache.java may wrap the budget's stop in its own exception: the budget says what happened.
            if (budget.passed() != null) {
                throw passed(budget.passed());
            }
            if (e instanceof MustacheException) {
                throw new S3NotifyException(variable + " failed to render: "
                        + TemplateErrors.reworded(String.valueOf(e.getMessage())), e);
            }
            throw e;
        }
    }

    private TemplateLimitException passed(boolean output) {
        return new TemplateLimitException(output, output
                ? variable + " rendered more than " + RenderBudget.number(RenderBudget.MAX_OUTPUT) + " characters,"
                        + " more than any platform takes; the render was stopped. See docs/templates.md."
                : variable + " took more than " + RenderBudget.number(RenderBudget.MAX_STEPS) + " steps to render"
                        + " (a section repeated inside another, such as {{#files}} inside {{#files}}); the render was"
                        + " stopped. See docs/templates.md.");
    }

    /** "; did you mean {{fileName}}?" for the first unknown name that is a typo of a known one, else nothing. */
    private static String meant(Set<String> unknown, Collection<String> names) {
        for (String tag : unknown) {
            String name = tag.substring(2, tag.length() - 2);
            Optional<String> close = Suggestions.closest(name, names);
            if (close.isEmpty()) {
                close = names.stream().filter(known -> known.equalsIgnoreCase(name)).findFirst();
            }
            if (close.isPresent()) {
                return "; did you mean {{" + close.get() + "}} for " + tag + "?";
            }
        }
        return "";
    }

    private static void collectUnknownNames(Code[] codes, Set<String> unknown, Collection<String> names) {
        if (codes == null) {
            return;
        }
        for (Code code : codes) {
            if (code instanceof CommentCode) {
                continue;
            }
            String name = code.getName();
            if (name != null && !name.isEmpty() && !name.equals(".") && !names.contains(name)) {
                unknown.add("{{" + name + "}}");
            }
            collectUnknownNames(code.getCodes(), unknown, names);
        }
    }

    private static List<MatchResult> printfPlaceholders(String template) {
        return PRINTF.matcher(template).results()
                .filter(match -> !PERCENT_ENCODED.matcher(match.group()).matches()).toList();
    }

    private static String printfToMustache(String template, List<MatchResult> placeholders) {
        StringBuilder out = new StringBuilder();
        int from = 0;
        for (int i = 0; i < placeholders.size(); i++) {
            MatchResult placeholder = placeholders.get(i);
            out.append(template, from, placeholder.start()).append(i < PRINTF_GUESS.length ? PRINTF_GUESS[i] : "");
            from = placeholder.end();
        }
        return out.append(template.substring(from)).toString();
    }
}
