package dev.s3notify.core.routes;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One route of a routes document, checked for its shape: a name, where its webhook URL comes from, its filters, and
 * optionally its kind, templates, its kind's settings and a fallback route. Kinds, settings and templates are checked
 * where the formatters are known. Made with {@link #builder}; immutable.
 */
public final class Route {
    private final String name;
    private final String kind;
    private final WebhookSource source;
    private final RouteFilter filter;
    private final String template;
    private final String digestTemplate;
    private final Map<String, String> settings;
    private final String fallback;

    private Route(Builder b) {
        name = b.name;
        kind = b.kind;
        source = Objects.requireNonNull(b.source, "source");
        filter = b.filter;
        template = b.template;
        digestTemplate = b.digestTemplate;
        settings = Collections.unmodifiableMap(new LinkedHashMap<>(b.settings));
        fallback = b.fallback;
    }

    /** @param name the route's name @return a builder for it */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** @return the route's name, unique in its document */
    public String name() {
        return name;
    }

    /** @return the formatter's kind, or empty to infer it from the URL */
    public Optional<String> kind() {
        return Optional.ofNullable(kind);
    }

    /** @return where the webhook URL comes from */
    public WebhookSource source() {
        return source;
    }

    /** @return which events the route takes */
    public RouteFilter filter() {
        return filter;
    }

    /** @return the route's message template, or empty for its kind's default */
    public Optional<String> template() {
        return Optional.ofNullable(template);
    }

    /** @return the route's digest template, or empty for its kind's default */
    public Optional<String> digestTemplate() {
        return Optional.ofNullable(digestTemplate);
    }

    /** @return its kind's settings, by variable name, in the document's order */
    public Map<String, String> settings() {
        return settings;
    }

    /** @return the route that takes its messages when its webhook refuses them for good, or empty */
    public Optional<String> fallback() {
        return Optional.ofNullable(fallback);
    }

    @Override
    public String toString() {
        return "Route[" + name + ", " + source.describe() + ", " + filter.describe() + "]";
    }

    /** Collects a route's parts; the name and the webhook source are required. */
    public static final class Builder {
        private final String name;
        private String kind;
        private WebhookSource source;
        private RouteFilter filter = RouteFilter.ANY;
        private String template;
        private String digestTemplate;
        private final Map<String, String> settings = new LinkedHashMap<>();
        private String fallback;

        private Builder(String name) {
            this.name = Objects.requireNonNull(name, "name");
        }

        /** @param value the formatter's kind @return this */
        public Builder kind(String value) {
            kind = value;
            return this;
        }

        /** @param value where the webhook URL comes from @return this */
        public Builder source(WebhookSource value) {
            source = value;
            return this;
        }

        /** @param value the filters @return this */
        public Builder filter(RouteFilter value) {
            filter = Objects.requireNonNull(value, "filter");
            return this;
        }

        /** @param value the message template @return this */
        public Builder template(String value) {
            template = value;
            return this;
        }

        /** @param value the digest template @return this */
        public Builder digestTemplate(String value) {
            digestTemplate = value;
            return this;
        }

        /** @param values the kind's settings by variable name @return this */
        public Builder settings(Map<String, String> values) {
            settings.putAll(values);
            return this;
        }

        /** @param value the fallback route's name @return this */
        public Builder fallback(String value) {
            fallback = value;
            return this;
        }

        /** @return the route */
        public Route build() {
            return new Route(this);
        }
    }
}
