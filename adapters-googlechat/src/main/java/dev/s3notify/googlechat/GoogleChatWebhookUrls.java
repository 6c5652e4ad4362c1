package dev.s3notify.googlechat;

import java.net.URI;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Tells a Google Chat space's incoming webhook URL from others, and one copied without its credentials. */
final class GoogleChatWebhookUrls {
    static final String HOST = "chat.googleapis.com";
    /** {@code /v1/spaces/SPACE/messages}: the URL Chat shows under Apps and integrations, Webhooks. */
    private static final Pattern PATH = Pattern.compile("/v1/spaces/[^/]+/messages/?");

    private GoogleChatWebhookUrls() {
    }

    /** @return whether it is an https URL of {@code chat.googleapis.com/v1/spaces/SPACE/messages} */
    static boolean recognizes(URI url) {
        return chatHost(url) && url.getRawPath() != null && PATH.matcher(url.getRawPath()).matches();
    }

    /**
     * @param url the webhook URL messages are to be posted to
     * @return for a Chat URL without its {@code key} or {@code token} parameter, which Chat would refuse, what to do
     */
    static Optional<String> refuses(URI url) {
        if (!chatHost(url)) {
            return Optional.empty();
        }
        String query = url.getRawQuery() == null ? "" : url.getRawQuery();
        boolean key = Arrays.stream(query.split("&")).anyMatch(p -> p.startsWith("key=") && p.length() > 4);
        boolean token = Arrays.stream(query.split("&")).anyMatch(p -> p.startsWith("token=") && p.length() > 6);
        if (key && token) {
            return Optional.empty();
        }
        return Optional.of("it has no " + (key ? "token" : token ? "key" : "key or token") + " query parameter, and"
                + " Google Chat refuses an incoming webhook's request without both: copy the webhook's whole URL"
                + " (in the space, Apps and integrations, Webhooks) into WEBHOOK_URL or the secret holding it");
    }

    private static boolean chatHost(URI url) {
        if (url == null || url.getHost() == null || !"https".equalsIgnoreCase(url.getScheme())) {
            return false;
        }
        String host = url.getHost().toLowerCase(Locale.ROOT);
        return host.equals(HOST) || host.equals(HOST + ".");
    }
}
