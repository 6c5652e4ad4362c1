package dev.s3notify.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.s3notify.core.Link;
import dev.s3notify.core.LinkEvent;
import dev.s3notify.core.WebhookRequest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** What the contract reads out of a formatted request: its JSON, its strings, the links and mentions in them. */
final class Payloads {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Payloads() {
    }

    /** @return the request's parsed body, or an assertion error saying it is not JSON */
    static JsonNode parse(WebhookRequest request) {
        return parse(request.body());
    }

    static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new AssertionError("the body is not valid JSON: " + e.getMessage(), e);
        }
    }

    /** @return every string in the value, field names included */
    /**
     * @return the strings a reader sees: every string of a JSON body, or the whole body of any other content type
     *     (a plain-text message, such as an SNS topic's)
     */
    static List<String> texts(WebhookRequest request) {
        return request.contentType().startsWith("application/json") ? strings(parse(request))
                : List.of(request.body());
    }

    static List<String> strings(JsonNode node) {
        List<String> out = new ArrayList<>();
        collect(node, out);
        return out;
    }

    private static void collect(JsonNode node, List<String> out) {
        if (node.isTextual()) {
            out.add(node.asText());
        }
        node.forEach(child -> collect(child, out));
        node.fieldNames().forEachRemaining(out::add);
    }

    /** No string of the request holds a mention token. */
    static void assertNoMentions(WebhookRequest request) {
        for (String text : texts(request)) {
            for (String token : HostileInput.MENTION_TOKENS) {
                assertThat(text).as("a string in the body").doesNotContain(token);
            }
        }
    }

    /**
     * Each linked file's link is in one of the body's strings, or the index link is: as it is, or as HTML writes it
     * in an attribute ({@code <a href="...">} with {@code &} as {@code &amp;}, which Telegram's HTML asks for).
     */
    static void assertEveryFileReachable(WebhookRequest request, List<LinkEvent> files, Link index) {
        String all = String.join("\n", texts(request));
        if (index != null && holds(all, index.url())) {
            return;
        }
        for (LinkEvent file : files) {
            if (file.fileUrl() != null) {
                assertThat(holds(all, file.fileUrl())).as("the link of " + file.key().substring(0,
                        Math.min(60, file.key().length())) + " (or the index link) is in the message").isTrue();
            }
        }
    }

    private static boolean holds(String text, String link) {
        return text.contains(link) || text.contains(link.replace("&", "&amp;"));
    }
}
