package com.example.googlechat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.s3notify.core.KindSettings;
import dev.s3notify.core.Notification;
import dev.s3notify.core.Variable;
import dev.s3notify.core.WebhookRequest;
import dev.s3notify.spi.WebhookFormatter;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Google Chat incoming webhooks ({@code WEBHOOK_KIND=googlechat}): a text message, {@code {"text": "..."}}, posted
 * into one thread when {@code GOOGLECHAT_THREAD_KEY} is set.
 */
public final class GoogleChatFormatter implements WebhookFormatter {
    /** The thread every message goes to; unset, each message starts its own thread. */
    static final Variable<String> THREAD_KEY = new Variable<>("GOOGLECHAT_THREAD_KEY", "webhook-dispatcher", null,
            false, false, "the key of the Google Chat thread every message is posted in (letters, digits, . _ -;"
                    + " at most 128); unset, each message starts a thread", GoogleChatFormatter::threadKey);
    /** Longest message text, in code points: with a thread key the body stays well under Chat's 32,000 bytes. */
    static final int MAX_TEXT = 4_000;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DEFAULT_TEMPLATE = "{{#created}}*{{fileName}}* was uploaded to *{{bucket}}*."
            + "{{/created}}{{#restored}}*{{fileName}}* was restored in *{{bucket}}*.{{/restored}}"
            + "{{#deleted}}*{{fileName}}* was removed from *{{bucket}}*.{{/deleted}}"
            + "{{#restoreStarted}}A restore of *{{fileName}}* started in *{{bucket}}*.{{/restoreStarted}}"
            + "{{#restoreExpired}}The restored copy of *{{fileName}}* in *{{bucket}}* expired.{{/restoreExpired}}"
            + "{{#other}}*{{fileName}}* in *{{bucket}}*.{{/other}}"
            + "{{#hasLink}} <{{{fileUrl}}}|Download>{{#expirationTime}} (the link expires in {{expirationTime}})"
            + "{{/expirationTime}}{{/hasLink}}";

    /** For ServiceLoader. */
    public GoogleChatFormatter() {
    }

    @Override
    public String kind() {
        return "googlechat";
    }

    @Override
    public List<Variable<?>> variables() {
        return List.of(THREAD_KEY);
    }

    @Override
    public String defaultTemplate() {
        return DEFAULT_TEMPLATE;
    }

    /** One line, unable to mention anyone or to make a link: see {@link GoogleChatText#escape(String)}. */
    @Override
    public String escape(String text) {
        return GoogleChatText.escape(text);
    }

    @Override
    public WebhookRequest format(Notification notification, KindSettings settings) {
        String text = notification.message().isBlank() ? GoogleChatText.escape(notification.event().fileName())
                : notification.message();
        ObjectNode body = JSON.createObjectNode().put("text", GoogleChatText.truncate(text, MAX_TEXT));
        String threadKey = settings.get(THREAD_KEY);
        if (threadKey == null) {
            return WebhookRequest.json(body.toString());
        }
        body.putObject("thread").put("threadKey", threadKey);
        return new WebhookRequest(body.toString(), "application/json", Map.of(),
                Map.of("messageReplyOption", "REPLY_MESSAGE_FALLBACK_TO_NEW_THREAD"));
    }

    /** @return whether the URL is a Google Chat space webhook: https://chat.googleapis.com/v1/spaces/... */
    @Override
    public boolean recognizes(URI webhookUrl) {
        return "https".equalsIgnoreCase(webhookUrl.getScheme()) && webhookUrl.getHost() != null
                && webhookUrl.getHost().toLowerCase(Locale.ROOT).equals("chat.googleapis.com")
                && webhookUrl.getRawPath() != null && webhookUrl.getRawPath().startsWith("/v1/spaces/");
    }

    /** @return Google's error status and message ("Google Chat: INVALID_ARGUMENT: ..."), shortened */
    @Override
    public String describeError(int status, String body) {
        try {
            JsonNode error = JSON.readTree(body == null ? "" : body).path("error");
            if (error.hasNonNull("message")) {
                return "Google Chat: " + error.path("status").asText(String.valueOf(status)) + ": "
                        + GoogleChatText.truncate(error.get("message").asText(), 300);
            }
        } catch (IOException e) {
            // Not Google's JSON error (a proxy's page, say): the first line below is the best there is.
        }
        return WebhookFormatter.super.describeError(status, body);
    }

    private static String threadKey(String text) {
        if (text.length() > 128 || !text.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("letters, digits, '.', '_' and '-', at most 128 of them");
        }
        return text;
    }
}
