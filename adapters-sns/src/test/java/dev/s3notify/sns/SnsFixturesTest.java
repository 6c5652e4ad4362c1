package dev.s3notify.sns;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.s3notify.core.Notification;
import dev.s3notify.core.WebhookRequest;
import dev.s3notify.core.decoding.LinkEventJson;
import dev.s3notify.core.templates.MessageTemplate;
import dev.s3notify.core.templates.TemplateModel;
import dev.s3notify.spi.FormatterContext;
import dev.s3notify.spi.KindSettings;
import dev.s3notify.spi.WebhookFormatter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The payloads the README shows, for the shipped example link event: compared as JSON, or as text. */
class SnsFixturesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path FIXTURES = Path.of("src/test/resources/fixtures");

    @ParameterizedTest
    @CsvSource({"text, created-text.txt", "chatbot, created-chatbot.json"})
    void formatsTheExampleEventAsTheFixtureSays(String shape, String fixture) throws Exception {
        SnsFormatterProvider provider = new SnsFormatterProvider();
        WebhookFormatter formatter = provider.create(FormatterContext.of(KindSettings.of(provider.variables(),
                Map.of("SNS_MESSAGE_SHAPE", shape))));
        var event = LinkEventJson.fromJson(JSON.readTree(Files.readString(Path.of("..", "docs", "examples",
                "link-events", "file-link-generated.json"))).get("detail"));
        String message = MessageTemplate.compile(provider.defaultTemplate(), "t", formatter::escape)
                .render(TemplateModel.of(event, "0c9f9e2a-3c1d-4b8e-9f7a-2d6e5b4c3a21"));
        WebhookRequest request = formatter.format(new Notification(event, message,
                "0c9f9e2a-3c1d-4b8e-9f7a-2d6e5b4c3a21"));
        Path expected = FIXTURES.resolve(fixture);
        if (System.getenv("SNS_WRITE_FIXTURES") != null) {
            Files.writeString(expected, shape.equals("text") ? "Subject: " + request.headers().get(
                    SnsFormatter.SUBJECT_HEADER) + "\n\n" + request.body() + "\n"
                    : JSON.writerWithDefaultPrettyPrinter().writeValueAsString(JSON.readTree(request.body())) + "\n");
        }
        if (shape.equals("text")) {
            assertThat("Subject: " + request.headers().get(SnsFormatter.SUBJECT_HEADER) + "\n\n" + request.body()
                    + "\n").isEqualTo(Files.readString(expected));
        } else {
            assertThat(JSON.readTree(request.body())).isEqualTo(JSON.readTree(Files.readString(expected)));
        }
    }
}
