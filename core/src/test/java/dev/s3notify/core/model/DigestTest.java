package dev.s3notify.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.s3notify.core.Digest;
import dev.s3notify.core.EventType;
import dev.s3notify.core.Link;
import dev.s3notify.core.LinkEvent;
import dev.s3notify.core.Notification;
import dev.s3notify.core.error.ConfigurationException;
import dev.s3notify.core.templates.DigestTemplate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DigestTest {
    private static final Instant AT = Instant.parse("2026-11-21T17:16:21Z");
    private static final DigestTemplate PLAIN = DigestTemplate.compile("{{summary}}\n{{#files}}{{fileName}}"
            + "{{#hasLink}} {{{fileUrl}}}{{/hasLink}}\n{{/files}}{{#hasMore}}and {{more}} more{{/hasMore}}"
            + "{{#hasIndex}} {{{indexUrl}}}{{/hasIndex}}", "DIGEST_TEMPLATE", text -> text.replace("*", "\\*"));

    @Test
    void summarisesUploadsUnderTheirCommonPrefixWithTheirTotalSize() {
        Digest digest = digest(uploads("uploads/2026-11/", 14, 92_233_720L));

        assertThat(digest.summary()).isEqualTo("14 files uploaded to uploads/2026-11/ (1.2 GB)");
        assertThat(digest.commonPrefix()).isEqualTo("uploads/2026-11/");
        assertThat(digest.totalSize()).isEqualTo(14 * 92_233_720L);
        assertThat(digest.uploaded()).isEqualTo(14);
    }

    @Test
    void escapesOnlyTheWordsThatComeFromTheEvents() {
        Digest digest = digest(uploads("up_loads/", 2, 1_024L));

        assertThat(digest.summary(text -> text.replace("_", "\\_")))
                .isEqualTo("2 files uploaded to up\\_loads/ (2.0 KB)");
    }

    @Test
    void namesTheBucketWhenTheKeysShareNoFolderAndCountsMixedChanges() {
        List<Notification> files = new ArrayList<>(uploads("a", 2, 1_024L));
        files.add(notification(event("b.txt", null, EventType.DELETED, "bucket-1"), "gone"));

        Digest digest = digest(files);

        assertThat(digest.commonPrefix()).isEmpty();
        assertThat(digest.summary()).isEqualTo("3 files changed in bucket-1: 2 uploaded, 1 removed (2.0 KB)");
    }

    @Test
    void countsBucketsAndSharesNoPrefixAcrossThem() {
        Digest digest = digest(List.of(notification(event("x/a.pdf", "https://h/a", EventType.DELETED, "b1"), "1"),
                notification(event("x/b.pdf", "https://h/b", EventType.DELETED, "b2"), "2")));

        assertThat(digest.buckets()).containsExactly("b1", "b2");
        assertThat(digest.summary()).isEqualTo("2 files removed from 2 buckets");
    }

    @Test
    void rendersTheFirstFilesAndCountsTheRestWithTheIndexLink() {
        Digest digest = digest(uploads("u/", 3, 10L)).withIndexLink(new Link("https://idx/all.html?s=1", AT));

        assertThat(digest.message(1)).isEqualTo("3 files uploaded to u/ (30 bytes)\nfile-0.pdf https://h/u/file-0.pdf\n"
                + "and 2 more https://idx/all.html?s=1");
        assertThat(digest.message()).contains("file-2.pdf https://h/u/file-2.pdf").doesNotContain("more");
    }

    @Test
    void escapesValuesWithThePlatformsEscaping() {
        Digest digest = digest(List.of(notification(event("u/*a*.pdf", "https://h/a", EventType.CREATED, "b"), "1"),
                notification(event("u/b.pdf", "https://h/b", EventType.CREATED, "b"), "2")));

        assertThat(digest.message()).contains("\\*a\\*.pdf https://h/a");
    }

    @Test
    void cutsAnAbsurdNameInTheList() {
        Digest digest = digest(List.of(notification(event("u/" + "n".repeat(5_000), "https://h/a", EventType.CREATED,
                "b"), "1"), notification(event("u/b.pdf", "https://h/b", EventType.CREATED, "b"), "2")));

        assertThat(digest.message()).contains("n".repeat(255) + "… https://h/a").doesNotContain("n".repeat(256));
    }

    @Test
    void findsTheMostFilesThatFit() {
        Digest digest = digest(uploads("u/", 50, 1L));

        assertThat(digest.mostListed(n -> n <= 17)).isEqualTo(17);
        assertThat(digest.mostListed(n -> true)).isEqualTo(50);
        assertThat(digest.mostListed(n -> false)).isEqualTo(-1);
    }

    @Test
    void derivesAStableIdFromTheEventIds() {
        assertThat(digest(uploads("u/", 3, 1L)).id()).isEqualTo(digest(uploads("u/", 3, 1L)).id())
                .startsWith("digest-").isNotEqualTo(digest(uploads("u/", 4, 1L)).id());
    }

    @Test
    void refusesAnEmptyDigestAndAListingOutOfRange() {
        assertThatThrownBy(() -> Digest.builder(PLAIN).build()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> digest(uploads("u/", 2, 1L)).message(3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0 to 2");
    }

    @Test
    void refusesATemplateNameDigestsDoNotHave() {
        assertThatThrownBy(() -> DigestTemplate.compile("{{fileCount}}", "DIGEST_TEMPLATE", t -> t))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("DIGEST_TEMPLATE uses [{{fileCount}}]");
    }

    private static Digest digest(List<Notification> files) {
        return Digest.builder(PLAIN).addAll(files).build();
    }

    private static List<Notification> uploads(String prefix, int count, long size) {
        List<Notification> files = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            LinkEvent event = LinkEvent.builder().fileName("file-" + i + ".pdf")
                    .fileUrl("https://h/" + prefix + "file-" + i + ".pdf").bucket("bucket-1").expirationTime("24 hours")
                    .timestamp(AT).key(prefix + "file-" + i + ".pdf").size(size).eventTime(AT)
                    .expiresAt(AT.plusSeconds(86_400)).region("us-east-1").sourceEventId("s3-" + i).build();
            files.add(notification(event, "evt-" + i));
        }
        return files;
    }

    private static LinkEvent event(String key, String url, EventType type, String bucket) {
        return LinkEvent.builder().fileName(key.substring(key.lastIndexOf('/') + 1)).fileUrl(url).bucket(bucket)
                .timestamp(AT).key(key).eventType(type).eventTime(AT).region("us-east-1").build();
    }

    private static Notification notification(LinkEvent event, String id) {
        return new Notification(event, "", id);
    }
}
