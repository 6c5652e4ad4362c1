package dev.s3notify.sns;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.s3notify.core.Link;
import dev.s3notify.core.LinkEvent;
import dev.s3notify.core.WebhookRequest;
import dev.s3notify.core.text.TextUnit;
import dev.s3notify.spi.FormatterContext;
import dev.s3notify.spi.KindSettings;
import dev.s3notify.spi.WebhookFormatter;
import dev.s3notify.testkit.Digests;
import dev.s3notify.testkit.HostileInput;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SnsFormatterTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Link INDEX = new Link("https://example-uploads.s3.amazonaws.com/digests/d.html?X-Amz-"
            + "Signature=abc", Instant.parse("2026-11-22T17:16:21Z"));
    private final SnsFormatterProvider provider = new SnsFormatterProvider();

    private WebhookFormatter formatter(Map<String, String> settings) {
        return provider.create(FormatterContext.of(KindSettings.of(provider.variables(), settings)));
    }

    @Test
    void fitsADigestOf500HostileNamesIntoOneTextMessageWithAValidSubject() {
        List<LinkEvent> files = HostileInput.files(500, 1_100);
        WebhookFormatter text = formatter(Map.of());

        Optional<WebhookRequest> request = text.formatDigest(Digests.of(text, provider.defaultDigestTemplate(), files,
                INDEX));

        assertThat(request).isPresent();
        assertThat(TextUnit.UTF8_BYTES.length(request.get().body())).isLessThanOrEqualTo(262_144);
        assertThat(request.get().body()).contains(INDEX.url());
        assertValidSubject(request.get().headers().get(SnsFormatter.SUBJECT_HEADER));
        assertThat(text.formatDigest(Digests.of(text, provider.defaultDigestTemplate(), files, null)))
                .as("without an index, 500 links of 1,100 characters do not fit").isEmpty();
    }

    @Test
    void fitsADigestOf500HostileNamesIntoOneValidCustomNotification() throws Exception {
        List<LinkEvent> files = HostileInput.files(500, 1_100);
        WebhookFormatter chatbot = formatter(Map.of("SNS_MESSAGE_SHAPE", "chatbot"));

        WebhookRequest request = chatbot.formatDigest(Digests.of(chatbot, provider.defaultDigestTemplate(), files,
                INDEX)).orElseThrow();

        JsonNode body = JSON.readTree(request.body());
        CustomNotificationSchema.assertValid(body);
        assertThat(TextUnit.UTF8_BYTES.length(request.body())).isLessThanOrEqualTo(262_144);
        assertThat(request.body()).contains(INDEX.url());
        assertThat(body.path("content").path("description").asText().codePointCount(0,
                body.path("content").path("description").asText().length())).isLessThanOrEqualTo(4_000);
        HostileInput.MENTION_TOKENS.forEach(token -> assertThat(request.body()).doesNotContain(token));
    }

    @Test
    void givesEveryHostileFileAValidSubject() {
        WebhookFormatter text = formatter(Map.of("SNS_SUBJECT", "{{key}} {{fileName}} in {{bucket}}"));
        for (LinkEvent file : HostileInput.files(60, 200)) {
            WebhookRequest request = text.format(new dev.s3notify.core.Notification(file, "x", "evt-1"));
            assertValidSubject(request.headers().get(SnsFormatter.SUBJECT_HEADER));
        }
    }

    @Test
    void makesSubjectsPrintableAsciiOnOneLine() {
        assertThat(Subjects.clean("Résumé ☃ done")).isEqualTo("Resume ? done");
        assertThat(Subjects.clean("  $$ report.pdf")).isEqualTo("report.pdf");
        assertThat(Subjects.clean("a\nb\tc")).isEqualTo("a b c");
        assertThat(Subjects.clean("(draft) notes")).isEqualTo("(draft) notes");
    }

    @Test
    void cutsLongSubjectsTo100CharactersAndLeavesOutEmptyOnes() {
        assertThat(Subjects.clean("x".repeat(300))).hasSize(100).endsWith("...");
        assertThat(Subjects.clean(" \n ☃")).isEqualTo("?");
        assertThat(Subjects.clean(" \n\u200B ")).isNull();
    }

    @Test
    void sendsNoSubjectWithTheChatbotShape() {
        WebhookRequest request = formatter(Map.of("SNS_MESSAGE_SHAPE", "chatbot")).format(
                new dev.s3notify.core.Notification(HostileInput.created("a.pdf", HostileInput.url("a")), "hi",
                        "evt-1"));
        assertThat(request.headers()).doesNotContainKey(SnsFormatter.SUBJECT_HEADER);
        assertThat(request.contentType()).startsWith("application/json");
    }

    @Test
    void recognizesSnsArnsAndNothingElse() {
        assertThat(provider.recognizes(URI.create("arn:aws:sns:eu-west-1:123456789012:uploads"))).isTrue();
        assertThat(provider.recognizes(URI.create("arn:aws:sqs:eu-west-1:123456789012:uploads"))).isFalse();
        assertThat(provider.recognizes(URI.create("https://hooks.slack.com/services/T/B/x"))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"arn:aws:sns:us-east-1:123456789012:uploads", "arn:aws:sns:eu-west-1:123456789012:a.fifo",
        "arn:aws-us-gov:sns:us-gov-west-1:123456789012:alerts_1", "arn:aws-cn:sns:cn-north-1:123456789012:t"})
    void takesTopicArns(String arn) {
        assertThat(provider.refuses(URI.create(arn))).isEmpty();
        assertThat(TopicArn.region(arn)).isEqualTo(arn.split(":")[3]);
    }

    @ParameterizedTest
    @ValueSource(strings = {"arn:aws:sns:us-east-1:12345678901:uploads", "arn:aws:sns:useast1:123456789012:t",
        "arn:aws:sns:us-east-1:123456789012:a.b", "arn:aws:sqs:us-east-1:123456789012:queue",
        "arn:aws:sns:us-east-1:123456789012:sub:0d7c"})
    void refusesWhatIsNotATopicArnQuotingIt(String arn) {
        assertThat(provider.refuses(URI.create(arn))).hasValueSatisfying(reason -> assertThat(reason)
                .contains("arn:aws:sns:REGION:ACCOUNT:TOPIC").contains(arn));
    }

    @Test
    void refusesAWebhookUrlWithoutQuotingIt() {
        String url = "https://discord.com/api/webhooks/123/SeCrEtToKeN0123456789";
        assertThat(provider.refuses(URI.create(url))).hasValueSatisfying(reason -> assertThat(reason)
                .contains("the topic's ARN").doesNotContain("SeCrEtToKeN").doesNotContain("discord.com"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "404|NotFound: Topic does not exist|SNS: NotFound: Topic does not exist (the topic does not exist",
        "403|AuthorizationError: not authorized|SNS: AuthorizationError: not authorized (the function's role needs"
                + " sns:Publish",
        "429|Throttled: Rate exceeded|SNS: Throttled: Rate exceeded"})
    void wordsSnsRefusalsWithWhatToDo(int status, String body, String words) {
        assertThat(formatter(Map.of()).describeError(status, body)).startsWith(words).hasSizeLessThanOrEqualTo(300);
    }

    private static void assertValidSubject(String subject) {
        assertThat(subject).isNotNull().hasSizeBetween(1, 100).matches("[\\x20-\\x7E]+").doesNotContain("\n")
                .matches("^[A-Za-z0-9\\p{Punct}].*");
    }
}
