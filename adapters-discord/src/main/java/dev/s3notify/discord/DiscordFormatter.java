package dev.s3notify.discord;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.s3notify.core.KindSettings;
import dev.s3notify.core.Notification;
import dev.s3notify.core.Variable;
import dev.s3notify.core.WebhookRequest;
import dev.s3notify.spi.WebhookFormatter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Posts to a Discord channel webhook (Execute Webhook): one embed titled with the file name and linking to it,
 * the rendered template as its description, the size, bucket and link expiry as fields. Mentions are never
 * parsed ({@code allowed_mentions.parse = []}) and mention syntax in any text is neutralised as well. Requests
 * carry {@code wait=true}, so Discord answers a refused message with an error instead of a silent 204, and
 * {@code thread_id} when {@code DISCORD_THREAD_ID} is set.
 */
public final class DiscordFormatter implements WebhookFormatter {
    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * The link goes in raw ({@code {{{fileUrl}}}}): escaping would break it. A {@code )} in it cannot end the
     * markdown link early, because links are RFC 3986-encoded ({@code )} is {@code %29}) by both shipped link
     * generators.
     */
    private static final String DEFAULT_TEMPLATE = "{{#hasLink}}"
            + "{{#restored}}📦 **{{fileName}}** was restored in **{{bucket}}**.{{/restored}}"
            + "{{^restored}}{{^other}}📁 **{{fileName}}** was uploaded to **{{bucket}}**.{{/other}}"
            + "{{#other}}📄 **{{fileName}}** in **{{bucket}}**.{{/other}}{{/restored}}\n"
            + "[Download]({{{fileUrl}}}){{#expirationTime}} — the link expires in {{expirationTime}}{{/expirationTime}}."
            + "{{/hasLink}}"
            + "{{^hasLink}}"
            + "{{#created}}📁 **{{fileName}}** was uploaded to **{{bucket}}**.{{/created}}"
            + "{{#deleted}}🗑️ **{{fileName}}** was removed from **{{bucket}}**.{{/deleted}}"
            + "{{#restored}}📦 **{{fileName}}** was restored in **{{bucket}}**.{{/restored}}"
            + "{{#restoreStarted}}⏳ Restoring **{{fileName}}** in **{{bucket}}** from the archive.{{/restoreStarted}}"
            + "{{#restoreExpired}}🗄️ The restored copy of **{{fileName}}** in **{{bucket}}** expired."
            + "{{/restoreExpired}}"
            + "{{#other}}📄 **{{fileName}}** in **{{bucket}}**.{{/other}}"
            + "{{/hasLink}}";

    /** The constructor ServiceLoader uses. */
    public DiscordFormatter() {
    }

    /** @return {@code discord} */
    @Override
    public String kind() {
        return "discord";
    }

    /**
     * @param notification the event and the rendered message text
     * @param settings the validated values of {@link #variables()}
     * @return an Execute Webhook request with one embed, within Discord's limits for any input
     */
    @Override
    public WebhookRequest format(Notification notification, KindSettings settings) {
        ObjectNode body = JSON.createObjectNode();
        String username = settings.get(DiscordVariables.DISCORD_USERNAME);
        if (username != null) {
            // the zero-width spaces count too: an 80-character name holding @everyone would be 81
            body.put("username", DiscordText.limit(DiscordText.neutralise(username), DiscordVariables.USERNAME_MAX));
        }
        URI avatar = settings.get(DiscordVariables.DISCORD_AVATAR_URL);
        if (avatar != null) {
            body.put("avatar_url", avatar.toString());
        }
        body.putArray("embeds").add(DiscordEmbed.of(notification, settings.get(DiscordVariables.EMBED_COLOR),
                settings.get(DiscordVariables.FOOTER_TEXT)));
        body.putObject("allowed_mentions").putArray("parse");
        Map<String, String> query = new LinkedHashMap<>();
        query.put("wait", "true");
        String thread = settings.get(DiscordVariables.DISCORD_THREAD_ID);
        if (thread != null) {
            query.put("thread_id", thread);
        }
        return new WebhookRequest(write(body), "application/json", Map.of(), query);
    }

    /** @return a Discord-markdown message: what happened, to which file, the download link and its lifetime */
    @Override
    public String defaultTemplate() {
        return DEFAULT_TEMPLATE;
    }

    /**
     * @param text a value from the event
     * @return the text with Discord's markdown characters backslash-escaped and mentions neutralised; a value that
     *     is a whole link is only neutralised, so {@code {{fileUrl}}} still works
     */
    @Override
    public String escape(String text) {
        return DiscordText.escape(text);
    }

    /** @return {@code EMBED_COLOR}, {@code FOOTER_TEXT}, {@code DISCORD_USERNAME}, {@code DISCORD_AVATAR_URL},
     *     {@code DISCORD_THREAD_ID} */
    @Override
    public List<Variable<?>> variables() {
        return DiscordVariables.ALL;
    }

    /**
     * @param webhookUrl the configured webhook URL
     * @return whether it is a Discord channel webhook on discord.com, discordapp.com, canary or ptb
     */
    @Override
    public boolean recognizes(URI webhookUrl) {
        return DiscordWebhookUrls.recognizes(webhookUrl);
    }

    /**
     * @param status the HTTP status
     * @param body the response body
     * @return Discord's error code and message, with the first field it names; at most 300 characters
     */
    @Override
    public String describeError(int status, String body) {
        return DiscordErrors.describe(status, body);
    }

    private static String write(ObjectNode body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
