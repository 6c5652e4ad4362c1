package dev.s3notify.telegram;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.s3notify.core.Digest;
import dev.s3notify.core.Link;
import dev.s3notify.core.text.TextUnit;
import java.util.Optional;

/**
 * A digest as one {@code sendMessage}: the rendered digest template (the summary in bold, one link a file) listing
 * as many files as fit, and an "All N files" button to the index page when there is one.
 */
final class TelegramDigest {
    /**
     * Telegram applies at most 100 entities (tags, links) of a message and silently drops the rest, which would
     * leave files listed without their links (tdlib/telegram-bot-api#820; rubenlagus/TelegramBots#854).
     */
    static final int MAX_ENTITIES = 100;

    private TelegramDigest() {
    }

    /**
     * @param chat where it goes
     * @param digest the files
     * @return the JSON body; empty when not every file fits and there is no index link
     */
    static Optional<String> body(TelegramChat chat, Digest digest) {
        int listed = digest.mostListed(n -> fits(TelegramHtml.finish(digest.message(n))));
        Optional<Link> index = digest.indexLink();
        if (listed < digest.count() && index.isEmpty()) {
            return Optional.empty();
        }
        // Not even the summary lines fit (a very long DIGEST_TEMPLATE): cut them; the button links to the index.
        String html = listed < 0 ? TelegramHtml.finish(TelegramMessage.TEXT.cut(digest.message(0)))
                : TelegramHtml.finish(digest.message(listed));
        if (TelegramHtml.visible(html).isBlank()) {
            // Telegram refuses an empty text (a DIGEST_TEMPLATE of tags alone): the summary says what happened.
            html = TelegramHtml.finish(TelegramMessage.TEXT.cut("<b>" + TelegramHtml.escape(digest.summary()) + "</b>"));
        }
        ObjectNode body = chat.body(html);
        index.map(Link::url).filter(TelegramMessage::buttonFits)
                .ifPresent(url -> TelegramMessage.button(body, "All " + digest.count() + " files", url));
        return Optional.of(TelegramMessage.write(body));
    }

    /**
     * The text as sent is within 4,096 UTF-16 units before parsing (so after it too) and Telegram's entity count.
     * Before parsing, because Telegram also bounds the total size of a message's entities, links included
     * (about 9,500 characters: tdlib/telegram-bot-api#165), which the raw text bounds.
     */
    static boolean fits(String html) {
        return TextUnit.UTF16_UNITS.length(html) <= TelegramMessage.MAX_CHARACTERS
                && TelegramHtml.entityCount(html) <= MAX_ENTITIES;
    }
}
