package dev.s3notify.sns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.s3notify.core.WebhookRequest;
import dev.s3notify.core.error.ConfigurationException;
import dev.s3notify.core.function.DispatchFunction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What {@code preview --kind sns} runs: the dispatcher formats without a destination or AWS, and the bodies are a
 * valid custom notification or plain text; a bad ARN fails the cold start, quoted briefly.
 */
class SnsPreviewTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void previewsAValidCustomNotification() throws Exception {
        WebhookRequest request = preview(Map.of("SNS_MESSAGE_SHAPE", "chatbot"));

        CustomNotificationSchema.assertValid(JSON.readTree(request.body()));
    }

    @Test
    void previewsPlainTextWithASubject() throws Exception {
        WebhookRequest request = preview(Map.of());

        assertThat(request.contentType()).isEqualTo("text/plain; charset=utf-8");
        assertThat(request.body()).startsWith("quarterly-report.pdf was uploaded to example-uploads.\nDownload");
        assertThat(request.headers()).containsEntry(SnsFormatter.SUBJECT_HEADER, "New file: quarterly-report.pdf");
    }

    @Test
    void theSchemaRefusesWhatIsNotACustomNotification() throws Exception {
        ObjectNode body = (ObjectNode) JSON.readTree(preview(Map.of("SNS_MESSAGE_SHAPE", "chatbot")).body());
        body.put("version", "2.0");
        ((ObjectNode) body.get("content")).put("textType", "markdown");

        assertThat(CustomNotificationSchema.problems(body)).hasSize(2);
    }

    @Test
    void refusesAMalformedTopicArnAtStartUpQuotingIt() {
        Map<String, String> env = Map.of("WEBHOOK_KIND", "sns", "WEBHOOK_URL", "arn:aws:sns:us-east-1:123:uploads",
                "AWS_REGION", "us-east-1");

        assertThatThrownBy(() -> DispatchFunction.create(env, new DispatchFunction.Overrides(false, null, null, null,
                null, null))).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("not an SNS topic's ARN").hasMessageContaining("arn:aws:sns:us-east-1:123:uploads");
    }

    @Test
    void refusesAnUnknownShapeNamingTheChoices() {
        assertThatThrownBy(() -> preview(Map.of("SNS_MESSAGE_SHAPE", "html")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("SNS_MESSAGE_SHAPE")
                .hasMessageContaining("text, chatbot");
    }

    private static WebhookRequest preview(Map<String, String> env) throws Exception {
        List<WebhookRequest> shown = new ArrayList<>();
        DispatchFunction.create(env, new DispatchFunction.Overrides(true, (destination, request) -> shown.add(request),
                "sns", null, null, null)).deliverOne(Files.readAllBytes(Path.of("..", "docs", "examples",
                "link-events", "file-link-generated.json")), Instant.now().plusSeconds(30));
        assertThat(shown).hasSize(1);
        return shown.get(0);
    }
}
