package dev.s3notify.core.decoding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.s3notify.core.config.Settings;
import dev.s3notify.core.config.Variables;
import dev.s3notify.core.error.ConfigurationException;
import dev.s3notify.core.error.InvalidEventException;
import dev.s3notify.core.testing.Fixtures;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Events written by an attacker, or by a broken producer: each is a clear error, never a stack trace. */
class HostileEventsTest {
    private final S3EventDecoder decoder = new S3EventDecoder();

    @Test
    void saysWhatIsWrongWhenDetailTypeIsMissing() {
        var event = Fixtures.edited("eventbridge-object-created.json", root -> root.remove("detail-type"));

        assertThatThrownBy(() -> decoder.decode(event)).isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("detail-type (missing) is not handled");
    }

    @Test
    void saysWhatIsWrongWhenDetailTypeIsNotAString() {
        var event = Fixtures.edited("eventbridge-object-created.json", root -> root.putArray("detail-type").add(1));

        assertThatThrownBy(() -> decoder.decode(event)).isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("detail-type an array of 1 item is not handled");
    }

    @ParameterizedTest
    @ValueSource(strings = {"evil.example#", "x@evil.example", "us-еast-1", "us east 1", "us-east-1\r\nX: y",
            "US-EAST-1", "us-east-1.evil.example", "", "us-east-1/../x"})
    void refusesAnEventRegionThatIsNotAnAwsRegion(String region) {
        var event = Fixtures.edited("eventbridge-object-created.json", root -> root.put("region", region));

        if (region.isEmpty()) {
            assertThat(decoder.decode(event).get(0).region()).isNull();
            return;
        }
        assertThatThrownBy(() -> decoder.decode(event)).isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("expected region to be an AWS region such as us-east-1")
                .hasMessageNotContaining("\r").hasMessageNotContaining("\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"evil.example#", "b@evil", "bucket/../x", "-bucket", "bu cket", "büket", "a..b"})
    void refusesABucketThatIsNotABucketName(String bucket) {
        var event = Fixtures.edited("s3-put.json", root -> Fixtures.object(root, "/Records/0/s3/bucket")
                .put("name", bucket));

        assertThatThrownBy(() -> decoder.decode(event)).isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("expected s3.bucket.name to be an S3 bucket name");
    }

    @Test
    void refusesANotificationRegionThatIsNotAnAwsRegion() {
        var event = Fixtures.edited("s3-put.json", root -> Fixtures.object(root, "/Records/0")
                .put("awsRegion", "evil.example#"));

        assertThatThrownBy(() -> decoder.decode(event)).isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("expected awsRegion to be an AWS region")
                .hasMessageContaining("\"evil.example#\"");
    }

    @Test
    void acceptsAKeyOfExactly1024BytesAndRefusesOneByteMore() {
        String key = "é".repeat(512);
        var fits = Fixtures.edited("eventbridge-object-created.json", root -> Fixtures.object(root,
                "/detail/object").put("key", key));
        var tooLong = Fixtures.edited("eventbridge-object-created.json", root -> Fixtures.object(root,
                "/detail/object").put("key", key + "x"));

        assertThat(decoder.decode(fits).get(0).key()).isEqualTo(key);
        assertThatThrownBy(() -> decoder.decode(tooLong)).isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("at most 1024 bytes");
    }

    @Test
    void quotesAtMostTwoHundredCharactersOfATenMegabyteKey() {
        var event = Fixtures.edited("s3-put.json", root -> Fixtures.object(root, "/Records/0/s3/object")
                .put("key", "k".repeat(10_000_000)));

        assertThatThrownBy(() -> decoder.decode(event)).isInstanceOf(InvalidEventException.class)
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(500));
    }

    @Test
    void stripsEscapesAndBidiOverridesFromWhatItQuotes() {
        var event = Fixtures.edited("s3-put.json", root -> Fixtures.object(root, "/Records/0")
                .put("eventName", "ObjectTagging:Put\u001b[2J\u0000\u202Egnp.exe"));

        assertThatThrownBy(() -> decoder.decode(event)).isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("\"ObjectTagging:Put[2Jgnp.exe\"")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\u001b", "\u0000", "\u202E"));
    }

    @Test
    void refusesTwoJsonObjectsInOneEventInPlainWords() {
        byte[] two = "{\"a\":1}\n{\"b\":2}".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> Envelopes.parse(two)).isInstanceOf(InvalidEventException.class)
                .hasMessage("event is not valid JSON: it holds more than one JSON value; send one event (one object)"
                        + " at a time (line 2, column 1)");
    }

    @Test
    void saysATruncatedEventEndsTooEarlyWithoutNamingTheParsersFeatures() {
        assertThatThrownBy(() -> Envelopes.parse("{\"Records\":[{\"eventSource\":".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageStartingWith("event is not valid JSON: it ends before the JSON value does (truncated?)")
                .hasMessageNotContaining("StreamReadFeature").hasMessageNotContaining("`");
    }

    @Test
    void saysAnEventNestedTooDeeplyIsSo() {
        byte[] deep = ("[".repeat(5_000) + "]".repeat(5_000)).getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> Envelopes.parse(deep)).isInstanceOf(InvalidEventException.class)
                .hasMessageStartingWith("event is not valid JSON: it is nested too deeply")
                .hasMessageNotContaining("StreamReadConstraints");
    }

    @Test
    void failsAWholeSqsBatchBeforeHandlingAnyMessageWhenOneHasNoMessageId() {
        String batch = "{\"Records\":[{\"messageId\":\"m-1\",\"eventSource\":\"aws:sqs\",\"body\":\"{}\"},"
                + "{\"messageId\":null,\"eventSource\":\"aws:sqs\",\"body\":\"{}\"}]}";
        List<String> handled = new ArrayList<>();

        assertThatThrownBy(() -> Batch.of(batch.getBytes(StandardCharsets.UTF_8))
                .forEach(envelope -> handled.add(envelope.messageId())))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageStartingWith("SQS record 1: expected messageId (a non-empty string) but found null");
        assertThat(handled).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"evil.example#", "us east 1", "x@evil.example"})
    void refusesAnAwsRegionThatIsNotOneAtStartUp(String region) {
        Settings settings = new Settings(Map.of("AWS_REGION", region));

        Variables.region(settings);

        assertThatThrownBy(settings::validate).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("AWS_REGION=").hasMessageContaining("expected an AWS region such as us-east-1");
    }

    @Test
    void refusesAnAwsDefaultRegionThatIsNotOne() {
        Settings settings = new Settings(Map.of("AWS_DEFAULT_REGION", "evil.example#"));

        assertThat(Variables.region(settings)).isEqualTo("us-east-1");
        assertThat(settings.problems()).singleElement().asString().startsWith("AWS_DEFAULT_REGION='evil.example#'");
    }

    @Test
    void readsARegionFromTheFallbackWhenItIsOne() {
        Settings settings = new Settings(Map.of("AWS_DEFAULT_REGION", "us-gov-west-1"));

        assertThat(Variables.region(settings)).isEqualTo("us-gov-west-1");
        assertThat(settings.problems()).isEmpty();
    }

}
