package dev.s3notify.core.decoding;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.s3notify.core.LinkEvent;
import dev.s3notify.core.ObjectEvent;
import dev.s3notify.core.error.S3NotifyException;
import dev.s3notify.core.input.AwsNames;
import dev.s3notify.core.testing.Fixtures;
import dev.s3notify.core.testing.HostileArbitraries;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The decoders, for any input: events whose region, bucket and key have AWS's shapes, or a clear error. Never
 * another exception, never a message that is long or unprintable.
 */
class DecoderPropertiesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> PATHS = List.of("/region", "/detail-type", "/source", "/id", "/time",
            "/detail/bucket/name", "/detail/object/key", "/detail/object/size", "/detail/object/etag",
            "/detail/object/version-id", "/detail/object/sequencer", "/detail", "/detail/object");
    private final S3EventDecoder decoder = new S3EventDecoder();

    @Property(tries = 300)
    void anyBytesGiveEnvelopesOrAClearError(@ForAll("bytes") byte[] input) {
        try {
            List<Envelope> envelopes = Envelopes.unwrap(Envelopes.parse(input));
            assertThat(envelopes).isNotEmpty();
            envelopes.stream().filter(Envelope::failed).forEach(e -> HostileArbitraries.assertClear(e.error()));
        } catch (S3NotifyException e) {
            HostileArbitraries.assertClear(e);
        }
    }

    @Property(tries = 400)
    void anyEventBridgeEventGivesWellFormedEventsOrAClearError(@ForAll("eventBridgeEvents") JsonNode event) {
        try {
            for (ObjectEvent decoded : decoder.decode(event)) {
                assertThat(decoded.region() == null || AwsNames.isRegion(decoded.region())).isTrue();
                assertThat(AwsNames.isBucket(decoded.bucket())).isTrue();
                assertThat(AwsNames.isKeyLength(decoded.key())).isTrue();
            }
        } catch (S3NotifyException e) {
            HostileArbitraries.assertClear(e);
        }
    }

    @Property(tries = 300)
    void anyLinkEventDetailGivesAnEventWithAnHttpsLinkOrAClearError(@ForAll("details") JsonNode detail) {
        try {
            LinkEvent event = LinkEventJson.fromJson(detail);
            assertThat(event.fileUrl() == null || event.fileUrl().startsWith("https://")).isTrue();
            assertThat(event.fileUrl() == null || !event.fileUrl().contains(")")).isTrue();
        } catch (S3NotifyException e) {
            HostileArbitraries.assertClear(e);
        }
    }

    @Provide
    Arbitrary<byte[]> bytes() {
        Arbitrary<byte[]> random = Arbitraries.bytes().array(byte[].class).ofMaxSize(300);
        Arbitrary<byte[]> truncated = Arbitraries.integers().between(0, 400).map(n -> {
            byte[] whole = Fixtures.bytes("sqs-batch-one-malformed.json");
            return java.util.Arrays.copyOf(whole, Math.min(n, whole.length));
        });
        Arbitrary<byte[]> nested = Arbitraries.integers().between(1, 3_000)
                .map(n -> ("[".repeat(n) + "]".repeat(n)).getBytes(StandardCharsets.UTF_8));
        return Arbitraries.oneOf(random, truncated, nested);
    }

    @Provide
    Arbitrary<JsonNode> eventBridgeEvents() {
        Arbitrary<List<String>> paths = Arbitraries.of(PATHS).list().ofMinSize(1).ofMaxSize(4);
        Arbitrary<JsonNode> values = Arbitraries.oneOf(HostileArbitraries.text().map(JSON.getNodeFactory()::textNode),
                Arbitraries.of("42", "null", "{}", "[]", "true", "-1", "\"Object Created\"", "\"aws.s3\"",
                        "\"us-east-1\"", "\"a%zz\"", "\"%F0%9F\"", "\"evil.example#\"").map(DecoderPropertiesTest::json));
        return paths.flatMap(chosen -> values.list().ofSize(chosen.size()).map(chosenValues -> {
            ObjectNode event = (ObjectNode) Fixtures.event("eventbridge-object-created.json");
            for (int i = 0; i < chosen.size(); i++) {
                String path = chosen.get(i);
                int slash = path.lastIndexOf('/');
                JsonNode parent = event.at(path.substring(0, slash));
                if (parent instanceof ObjectNode object) {
                    object.set(path.substring(slash + 1), chosenValues.get(i));
                }
            }
            return event;
        }));
    }

    @Provide
    Arbitrary<JsonNode> details() {
        return HostileArbitraries.linkEventDetails();
    }

    private static JsonNode json(String text) {
        return Fixtures.json(text);
    }
}
