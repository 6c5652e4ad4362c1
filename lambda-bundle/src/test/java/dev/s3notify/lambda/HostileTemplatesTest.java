package dev.s3notify.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.s3notify.core.error.ConfigurationException;
import dev.s3notify.core.function.DispatchFunction;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Templates that would exhaust memory or time: a digest template whose work grows faster than its files fails the
 * dispatcher's cold start with our words; one that writes more than any platform takes is rendered within the
 * bound, and a 500-file batch is delivered with the default heap, never an out-of-memory error.
 */
class HostileTemplatesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @ValueSource(strings = {
        "{{#files}}{{#files}}{{#files}}{{fileName}}{{/files}}{{/files}}{{/files}}",
        "{{#files}}• {{fileName}}{{#files}} {{{fileUrl}}}{{/files}}\n{{/files}}",
        "{{#files}}{{{fileUrl}}}{{#hasMore}}{{^hasIndex}}{{#files}}{{/files}}{{/hasIndex}}{{/hasMore}}{{/files}}",
    })
    void aDigestTemplateThatRepeatsTheFilesForEachFileFailsTheColdStart(String template) {
        Map<String, String> env = discord();
        env.put("DIGEST_TEMPLATE", template);
        long started = System.nanoTime();

        assertThatThrownBy(() -> new WebhookDispatcherHandler(env, DispatchFunction.Overrides.none()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("DIGEST_TEMPLATE takes more than 5,000,000 steps to render a digest of 10,000"
                        + " files, the largest batch a queue delivers")
                .hasMessageContaining("List the files once. See docs/templates.md.")
                .hasMessageNotContaining("Exception").hasMessageNotContaining("mustache").hasMessageNotContaining("at ");
        assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(10_000);
    }

    @Test
    void aTemplateThatDoesNotCompileIsExplainedInOurWords() {
        Map<String, String> env = discord();
        env.put("MESSAGE_TEMPLATE", "New file\n{{/hasLink}}");

        assertThatThrownBy(() -> new WebhookDispatcherHandler(env, DispatchFunction.Overrides.none()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("MESSAGE_TEMPLATE is not a valid Mustache template: {{/hasLink}} on line 2"
                        + " closes a section that is not open (no {{#hasLink}} before it)")
                .hasMessageNotContaining("Mismatched").hasMessageNotContaining("null").hasMessageNotContaining("@[");
    }

    @Test
    void aFiveHundredFileBatchWithATemplateWritingMegabytesIsDeliveredWithinTheBounds() throws Exception {
        // Each file writes about 40 links (some 30 KB): 15 MB for the batch, were the render not stopped at 1 MiB.
        String heavy = "{{#files}}" + "{{{fileUrl}}} {{fileName}}\n".repeat(40) + "{{/files}}{{#hasIndex}}"
                + "{{{indexUrl}}}{{/hasIndex}}";
        try (FaultyAws aws = new FaultyAws()) {
            Map<String, String> env = aws.dispatcherEnvironment();
            env.put("DIGEST_TEMPLATE", heavy);
            WebhookDispatcherHandler handler = new WebhookDispatcherHandler(env, DispatchFunction.Overrides.none());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            long started = System.nanoTime();

            handler.handleRequest(new ByteArrayInputStream(batch(500)), out, new TestContext(60_000));

            assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(60_000);
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("\"batchItemFailures\":[]");
            assertThat(aws.count("Webhook.POST")).isPositive();
            assertThat(aws.requests().stream().filter(r -> r.service().equals("Webhook"))
                    .mapToInt(r -> r.body().length())).allMatch(length -> length <= 256 * 1024);
        }
    }

    private static Map<String, String> discord() {
        Map<String, String> env = new HashMap<>();
        env.put("WEBHOOK_URL", "https://discord.com/api/webhooks/4242/hostile-token");
        env.put("WEBHOOK_KIND", "discord");
        return env;
    }

    /** An SQS batch of link events, one file each, from the documented example's first record. */
    private static byte[] batch(int files) throws Exception {
        JsonNode example = JSON.readTree(Files.readAllBytes(HostileCorpus.EXAMPLES.resolve(
                "link-events/sqs-batch.json")));
        ObjectNode first = (ObjectNode) example.path("Records").get(0);
        ArrayNode records = JSON.createArrayNode();
        for (int i = 0; i < files; i++) {
            ObjectNode body = (ObjectNode) JSON.readTree(first.path("body").asText());
            body.put("id", "hostile-event-" + i);
            ObjectNode detail = (ObjectNode) body.path("detail");
            String key = "batch/report-" + i + ".pdf";
            detail.put("fileName", "report-" + i + ".pdf").put("key", key).put("sourceEventId", "source-" + i)
                    .put("fileUrl", detail.path("fileUrl").asText().replace("reports/quarterly-report.pdf", key));
            ObjectNode record = first.deepCopy();
            record.put("messageId", "hostile-message-" + i).put("receiptHandle", "receipt-" + i)
                    .put("body", JSON.writeValueAsString(body));
            records.add(record);
        }
        return JSON.writeValueAsBytes(JSON.createObjectNode().set("Records", records));
    }
}
