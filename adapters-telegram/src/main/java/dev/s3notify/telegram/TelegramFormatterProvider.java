package dev.s3notify.telegram;

import dev.s3notify.spi.FormatterContext;
import dev.s3notify.spi.Variable;
import dev.s3notify.spi.WebhookFormatter;
import dev.s3notify.spi.WebhookFormatterProvider;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * Telegram bots ({@code WEBHOOK_KIND=telegram}): creates the {@link TelegramFormatter} that sends each message with
 * the Bot API's {@code sendMessage} to {@code TELEGRAM_CHAT_ID}, as HTML with a Download button. {@code WEBHOOK_URL}
 * is {@code https://api.telegram.org/bot<token>/sendMessage}: it holds the bot token, so only its host is shown.
 */
public final class TelegramFormatterProvider implements WebhookFormatterProvider {
    /** Values are escaped for HTML ({@code {{fileUrl}}} too, which a quoted {@code href} needs). */
    private static final String DEFAULT_TEMPLATE = "{{#hasLink}}"
            + "{{#restored}}📦 <b>{{fileName}}</b> was restored in <b>{{bucket}}</b>.{{/restored}}"
            + "{{^restored}}{{^other}}📁 <b>{{fileName}}</b> was uploaded to <b>{{bucket}}</b>.{{/other}}"
            + "{{#other}}📄 <b>{{fileName}}</b> in <b>{{bucket}}</b>.{{/other}}{{/restored}}\n"
            + "<a href=\"{{fileUrl}}\">Download</a>{{#expirationTime}} — the link expires in {{expirationTime}}"
            + "{{/expirationTime}}.{{/hasLink}}"
            + "{{^hasLink}}"
            + "{{#created}}📁 <b>{{fileName}}</b> was uploaded to <b>{{bucket}}</b>.{{/created}}"
            + "{{#deleted}}🗑️ <b>{{fileName}}</b> was removed from <b>{{bucket}}</b>.{{/deleted}}"
            + "{{#restored}}📦 <b>{{fileName}}</b> was restored in <b>{{bucket}}</b>.{{/restored}}"
            + "{{#restoreStarted}}⏳ Restoring <b>{{fileName}}</b> in <b>{{bucket}}</b> from the archive."
            + "{{/restoreStarted}}"
            + "{{#restoreExpired}}🗄️ The restored copy of <b>{{fileName}}</b> in <b>{{bucket}}</b> expired."
            + "{{/restoreExpired}}"
            + "{{#other}}📄 <b>{{fileName}}</b> in <b>{{bucket}}</b>.{{/other}}"
            + "{{/hasLink}}";
    /** The summary in bold, one link a file, then the index link when there is one. */
    private static final String DEFAULT_DIGEST_TEMPLATE = "<b>📁 {{summary}}</b>\n"
            + "{{#files}}{{#hasLink}}• <a href=\"{{fileUrl}}\">{{fileName}}</a>{{#sizeText}} ({{sizeText}}){{/sizeText}}"
            + "{{/hasLink}}{{^hasLink}}• {{fileName}}{{#deleted}} (removed){{/deleted}}{{/hasLink}}\n{{/files}}"
            + "{{#hasMore}}… and {{more}} more\n{{/hasMore}}"
            + "{{#hasIndex}}<a href=\"{{indexUrl}}\">All {{count}} files, with their links</a>{{#indexExpiresAt}},"
            + " until {{indexExpiresAt}}{{/indexExpiresAt}}{{/hasIndex}}";

    /** The constructor ServiceLoader uses. */
    public TelegramFormatterProvider() {
    }

    /** @return {@code telegram} */
    @Override
    public String kind() {
        return "telegram";
    }

    /** @return {@code TELEGRAM_CHAT_ID} (required), {@code TELEGRAM_THREAD_ID}, {@code TELEGRAM_DISABLE_NOTIFICATION} */
    @Override
    public List<Variable<?>> variables() {
        return TelegramVariables.ALL;
    }

    /**
     * @param webhookUrl the configured webhook URL
     * @return whether it is {@code https://api.telegram.org/bot<token>/sendMessage}
     */
    @Override
    public boolean recognizes(URI webhookUrl) {
        return TelegramUrls.recognizes(webhookUrl);
    }

    /**
     * @param webhookUrl the configured webhook URL
     * @return why another Bot API method's URL on {@code api.telegram.org} cannot be used; empty for
     *     {@code sendMessage} and for other hosts (a self-hosted Bot API server)
     */
    @Override
    public Optional<String> refuses(URI webhookUrl) {
        return TelegramUrls.refuses(webhookUrl);
    }

    /** @return an HTML message: what happened, to which file, the download link and its lifetime */
    @Override
    public String defaultTemplate() {
        return DEFAULT_TEMPLATE;
    }

    /** @return the summary in bold, one link a file, then the index link when there is one */
    @Override
    public String defaultDigestTemplate() {
        return DEFAULT_DIGEST_TEMPLATE;
    }

    /**
     * @param context the validated values of {@link #variables()}
     * @return the formatter
     */
    @Override
    public WebhookFormatter create(FormatterContext context) {
        return new TelegramFormatter(TelegramChat.of(context.settings()));
    }
}
