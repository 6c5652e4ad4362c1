package dev.s3notify.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TelegramErrorsTest {
    static final String TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw";

    private static String describe(int status, String body) {
        return Messages.formatter(java.util.Map.of()).describeError(status, body);
    }

    @Test
    void wordsA429WithItsRetryAfter() {
        assertThat(describe(429, "{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests: retry after 5\","
                + "\"parameters\":{\"retry_after\":5}}"))
                .isEqualTo("Telegram error 429: Too Many Requests: retry after 5 (retry after 5 s)");
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
        "403 | Forbidden: bot was blocked by the user | they must unblock it",
        "400 | Bad Request: chat not found | TELEGRAM_CHAT_ID names no chat this bot is in",
        "400 | Bad Request: message thread not found | TELEGRAM_THREAD_ID names no forum topic",
        "403 | Forbidden: bot is not a member of the channel chat | add the bot to the chat",
        "403 | Forbidden: bot was kicked from the supergroup chat | add it again",
        "400 | Bad Request: can't parse entities: Unsupported start tag \"br\" at byte offset 3 | check the tags",
        "401 | Unauthorized | the bot token in WEBHOOK_URL is wrong or was revoked",
        "404 | Not Found | https://api.telegram.org/bot<token>/sendMessage",
    })
    void wordsARefusalWithWhatToDo(int status, String description, String hint) {
        String body = "{\"ok\":false,\"error_code\":" + status + ",\"description\":\"" + description.replace("\"",
                "\\\"") + "\"}";

        assertThat(describe(status, body)).startsWith("Telegram error " + status + ": " + description)
                .contains(hint);
    }

    @Test
    void saysTheNewChatIdOfAGroupThatBecameASupergroup() {
        assertThat(describe(400, "{\"ok\":false,\"error_code\":400,\"description\":\"Bad Request: group chat was"
                + " upgraded to a supergroup chat\",\"parameters\":{\"migrate_to_chat_id\":-1001234567890}}"))
                .endsWith("(the group became a supergroup: set TELEGRAM_CHAT_ID to -1001234567890)");
    }

    @Test
    void neverQuotesTheBotToken() {
        String echoed = "{\"ok\":false,\"error_code\":404,\"description\":\"Not Found: /bot" + TOKEN
                + "/sendMessage (token " + TOKEN + ")\"}";

        assertThat(describe(404, echoed)).doesNotContain(TOKEN).doesNotContain("AAHdqTcv").contains("<redacted>");
        assertThat(describe(502, "<html>Bad gateway for /bot" + TOKEN + "/sendMessage</html>")).doesNotContain(TOKEN);
    }

    @Test
    void keepsTheFirstLineOfAnAnswerThatIsNotTheBotApis() {
        assertThat(describe(502, "<html>\n<h1>502 Bad Gateway</h1>")).isEqualTo("<html>");
        assertThat(describe(500, "")).isEqualTo("Telegram gave no reason (HTTP 500)");
    }

    @Test
    void cutsALongDescriptionTo300Characters() {
        String described = describe(400, "{\"ok\":false,\"error_code\":400,\"description\":\"" + "x".repeat(5_000)
                + "\"}");

        assertThat(described.codePointCount(0, described.length())).isEqualTo(300);
        assertThat(described).endsWith("…");
    }
}
