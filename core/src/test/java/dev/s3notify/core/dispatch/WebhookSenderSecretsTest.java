package dev.s3notify.core.dispatch;

import static dev.s3notify.core.dispatch.RawWebhookServer.answer;
import static dev.s3notify.core.dispatch.RawWebhookServer.respond;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.s3notify.core.WebhookRequest;
import dev.s3notify.core.aws.AwsFixtures;
import dev.s3notify.core.error.DeliveryException;
import dev.s3notify.core.support.Jitter;
import dev.s3notify.core.support.Secret;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A webhook that echoes back every secret it could know, in every form: none of them appears in the error or the
 * logs. Every planted secret contains "PLANTED" (or is a presigned link's part), so one search finds any leak.
 */
class WebhookSenderSecretsTest {
    private static final String PATH_TOKEN = "PLANTEDdiscordTOKEN_abcdefghijklmnopqrstuvwxyz0123456789-ABCDEFGHIJ";
    private static final String QUERY_TOKEN = "PLANTEDslackTOKENxyz123";
    private static final String SIG = "PLANTEDteamsSIGabcdefghijklmnop0123456789";
    private static final String PATH = "/api/webhooks/31415926535897/" + PATH_TOKEN;
    private static final String QUERY = "api-version=2016-06-01&token=" + QUERY_TOKEN + "&sig=" + SIG;
    private static final String HEADER_VALUE = "PLANTED-header-KEY-9876";
    private static final String SIGNING_KEY = "UExBTlRFRHNpZ25pbmdTRUNSRVQxMjM0NTY3OA==";
    private static final String SIGNING_SECRET = "whsec_" + SIGNING_KEY;
    private static final String AWS_SECRET = "PLANTEDawsSECRETkey/abcdefghijklmnopqrstu";
    private static final String AWS_KEY_ID = "AKIAPLANTEDKEY000001";
    private static final List<String> NEVER_SHOWN = List.of("PLANTED", PATH_TOKEN.substring(7), QUERY_TOKEN.substring(7),
            SIG.substring(7), HEADER_VALUE.substring(7), SIGNING_KEY, AWS_SECRET.substring(7),
            SenderFixtures.SIGNATURE, SenderFixtures.SESSION_TOKEN.substring(0, 20), "20240501%2Fus-east-1",
            "31415926535897", "\u202E", "\u001B", "\u0000");

    static Stream<Arguments> echoes() {
        String link = SenderFixtures.LINK;
        return Stream.of(
                Arguments.of("request line", "Cannot POST " + PATH + "?" + QUERY),
                Arguments.of("path token alone", "invalid webhook token " + PATH_TOKEN),
                Arguments.of("URL in JSON", "{\"error\": \"bad url https:\\/\\/hooks.example\\/api\\/webhooks\\/"
                        + "31415926535897\\/" + PATH_TOKEN + "\"}"),
                Arguments.of("query token", "token=" + QUERY_TOKEN + " is revoked"),
                Arguments.of("query token alone", "unknown token '" + QUERY_TOKEN + "'"),
                Arguments.of("Teams sig", "The signature " + SIG + " does not match"),
                Arguments.of("Teams sig encoded", "sig%3D" + URLEncoder.encode(SIG, StandardCharsets.UTF_8)),
                Arguments.of("header value", "X-Api-Key " + HEADER_VALUE + " is not allowed"),
                Arguments.of("signing secret", "secret " + SIGNING_SECRET + " and key " + SIGNING_KEY),
                Arguments.of("AWS secret key", "aws says " + AWS_SECRET),
                Arguments.of("AWS key id", "key " + AWS_KEY_ID + " unknown"),
                Arguments.of("presigned link", "could not fetch " + link),
                Arguments.of("presigned parts", "sig " + SenderFixtures.SIGNATURE + " token "
                        + SenderFixtures.SESSION_TOKEN),
                Arguments.of("control and bidi characters", "bad\u0000 file\u202Efdp.exe \u001B[31mred\u001B[0m"),
                Arguments.of("secret cut at the body limit", "x".repeat(Exchange.KEEP - 30) + PATH_TOKEN),
                Arguments.of("long line", "y".repeat(5000) + PATH_TOKEN));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("echoes")
    void neverQuotesASecretAServerEchoes(String name, String body) throws Exception {
        try (RawWebhookServer server = new RawWebhookServer(respond(answer(400, "Content-Type: text/plain\r\n",
                body)));
                AwsFixtures.CapturedLog log = new AwsFixtures.CapturedLog()) {
            WebhookSender sender = new WebhookSender(HttpTransport.create(null), Duration.ofSeconds(2), 3,
                    d -> Thread.sleep(d.toMillis()), Jitter.SHARED, Clock.systemUTC())
                    .redacting(List.of(Secret.of(SIGNING_SECRET), Secret.of(SIGNING_KEY), Secret.of(AWS_SECRET)));

            DeliveryException e = catchThrowableOfType(() -> sender.send(
                    SenderFixtures.destination(server.url(PATH + "?" + QUERY)),
                    WebhookRequest.builder().body("{}").header("X-Api-Key", HEADER_VALUE).build(),
                    SenderFixtures.notification(), Instant.now().plusSeconds(20)), DeliveryException.class);

            String reason = e.getMessage().substring(e.getMessage().indexOf("HTTP 400"));
            for (String text : List.of(e.getMessage(), log.text())) {
                for (String secret : NEVER_SHOWN) {
                    assertThat(text).as("%s must not show %s", name, secret).doesNotContain(secret);
                }
            }
            assertThat(reason.codePoints()).noneMatch(c -> Character.getType(c) == Character.CONTROL
                    || Character.getType(c) == Character.FORMAT);
            assertThat(reason.length()).as("HTTP 400, the quote and the hint").isLessThan(220 + 110);
        }
    }
}
