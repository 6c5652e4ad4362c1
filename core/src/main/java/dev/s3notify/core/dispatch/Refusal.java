package dev.s3notify.core.dispatch;

import dev.s3notify.core.WebhookRequest;
import dev.s3notify.core.support.ResponseText;
import dev.s3notify.spi.WebhookFormatter;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * How a refused attempt is told: the status, the platform's explanation (its formatter's wording of at most a few
 * KB of the body), redacted of every secret the attempt could have shown the server, and quoted briefly.
 *
 * @param formatter the platform's formatter, which words its errors
 * @param secrets every value that must not be quoted from the answer
 */
record Refusal(WebhookFormatter formatter, Collection<String> secrets) {

    /**
     * @param url the webhook URL
     * @param target the URL posted to (with the formatter's query)
     * @param prepared the request as sent (its header values may be credentials)
     * @param known the secrets the environment gave the function
     * @param link the notification's link, whose query may be a presigned link's signature, or null
     * @return every value that must not be quoted from the answer
     */
    static List<String> secrets(URI url, URI target, WebhookRequest prepared, Collection<String> known,
            String link) {
        List<String> secrets = new ArrayList<>(WebhookUrls.secrets(url));
        secrets.addAll(WebhookUrls.secrets(target));
        secrets.addAll(prepared.headers().values());
        secrets.addAll(known);
        if (link != null && link.contains("?")) {
            // A presigned link's signature, credential and token, should the server quote the message back.
            try {
                secrets.addAll(WebhookUrls.secrets(URI.create(link)));
            } catch (IllegalArgumentException e) {
                secrets.add(link);
            }
        }
        return secrets;
    }

    /** @return "HTTP 503: the platform's words", and whether the body was cut short */
    String describe(Exchange.Answer answer) {
        String text = ResponseText.decode(answer.body(), answer.headers().firstValue("Content-Type").orElse(""));
        String described;
        try {
            described = formatter.describeError(answer.status(), text);
        } catch (RuntimeException e) {
            described = text;
        }
        boolean cutShort = !answer.complete() || answer.body().length >= Exchange.KEEP;
        String quoted = ResponseText.quote(described, secrets, cutShort);
        return "HTTP " + answer.status() + (quoted.isEmpty() ? "" : ": " + quoted)
                + (answer.complete() ? "" : " (" + answer.incomplete() + ")");
    }

    /** @return why a redirect is not followed, with the host it pointed to */
    String redirect(Exchange.Answer answer) {
        return "HTTP " + answer.status() + ": redirected" + location(answer) + "; not followed (a message is only"
                + " ever posted to the configured webhook URL): if the webhook moved, set its new URL";
    }

    private static String location(Exchange.Answer answer) {
        Optional<String> location = answer.headers().firstValue("Location");
        if (location.isEmpty()) {
            return "";
        }
        try {
            String host = URI.create(location.get().trim()).getHost();
            return host == null ? " elsewhere on the same host" : " to " + ResponseText.quote(host, List.of(), false);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }
}
