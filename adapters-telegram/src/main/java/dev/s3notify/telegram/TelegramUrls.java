package dev.s3notify.telegram;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tells the Bot API's {@code sendMessage} URL from others, for choosing the kind when {@code WEBHOOK_KIND} is unset,
 * and refuses another method's URL on {@code api.telegram.org}. The path holds the bot token: nothing here ever
 * quotes it.
 */
final class TelegramUrls {
    static final String HOST = "api.telegram.org";
    /** {@code /bot<token>/sendMessage}; Telegram matches method names ignoring case. */
    private static final Pattern SEND_MESSAGE = Pattern.compile("/bot[0-9]+:[A-Za-z0-9_-]+/sendMessage/?",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern METHOD = Pattern.compile("/bot[^/]*/([A-Za-z]{1,40})/?");

    private TelegramUrls() {
    }

    static boolean recognizes(URI url) {
        return onApiHost(url) && SEND_MESSAGE.matcher(url.getRawPath()).matches();
    }

    /** @return why a URL on api.telegram.org that is not {@code /bot<token>/sendMessage} cannot be posted to */
    static Optional<String> refuses(URI url) {
        if (!onApiHost(url) || recognizes(url)) {
            return Optional.empty();
        }
        Matcher method = METHOD.matcher(url.getRawPath());
        String what = method.matches() ? "it calls the Bot API's " + method.group(1) + " method"
                : "its path is not a Bot API method with the bot's token";
        return Optional.of(what + "; this kind sends with sendMessage: set WEBHOOK_URL to"
                + " https://api.telegram.org/bot<token>/sendMessage with the token @BotFather gave the bot");
    }

    private static boolean onApiHost(URI url) {
        return url != null && url.getHost() != null && url.getRawPath() != null
                && "https".equalsIgnoreCase(url.getScheme()) && HOST.equals(url.getHost().toLowerCase(Locale.ROOT));
    }
}
