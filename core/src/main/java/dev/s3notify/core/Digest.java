package dev.s3notify.core;

import dev.s3notify.core.error.TemplateLimitException;
import dev.s3notify.core.support.Sha256;
import dev.s3notify.core.templates.DigestTemplate;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.IntPredicate;
import java.util.function.UnaryOperator;

/**
 * Several notifications for one destination, to be sent as one message: the files with their links, what happened
 * to them, their common key prefix, total size and buckets, and, when the queue layer has written one, the link to
 * an index page listing every file. A formatter places {@link #message(int)} (the rendered {@code DIGEST_TEMPLATE})
 * and lists as many files as the platform's limits allow ({@link #mostListed}).
 *
 * <p>A digest of one file is never formatted as a digest: the caller sends that file's single message, byte for
 * byte. Build one with {@link #builder(DigestTemplate)}; immutable and thread-safe.
 */
public final class Digest {
    private final List<Notification> notifications;
    private final String id;
    private final Link indexLink;
    private final Renderer template;

    private Digest(List<Notification> notifications, String id, Link indexLink, Renderer template) {
        this.notifications = List.copyOf(notifications);
        this.id = id;
        this.indexLink = indexLink;
        this.template = template;
    }

    /**
     * @param template the compiled {@code DIGEST_TEMPLATE} (or the formatter's default), escaped for the platform
     * @return a builder
     */
    public static Builder builder(Renderer template) {
        return new Builder(template);
    }

    /** @return the notifications, in the order they arrived */
    public List<Notification> notifications() {
        return notifications;
    }

    /** @return the link events, in order */
    public List<LinkEvent> files() {
        return notifications.stream().map(Notification::event).toList();
    }

    /** @return how many files */
    public int count() {
        return notifications.size();
    }

    /** @return how many were uploaded (created) */
    public int uploaded() {
        return countOf(EventType.CREATED);
    }

    /** @return how many were removed */
    public int deleted() {
        return countOf(EventType.DELETED);
    }

    /** @return how many were restored from an archive */
    public int restored() {
        return countOf(EventType.RESTORED);
    }

    /** @return how many files have a link (deleted files have none) */
    public int linked() {
        return (int) notifications.stream().filter(Notification::hasLink).count();
    }

    /** @return the sum of the sizes the events give, in bytes */
    public long totalSize() {
        return files().stream().mapToLong(e -> e.size() == null ? 0 : e.size()).sum();
    }

    /** @return the buckets, sorted */
    public List<String> buckets() {
        return List.copyOf(new TreeSet<>(files().stream().map(LinkEvent::bucket).toList()));
    }

    /**
     * @return the longest key prefix every file shares, up to and including a {@code /} ({@code uploads/2026-11/});
     *     empty when they share none or are in several buckets
     */
    public String commonPrefix() {
        if (buckets().size() != 1) {
            return "";
        }
        List<String> keys = files().stream().map(e -> e.key() != null ? e.key() : e.fileName()).toList();
        String prefix = keys.get(0);
        for (String key : keys) {
            int i = 0;
            while (i < prefix.length() && i < key.length() && prefix.charAt(i) == key.charAt(i)) {
                i++;
            }
            prefix = prefix.substring(0, i);
        }
        return prefix.substring(0, prefix.lastIndexOf('/') + 1);
    }

    /** @return the index page's link, when the queue layer has written one */
    public Optional<Link> indexLink() {
        return Optional.ofNullable(indexLink);
    }

    /**
     * @param link the index page's link
     * @return a copy carrying it
     */
    public Digest withIndexLink(Link link) {
        return new Digest(notifications, id, Objects.requireNonNull(link, "link"), template);
    }

    /** @return an id stable for the same files in any order (from their event ids), for idempotency headers */
    public String id() {
        return id;
    }

    /** @return one line for people: "14 files uploaded to uploads/2026-11/ (1.2 GB)" */
    public String summary() {
        return DigestSummary.of(this, UnaryOperator.identity());
    }

    /**
     * @param escape the platform's escaping, applied to the parts that come from the events (prefix, bucket)
     * @return {@link #summary()} with those parts escaped and its own words, such as "(1.2 GB)", left as they are
     */
    public String summary(UnaryOperator<String> escape) {
        return DigestSummary.of(this, escape);
    }

