package dev.s3notify.core.decoding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.s3notify.core.error.InvalidEventException;
import dev.s3notify.core.testing.Fixtures;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class EnvelopesTest {
    private static final JsonNode PUT = Fixtures.event("s3-put.json");

    @Test
    void passesAnEventWithoutEnvelopeThroughAsItIs() {
        List<Envelope> envelopes = Envelopes.unwrap(PUT);

        assertThat(envelopes).containsExactly(Envelope.of(PUT));
    }

    @Test
    void takesTheEventOutOfAnSqsMessageWithItsMessageId() {
        List<Envelope> envelopes = Envelopes.unwrap(Fixtures.event("sqs-s3-put.json"));

        assertThat(envelopes).extracting(Envelope::messageId, Envelope::body)
                .containsExactly(tuple("059f36b4-87a3-44ab-83d2-661975830a7d", PUT));
    }

    @Test
    void readsTheReceiptHandleAndSourceQueueWhereItReadsTheMessageId() {
        JsonNode event = Fixtures.event("sqs-s3-put.json");
        JsonNode record = event.get("Records").get(0);

        Envelope envelope = Envelopes.unwrap(event).get(0);

        assertThat(envelope.receiptHandle()).isEqualTo(record.get("receiptHandle").asText());
        assertThat(envelope.queueArn()).isEqualTo("arn:aws:sqs:us-west-2:111122223333:s3-notify-uploads");
        assertThat(envelope.sqsBody()).isEqualTo(record.get("body").asText());
        assertThat(envelope.sqsAttributes()).isEqualTo(record.get("messageAttributes"));
        assertThat(envelope.sentAt()).isEqualTo(java.time.Instant.ofEpochMilli(
                Long.parseLong(record.get("attributes").get("SentTimestamp").asText())));
    }

    @Test
    void takesNoSentTimeFromASentTimestampThatIsNoNumber() {
        JsonNode event = Fixtures.event("sqs-s3-put.json");
        ((com.fasterxml.jackson.databind.node.ObjectNode) event.get("Records").get(0).get("attributes"))
                .put("SentTimestamp", "yesterday");

        assertThat(Envelopes.unwrap(event).get(0).sentAt()).isNull();
    }

    @Test
    void leavesTheSqsPartsOfAnEventOutsideSqsEmpty() {
        Envelope envelope = Envelopes.unwrap(Fixtures.event("sns-s3-put.json")).get(0);

        assertThat(envelope.fromSqs()).isFalse();
        assertThat(envelope.receiptHandle()).isNull();
        assertThat(envelope.queueArn()).isNull();
        assertThat(envelope.sentAt()).isNull();
    }

    @Test
    void takesTheEventOutOfAnSnsNotificationInsideAnSqsMessage() {
        List<Envelope> envelopes = Envelopes.unwrap(Fixtures.event("sqs-sns-s3-put.json"));

        assertThat(envelopes).extracting(Envelope::messageId, Envelope::body)
                .containsExactly(tuple("2e1424d4-f796-459a-8184-9c92662be6da", PUT));
    }

    @Test
    void takesTheEventOutOfAnSnsRecordWithoutAMessageId() {
        List<Envelope> envelopes = Envelopes.unwrap(Fixtures.event("sns-s3-put.json"));

        assertThat(envelopes).containsExactly(Envelope.of(PUT));
    }

    @Test
    void takesAnyEventOutOfSqsNotOnlyS3Notifications() {
        List<Envelope> envelopes = Envelopes.unwrap(Fixtures.event("sqs-eventbridge-object-created.json"));

        assertThat(envelopes).extracting(Envelope::body)
                .containsExactly(Fixtures.event("eventbridge-object-created.json"));
    }

    @Test
    void failsOnlyTheMalformedMessageOfAnSqsBatch() {
        List<Envelope> envelopes = Envelopes.unwrap(Fixtures.event("sqs-batch-one-malformed.json"));

        assertThat(envelopes).extracting(Envelope::messageId).containsExactly(
                "11111111-1111-4111-8111-111111111111", "22222222-2222-4222-8222-222222222222",
                "33333333-3333-4333-8333-333333333333");
        assertThat(envelopes).extracting(Envelope::failed).containsExactly(false, true, false);
        assertThat(envelopes.get(0).body()).isEqualTo(PUT);
        assertThat(envelopes.get(2).body()).isEqualTo(Fixtures.event("s3-delete.json"));
        assertThat(envelopes.get(1).error()).hasMessage("SQS message 22222222-2222-4222-8222-222222222222: body is"
                + " not JSON: it has a word that is not JSON (a string without quotes?) (line 1, column 6):"
                + " \"Hello from a test script, not an S3 event\"");
    }

    @Test
    void quotesAtMost80CharactersOfABodyThatIsNotJson() {
        String body = "x".repeat(79) + "yz" + "x".repeat(500);

        Envelope envelope = Envelopes.unwrap(sqs("m-1", body)).get(0);

        assertThat(envelope.error()).hasMessage("SQS message m-1: body is not JSON: it has a word that is not JSON (a string without quotes?) (line 1, column 257): \"" + "x".repeat(79) + "y…\"");
    }

    @Test
    void failsABodyThatIsJsonButNotAnObject() {
        Envelope envelope = Envelopes.unwrap(sqs("m-2", "[1,2]")).get(0);

        assertThat(envelope.messageId()).isEqualTo("m-2");
        assertThat(envelope.body()).isNull();
        assertThat(envelope.error()).hasMessage("SQS message m-2: body is not a JSON object: found an array of 2 items");
    }

    @Test
    void failsAnSnsNotificationInsideSqsWhoseMessageIsNotJson() {
        String body = "{\"Type\":\"Notification\",\"MessageId\":\"sns-9\",\"Message\":\"plain words\"}";

        Envelope envelope = Envelopes.unwrap(sqs("m-3", body)).get(0);

        assertThat(envelope.error()).hasMessage(
                "SQS message m-3: SNS notification sns-9 Message is not JSON: it has a word that is not JSON (a string without quotes?) (line 1, column 6): \"plain words\"");
    }

    @Test
    void failsAnSnsSubscriptionConfirmationInsteadOfPassingItOn() {
        String body = "{\"Type\":\"SubscriptionConfirmation\",\"MessageId\":\"sns-1\",\"Token\":\"t\"}";

        Envelope envelope = Envelopes.unwrap(sqs("m-4", body)).get(0);

        assertThat(envelope.error()).hasMessageContaining("SQS message m-4: expected an event but found an SNS"
                + " SubscriptionConfirmation").hasMessageContaining("confirm the subscription");
    }

    @Test
    void failsAnSnsRecordWhoseMessageIsNotJsonWithoutAMessageId() {
        JsonNode event = Fixtures.edited("sns-s3-put.json",
                root -> Fixtures.object(root, "/Records/0/Sns").put("Message", "Hello from SNS!"));

        Envelope envelope = Envelopes.unwrap(event).get(0);

        assertThat(envelope.messageId()).isNull();
        assertThat(envelope.error()).hasMessage(
                "SNS message 95df01b4-ee98-5cb9-9903-4c221d41eb5e: Message is not JSON: it has a word that is not JSON (a string without quotes?) (line 1, column 6): \"Hello from SNS!\"");
        assertThatThrownBy(envelope::requireBody).isSameAs(envelope.error());
    }

    @Test
    void failsAnSqsRecordWithoutABodyString() {
        Envelope envelope = Envelopes.unwrap(Fixtures.json(
                "{\"Records\":[{\"messageId\":\"m-5\",\"eventSource\":\"aws:sqs\",\"body\":{\"a\":1}}]}")).get(0);

        assertThat(envelope.error()).hasMessage(
                "SQS message m-5: expected body (a string holding JSON) but found an object with keys [a]");
    }

    @Test
    void parsesBytesAndRefusesBytesThatAreNotJsonQuotingTheParser() {
        assertThat(Envelopes.parse("{\"a\":1}".getBytes(StandardCharsets.UTF_8)).path("a").asInt()).isEqualTo(1);

        assertThatThrownBy(() -> Envelopes.parse("not json".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageStartingWith("event is not valid JSON: it has a word that is not JSON (a string without"
                        + " quotes?) (line 1, column 5)")
                .hasMessageMatching("(?s).*\\(line 1, column \\d+\\)$");
        assertThatThrownBy(() -> Envelopes.parse("{}{}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidEventException.class).hasMessageStartingWith("event is not valid JSON: ");
        assertThatThrownBy(() -> Envelopes.parse(new byte[0]))
                .isInstanceOf(InvalidEventException.class).hasMessage("event is not valid JSON: it is empty");
    }

    @Test
    void neverQuotesALongTokenOrASigningParameterFromInputThatIsNotJson() {
        String signature = "aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404";

        assertThatThrownBy(() -> Envelopes.parse((signature + " trailing").getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageStartingWith("event is not valid JSON: it has a word that is not JSON")
                .hasNoCause()
                .message().doesNotContain(signature);
        String sqs = "{\"Records\":[{\"eventSource\":\"aws:sqs\",\"messageId\":\"m-1\",\"body\":"
                + "\"{\\\"fileUrl\\\": https://b.s3.amazonaws.com/k?X-Amz-Signature=" + signature + "\"}]}";
        Envelope failed = Envelopes.unwrap(Envelopes.parse(sqs.getBytes(StandardCharsets.UTF_8))).get(0);
        assertThat(failed.error()).hasNoCause().hasMessageContaining("https://b.s3.amazonaws.com/…")
                .message().doesNotContain(signature);
    }

    @Test
    void anEnvelopeHasEitherABodyOrAnError() {
        assertThatIllegalArgumentException().isThrownBy(() -> Envelope.builder().messageId("m").build())
                .withMessageContaining("neither");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Envelope.builder().messageId("m").body(PUT).error(new InvalidEventException("x")).build())
                .withMessageContaining("both");
    }

    private static JsonNode sqs(String messageId, String body) {
        ObjectNode root = (ObjectNode) Fixtures.json("{\"Records\":[{\"eventSource\":\"aws:sqs\"}]}");
        Fixtures.object(root, "/Records/0").put("messageId", messageId).put("body", body);
        return root;
    }
}
