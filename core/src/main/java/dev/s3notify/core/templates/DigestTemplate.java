package dev.s3notify.core.templates;

import dev.s3notify.core.Digest;
import dev.s3notify.core.EventType;
import dev.s3notify.core.LinkEvent;
import dev.s3notify.core.Notification;
import dev.s3notify.core.error.ConfigurationException;
import dev.s3notify.core.text.TextLimit;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * A {@code DIGEST_TEMPLATE}: Mustache, compiled once at start-up like {@code MESSAGE_TEMPLATE} and escaped the same
 * way, with the values of a {@link Digest}: {@link #NAMES} for the digest, and within {@code {{#files}}…{{/files}}}
 * {@link #FILE_NAMES} for each listed file (names cut to 256 code points, keys to 1,024). Documented in
 * {@code docs/templates.md}.
 */
public final class DigestTemplate implements Digest.Renderer {
    /** The digest's values. */
    public static final List<String> NAMES = List.of("summary", "count", "uploaded", "deleted", "restored",
            "prefix", "totalSize", "totalBytes", "bucket", "buckets", "files", "listed", "more", "hasMore",
            "indexUrl", "hasIndex", "indexExpiresAt", "indexExpiresAtEpoch", "digestId");
    /** Each listed file's values, inside {@code {{#files}}…{{/files}}}. */
    public static final List<String> FILE_NAMES = List.of("fileName", "key", "fileUrl", "bucket", "size",
            "sizeText", "eventType", "hasLink", "created", "deleted", "restored", "expirationTime", "eventId");

    /** A listed file's name is cut to this, so that one absurd name does not crowd the others out. */
    static final TextLimit NAME = TextLimit.codePoints(256);
    /** A listed file's key is cut to this (S3 keys are at most 1,024 bytes). */
    static final TextLimit KEY = TextLimit.codePoints(1_024);

    private final MessageTemplate template;

    private DigestTemplate(MessageTemplate template) {
        this.template = template;
    }

    /**
     * @param template the template text
     * @param variable where it came from, for messages ({@code DIGEST_TEMPLATE}, or a formatter's default)
     * @param escaper the platform's escaping for {@code {{name}}} (the formatter's {@code escapeDigest})
     * @return the compiled template
     * @throws ConfigurationException when it does not compile or names a value digests do not have
     */
    public static DigestTemplate compile(String template, String variable, UnaryOperator<String> escaper) {
        Set<String> names = new LinkedHashSet<>(NAMES);
        names.addAll(FILE_NAMES);
        return new DigestTemplate(MessageTemplate.compile(template, variable, escaper, names));
    }

    /**
     * @param digest the digest
     * @param listed how many files, from the first, to list
     * @return the text, white space trimmed
     */
    @Override
    public String render(Digest digest, int listed) {
        Map<String, Object> values = new HashMap<>();
        values.put("summary", digest.summary());
        values.put("count", Integer.toString(digest.count()));
        values.put("uploaded", Integer.toString(digest.uploaded()));
        values.put("deleted", Integer.toString(digest.deleted()));
        values.put("restored", Integer.toString(digest.restored()));
        values.put("prefix", digest.commonPrefix());
        values.put("totalSize", TemplateModel.sizeText(digest.totalSize()));
        values.put("totalBytes", Long.toString(digest.totalSize()));
        List<String> buckets = digest.buckets();
        if (buckets.size() == 1) {
            values.put("bucket", buckets.get(0));
        }
        values.put("buckets", String.join(", ", buckets));
        List<Map<String, Object>> files = new ArrayList<>();
        digest.notifications().subList(0, listed).forEach(n -> files.add(file(n)));
        values.put("files", files);
        values.put("listed", Integer.toString(listed));
        values.put("more", Integer.toString(digest.count() - listed));
        values.put("hasMore", listed < digest.count());
        digest.indexLink().ifPresent(link -> {
            values.put("indexUrl", link.url());
            // When the index page's link really ends: the files' earliest link's end, or its signer's, if sooner.
            if (link.expiresAt() != null) {
                values.put("indexExpiresAt", link.expiresAt().truncatedTo(ChronoUnit.SECONDS).toString());
                values.put("indexExpiresAtEpoch", Long.toString(link.expiresAt().getEpochSecond()));
            }
        });
        values.put("hasIndex", digest.indexLink().isPresent());
        values.put("digestId", digest.id());
        return template.render(values);
    }

    private static Map<String, Object> file(Notification notification) {
        LinkEvent event = notification.event();
        Map<String, Object> file = new HashMap<>();
        file.put("fileName", NAME.cut(event.fileName()));
        putIfSet(file, "key", event.key() == null ? null : KEY.cut(event.key()));
        putIfSet(file, "fileUrl", event.fileUrl());
        file.put("bucket", event.bucket());
        putIfSet(file, "size", event.size());
        putIfSet(file, "sizeText", event.size() == null ? null : TemplateModel.sizeText(event.size()));
        file.put("eventType", event.eventType().wireName());
        file.put("hasLink", event.fileUrl() != null);
        file.put("created", event.eventType() == EventType.CREATED);
        file.put("deleted", event.eventType() == EventType.DELETED);
        file.put("restored", event.eventType() == EventType.RESTORED);
        putIfSet(file, "expirationTime", event.expirationTime());
        file.put("eventId", notification.eventId());
        return file;
    }

    private static void putIfSet(Map<String, Object> values, String name, Object value) {
        if (value != null) {
            values.put(name, value.toString());
        }
    }
}
