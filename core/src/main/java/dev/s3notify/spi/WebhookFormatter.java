package dev.s3notify.spi;

import dev.s3notify.core.KindSettings;
import dev.s3notify.core.Notification;
import dev.s3notify.core.Variable;
import dev.s3notify.core.WebhookRequest;
import java.net.URI;
import java.time.Instant;
import java.util.List;

/**
 * How a message looks on one platform: Discord, Slack, Microsoft Teams, a generic JSON webhook, or anything a
 * plugin provides. Turns one {@link Notification} into the {@link WebhookRequest} to post; core's one sender does
 * the posting, retries and error handling for every formatter.
 *
 * <p>Found with {@link java.util.ServiceLoader}: list the implementation in
 * {@code META-INF/services/dev.s3notify.spi.WebhookFormatter}. Selected by {@code WEBHOOK_KIND}, or inferred from
 * {@code WEBHOOK_URL} through {@link #recognizes(URI)}. Implementations are stateless and thread-safe, have a
 * public no-argument constructor, and read their settings from {@link KindSettings}, never the environment.
 * Every implementation should pass core's contract test ({@code WebhookFormatterContract} in core's test-jar).
 */
public interface WebhookFormatter {

    /** @return the stable lowercase key users put in {@code WEBHOOK_KIND}, such as {@code discord} */
    String kind();

    /**
     * Builds the request. Must respect the platform's limits for any input (truncating with "…"), escape user
     * text for the platform, never let a file name ping anyone, and build JSON with a JSON library.
     *
     * @param notification the event and the rendered message text
     * @param settings the validated values of {@link #variables()}
     * @return the request to post
     */
    WebhookRequest format(Notification notification, KindSettings settings);

    /** @return the Mustache template used when {@code MESSAGE_TEMPLATE} is unset */
    String defaultTemplate();

    /**
     * Escapes a value inserted by the template's {@code {{name}}} for this platform's message text (Discord
     * markdown, Slack mrkdwn, ...). {@code {{{name}}}} inserts the value unescaped. The default escapes nothing.
     *
     * @param text a value from the event, such as a file name
     * @return the text, safe to place in the message
     */
    default String escape(String text) {
        return text;
    }

    /**
     * Escapes a template value when the right escaping depends on the formatter's settings (a generic webhook's
     * content type, say). This is what the dispatcher calls; the default applies {@link #escape(String)}.
     *
     * @param text a value from the event
     * @param settings the validated settings
     * @return the text, safe to place in the message
     */
    default String escape(String text, KindSettings settings) {
        return escape(text);
    }

    /** @return the variables this kind reads, with defaults and checks; the default reads none */
    default List<Variable<?>> variables() {
        return List.of();
    }

    /**
     * Used when {@code WEBHOOK_KIND} is unset: whether a webhook URL belongs to this platform.
     *
     * @param webhookUrl the configured webhook URL
     * @return true when this formatter is the one for it; the default recognizes nothing
     */
    default boolean recognizes(URI webhookUrl) {
        return false;
    }

    /**
     * Turns a rejected request's response into words for the error message (Discord's code and message, Slack's
     * reason). Must not echo credentials. The default returns the body's first line, shortened.
     *
     * @param status the HTTP status
     * @param body the response body, possibly empty
     * @return the platform's explanation
     */
    default String describeError(int status, String body) {
        String firstLine = body == null ? "" : body.strip().lines().findFirst().orElse("");
        if (firstLine.codePointCount(0, firstLine.length()) <= 300) {
            return firstLine;
        }
        return firstLine.substring(0, firstLine.offsetByCodePoints(0, 299)) + "…";
    }

    /**
     * Adjusts the request just before each delivery attempt, such as signing it with the attempt's time. The
     * default returns it unchanged.
     *
     * @param request the formatted request
     * @param notification what it carries
     * @param settings the validated settings
     * @param now the attempt's time
     * @return the request to send in this attempt
     */
    default WebhookRequest prepareAttempt(WebhookRequest request, Notification notification,
            KindSettings settings, Instant now) {
        return request;
    }
}
