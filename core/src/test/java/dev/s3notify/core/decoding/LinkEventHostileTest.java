package dev.s3notify.core.decoding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.s3notify.core.EventType;
import dev.s3notify.core.Link;
import dev.s3notify.core.LinkEvent;
import dev.s3notify.core.error.InvalidEventException;
import dev.s3notify.core.testing.Fixtures;
import dev.s3notify.core.testing.LogCapture;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Link events from a newer producer are read; link events that carry something else than a link are not. */
class LinkEventHostileTest {
    private static final String DETAIL = "{\"schemaVersion\":\"1\",\"fileName\":\"a.pdf\",\"key\":\"r/a.pdf\","
            + "\"bucket\":\"uploads\",\"eventType\":\"created\",\"fileUrl\":\"https://uploads.s3.amazonaws.com/r/"
            + "a.pdf?X-Amz-Signature=abc\",\"sourceEventId\":\"src-1\"}";

    @Test
    void readsAnEventFromANewerProducerWithOneWarning() {
        try (LogCapture logs = new LogCapture()) {
            LinkEvent event = LinkEventJson.fromJson(detail(d -> {
                d.put("schemaVersion", "3");
                d.put("eventType", "object-tagged");
                d.put("tags", "x");
                d.putObject("owner").put("id", "o");
            }));

            assertThat(event.eventType()).isEqualTo(EventType.OTHER);
            assertThat(event.schemaVersion()).isEqualTo("3");
            assertThat(event.fileUrl()).startsWith("https://uploads.s3.amazonaws.com/");
            assertThat(logs.lines()).singleElement().asString().contains("\"level\":\"WARN\"")
                    .contains("schemaVersion 3 (this version writes 1)")
                    .contains("eventType object-tagged read as other")
                    .contains("fields ignored: ").contains("tags").contains("owner");
        }
    }

    @Test
    void readsAnEventThisVersionWroteWithoutAWarning() {
        try (LogCapture logs = new LogCapture()) {
            LinkEventJson.fromJson(detail(d -> { }));

            assertThat(logs.lines()).isEmpty();
        }
    }

    @Test
    void acceptsASchemaVersionWrittenAsANumber() {
        assertThat(LinkEventJson.fromJson(detail(d -> d.put("schemaVersion", 1))).schemaVersion()).isEqualTo("1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"one", "1.5", "-1", "99999999999"})
    void refusesASchemaVersionThatIsNotAWholeNumber(String version) {
        assertThatThrownBy(() -> LinkEventJson.fromJson(detail(d -> d.put("schemaVersion", version))))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("expected schemaVersion to be a whole number");
    }

    @ParameterizedTest
    @ValueSource(strings = {"javascript:alert(document.cookie)", "data:text/html;base64,PHNjcmlwdD4=",
            "file:///etc/passwd", "ftp://files.example/a.pdf", "http://evil.example/a.pdf",
            "https://ok.example/a) [pwn](https://evil.example/p", "//evil.example/a", "a.pdf",
            "https://good.example@evil.example/a.pdf", "https://ok.example/a\u202Efdp.exe"})
    void refusesALinkThatIsNotAnHttpsLink(String url) {
        assertThatThrownBy(() -> LinkEventJson.fromJson(detail(d -> d.put("fileUrl", url))))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("field 'fileUrl' is not a link people can be sent to")
                .hasMessageNotContaining("pwn](https://evil.example/p")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\u202E"));
    }

    @Test
    void acceptsPlainHttpToALoopbackAddress() {
        assertThat(LinkEventJson.fromJson(detail(d -> d.put("fileUrl", "http://127.0.0.1:9000/b/a.pdf"))).fileUrl())
                .isEqualTo("http://127.0.0.1:9000/b/a.pdf");
    }

    @Test
    void encodesParenthesesSoThatALinkCannotEndAMarkdownLinkEarly() {
        LinkEvent event = LinkEventJson.fromJson(detail(d -> d.put("fileUrl",
                "https://ok.example/a)https://evil.example/p(x")));

        assertThat(event.fileUrl()).isEqualTo("https://ok.example/a%29https://evil.example/p%28x");
    }

    @Test
    void neverQuotesTheSignatureOfALinkInAnInvalidEventTypeOrTime() {
        String link = "https://uploads.s3.amazonaws.com/r/a.pdf?X-Amz-Credential=AKIAPLANTED&X-Amz-Signature="
                + "deadbeefdeadbeef&X-Amz-Security-Token=IQoJplanted";

        for (String field : new String[] {"eventType", "timestamp", "eventTime", "schemaVersion"}) {
            assertThatThrownBy(() -> LinkEventJson.fromJson(detail(d -> d.put(field, link))))
                    .as(field).isInstanceOf(InvalidEventException.class)
                    .hasMessageContaining("https://uploads.s3.amazonaws.com/…")
                    .hasMessageNotContaining("AKIAPLANTED").hasMessageNotContaining("deadbeef")
                    .hasMessageNotContaining("IQoJplanted");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"fileName", "bucket", "key", "fileUrl", "eventType", "etag", "region", "timestamp"})
    void refusesANumberWhereAStringBelongs(String field) {
        assertThatThrownBy(() -> LinkEventJson.fromJson(detail(d -> d.put(field, 42))))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("field '" + field + "' must be a string but is a number 42");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"big\"", "-1", "1.5", "true", "{}"})
    void refusesASizeThatIsNotAWholeNumberOfBytes(String size) {
        assertThatThrownBy(() -> LinkEventJson.fromJson(detail(d -> d.set("size", Fixtures.json(size)))))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("field 'size' must be a size in bytes");
    }

    private static ObjectNode detail(Consumer<ObjectNode> edit) {
        ObjectNode detail = (ObjectNode) Fixtures.json(DETAIL);
        edit.accept(detail);
        return detail;
    }
}
