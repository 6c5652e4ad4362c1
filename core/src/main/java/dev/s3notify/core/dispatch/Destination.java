package dev.s3notify.core.dispatch;

import dev.s3notify.core.Digest;
import dev.s3notify.core.Link;
import dev.s3notify.core.LinkEvent;
import dev.s3notify.core.Notification;
import dev.s3notify.core.RateLimit;
import dev.s3notify.core.WebhookRequest;
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
 */
public record Destination(String name, String kind, WebhookFormatter formatter, MessageTemplate template,
        Digest.Renderer digestTemplate, Secret url) {

    /** Rejects missing values. */
    public Destination {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(formatter, "formatter");
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(digestTemplate, "digestTemplate");
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
        return "Destination[" + name + ", kind=" + kind + ", host=" + host() + "]";
    }
}
