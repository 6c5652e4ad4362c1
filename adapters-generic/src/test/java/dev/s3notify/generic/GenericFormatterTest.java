package dev.s3notify.generic;

import static dev.s3notify.generic.GenericTestSupport.EVENT_ID;
import static dev.s3notify.generic.GenericTestSupport.JSON_TEMPLATE;
import static dev.s3notify.generic.GenericTestSupport.TEXT_TEMPLATE;
import static dev.s3notify.generic.GenericTestSupport.created;
import static dev.s3notify.generic.GenericTestSupport.deleted;
import static dev.s3notify.generic.GenericTestSupport.fixture;
import static dev.s3notify.generic.GenericTestSupport.format;
import static dev.s3notify.generic.GenericTestSupport.formatter;
import static dev.s3notify.generic.GenericTestSupport.jsonFixture;
import static dev.s3notify.generic.GenericTestSupport.notification;
import static dev.s3notify.generic.GenericTestSupport.oldSystem;
import static dev.s3notify.generic.GenericTestSupport.parse;
import static dev.s3notify.generic.GenericTestSupport.restored;
import static dev.s3notify.generic.GenericTestSupport.settings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.s3notify.core.LinkEvent;
import dev.s3notify.core.WebhookRequest;
import dev.s3notify.core.error.S3NotifyException;
import dev.s3notify.spi.Variable;
import java.net.URI;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class GenericFormatterTest {
    private static final Map<String, String> JSON_BODY = Map.of("MESSAGE_TEMPLATE", JSON_TEMPLATE);
    private final GenericFormatter formatter = formatter(Map.of());
    private final GenericFormatterProvider provider = new GenericFormatterProvider();

    static Stream<Arguments> documents() {
        return Stream.of(
                Arguments.of(created("reports/Q3 report.pdf"), "document-created.json"),
                Arguments.of(deleted("reports/old report.pdf"), "document-deleted.json"),
                Arguments.of(restored("archive/2019/ledger.csv"), "document-restored.json"),
                Arguments.of(oldSystem(), "document-old-system.json"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("documents")
    void postsTheDocumentWithoutATemplate(LinkEvent event, String fixture) {
        WebhookRequest request = format(Map.of(), event);

        assertThat(parse(request.body())).isEqualTo(jsonFixture(fixture));
        assertThat(request.contentType()).isEqualTo("application/json");
        assertThat(request.headers()).containsExactly(Map.entry("webhook-id", EVENT_ID));
        assertThat(request.query()).isEmpty();
    }

    @Test
    void postsAJsonTemplatesOutputAsTheWholeBody() {
        LinkEvent event = created("reports/Q3 report.pdf");
        WebhookRequest request = format(JSON_BODY, event);

        assertThat(parse(request.body())).isEqualTo(jsonFixture("template-json-created.json"));
        assertThat(request.body()).isEqualTo(notification(JSON_BODY, event).message());
        assertThat(request.contentType()).isEqualTo("application/json");
    }

    @Test
    void leavesAbsentValuesOutOfAJsonTemplateThroughSections() {
        WebhookRequest request = format(JSON_BODY, deleted("reports/old report.pdf"));

        assertThat(parse(request.body())).isEqualTo(jsonFixture("template-json-deleted.json"));
    }

    @Test
    void postsATextTemplatesOutputWithItsContentType() {
        WebhookRequest request = format(Map.of("MESSAGE_TEMPLATE", TEXT_TEMPLATE,
                "WEBHOOK_CONTENT_TYPE", "text/plain; charset=utf-8"), created("reports/Q3 report.pdf"));

        assertThat(request.body()).isEqualTo(fixture("template-text-created.txt").strip());
        assertThat(request.contentType()).isEqualTo("text/plain; charset=utf-8");
        assertThat(request.headers()).containsEntry("webhook-id", EVENT_ID);
    }

    @Test
    void sendsAJsonTemplateWithAJsonMediaTypeOfItsOwn() {
        WebhookRequest request = format(Map.of("MESSAGE_TEMPLATE", JSON_TEMPLATE,
                "WEBHOOK_CONTENT_TYPE", "application/vnd.example+json"), created("a\"b.pdf"));

        assertThat(request.contentType()).isEqualTo("application/vnd.example+json");
        assertThat(parse(request.body()).path("key").asText()).isEqualTo("a\"b.pdf");
    }

    @Test
    void escapesTemplateValuesOnlyWhenTheBodyIsAJsonTemplate() {
        String name = "say \"hi\"\n.txt";
        assertThat(formatter(Map.of()).escape(name)).isEqualTo(name);
        assertThat(formatter(Map.of("MESSAGE_TEMPLATE", "x",
                "WEBHOOK_CONTENT_TYPE", "text/csv")).escape(name)).isEqualTo(name);
        assertThat(formatter(Map.of("MESSAGE_TEMPLATE", "x")).escape(name))
                .isEqualTo("say \\\"hi\\\"\\n.txt");
        assertThat(formatter(Map.of("MESSAGE_TEMPLATE", "x",
                "WEBHOOK_CONTENT_TYPE", "application/cloudevents+json; charset=utf-8")).escape(name))
                .isEqualTo("say \\\"hi\\\"\\n.txt");
    }

    @Test
    void keepsTheDocumentsMessagePlainText() {
        String name = "say \"hi\" \\ <script>\n\u0000.txt";
        WebhookRequest request = format(Map.of(), created("uploads/" + name));

        assertThat(parse(request.body()).path("message").asText()).startsWith(name + " was uploaded to");
        assertThat(parse(request.body()).path("data").path("fileName").asText()).isEqualTo(name);
    }

    @Test
    void refusesAJsonTemplateWhoseOutputIsNotJsonWithoutShowingTheBody() {
        Map<String, String> env = Map.of("MESSAGE_TEMPLATE", "{\"file\": \"{{{fileName}}}\"}");

        assertThatThrownBy(() -> format(env, created("uploads/secret\"plan.pdf")))
                .isInstanceOf(S3NotifyException.class)
                .hasMessageContaining("MESSAGE_TEMPLATE rendered a body that is not valid JSON")
                .hasMessageContaining("WEBHOOK_CONTENT_TYPE is application/json")
                .hasMessageContaining("line 1, column 18")
                .hasMessageContaining("{{name}}")
                .message().doesNotContain("secret").doesNotContain("plan.pdf");
    }

    @Test
    void neverQuotesALinkFromABodyThatIsNotJson() {
        Map<String, String> env = Map.of("MESSAGE_TEMPLATE", "{{{fileUrl}}} and more");

        assertThatThrownBy(() -> format(env, created("uploads/a.pdf")))
                .isInstanceOf(S3NotifyException.class)
                .hasMessageContaining("MESSAGE_TEMPLATE rendered a body that is not valid JSON")
                .satisfies(e -> assertThat(e.getCause() == null ? "" : e.getCause().getMessage())
                        .doesNotContain("https").doesNotContain("X-Amz"))
                .message().doesNotContain("https").doesNotContain("X-Amz").doesNotContain("amazonaws");
    }

    @Test
    void refusesAJsonTemplateThatRendersNothing() {
        Map<String, String> env = Map.of("MESSAGE_TEMPLATE", "{{#deleted}}{\"gone\": \"{{key}}\"}{{/deleted}}");

        assertThat(format(env, deleted("a.txt")).body()).isEqualTo("{\"gone\": \"a.txt\"}");
        assertThatThrownBy(() -> format(env, created("a.txt")))
                .isInstanceOf(S3NotifyException.class)
                .hasMessageContaining("not valid JSON").hasMessageContaining("the text is empty");
    }

    @Test
    void describesAJsonErrorByItsErrorAndMessage() {
        assertThat(formatter.describeError(401, "{\"error\":\"invalid_token\",\"message\":\"The API key is not"
                + " valid\"}")).isEqualTo("invalid_token: The API key is not valid");
        assertThat(formatter.describeError(403, "{\"error\":{\"code\":403,\"message\":\"bad key\"}}"))
                .isEqualTo("bad key");
        assertThat(formatter.describeError(404, "{\"detail\":\"Not Found\"}")).isEqualTo("Not Found");
        assertThat(formatter.describeError(400, "{\"ok\":false}")).isEqualTo("{\"ok\":false}");
    }

    @Test
    void describesAnyOtherErrorByItsFirstLineShortened() {
        assertThat(formatter.describeError(502, "Bad Gateway\n<html>...</html>")).isEqualTo("Bad Gateway");
        assertThat(formatter.describeError(500, "")).isEmpty();
        assertThat(formatter.describeError(400, "{\"message\":\"" + "x".repeat(5_000) + "\"}"))
                .hasSize(300).endsWith("…");
    }

    @Test
    void recognizesNoUrlBeingTheFallback() {
        assertThat(provider.recognizes(URI.create("https://example.com/hooks/abc"))).isFalse();
        assertThat(provider.recognizes(URI.create("https://discord.com/api/webhooks/1/x"))).isFalse();
        assertThat(provider.recognizes(URI.create("https://hooks.slack.com/services/T/B/x"))).isFalse();
    }

    @Test
    void declaresMessageTemplateToTellTheTemplateFromItsDefault() {
        assertThat(provider.kind()).isEqualTo("generic");
        assertThat(provider.variables()).extracting(Variable::name).containsExactly("MESSAGE_TEMPLATE",
                "WEBHOOK_CONTENT_TYPE", "WEBHOOK_HEADERS", "WEBHOOK_SIGNING_SECRET");
        assertThat(provider.variables()).filteredOn(Variable::secret).extracting(Variable::name)
                .containsExactly("WEBHOOK_HEADERS", "WEBHOOK_SIGNING_SECRET");
    }
}
