package dev.s3notify.core.dispatch;

import dev.s3notify.core.LinkEvent;
import dev.s3notify.core.Notification;
import dev.s3notify.core.WebhookRequest;
import dev.s3notify.core.error.S3NotifyException;
import dev.s3notify.core.text.Fitting;
import dev.s3notify.core.text.TextUnit;
import dev.s3notify.spi.MessageLimits;
import dev.s3notify.spi.WebhookFormatter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The one place a message is fitted to the limits its formatter declares ({@link WebhookFormatter#limits()}): the
 * rendered text is cut to the message limit, the event's link kept whole as the template inserted it (raw and
 * escaped), and when the formatted body is still over the byte limit the formatter is asked again with the longest
 * start of the message that fits ({@link Fitting}). What the dispatcher sends, and what the test-kit checks.
 */
public final class MessageFit {
    private MessageFit() {
    }

    /**
     * @param formatter the platform's formatter
     * @param event the event the message is about
     * @param rendered the rendered message template
     * @return the message cut to the formatter's message limit, its link whole
     */
    public static String message(WebhookFormatter formatter, LinkEvent event, String rendered) {
        return formatter.limits().message().cut(rendered, links(formatter, event));
    }

    /**
     * @param kind the formatter's kind, for the error
     * @param formatter the platform's formatter
     * @param notification the notification, its message as rendered
     * @return the request, its message within the message limit and its body within the byte limit
     * @throws S3NotifyException when the body is over the byte limit even with an empty message
     */
    public static WebhookRequest request(String kind, WebhookFormatter formatter, Notification notification) {
        MessageLimits limits = formatter.limits();
        List<String> links = links(formatter, notification.event());
        String message = limits.message().cut(notification.message(), links);
        WebhookRequest request = formatter.format(with(notification, message));
        if (bytes(request) <= limits.bodyBytes()) {
            return request;
        }
        String fitted = Fitting.longest(message, limits.message().boundaries(), links,
                m -> bytes(formatter.format(with(notification, m))) <= limits.bodyBytes())
                .orElseThrow(() -> unfittable(kind, formatter, notification, limits));
        return formatter.format(with(notification, fitted));
    }

    private static S3NotifyException unfittable(String kind, WebhookFormatter formatter, Notification notification,
            MessageLimits limits) {
        int empty = bytes(formatter.format(with(notification, "")));
        return new S3NotifyException("The " + kind + " formatter's body for event " + notification.eventId()
                + " is " + empty + " bytes even with an empty message, over the " + limits.bodyBytes()
                + "-byte limit it declares: its fixed parts (title, fields, link) must fit within the limit."
                + " Report it with the event id; a plugin formatter must cap its fixed parts.");
    }

    private static Notification with(Notification notification, String message) {
        return message.equals(notification.message()) ? notification
                : new Notification(notification.event(), message, notification.eventId());
    }

    /** @return the event's link as a template inserts it: raw ({@code {{{fileUrl}}}}) and escaped */
    private static List<String> links(WebhookFormatter formatter, LinkEvent event) {
        String url = event.fileUrl();
        if (url == null || url.isEmpty()) {
            return List.of();
        }
        Set<String> forms = new LinkedHashSet<>(List.of(url, formatter.escape(url)));
        return List.copyOf(forms);
    }

    private static int bytes(WebhookRequest request) {
        return TextUnit.UTF8_BYTES.length(request.body());
    }
}
