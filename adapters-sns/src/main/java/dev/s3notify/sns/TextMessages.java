package dev.s3notify.sns;

import dev.s3notify.core.Digest;
import dev.s3notify.core.Link;
import dev.s3notify.core.Notification;
import dev.s3notify.core.WebhookRequest;
import dev.s3notify.core.text.TextLimit;
import java.util.List;
import java.util.Optional;

/**
 * The text shape: the rendered message is the whole SNS message (core has cut it to {@link SnsFormatter#MAX_MESSAGE_BYTES}
 * bytes, links whole), and the subject goes with it for email subscribers.
 */
final class TextMessages {
    static final String CONTENT_TYPE = "text/plain; charset=utf-8";
    private static final TextLimit BODY = TextLimit.utf8Bytes(SnsFormatter.MAX_MESSAGE_BYTES);

    private TextMessages() {
    }

    /** @param subject the subject, or null for none */
    static WebhookRequest single(Notification notification, String subject) {
        String body = notification.message().isBlank() ? fallback(notification) : notification.message();
        return request(BODY.cut(body), subject, notification.eventId());
    }

    static Optional<WebhookRequest> digest(Digest digest) {
        int listed = digest.mostListed(n -> BODY.fits(digest.message(n)));
        if (listed < digest.count() && digest.indexLink().isEmpty()) {
            return Optional.empty();
        }
        List<String> keep = digest.indexLink().map(Link::url).stream().toList();
        String body = listed < 0 ? BODY.cut(digest.message(0), keep) : digest.message(listed);
        return Optional.of(request(body.isBlank() ? digest.summary() : body, Subjects.clean(digest.summary()),
                digest.id()));
    }

    /** SNS refuses an empty message: a template that renders nothing still says which file. */
    private static String fallback(Notification notification) {
        String link = notification.hasLink() ? " " + notification.event().fileUrl() : "";
        return PlainText.escape(notification.event().fileName()) + link;
    }

    private static WebhookRequest request(String body, String subject, String id) {
        WebhookRequest.Builder request = WebhookRequest.builder().body(body).contentType(CONTENT_TYPE)
                .header(SnsFormatter.DEDUPLICATION_HEADER, id);
        if (subject != null) {
            request.header(SnsFormatter.SUBJECT_HEADER, subject);
        }
        return request.build();
    }
}
