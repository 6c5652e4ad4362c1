package dev.s3notify.core.templates;

import java.io.Writer;
import java.util.Locale;

/**
 * The writer one render writes into, and what that render may take: at most {@link #MAX_OUTPUT} characters, and at
 * most {@link #MAX_STEPS} steps, counted by {@link BudgetedObjectHandler} (each repetition of a section, plus one for
 * each tag directly inside it). Past either bound the render stops at once; it never grows until the heap or the
 * deadline runs out. One per render: not thread-safe.
 *
 * <p>In the {@linkplain #worstCase() worst case}, as the start-up check renders, every section runs whether its
 * value is set or not, and the text is counted but not kept, so that its steps bound those of every render of the
 * same list sizes.
 */
final class RenderBudget extends Writer {
    /**
     * The most characters a render may write: four times the largest body any formatter sends (the generic webhook's
     * 256 KiB; Teams takes 28,000 bytes, Slack 38,000, Discord's description 4,096 characters).
     */
    static final int MAX_OUTPUT = 1 << 20;
    /**
     * The most steps a render may take: more than any template of at most 200 tags takes listing every file of the
     * largest batch once (about 300 steps a file), and far fewer than one that lists the files once for each file.
     */
    static final int MAX_STEPS = 5_000_000;

    private final boolean worstCase;
    private final StringBuilder text = new StringBuilder();
    private long written;
    private long steps;
    private Boolean outputPassed;

    private RenderBudget(boolean worstCase) {
        this.worstCase = worstCase;
    }

    /** @return the budget of a real render: the text kept, stopped past either bound */
    static RenderBudget rendering() {
        return new RenderBudget(false);
    }

    /** @return the start-up check's budget: every section taken, text counted only, stopped past the step bound */
    static RenderBudget worstCase() {
        return new RenderBudget(true);
    }

    static RenderBudget of(Writer writer) {
        if (writer instanceof RenderBudget budget) {
            return budget;
        }
        throw new IllegalStateException("a template rendered outside its budget");
    }

    boolean everySection() {
        return worstCase;
    }

    /** @param weight steps to add: one repetition of a section and the tags directly inside it */
    void step(int weight) {
        steps += weight;
        if (steps > MAX_STEPS) {
            throw stop(false);
        }
    }

    /** @return whether the render stopped past the output bound (true), the step bound (false), or neither (null) */
    Boolean passed() {
        return outputPassed;
    }

    long steps() {
        return steps;
    }

    /** @return the text written */
    String text() {
        return text.toString();
    }

    @Override
    public void write(char[] chars, int offset, int length) {
        if (room(length)) {
            text.append(chars, offset, length);
        }
    }

    @Override
    public void write(String string, int offset, int length) {
        if (room(length)) {
            text.append(string, offset, offset + length);
        }
    }

    @Override
    public void write(int c) {
        if (room(1)) {
            text.append((char) c);
        }
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }

    /** @return whether to keep the text: past the bound a render stops, and the worst case only counts */
    private boolean room(int length) {
        written += length;
        if (worstCase) {
            return false;
        }
        if (written > MAX_OUTPUT) {
            throw stop(true);
        }
        return true;
    }

    private Stop stop(boolean output) {
        outputPassed = output;
        return new Stop();
    }

    static String number(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** Unwinds mustache.java's stack; what it means is read from the budget. Cheap: no stack trace. */
    private static final class Stop extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Stop() {
            super("render budget spent", null, false, false);
        }
    }
}
