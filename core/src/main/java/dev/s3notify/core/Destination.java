package dev.s3notify.core;

import dev.s3notify.spi.WebhookFormatter;
import java.util.Objects;

/**
 * One place messages go: a webhook, the formatter for its platform with its settings, and the template. Delivery
 * is per destination, so one that fails does not hold up another.
 *
 * @param name a name for logs, such as the kind
 * @param formatter the platform's formatter
 * @param settings the formatter's validated settings
 * @param template the compiled message template
 * @param url the webhook URL, a credential: only its host is ever shown; null when previewing
 */
public record Destination(String name, WebhookFormatter formatter, KindSettings settings,
        MessageTemplate template, Secret url) {

    /** Rejects missing values. */
    public Destination {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(formatter, "formatter");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(template, "template");
    }

    /** @return the webhook's host, the only part of its URL that may be shown */
    public String host() {
        return url == null ? "(none)" : Redact.host(url.reveal());
    }

    /**
     * @param event the link event
     * @param eventId the id of the event that carried it
     * @return the notification with this destination's message text rendered
     */
    public Notification notification(LinkEvent event, String eventId) {
        return new Notification(event, template.render(TemplateModel.of(event, eventId)), eventId);
    }

    /**
     * @param notification the notification
     * @return the request this destination's formatter builds for it
     */
    public WebhookRequest request(Notification notification) {
        return formatter.format(notification, settings);
    }

    @Override
    public String toString() {
        return "Destination[" + name + ", kind=" + formatter.kind() + ", host=" + host() + "]";
    }
}
