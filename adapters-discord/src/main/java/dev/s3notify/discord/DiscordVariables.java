package dev.s3notify.discord;

import dev.s3notify.core.text.SafeText;
import dev.s3notify.spi.Variable;
import java.net.URI;
import java.util.List;
import java.util.Locale;

/** The variables of {@code WEBHOOK_KIND=discord}, checked at start-up. */
final class DiscordVariables {
    private static final String DISPATCH = "webhook-dispatcher";
    static final int USERNAME_MAX = 80;
    static final int AVATAR_URL_MAX = 2048;

    /** The embed's side colour. */
    static final Variable<Long> EMBED_COLOR = Variable.integer("EMBED_COLOR", DISPATCH, "3447003", 0, 16_777_215,
            "the Discord embed's colour as a decimal RGB number (3447003 is #3498DB), 0 to 16777215");
    /** The embed's footer. */
    static final Variable<String> FOOTER_TEXT = new Variable<>("FOOTER_TEXT", DISPATCH,
            "S3 File Notification System", false, false,
            "the Discord embed's footer text, at most 2048 characters", DiscordVariables::footer);
    /** Overrides the webhook's name. */
    static final Variable<String> DISCORD_USERNAME = new Variable<>("DISCORD_USERNAME", DISPATCH, null, false, false,
            "the name the Discord message is posted under instead of the webhook's own; at most 80 characters,"
                    + " without \"discord\" or \"clyde\" and without control characters",
            DiscordVariables::username);
    /** Overrides the webhook's avatar. */
    static final Variable<URI> DISCORD_AVATAR_URL = avatarUrl();
    /** Posts into a thread of the webhook's channel. */
    static final Variable<String> DISCORD_THREAD_ID = new Variable<>("DISCORD_THREAD_ID", DISPATCH, null, false,
            false, "the id of a thread in the webhook's channel (or a forum post) to post into",
            DiscordVariables::threadId);

    static final List<Variable<?>> ALL = List.of(EMBED_COLOR, FOOTER_TEXT, DISCORD_USERNAME, DISCORD_AVATAR_URL,
            DISCORD_THREAD_ID);

    private DiscordVariables() {
    }

    private static String footer(String text) {
        if (!DiscordEmbed.FOOTER.fits(text)) {
            throw new IllegalArgumentException("at most " + DiscordEmbed.FOOTER.max() + " characters (Discord's footer"
                    + " limit); this has " + DiscordEmbed.length(text));
        }
        return text;
    }

    private static String username(String text) {
        // A BEL or a bidi override in the name would reach every reader's screen: refused, not quietly dropped.
        text.codePoints().filter(SafeText::unsafe).findFirst().ifPresent(c -> {
            throw new IllegalArgumentException("a name without control or bidi characters; this has U+"
                    + String.format(Locale.ROOT, "%04X", c));
        });
        String lower = text.toLowerCase(Locale.ROOT);
        for (String refused : List.of("discord", "clyde")) {
            if (lower.contains(refused)) {
                throw new IllegalArgumentException("a name without \"" + refused + "\" in any case: Discord refuses"
                        + " webhook names containing \"discord\" or \"clyde\"");
            }
        }
        if (DiscordEmbed.length(text) > USERNAME_MAX) {
            throw new IllegalArgumentException("a name of at most " + USERNAME_MAX + " characters; this has "
                    + DiscordEmbed.length(text));
        }
        return text;
    }

    private static String threadId(String text) {
        if (!text.matches("[0-9]{1,20}")) {
            throw new IllegalArgumentException("a thread id: digits only (in Discord, right-click the thread and"
                    + " choose Copy Thread ID)");
        }
        return text;
    }

    private static Variable<URI> avatarUrl() {
        Variable<URI> url = Variable.url("DISCORD_AVATAR_URL", DISPATCH, true,
                "an https URL of the image shown as the Discord message's avatar instead of the webhook's own");
        return new Variable<>(url.name(), url.function(), null, false, false, url.meaning(), text -> {
            if (text.length() > AVATAR_URL_MAX) {
                throw new IllegalArgumentException("a URL of at most " + AVATAR_URL_MAX + " characters");
            }
            return url.parser().parse(text);
        });
    }
}
