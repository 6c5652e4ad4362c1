package dev.s3notify.core.routes;

import dev.s3notify.core.EventType;
import dev.s3notify.core.LinkEvent;
import dev.s3notify.core.text.SafeText;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A route's filters: every filter given must match (and), and within one filter any of its values (or). An event
 * without a content type or a size (a deleted object has neither) matches no filter on them. Keys are compared as
 * the decoders produce them, URL-decoded, and case-sensitive, as S3 compares them. Immutable and thread-safe.
 */
public final class RouteFilter {
    /** No filters: every event matches. */
    public static final RouteFilter ANY = builder().build();

    private final List<String> buckets;
    private final List<String> prefixes;
    private final List<String> suffixes;
    private final List<KeyGlob> globs;
    private final Set<EventType> eventTypes;
    private final List<String> contentTypes;
    private final Long minSize;
    private final Long maxSize;

    private RouteFilter(Builder b) {
        buckets = List.copyOf(b.buckets);
        prefixes = List.copyOf(b.prefixes);
        suffixes = List.copyOf(b.suffixes);
        globs = List.copyOf(b.globs);
        eventTypes = b.eventTypes.isEmpty() ? Set.of() : Set.copyOf(b.eventTypes);
        contentTypes = List.copyOf(b.contentTypes);
        minSize = b.minSize;
        maxSize = b.maxSize;
    }

    /** @return a builder with no filters */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * @param event a link event (or one made from an S3 event without its link)
     * @return whether every filter matches it
     */
    public boolean matches(LinkEvent event) {
        return refusal(event).isEmpty();
    }

    /**
     * @param event a link event
     * @return empty when every filter matches; else the first that does not (bucket, prefix, suffix, glob, eventType,
     *     contentType, size), in words, such as {@code suffix: key "photos/cat.jpg" does not end with .pdf}
     */
    public Optional<String> refusal(LinkEvent event) {
        String key = event.key() != null ? event.key() : event.fileName();
        if (!buckets.isEmpty() && !buckets.contains(event.bucket())) {
            return no("bucket: " + SafeText.quote(event.bucket()) + " is not " + or(buckets));
        }
        if (!prefixes.isEmpty() && prefixes.stream().noneMatch(key::startsWith)) {
            return no("prefix: key " + SafeText.quote(key) + " does not start with " + or(prefixes));
        }
        if (!suffixes.isEmpty() && suffixes.stream().noneMatch(key::endsWith)) {
            return no("suffix: key " + SafeText.quote(key) + " does not end with " + or(suffixes));
        }
        if (!globs.isEmpty() && globs.stream().noneMatch(glob -> glob.matches(key))) {
            return no("glob: key " + SafeText.quote(key) + " matches none of " + or(globs));
        }
        if (!eventTypes.isEmpty() && !eventTypes.contains(event.eventType())) {
            return no("eventType: " + event.eventType().wireName() + " is not "
                    + or(eventTypes.stream().map(EventType::wireName).sorted().toList()));
        }
        if (!contentTypes.isEmpty()) {
            Optional<String> refused = contentType(event.contentType());
            if (refused.isPresent()) {
                return refused;
            }
        }
        return size(event.size());
    }

    private Optional<String> contentType(String raw) {
        if (raw == null || raw.isBlank()) {
            return no("contentType: unknown (the event carries none; the link generator reads it with HEAD_OBJECT)");
        }
        String type = mediaType(raw);
        boolean any = contentTypes.stream().anyMatch(wanted -> wanted.endsWith("/*")
                ? type.startsWith(wanted.substring(0, wanted.length() - 1)) : type.equals(wanted));
        return any ? Optional.empty() : no("contentType: " + SafeText.quote(type) + " is not " + or(contentTypes));
    }

