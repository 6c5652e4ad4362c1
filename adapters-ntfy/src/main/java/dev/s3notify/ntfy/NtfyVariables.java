package dev.s3notify.ntfy;

import dev.s3notify.spi.KindSettings;
import dev.s3notify.spi.Variable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The variables of {@code WEBHOOK_KIND=ntfy}, checked at start-up. */
final class NtfyVariables {
    private static final String DISPATCH = "webhook-dispatcher";
    static final int MAX_TAGS = 10;
    static final int TAG_MAX = 64;
    private static final Map<String, Integer> PRIORITIES = Map.of("min", 1, "low", 2, "default", 3, "high", 4,
            "max", 5, "urgent", 5);

    /** The topic; on ntfy.sh anyone who knows it can read it, so it is treated as a secret. */
    static final Variable<String> NTFY_TOPIC = new Variable<>("NTFY_TOPIC", DISPATCH, null, true, true,
            "the ntfy topic to publish to: 1 to 64 letters, digits, - and _; on ntfy.sh anyone who knows it can"
                    + " subscribe, so it is kept out of logs like a secret", NtfyVariables::topic);
    /** The access token, sent as {@code Authorization: Bearer}. */
    static final Variable<AccessToken> NTFY_ACCESS_TOKEN = new Variable<>("NTFY_ACCESS_TOKEN", DISPATCH, null, false,
            true, "an ntfy access token (tk_…) for a protected topic, sent as Authorization: Bearer; never logged",
            NtfyVariables::token);
    /** Tags shown as emojis or words. */
    static final Variable<List<String>> NTFY_TAGS = new Variable<>("NTFY_TAGS", DISPATCH, null, false, false,
            "tags added to every ntfy message after the event's own, comma-separated: emoji short codes (warning,"
                    + " tada) show as emojis, other words below the message; at most 10 of 64 characters",
            NtfyVariables::tags);
    /** The notification priority. */
    static final Variable<Integer> NTFY_PRIORITY = new Variable<>("NTFY_PRIORITY", DISPATCH, "default", false,
            false, "the ntfy message priority: 1 to 5, or min, low, default, high, max (urgent)",
            NtfyVariables::priority);

    static final List<Variable<?>> ALL = List.of(NTFY_TOPIC, NTFY_ACCESS_TOKEN, NTFY_TAGS, NTFY_PRIORITY);

    /**
     * The validated settings.
     *
     * @param topic the topic
     * @param token the access token, or null
     * @param tags the extra tags
     * @param priority 1 to 5
     */
    record Settings(String topic, AccessToken token, List<String> tags, int priority) {
        Settings {
            tags = List.copyOf(tags);
        }

        static Settings of(KindSettings settings) {
            List<String> tags = settings.get(NTFY_TAGS);
            return new Settings(settings.get(NTFY_TOPIC), settings.get(NTFY_ACCESS_TOKEN),
                    tags == null ? List.of() : tags, settings.get(NTFY_PRIORITY));
        }

        /** @return the settings without the topic or the token, which are secrets */
        @Override
        public String toString() {
            return "Settings[topic=<secret>, token=" + (token == null ? "none" : "<secret>") + ", tags=" + tags
                    + ", priority=" + priority + "]";
        }
    }

    private NtfyVariables() {
    }

    private static String topic(String text) {
        if (!text.matches("[-_A-Za-z0-9]{1,64}")) {
            throw new IllegalArgumentException("a topic of 1 to 64 letters, digits, - and _ (ntfy's own rule), the"
                    + " last part of https://ntfy.sh/<topic>");
        }
        return text;
    }

    private static AccessToken token(String text) {
        if (!text.matches("tk_[A-Za-z0-9]{8,64}")) {
            throw new IllegalArgumentException("an access token: tk_ followed by letters and digits (ntfy token"
                    + " add USER, or Account > Access tokens in the web app); a password is not accepted");
        }
        return new AccessToken(text);
    }

    private static List<String> tags(String text) {
        List<String> tags = new ArrayList<>();
        for (String part : text.split(",")) {
            String tag = part.strip();
            if (tag.isEmpty()) {
                continue;
            }
            if (tag.length() > TAG_MAX || tag.chars().anyMatch(Character::isISOControl)) {
                throw new IllegalArgumentException("comma-separated tags of at most " + TAG_MAX + " characters each,"
                        + " without control characters");
            }
            tags.add(tag);
        }
        if (tags.size() > MAX_TAGS) {
            throw new IllegalArgumentException("at most " + MAX_TAGS + " tags, comma-separated; this has "
                    + tags.size());
        }
        return List.copyOf(tags);
    }

    private static Integer priority(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.matches("[1-5]")) {
            return Integer.parseInt(lower);
        }
        Integer named = PRIORITIES.get(lower);
        if (named == null) {
            throw new IllegalArgumentException("1 to 5, or min, low, default, high, max (urgent)");
        }
        return named;
    }
}
