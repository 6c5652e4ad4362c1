package dev.s3notify.core.dispatch;

import dev.s3notify.core.Digest;
import dev.s3notify.core.Link;
import dev.s3notify.core.LinkEvent;
import dev.s3notify.core.Notification;
import dev.s3notify.core.RateLimit;
import dev.s3notify.core.WebhookRequest;
import dev.s3notify.core.error.ConfigurationException;
import dev.s3notify.core.error.DeliveryException;
import dev.s3notify.core.text.SafeText;
import dev.s3notify.core.routes.RouteFilter;
import dev.s3notify.core.support.Redact;
import dev.s3notify.core.support.Secret;
import dev.s3notify.core.templates.DigestTemplate;
import dev.s3notify.core.templates.MessageTemplate;
import dev.s3notify.core.templates.TemplateModel;
import dev.s3notify.spi.WebhookFormatter;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One place messages go: a webhook, the configured formatter for its platform, and the templates. Delivery is per
 * destination, so one that fails does not hold up another.
 *
 * @param name a name for logs, such as the kind
 * @param kind the formatter's kind ({@code WEBHOOK_KIND})
 * @param formatter the platform's formatter, configured
 * @param template the compiled message template
 * @param digestTemplate the digest template (a {@link DigestTemplate}, or one compiled on first use:
 *     {@link DigestTemplate#onFirstUse})
 * @param url the webhook URL, a credential: only its host is ever shown; null when previewing
 * @param routing which events it takes and where they go when it refuses them for good: {@link Routing#IMPLICIT}
 *     for the one destination made of {@code WEBHOOK_URL} and the other variables when no routes are configured
 */
public record Destination(String name, String kind, WebhookFormatter formatter, MessageTemplate template,
        Digest.Renderer digestTemplate, Secret url, Routing routing) {

    /**
     * Where a destination sits among the routes.
     *
     * @param filter the events it takes, or null for the implicit route, which takes every event
     * @param fallback the name of the route its messages go to when its webhook refuses them for good, or null
     * @param redirectedFrom when this is a fallback's copy made for another route's refused messages, that route's
     *     name; else null
     * @param note the line put first in every message of such a copy, saying where it was meant to go and why it
     *     came here; null when {@code redirectedFrom} is
     */
    public record Routing(RouteFilter filter, String fallback, String redirectedFrom, String note) {
        /** The implicit route {@code default}: every event, no fallback. */
        public static final Routing IMPLICIT = new Routing(null, null, null, null);

        /**
         * @param filter the events the route takes
         * @param fallback the fallback route's name, or null
         * @return the routing of a route of the routes document
         */
        public static Routing named(RouteFilter filter, String fallback) {
            return new Routing(Objects.requireNonNull(filter, "filter"), fallback, null, null);
        }
    }

    /**
     * Rejects missing values, and a destination that is not an http(s) URL (an ARN) for a formatter without its own
     * {@link WebhookFormatter#delivery() delivery}.
     */
    public Destination {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(formatter, "formatter");
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(digestTemplate, "digestTemplate");
        Objects.requireNonNull(routing, "routing");
        if (url != null && formatter.delivery().isEmpty() && !url.reveal().regionMatches(true, 0, "http", 0, 4)) {
            throw new ConfigurationException("the " + kind + " kind posts to https webhooks, and "
                    + Redact.host(url.reveal()) + " is not one: an ARN is for a kind that delivers through AWS"
                    + " itself (sns for an SNS topic); set WEBHOOK_KIND, or the route's kind, to it");
        }
    }

    /**
     * The implicit route's destination, made of today's variables when no routes are configured.
     *
     * @param name a name for logs, such as the kind
     * @param kind the formatter's kind
     * @param formatter the platform's formatter, configured
     * @param template the compiled message template
     * @param digestTemplate the digest template
     * @param url the webhook URL, or null when previewing
     */
    public Destination(String name, String kind, WebhookFormatter formatter, MessageTemplate template,
            Digest.Renderer digestTemplate, Secret url) {
        this(name, kind, formatter, template, digestTemplate, url, Routing.IMPLICIT);
    }

    /**
     * @param from the destination whose webhook refused messages for good (itself maybe a fallback's copy)
     * @param refusal what its webhook answered
     * @return this destination as {@code from}'s fallback: every message starts with a line saying which route it was
     *     meant for, and why it came here
     */
    public Destination fallbackFor(Destination from, DeliveryException refusal) {
        String origin = from.routing().redirectedFrom() != null ? from.routing().redirectedFrom() : from.name();
        String why = refusal.detail().isEmpty()
                ? refusal.reason().name() + (refusal.status() > 0 ? " (HTTP " + refusal.status() + ")" : "")
                : refusal.detail() + " (" + refusal.reason().name() + ")";
        String via = origin.equals(from.name()) ? "" : " and its fallback route '" + from.name() + "'";
        return redirectedFrom(origin, "Meant for route '" + origin + "' (" + from.kind() + ", " + from.host()
                + "), but its webhook" + via + " refused it for good: " + SafeText.cut(why, 200)
                + ". Sent here instead, to its fallback route '" + name + "'.");
    }

    /**
     * @param destinations where messages go
     * @param name a destination's name (a route's, or the implicit route's kind)
     * @return the destination of that name, if there is one: how a route's fallback, and a posted message's
     *     destination, are looked up
     */
    public static Optional<Destination> find(List<Destination> destinations, String name) {
        return destinations.stream().filter(destination -> destination.name().equals(name)).findFirst();
    }

    /** @return whether this is a route of a routes document rather than the implicit route {@code default} */
    public boolean named() {
        return routing.filter() != null;
    }

    /**
     * @param event a link event
     * @return whether this destination's filters take it (the implicit route takes every event)
     */
    public boolean accepts(LinkEvent event) {
        return routing.filter() == null || routing.filter().matches(event);
    }

    /** @return the name of the route that takes this destination's messages when its webhook refuses them for good */
    public Optional<String> fallback() {
        return Optional.ofNullable(routing.fallback());
    }

    /**
     * @param from the route whose webhook refused the messages for good
     * @param note the line that says where they were meant to go and why they came here, plain text
     * @return this destination as the fallback of {@code from}: every message starts with the note, escaped for the
     *     platform, and this copy's own fallback still applies
     */
    public Destination redirectedFrom(String from, String note) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(note, "note");
        Digest.Renderer digests = (digest, listed) -> formatter.escapeDigest(note) + "\n"
                + digestTemplate.render(digest, listed);
        return new Destination(name, kind, formatter, template, digests, url,
                new Routing(routing.filter(), routing.fallback(), from, note));
    }

    /** @return the webhook's host, the only part of its URL that may be shown */
    public String host() {
        return url == null ? "(none)" : Redact.host(url.reveal());
    }

    /** @return the platform's documented sending rate, which the sender paces to */
    public RateLimit rateLimit() {
        return formatter.rateLimit();
    }

    /**
     * @param event the link event
     * @param eventId the id of the event that carried it
     * @return the notification with this destination's message text rendered, cut to the formatter's declared
     *     message limit ({@link MessageFit#message})
     */
    public Notification notification(LinkEvent event, String eventId) {
        String rendered = template.render(TemplateModel.of(event, eventId));
        if (routing.note() != null) {
            rendered = formatter.escape(routing.note()) + "\n" + rendered;
        }
        return new Notification(event, MessageFit.message(formatter, event, rendered), eventId);
    }

    /**
     * @param notification the notification
     * @return the request this destination's formatter builds for it, fitted to the formatter's declared limits
     *     ({@link MessageFit#request})
     */
    public WebhookRequest request(Notification notification) {
        return MessageFit.request(kind, formatter, notification);
    }

    /**
     * @param notifications two or more notifications for this destination (a single one is sent with
     *     {@link #request(Notification)}, as the single-file message)
     * @return the digest, rendered with this destination's digest template, without an index link
     */
    public Digest digest(List<Notification> notifications) {
        return digest(notifications, null);
    }

    /**
     * @param notifications two or more notifications for this destination
     * @param index the link to the index page listing every file, or null when none was written
     * @return the digest, rendered with this destination's digest template
     */
    public Digest digest(List<Notification> notifications, Link index) {
        return Digest.builder(digestTemplate).addAll(notifications).indexLink(index).build();
    }

    /**
     * @param digest a digest made with {@link #digest(List)}, with or without an index link
     * @return the request, or empty when the links do not fit and the digest has no index link yet
     */
    public Optional<WebhookRequest> request(Digest digest) {
        return formatter.formatDigest(digest);
    }

    @Override
    public String toString() {
        return "Destination[" + name + ", kind=" + kind + ", host=" + host()
                + (routing.redirectedFrom() == null ? "" : ", fallback of " + routing.redirectedFrom()) + "]";
    }
}
