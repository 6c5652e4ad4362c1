package dev.s3notify.core.templates;

import com.github.mustachejava.Code;
import com.github.mustachejava.Iteration;
import com.github.mustachejava.reflect.ReflectionObjectHandler;
import java.io.Writer;
import java.util.List;

/**
 * mustache.java's usual lookups, counting each repetition of a section on the render's {@link RenderBudget}: one
 * step, and one for each tag directly inside the section (each is looked up once per repetition). In the budget's
 * worst case every section and inverted section runs (lists still once per element), whatever its value, so one
 * render bounds every combination of values. Stateless and thread-safe.
 */
final class BudgetedObjectHandler extends ReflectionObjectHandler {

    @Override
    public Writer iterate(Iteration iteration, Writer writer, Object object, List<Object> scopes) {
        RenderBudget budget = RenderBudget.of(writer);
        Iteration counted = counted(iteration, budget);
        if (budget.everySection() && !(object instanceof Iterable<?>)) {
            return counted.next(writer, object, scopes);
        }
        return super.iterate(counted, writer, object, scopes);
    }

    @Override
    public Writer falsey(Iteration iteration, Writer writer, Object object, List<Object> scopes) {
        RenderBudget budget = RenderBudget.of(writer);
        Iteration counted = counted(iteration, budget);
        return budget.everySection() ? counted.next(writer, object, scopes)
                : super.falsey(counted, writer, object, scopes);
    }

    private static Iteration counted(Iteration iteration, RenderBudget budget) {
        Code[] inside = iteration instanceof Code code ? code.getCodes() : null;
        int weight = 1 + (inside == null ? 0 : inside.length);
        return (writer, next, scopes) -> {
            budget.step(weight);
            return iteration.next(writer, next, scopes);
        };
    }
}