    private Optional<String> size(Long size) {
        if (minSize == null && maxSize == null) {
            return Optional.empty();
        }
        if (size == null) {
            return no("size: unknown (the event carries none; a deleted object has none)");
        }
        if (minSize != null && size < minSize) {
            return no("size: " + size + " bytes is below the minimum of " + minSize);
        }
        if (maxSize != null && size > maxSize) {
            return no("size: " + size + " bytes is above the maximum of " + maxSize);
        }
        return Optional.empty();
    }

    /** The media type alone, lowercase: {@code Text/HTML; charset=utf-8} is {@code text/html}. */
    static String mediaType(String raw) {
        int semicolon = raw.indexOf(';');
        return (semicolon < 0 ? raw : raw.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }

    private static Optional<String> no(String why) {
        return Optional.of(why);
    }

    private static String or(Collection<?> values) {
        List<String> shown = values.stream().map(v -> SafeText.cut(String.valueOf(v), 80)).toList();
        return shown.size() == 1 ? shown.get(0) : "any of " + String.join(", ", shown);
    }

    /** @return the filters for people: {@code every event}, or {@code suffix .pdf; eventType created} */
    public String describe() {
        List<String> parts = new ArrayList<>();
        part(parts, "bucket", buckets);
        part(parts, "prefix", prefixes);
        part(parts, "suffix", suffixes);
        part(parts, "glob", globs);
        part(parts, "eventType", eventTypes.stream().map(EventType::wireName).sorted().toList());
        part(parts, "contentType", contentTypes);
        if (minSize != null || maxSize != null) {
            parts.add("size " + (minSize == null ? 0 : minSize) + ".." + (maxSize == null ? "" : maxSize) + " bytes");
        }
        return parts.isEmpty() ? "every event" : String.join("; ", parts);
    }

    private static void part(List<String> parts, String name, Collection<?> values) {
        if (!values.isEmpty()) {
            parts.add(name + " " + String.join(", ", values.stream().map(String::valueOf).toList()));
        }
    }

    @Override
    public String toString() {
        return "RouteFilter[" + describe() + "]";
    }

    /** Collects the filters; each call adds values to its filter. */
    public static final class Builder {
        private final List<String> buckets = new ArrayList<>();
        private final List<String> prefixes = new ArrayList<>();
        private final List<String> suffixes = new ArrayList<>();
        private final List<KeyGlob> globs = new ArrayList<>();
        private final Set<EventType> eventTypes = EnumSet.noneOf(EventType.class);
        private final List<String> contentTypes = new ArrayList<>();
        private Long minSize;
        private Long maxSize;

        private Builder() {
        }

        /** @param names bucket names, exact @return this */
        public Builder bucket(String... names) {
            buckets.addAll(List.of(names));
            return this;
        }

        /** @param values key prefixes @return this */
        public Builder prefix(String... values) {
            prefixes.addAll(List.of(values));
            return this;
        }

        /** @param values key suffixes @return this */
        public Builder suffix(String... values) {
            suffixes.addAll(List.of(values));
            return this;
        }

        /**
         * @param values key globs ({@code *}, {@code **}, {@code ?})
         * @return this
         * @throws IllegalArgumentException for a glob with {@code ***}
         */
        public Builder glob(String... values) {
            for (String value : values) {
                globs.add(KeyGlob.compile(value));
            }
            return this;
        }

        /** @param types event types @return this */
        public Builder eventType(EventType... types) {
            eventTypes.addAll(List.of(types));
            return this;
        }

        /** @param types media types such as {@code application/pdf} or {@code image/*} @return this */
        public Builder contentType(String... types) {
            for (String type : types) {
                contentTypes.add(mediaType(type));
            }
            return this;
        }

        /** @param bytes the smallest size that matches @return this */
        public Builder minSize(long bytes) {
            minSize = bytes;
            return this;
        }

        /** @param bytes the largest size that matches @return this */
        public Builder maxSize(long bytes) {
            maxSize = bytes;
            return this;
        }

        /** @return the filter */
        public RouteFilter build() {
            return new RouteFilter(this);
        }
    }
}
