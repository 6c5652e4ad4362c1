package dev.s3notify.telegram;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.s3notify.core.LinkEvent;
import dev.s3notify.core.Notification;
import dev.s3notify.core.input.Urls;
import dev.s3notify.core.text.Boundary;
import dev.s3notify.core.text.TextLimit;
import java.io.UncheckedIOException;

/**
 * One {@code sendMessage} body: the rendered message as HTML text, and a Download button (an inline keyboard's url
 * button) for the file's link.
 */
final class TelegramMessage {
    /** What Telegram allows: 1 to 4,096 characters of text after entities parsing. */
    static final int MAX_CHARACTERS = 4096;
    /**
     * What core cuts the rendered HTML to, before parsing and in UTF-16 units (as Telegram counts entity offsets),
     * never through a link, an entity or a tag: parsing only shortens text, so what Telegram counts is at most this.
     * The 96 units below {@link #MAX_CHARACTERS} leave room for the end tags a cut removed, which are put back.
     */
    static final TextLimit TEXT = TextLimit.utf16Units(4000).keeping(Boundary.LINKS, Boundary.ENTITIES,
            Boundary.ANGLE_BRACKETS);
    /**
     * Telegram documents no limit on a url button's URL; longer links than this (a presigned link with a long
     * session token) stay in the text only, so an unknown limit cannot get the whole message refused.
     */
    static final int BUTTON_URL_MAX = 2048;

    private TelegramMessage() {
    }

    /**
     * @param chat where it goes
     * @param notification the event and the rendered message, which core cut to {@link #TEXT}
     * @return the JSON body
     */
    static String body(TelegramChat chat, Notification notification) {
        LinkEvent event = notification.event();
        String html = TelegramHtml.finish(notification.message());
        if (TelegramHtml.visible(html).isBlank()) {
            // Telegram refuses an empty text: an empty template still says which file.
            html = TelegramHtml.finish(TEXT.cut("📄 <b>" + TelegramHtml.escape(name(event)) + "</b>"));
        }
        ObjectNode body = chat.body(html);
        if (buttonFits(event.fileUrl())) {
            button(body, "Download", event.fileUrl());
        }
        return write(body);
    }

    /** Adds an inline keyboard of one url button. */
    static void button(ObjectNode body, String text, String url) {
        body.putObject("reply_markup").putArray("inline_keyboard").addArray().addObject().put("text", text)
                .put("url", url);
    }

    /** @return whether a link can be a url button: http or https, with a host, at most {@link #BUTTON_URL_MAX} */
    static boolean buttonFits(String link) {
        if (link == null || link.length() > BUTTON_URL_MAX) {
            return false;
        }
        try {
            Urls.parse(link, false);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    static String write(ObjectNode body) {
        try {
            return TelegramChat.JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String name(LinkEvent event) {
        if (!event.fileName().isBlank()) {
            return event.fileName();
        }
        return event.key() != null && !event.key().isBlank() ? event.key() : "(no name)";
    }
}