    /**
     * @param listed how many files, from the first, the message lists (0 to {@link #count()}); the others are
     *     counted as {@code more} and reached through the index link
     * @return the rendered {@code DIGEST_TEMPLATE}, escaped for the platform, white space trimmed
     */
    public String message(int listed) {
        if (listed < 0 || listed > count()) {
            throw new IllegalArgumentException("listed must be 0 to " + count() + ", not " + listed);
        }
        return template.render(this, listed);
    }

    /** @return the rendered {@code DIGEST_TEMPLATE} listing every file */
    public String message() {
        return message(count());
    }

    /**
     * @param fits whether a message listing that many files (from the first) is within the platform's limits;
     *     expected to hold for every number up to some largest one. A listing whose text passes the bound of every
     *     render ({@link TemplateLimitException#outputTooLong()}) does not fit.
     * @return the most files that fit, or -1 when not even a message listing none fits
     * @throws TemplateLimitException when a render takes more steps than any render may
     */
    public int mostListed(IntPredicate fits) {
        if (!fitting(fits, 0)) {
            return -1;
        }
        int low = 0;
        int high = count();
        while (low < high) {
            int mid = (low + high + 1) >>> 1;
            if (fitting(fits, mid)) {
                low = mid;
            } else {
                high = mid - 1;
            }
        }
        return low;
    }

    private static boolean fitting(IntPredicate fits, int listed) {
        try {
            return fits.test(listed);
        } catch (TemplateLimitException e) {
            if (e.outputTooLong()) {
                return false;
            }
            throw e;
        }
    }

    private int countOf(EventType type) {
        return (int) files().stream().filter(e -> e.eventType() == type).count();
    }

    @Override
    public String toString() {
        return "Digest[id=" + id + ", files=" + count() + ", index=" + (indexLink == null ? "none"
                : indexLink.redacted()) + "]";
    }

    /**
     * The one digest id: the same events give the same id in any order, as a redelivered queue batch may bring
     * them, so index pages and delivery records keyed by it are stable across redeliveries.
     *
     * @param eventIds the ids of the events the digest covers
     * @return {@code digest-} and 32 hex digits of the SHA-256 of the sorted ids
     */
    public static String id(Collection<String> eventIds) {
        StringBuilder ids = new StringBuilder();
        eventIds.stream().sorted().forEach(id -> ids.append(id).append('\n'));
        return "digest-" + Sha256.hex(ids.toString().getBytes(StandardCharsets.UTF_8)).substring(0, 32);
    }

    /**
     * Renders a digest's message text, listing its first files: the digest template compiled at start-up. The
     * digest holds the renderer rather than the template, so that the model does not depend on how templates work.
     */
    @FunctionalInterface
    public interface Renderer {
        /**
         * @param digest the digest
         * @param listed how many of its files to list, 0 to {@link Digest#count()}
         * @return the message text, escaped for the platform
         */
        String render(Digest digest, int listed);
    }

    /** Collects a digest's parts; only the notifications are required. */
    public static final class Builder {
        private final Renderer template;
        private final List<Notification> notifications = new ArrayList<>();
        private String id;
        private Link indexLink;

        private Builder(Renderer template) {
            this.template = Objects.requireNonNull(template, "template");
        }

        /**
         * @param notification one more file
         * @return this builder
         */
        public Builder add(Notification notification) {
            notifications.add(Objects.requireNonNull(notification, "notification"));
            return this;
        }

        /**
         * @param more more files
         * @return this builder
         */
        public Builder addAll(Collection<Notification> more) {
            more.forEach(this::add);
            return this;
        }

        /**
         * @param digestId the id to send in idempotency headers instead of one derived from the event ids
         * @return this builder
         */
        public Builder id(String digestId) {
            this.id = digestId;
            return this;
        }

        /**
         * @param link the index page's link
         * @return this builder
         */
        public Builder indexLink(Link link) {
            this.indexLink = link;
            return this;
        }

        /**
         * @return the digest
         * @throws IllegalArgumentException when there are no notifications
         */
        public Digest build() {
            if (notifications.isEmpty()) {
                throw new IllegalArgumentException("a digest needs at least one notification");
            }
            return new Digest(notifications, id != null ? id : derivedId(notifications), indexLink, template);
        }

        private static String derivedId(List<Notification> notifications) {
            return Digest.id(notifications.stream().map(Notification::eventId).toList());
        }
    }
}
