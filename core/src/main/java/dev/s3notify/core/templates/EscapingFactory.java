package dev.s3notify.core.templates;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.DefaultMustacheVisitor;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheException;
import com.github.mustachejava.MustacheVisitor;
import com.github.mustachejava.TemplateContext;
import java.io.Writer;
import java.util.function.UnaryOperator;

/**
 * mustache.java's factory as templates need it: escapes with the platform's rules instead of HTML's, refuses partials
 * (they would read files) and pragmas, and counts every render's steps ({@link BudgetedObjectHandler}).
 */
final class EscapingFactory extends DefaultMustacheFactory {
    private final UnaryOperator<String> escaper;

    EscapingFactory(UnaryOperator<String> escaper) {
        super(resourceName -> null);
        this.escaper = escaper;
        setObjectHandler(new BudgetedObjectHandler());
    }

    /** The worst case counts steps only: its text is not kept, so it is not escaped (the platform's escaping costs). */
    @Override
    public void encode(String value, Writer writer) {
        try {
            writer.write(RenderBudget.of(writer).everySection() ? value : escaper.apply(value));
        } catch (java.io.IOException e) {
            throw new MustacheException("cannot write", e);
        }
    }

    /** mustache.java only logs a warning for a pragma it does not know, on a line that is not JSON. */
    @Override
    public MustacheVisitor createMustacheVisitor() {
        return new DefaultMustacheVisitor(this) {
            @Override
            public void pragma(TemplateContext tc, String pragma, String args) {
                throw new MustacheException("pragmas ({{%" + pragma + "}}) are not supported");
            }
        };
    }

    @Override
    public Mustache compilePartial(String name) {
        throw new MustacheException("partials ({{> " + name + "}}) are not supported");
    }
}
