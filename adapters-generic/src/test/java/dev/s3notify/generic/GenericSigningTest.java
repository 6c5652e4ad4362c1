package dev.s3notify.generic;

import static dev.s3notify.generic.GenericTestSupport.EVENT_ID;
import static dev.s3notify.generic.GenericTestSupport.created;
import static dev.s3notify.generic.GenericTestSupport.formatter;
import static dev.s3notify.generic.GenericTestSupport.notification;
import static dev.s3notify.generic.GenericTestSupport.settings;
import static org.assertj.core.api.Assertions.assertThat;

import dev.s3notify.core.WebhookRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** Standard Webhooks: an idempotency id always, and a signature per attempt when a secret is set. */
class GenericSigningTest {
    // The example from the Standard Webhooks specification and its reference libraries.
    private static final String SPEC_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String SPEC_ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private static final long SPEC_TIMESTAMP = 1_614_265_330L;
    private static final String SPEC_BODY = "{\"test\": 2432232314}";
    private static final String SPEC_SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";


    @Test
    void signsThePublishedStandardWebhooksExample() {
        assertThat(SigningKey.parse(SPEC_SECRET).sign(SPEC_ID, SPEC_TIMESTAMP, SPEC_BODY)).isEqualTo(SPEC_SIGNATURE);
    }

    @Test
    void acceptsTheSecretWithoutItsPrefix() {
        assertThat(SigningKey.parse(SPEC_SECRET.substring("whsec_".length())).sign(SPEC_ID, SPEC_TIMESTAMP,
                SPEC_BODY)).isEqualTo(SPEC_SIGNATURE);
    }

    @Test
    void signsTheAttemptWithItsIdTimeAndBody() {
        WebhookRequest request = WebhookRequest.json(SPEC_BODY).withHeader("webhook-id", SPEC_ID);

        WebhookRequest signed = formatter(Map.of("WEBHOOK_SIGNING_SECRET", SPEC_SECRET)).prepareAttempt(request,
                Instant.ofEpochSecond(SPEC_TIMESTAMP));

        assertThat(signed.headers()).containsEntry("webhook-id", SPEC_ID)
                .containsEntry("webhook-timestamp", "1614265330")
                .containsEntry("webhook-signature", SPEC_SIGNATURE);
        assertThat(signed.body()).isEqualTo(SPEC_BODY);
    }

    @Test
    void signsEachAttemptWithThatAttemptsTime() throws Exception {
        Map<String, String> env = Map.of("WEBHOOK_SIGNING_SECRET", SPEC_SECRET, "WEBHOOK_HEADERS",
                "{\"X-Api-Key\": \"k-123\"}");
        GenericFormatter formatter = formatter(env);
        WebhookRequest request = formatter.format(notification(env, created("reports/Q3 report.pdf")));

        WebhookRequest first = formatter.prepareAttempt(request, Instant.parse("2026-11-21T17:16:21.900Z"));
        WebhookRequest retry = formatter.prepareAttempt(request, Instant.parse("2026-11-21T17:16:25Z"));

        assertThat(first.headers()).containsEntry("webhook-timestamp", "1795281381")
                .containsEntry("webhook-signature", hmac(EVENT_ID + ".1795281381." + request.body()))
                .containsEntry("webhook-id", EVENT_ID).containsEntry("X-Api-Key", "k-123");
        assertThat(retry.headers()).containsEntry("webhook-timestamp", "1795281385")
                .containsEntry("webhook-signature", hmac(EVENT_ID + ".1795281385." + request.body()))
                .containsEntry("webhook-id", EVENT_ID);
    }

    @Test
    void sendsTheIdempotencyIdButNoSignatureWithoutASecret() {
        GenericFormatter formatter = formatter(Map.of());
        WebhookRequest request = formatter.format(notification(Map.of(), created("a.pdf")));

        WebhookRequest prepared = formatter.prepareAttempt(request, Instant.parse("2026-11-21T17:16:21Z"));

        assertThat(prepared).isSameAs(request);
        assertThat(prepared.headers()).containsOnlyKeys("webhook-id").containsEntry("webhook-id", EVENT_ID);
    }

    @Test
    void neverShowsTheKey() {
        assertThat(SigningKey.parse(SPEC_SECRET)).hasToString("SigningKey[<secret>]");
    }

    /** An independent HMAC-SHA256 over the content, keyed with the spec secret's bytes. */
    private static String hmac(String content) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"), "HmacSHA256"));
        return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(content.getBytes(StandardCharsets.UTF_8)));
    }
}
