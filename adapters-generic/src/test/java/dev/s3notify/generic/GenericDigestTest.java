package dev.s3notify.generic;

import static dev.s3notify.generic.GenericTestSupport.created;
import static dev.s3notify.generic.GenericTestSupport.formatter;
import static dev.s3notify.generic.GenericTestSupport.parse;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.s3notify.core.Link;
import dev.s3notify.core.LinkEvent;
import dev.s3notify.core.WebhookRequest;
import dev.s3notify.testkit.Digests;
import dev.s3notify.testkit.HostileInput;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GenericDigestTest {
    private static final Link INDEX = new Link("https://example-uploads.s3.amazonaws.com/index/b.html?X-Amz-Signature=1",
            Instant.parse("2026-11-22T00:00:00Z"));

    @Test
    void carriesEveryFileUnderDataWithTheSummaryAsMessage() {
        WebhookRequest request = format(Map.of(), List.of(created("up/a.pdf"), created("up/b.pdf")), null)
                .orElseThrow();
        JsonNode body = parse(request.body());

        assertThat(body.path("type").asText()).isEqualTo("file-links-digest");
        assertThat(body.path("message").asText()).isEqualTo("2 files uploaded to up/ (3.0 MB)");
        assertThat(body.path("data").path("count").asInt()).isEqualTo(2);
        assertThat(body.path("data").path("files").findValuesAsText("key")).containsExactly("up/a.pdf", "up/b.pdf");
        assertThat(body.path("data").path("files").findValuesAsText("eventId")).containsExactly("evt-0", "evt-1");
        assertThat(request.headers()).containsEntry("webhook-id", body.path("id").asText());
    }

    @Test
    void isADocumentEvenWhenMessageTemplateMakesSingleBodiesText() {
        Map<String, String> env = Map.of("MESSAGE_TEMPLATE", "{{fileName}}", "WEBHOOK_CONTENT_TYPE", "text/plain");

        WebhookRequest request = format(env, List.of(created("up/a.pdf"), created("up/b.pdf")), null).orElseThrow();

        assertThat(request.contentType()).isEqualTo("application/json");
        assertThat(parse(request.body()).path("data").path("listed").asInt()).isEqualTo(2);
    }

    @Test
    void asksForAnIndexWhenTheFilesDoNotFitAndThenLinksIt() {
        List<LinkEvent> files = HostileInput.files(500, 2_000);

        assertThat(format(Map.of(), files, null)).isEmpty();
        WebhookRequest request = format(Map.of(), files, INDEX).orElseThrow();

        JsonNode data = parse(request.body()).path("data");
        assertThat(request.body().getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(256 * 1024);
        assertThat(data.path("listed").asInt()).isBetween(1, 499).isEqualTo(data.path("files").size());
        assertThat(data.path("index").path("url").asText()).isEqualTo(INDEX.url());
        assertThat(data.path("index").path("expiresAt").asText()).isEqualTo("2026-11-22T00:00:00Z");
    }

    @Test
    void signsADigestOverItsOwnId() {
        Map<String, String> env = Map.of("WEBHOOK_SIGNING_SECRET", "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
        WebhookRequest request = format(env, List.of(created("up/a.pdf"), created("up/b.pdf")), null).orElseThrow();

        WebhookRequest signed = formatter(env).prepareAttempt(request, Instant.parse("2026-11-21T17:16:21Z"));

        assertThat(signed.headers().get("webhook-id")).startsWith("digest-");
        assertThat(signed.headers().get("webhook-signature")).isEqualTo(SigningKey.parse(env.get(
                "WEBHOOK_SIGNING_SECRET")).sign(signed.headers().get("webhook-id"), 1_795_281_381L, request.body()));
    }

    private static Optional<WebhookRequest> format(Map<String, String> env, List<LinkEvent> files, Link index) {
        GenericFormatter formatter = formatter(env);
        return formatter.formatDigest(Digests.of(formatter, new GenericFormatterProvider().defaultDigestTemplate(),
                files, index));
    }
}
