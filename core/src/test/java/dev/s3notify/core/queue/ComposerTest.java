package dev.s3notify.core.queue;

import static dev.s3notify.core.queue.QueueFixtures.NOW;
import static dev.s3notify.core.queue.QueueFixtures.destination;
import static dev.s3notify.core.queue.QueueFixtures.queued;
import static dev.s3notify.core.queue.QueueFixtures.upload;
import static org.assertj.core.api.Assertions.assertThat;

import dev.s3notify.core.Link;
import dev.s3notify.core.RateLimit;
import dev.s3notify.core.dispatch.Destination;
import dev.s3notify.core.error.S3NotifyException;
import dev.s3notify.core.testing.LogCapture;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** How a destination's files become messages when the index page can, or cannot, be had. */
class ComposerTest {
    /** Text a digest's summary and index link fit in, but not the lines of two files: digests need an index. */
    private final Destination chat = destination("chat", "https://chat.example/hooks/secret-token",
            RateLimit.UNKNOWN, 200);
    private final List<Instant> asked = new ArrayList<>();

    private static List<QueuedLink> uploads(int count) {
        return IntStream.rangeClosed(1, count).mapToObj(n -> queued(n, upload("photos/img-" + n + ".jpg", 1000)))
                .toList();
    }

    private static List<String> covered(List<Composer.Message> messages) {
        return messages.stream().flatMap(m -> m.covers().stream()).map(QueuedLink::messageId).toList();
    }

    private IndexStore failing(String error) {
        return (name, html, expiresAt, deadline) -> {
            asked.add(expiresAt);
            throw new S3NotifyException(error);
        };
    }

    @Test
    void splitsTheDigestWithOneWarningNamingTheBucketAndAwsCodeWhenThePageCannotBeWritten() {
        List<String> warnings;
        List<Composer.Message> messages;
        try (LogCapture logs = new LogCapture()) {
            messages = new Composer(new FormatterDigests(), failing("S3 PutObject of an index page in bucket"
                    + " index-pages failed: AccessDenied (HTTP 403): Access Denied")).compose(chat, uploads(6), null);
            warnings = logs.lines().stream().filter(l -> l.contains("WARN")).toList();
        }

        assertThat(covered(messages)).containsExactlyInAnyOrder("msg-1", "msg-2", "msg-3", "msg-4", "msg-5",
                "msg-6");
        assertThat(messages).allSatisfy(m -> assertThat(m.indexPage()).isNull());
        assertThat(asked).hasSize(1);
        assertThat(warnings).singleElement().asString().contains("index page not written")
                .contains("index-pages").contains("AccessDenied");
    }

    @Test
    void splitsTheDigestWithoutAPageWhenNoLinkToOneCouldOutliveAnExpiredFileLink() {
        List<QueuedLink> files = new ArrayList<>(uploads(4));
        files.set(2, queued(3, upload("photos/late.jpg", 1000).toBuilder().expiresAt(NOW.minusSeconds(60)).build()));
        IndexStore none = (name, html, expiresAt, deadline) -> {
            asked.add(expiresAt);
            return null;
        };

        List<Composer.Message> messages = new Composer(new FormatterDigests(), none).compose(chat, files, null);

        assertThat(covered(messages)).containsExactlyInAnyOrder("msg-1", "msg-2", "msg-3", "msg-4");
        assertThat(messages).allSatisfy(m -> assertThat(m.indexPage()).isNull());
        assertThat(asked).containsExactly(NOW.minusSeconds(60));
    }

    @Test
    void asksForAPageThatExpiresWithTheEarliestFileLink() {
        List<QueuedLink> files = new ArrayList<>(uploads(5));
        files.set(1, queued(2, upload("photos/soon.jpg", 1000).toBuilder().expiresAt(NOW.plusSeconds(26)).build()));
        IndexStore store = (name, html, expiresAt, deadline) -> {
            asked.add(expiresAt);
            return new Link("https://index.example/" + name, expiresAt);
        };

        List<Composer.Message> messages = new Composer(new FormatterDigests(), store).compose(chat, files, null);

        assertThat(asked).containsExactly(NOW.plusSeconds(26));
        assertThat(messages).singleElement().satisfies(m -> assertThat(m.indexPage()).isNotNull());
    }
}
