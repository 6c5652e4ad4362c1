package dev.s3notify.core.function;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.s3notify.core.error.ConfigurationException;
import dev.s3notify.core.testing.Fixtures;
import dev.s3notify.core.testing.TestFormatters;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * When the digest check runs: at cold start where digests can happen (the queue path, or a {@code DIGEST_TEMPLATE}),
 * otherwise before the first batch of a standard queue, which then fails with the cold start's words and sends
 * nothing. {@link TestFormatters.Cramped}'s default digest template can never fit.
 */
class DigestCheckTimingTest {
    private static final String PATH = "/api/webhooks/42/token-0123456789abcdef";
    private static final byte[] STANDARD_BATCH = Fixtures.bytes("sqs-file-link-generated-batch.json");

    @TempDir
    Path classPathEntry;
    private WireMockServer webhook;
    private ClassLoader formatters;

    @BeforeEach
    void start() {
        webhook = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        webhook.start();
        webhook.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(204)));
        formatters = TestFormatters.loader(classPathEntry, TestFormatters.Cramped.class);
    }

    @AfterEach
    void stop() {
        webhook.stop();
    }

    @ParameterizedTest
    @CsvSource({"IDEMPOTENCY_TABLE, s3-notify-deliveries", "INDEX_BUCKET, s3-notify-index",
            "AWS_ENDPOINT_URL_SQS, http://127.0.0.1:9"})
    void failsTheColdStartOnTheQueuePath(String variable, String value) {
        ConfigurationException e = catchThrowableOfType(() -> create(Map.of(variable, value), true),
                ConfigurationException.class);

        assertThat(e).hasMessage("Invalid configuration: " + TestFormatters.Cramped.NO_ROOM
                + ": make it shorter. See docs/templates.md.");
    }

    @Test
    void failsTheColdStartWithADigestTemplateOfOnesOwnOnAnyPath() {
        ConfigurationException e = catchThrowableOfType(() -> create(Map.of("DIGEST_TEMPLATE", "x".repeat(2_500)
                + "{{#files}}{{{fileUrl}}}{{/files}}{{{indexUrl}}}"), false), ConfigurationException.class);

        assertThat(e).hasMessageContaining("DIGEST_TEMPLATE leaves no room for the links of a digest of three files");
    }

    @Test
    void elsewhereFailsTheFirstStandardQueueBatchWithTheSameWordsAndSendsNothing() {
        DispatchPipeline pipeline = create(Map.of(), false);

        ConfigurationException first = catchThrowableOfType(() -> pipeline.handle(STANDARD_BATCH, soon()),
                ConfigurationException.class);
        ConfigurationException again = catchThrowableOfType(() -> pipeline.handle(STANDARD_BATCH, soon()),
                ConfigurationException.class);

        assertThat(first).hasMessage("Invalid configuration: " + TestFormatters.Cramped.NO_ROOM
                + ": make it shorter. See docs/templates.md.");
        assertThat(again).hasMessage(first.getMessage());
        webhook.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void elsewhereDeliversSingleEventsWithoutTheCheck() {
        DispatchPipeline pipeline = create(Map.of(), false);

        assertThat(pipeline.handle(Fixtures.bytes("eventbridge-file-link-generated.json"), soon()).delivered())
                .isEqualTo(1);
        webhook.verify(1, postRequestedFor(anyUrl()));
    }

    private DispatchPipeline create(Map<String, String> extra, boolean preview) {
        Map<String, String> env = new HashMap<>(extra);
        env.put("WEBHOOK_KIND", "cramped");
        env.put("WEBHOOK_URL", "http://127.0.0.1:" + webhook.port() + PATH);
        env.put("AWS_REGION", "eu-west-1");
        return DispatchFunction.create(env, new DispatchFunction.Overrides(preview, null, null, null, formatters,
                null));
    }

    private static Instant soon() {
        return Instant.now().plusSeconds(30);
    }
}
