package dev.s3notify.mattermost;

import dev.s3notify.core.text.SafeText;
import dev.s3notify.spi.KindSettings;
import dev.s3notify.spi.Variable;
import java.net.URI;
import java.util.List;
import java.util.Locale;

/** The variables of {@code WEBHOOK_KIND=mattermost}, checked at start-up. */
final class MattermostVariables {
    private static final String DISPATCH = "webhook-dispatcher";
    static final int USERNAME_MAX = 64;
    static final int ICON_URL_MAX = 2048;

    /** Attachment or Markdown text. */
    static final Variable<String> MATTERMOST_FORMAT = Variable.choice("MATTERMOST_FORMAT", DISPATCH, "attachment",
            "how Mattermost messages look: attachment (a coloured card with the message and bucket, size and link"
                    + " expiry fields) or text (the message alone, as Markdown)", "attachment", "text");
    /** Overrides the webhook's name. */
    static final Variable<String> MATTERMOST_USERNAME = new Variable<>("MATTERMOST_USERNAME", DISPATCH, null, false,
            false, "the name Mattermost messages are posted under instead of the webhook's own (needs the server's"
                    + " Enable integrations to override usernames); at most 64 characters, no control characters",
            MattermostVariables::username);
    /** Overrides the webhook's profile picture. */
    static final Variable<URI> MATTERMOST_ICON_URL = iconUrl();
    /** Posts to another channel than the webhook's own. */
    static final Variable<String> MATTERMOST_CHANNEL = new Variable<>("MATTERMOST_CHANNEL", DISPATCH, null, false,
            false, "the channel Mattermost messages go to instead of the webhook's own: its name as in its URL"
                    + " (town-square), or @username for a direct message; refused by webhooks locked to their channel",
            MattermostVariables::channel);

    static final List<Variable<?>> ALL = List.of(MATTERMOST_FORMAT, MATTERMOST_USERNAME, MATTERMOST_ICON_URL,
            MATTERMOST_CHANNEL);

    /**
     * The validated settings.
     *
     * @param attachment whether messages are attachments (else Markdown text)
     * @param username the name override, or null
     * @param iconUrl the picture override, or null
     * @param channel the channel override, or null
     */
    record Settings(boolean attachment, String username, String iconUrl, String channel) {
        static Settings of(KindSettings settings) {
            URI icon = settings.get(MATTERMOST_ICON_URL);
            return new Settings(!"text".equals(settings.get(MATTERMOST_FORMAT)), settings.get(MATTERMOST_USERNAME),
                    icon == null ? null : icon.toString(), settings.get(MATTERMOST_CHANNEL));
        }
    }

    private MattermostVariables() {
    }

    private static String username(String text) {
        text.codePoints().filter(SafeText::unsafe).findFirst().ifPresent(c -> {
            throw new IllegalArgumentException("a name without control or bidi characters; this has U+"
                    + String.format(Locale.ROOT, "%04X", c));
        });
        int length = text.codePointCount(0, text.length());
        if (length > USERNAME_MAX) {
            throw new IllegalArgumentException("a name of at most " + USERNAME_MAX + " characters; this has "
                    + length);
        }
        return text;
    }

    private static String channel(String text) {
        if (text.matches("#?[a-z0-9][a-z0-9_-]{0,63}") || text.matches("@[a-z0-9][a-z0-9._-]{0,63}")) {
            return text;
        }
        throw new IllegalArgumentException("a channel's name as in its URL, lowercase letters, digits, - and _"
                + " (town-square, not Town Square), or @username for a direct message");
    }

    private static Variable<URI> iconUrl() {
        Variable<URI> url = Variable.url("MATTERMOST_ICON_URL", DISPATCH, true,
                "an https URL of the picture shown beside Mattermost messages instead of the webhook's own (needs the"
                        + " server's Enable integrations to override profile picture icons)");
        return new Variable<>(url.name(), url.function(), null, false, false, url.meaning(), text -> {
            if (text.length() > ICON_URL_MAX) {
                throw new IllegalArgumentException("a URL of at most " + ICON_URL_MAX + " characters");
            }
            return url.parser().parse(text);
        });
    }
}
