package dev.s3notify.core.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** JSON lines for Lambda, plain lines for people, and a level below which nothing is written. */
class LogTest {
    private static final Log LOG = Log.of(LogTest.class);
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream stream = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    @AfterEach
    void reset() {
        Log.reset();
    }

    @Test
    void writesJsonLinesAtAndAboveTheMinimumLevel() {
        Log.configure(stream, Log.Format.JSON, Log.Level.WARN);

        LOG.info("link published", "bucket", "b");
        LOG.debug("details");
        LOG.warn("slow", "ms", 1200, "host", null);

        assertThat(lines()).singleElement().asString().startsWith("{\"timestamp\":\"")
                .contains("\"level\":\"WARN\",\"logger\":\"LogTest\",\"message\":\"slow\",\"ms\":1200,\"host\":null}");
    }

    @Test
    void writesPlainLinesForPeopleWithoutNullsOrControlCharacters() {
        Log.configure(stream, Log.Format.TEXT, Log.Level.DEBUG);

        LOG.info("link event prepared", "bucket", "uploads", "key", "a\nb.pdf", "size", null);
        LOG.warn("no plugin jars found");
        LOG.error("failed", "attempt", 2);
        LOG.debug("detail", "x", true);

        assertThat(lines()).containsExactly("s3notify: link event prepared (bucket=uploads, key=a b.pdf)",
                "s3notify: warning: no plugin jars found", "s3notify: error: failed (attempt=2)",
                "s3notify: debug: detail (x=true)");
    }

    @Test
    void saysWhichLevelsAreWrittenForCallersThatWriteTheirOwnLines() {
        Log.configure(stream, Log.Format.JSON, Log.Level.WARN);

        assertThat(Log.enabled(Log.Level.INFO)).isFalse();
        assertThat(Log.enabled(Log.Level.WARN)).isTrue();
        assertThat(Log.enabled(Log.Level.ERROR)).isTrue();
    }

    @Test
    void readsLevelsAsAwsLambdaLogLevelSpellsThem() {
        assertThat(Log.Level.parse("debug")).contains(Log.Level.DEBUG);
        assertThat(Log.Level.parse("TRACE")).contains(Log.Level.DEBUG);
        assertThat(Log.Level.parse(" WARN ")).contains(Log.Level.WARN);
        assertThat(Log.Level.parse("FATAL")).contains(Log.Level.ERROR);
        assertThat(Log.Level.parse("loud")).isEqualTo(Optional.empty());
        assertThat(Log.Level.parse(null)).isEmpty();
    }

    @Test
    void keepsDebugEnabledWorkingAsBefore() {
        Log.configure(stream, Log.Format.JSON, Log.Level.INFO);
        Log.debugEnabled(true);
        LOG.debug("shown");
        Log.debugEnabled(false);
        LOG.debug("hidden");

        assertThat(lines()).singleElement().asString().contains("\"message\":\"shown\"");
    }

    private List<String> lines() {
        return bytes.toString(StandardCharsets.UTF_8).lines().toList();
    }
}
