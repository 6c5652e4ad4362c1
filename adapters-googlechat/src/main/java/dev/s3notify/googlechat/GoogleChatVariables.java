package dev.s3notify.googlechat;

import dev.s3notify.spi.Variable;
import java.util.List;
import java.util.Locale;

/** The variables of {@code WEBHOOK_KIND=googlechat}, checked at start-up. */
final class GoogleChatVariables {
    private static final String DISPATCH = "webhook-dispatcher";
    /** Longest thread key accepted: Chat takes up to 4,000 characters, but every byte counts in the 32,000. */
    static final int THREAD_KEY_MAX = 128;
    static final String FALLBACK = "REPLY_MESSAGE_FALLBACK_TO_NEW_THREAD";
    static final String OR_FAIL = "REPLY_MESSAGE_OR_FAIL";

    /** The thread every message goes to. */
    static final Variable<String> GOOGLECHAT_THREAD_KEY = new Variable<>("GOOGLECHAT_THREAD_KEY", DISPATCH, null,
            false, false, "the key of the Google Chat thread every message is posted in (letters, digits, '.', '_',"
                    + " '-'; at most 128), sent as the message's thread.threadKey; unset, each message starts a"
                    + " thread", GoogleChatVariables::threadKey);
    /** What Chat does when the thread cannot be replied to; sent as {@code messageReplyOption}. */
    static final Variable<String> GOOGLECHAT_REPLY_OPTION = new Variable<>("GOOGLECHAT_REPLY_OPTION", DISPATCH, null,
            false, false, "with GOOGLECHAT_THREAD_KEY, the messageReplyOption query parameter: " + FALLBACK
                    + " (the default: start a new thread when the thread cannot be replied to) or " + OR_FAIL
                    + " (refuse the message with NOT_FOUND instead)", GoogleChatVariables::replyOption);

    static final List<Variable<?>> ALL = List.of(GOOGLECHAT_THREAD_KEY, GOOGLECHAT_REPLY_OPTION);

    private GoogleChatVariables() {
    }

    private static String threadKey(String text) {
        if (text.length() > THREAD_KEY_MAX || !text.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("letters, digits, '.', '_' and '-', at most " + THREAD_KEY_MAX
                    + " of them");
        }
        return text;
    }

    private static String replyOption(String text) {
        String value = text.toUpperCase(Locale.ROOT);
        if (!value.equals(FALLBACK) && !value.equals(OR_FAIL)) {
            throw new IllegalArgumentException(FALLBACK + " or " + OR_FAIL);
        }
        return value;
    }
}
