package dev.s3notify.discord;

import java.net.URI;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Tells Discord's webhook URLs from others, for choosing the kind when {@code WEBHOOK_KIND} is unset. */
final class DiscordWebhookUrls {
    private static final Set<String> HOSTS = Set.of("discord.com", "discordapp.com", "canary.discord.com",
            "ptb.discord.com");
    /**
     * {@code /api/webhooks/ID/TOKEN}, optionally versioned ({@code /api/v10/webhooks/...}). The {@code /slack} and
     * {@code /github} endpoints under a webhook expect those platforms' payloads, so they are not Discord's kind.
     */
    private static final Pattern PATH = Pattern.compile("/api(/v[0-9]+)?/webhooks/[0-9]+/[^/]+/?");

    private DiscordWebhookUrls() {
    }

    static boolean recognizes(URI url) {
        if (url == null || url.getHost() == null || url.getRawPath() == null) {
            return false;
        }
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        return (scheme.equals("https") || scheme.equals("http"))
                && HOSTS.contains(url.getHost().toLowerCase(Locale.ROOT))
                && PATH.matcher(url.getRawPath()).matches();
    }
}
