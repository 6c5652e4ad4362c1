package dev.s3notify.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import dev.s3notify.core.WebhookRequest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A request is JSON with no extras unless told otherwise, and checks what the record checks. */
class WebhookRequestTest {

    @Test
    void isJsonWithoutHeadersOrQueryUnlessTold() {
        WebhookRequest request = WebhookRequest.builder().body("{}").build();

        assertThat(request).isEqualTo(WebhookRequest.json("{}"));
        assertThat(request.contentType()).isEqualTo("application/json");
        assertThat(request.headers()).isEmpty();
        assertThat(request.query()).isEmpty();
    }

    @Test
    void carriesTheContentTypeHeadersAndQueryGiven() {
        WebhookRequest request = WebhookRequest.builder().body("a=1").contentType("text/plain")
                .header("X-Api-Key", "k").queryParameter("wait", "true").build();

        assertThat(request.contentType()).isEqualTo("text/plain");
        assertThat(request.headers()).containsExactly(Map.entry("X-Api-Key", "k"));
        assertThat(request.query()).containsExactly(Map.entry("wait", "true"));
    }

    @Test
    void replacesAllHeadersAndQueryWhenGivenMaps() {
        WebhookRequest request = WebhookRequest.builder().body("{}").header("A", "1").headers(Map.of("B", "2"))
                .queryParameter("x", "1").query(Map.of("y", "2")).build();

        assertThat(request.headers()).containsOnlyKeys("B");
        assertThat(request.query()).containsOnlyKeys("y");
    }

    @Test
    void namesTheMissingBody() {
        assertThatNullPointerException().isThrownBy(() -> WebhookRequest.builder().build())
                .withMessageContaining("body");
    }

    @Test
    void namesTheMissingContentType() {
        assertThatNullPointerException()
                .isThrownBy(() -> WebhookRequest.builder().body("{}").contentType(null).build())
                .withMessageContaining("contentType");
    }

    @Test
    void namesTheHeaderWhoseValueIsMissing() {
        assertThatNullPointerException().isThrownBy(() -> WebhookRequest.builder().header("X-Token", null))
                .withMessageContaining("X-Token");
    }

    @Test
    void keepsEveryComponentWhenAHeaderIsAdded() {
        WebhookRequest request = RecordBuilders.filled(WebhookRequest.class);

        WebhookRequest signed = request.withHeader("X-Signature", "s");

        assertThat(signed.body()).isEqualTo(request.body());
        assertThat(signed.contentType()).isEqualTo(request.contentType());
        assertThat(signed.query()).isEqualTo(request.query());
        assertThat(signed.headers()).containsAllEntriesOf(request.headers()).containsEntry("X-Signature", "s");
    }

    @Test
    void hasASetterForEveryComponent() {
        WebhookRequest filled = RecordBuilders.filled(WebhookRequest.class);

        assertThat(RecordBuilders.setAll(filled, WebhookRequest.builder()).build()).isEqualTo(filled);
    }
}
