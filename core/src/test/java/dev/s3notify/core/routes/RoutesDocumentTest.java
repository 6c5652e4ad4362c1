package dev.s3notify.core.routes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.s3notify.core.EventType;
import dev.s3notify.core.LinkEvent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RoutesDocumentTest {
    private final List<String> problems = new ArrayList<>();

    private List<Route> parse(String json) {
        return RoutesDocument.parse(json, "ROUTES", problems::add);
    }

    @Test
    void readsTheIssuesExample() {
        List<Route> routes = parse("[{\"name\":\"pdfs\",\"kind\":\"slack\",\"url\":\"https://hooks.slack.com/services/T0/B0/x\","
                + "\"filters\":{\"suffix\":\".pdf\"}},{\"name\":\"all\",\"kind\":\"discord\","
                + "\"url\":\"https://discord.com/api/webhooks/1/x\"}]");
        assertThat(problems).isEmpty();
        assertThat(routes).extracting(Route::name).containsExactly("pdfs", "all");
        Route pdfs = routes.get(0);
        assertThat(pdfs.kind()).hasValue("slack");
        assertThat(pdfs.source().type()).isEqualTo(WebhookSource.Type.URL);
        assertThat(pdfs.source().describe()).isEqualTo("url (hooks.slack.com)");
        assertThat(pdfs.toString()).doesNotContain("T0/B0");
        assertThat(pdfs.filter().describe()).isEqualTo("suffix .pdf");
        assertThat(routes.get(1).filter()).isSameAs(RouteFilter.ANY);
    }

    @Test
    void readsEveryFieldUnderAnObjectWithASchema() {
        List<Route> routes = parse("""
                {"$schema": "https://s3notify.dev/schemas/routes.schema.json", "routes": [
                  {"name": "legal", "urlParameter": "/s3notify/legal", "template": "{{fileName}}",
                   "digestTemplate": "{{summary}}", "fallback": "ops",
                   "settings": {"EMBED_COLOR": 255, "SLACK_DOWNLOAD_BUTTON": true, "X": "y"},
                   "filters": {"bucket": ["a", "b"], "prefix": "legal/", "glob": "**/*.docx",
                     "eventType": ["created", "restored"], "contentType": "application/*",
                     "size": {"min": 1, "max": 10485760}}},
                  {"name": "ops", "urlSecretArn": "arn:aws:secretsmanager:eu-west-1:123456789012:secret:ops"}]}
                """);
        assertThat(problems).isEmpty();
        Route legal = routes.get(0);
        assertThat(legal.source().describe()).isEqualTo("urlParameter /s3notify/legal");
        assertThat(legal.template()).hasValue("{{fileName}}");
        assertThat(legal.digestTemplate()).hasValue("{{summary}}");
        assertThat(legal.fallback()).hasValue("ops");
        assertThat(legal.settings()).containsExactly(java.util.Map.entry("EMBED_COLOR", "255"),
                java.util.Map.entry("SLACK_DOWNLOAD_BUTTON", "true"), java.util.Map.entry("X", "y"));
        assertThat(legal.filter().describe()).isEqualTo("bucket a, b; prefix legal/; glob **/*.docx;"
                + " eventType created, restored; contentType application/*; size 1..10485760 bytes");
        LinkEvent docx = LinkEvent.builder().bucket("b").key("legal/2026/nda.docx").fileName("nda.docx")
                .eventType(EventType.RESTORED).size(5L).contentType("application/msword").build();
        assertThat(legal.filter().matches(docx)).isTrue();
        assertThat(routes.get(1).source().location()).endsWith(":secret:ops");
    }

    @Test
    void listsEveryProblemOfABadDocumentAtOnce() {
        List<Route> routes = parse("""
                [{"name": "a", "url": "https://hooks.slack.com/services/T/B/secretpart", "urlParameter": "/p",
                  "filters": {"sufix": ".pdf", "eventType": "uploaded", "size": {"min": 5, "max": 1}}},
                 {"name": "b", "url": "https://discord.com/api/webhooks/1/x", "colour": "red",
                  "filters": {"glob": "a/***", "contentType": ["pdf"], "prefix": []}},
                 {"name": "c", "url": "https://x.example/h", "fallback": "nowhere"},
                 {"name": "d", "url": "https://x.example/h", "fallback": "e"},
                 {"name": "e", "url": "https://x.example/h", "fallback": "d"},
                 {"name": "f", "url": "https://x.example/h", "fallback": "f"},
                 {"name": "a", "url": "https://x.example/h"},
                 {"url": "https://x.example/h"},
                 {"name": "has space", "url": "https://x.example/h"},
                 {"name": "g"},
                 "h"]
                """);
        assertThat(problems).containsExactly(
                "ROUTES: route 'a': two webhook sources: set only one of url, urlSecretArn and urlParameter",
                "ROUTES: route 'a': filters.sufix: not a known field; did you mean 'suffix'?",
                "ROUTES: route 'a': filters.eventType: \"uploaded\" is not an event type; expected created, deleted,"
                        + " restored, restore-started or restore-expired",
                "ROUTES: route 'a': filters.size: min 5 is above max 1",
                "ROUTES: route 'b': colour: not a known field; expected one of name, kind, url, urlSecretArn,"
                        + " urlParameter, filters, template, digestTemplate, settings, fallback",
                "ROUTES: route 'b': filters.prefix: expected a string or a non-empty list of strings, got []",
                "ROUTES: route 'b': filters.glob: \"a/***\": *** is not a glob: use * (within one folder) or **"
                        + " (across folders)",
                "ROUTES: route 'b': filters.contentType: \"pdf\" is not a media type; expected one such as"
                        + " application/pdf or image/*",
                "ROUTES: route 'a': name: another route has this name already",
                "ROUTES: route #8: name: missing; expected 1 to 64 letters, digits, '.', '_' or '-'",
                "ROUTES: route #9: name: \"has space\" is not a name; expected 1 to 64 letters, digits, '.', '_'"
                        + " or '-'",
                "ROUTES: route 'g': no webhook: set one of url, urlSecretArn and urlParameter",
                "ROUTES: route #11: expected an object, got \"h\"",
                "ROUTES: route 'c': fallback: \"nowhere\" names no route; expected one of a, b, c, d, e, f, g",
                "ROUTES: route 'd': fallback: the fallbacks make a cycle: d -> e -> d",
                "ROUTES: route 'e': fallback: the fallbacks make a cycle: e -> d -> e",
                "ROUTES: route 'f': fallback: the fallbacks make a cycle: f -> f");
        assertThat(String.join("\n", problems)).doesNotContain("secretpart");
        assertThat(routes).isEmpty();
    }

    @Test
    void aFallbackChainIsFine() {
        List<Route> routes = parse("[{\"name\":\"a\",\"url\":\"https://x.example/1\",\"fallback\":\"b\"},"
                + "{\"name\":\"b\",\"url\":\"https://x.example/2\",\"fallback\":\"c\"},"
                + "{\"name\":\"c\",\"url\":\"https://x.example/3\"}]");
        assertThat(problems).isEmpty();
        assertThat(routes).hasSize(3);
    }

    @Test
    void documentsThatAreNotListsOfRoutesSaySo() {
        parse("{\"routes\": [");
        parse("[]");
        parse("{\"rootes\": []}");
        parse("42");
        parse("[{\"name\": \"a\", \"url\": \"https://x.example/1\", \"filters\": \"*.pdf\", \"settings\": [1]}]");
        parse("[{\"name\": \"b\", \"url\": \"https://x.example/1\", \"kind\": 3, \"filters\": {\"size\": {}}},"
                + " {\"name\": \"c\", \"url\": \"https://x.example/1\", \"filters\": {\"size\": {\"min\": -1, \"max\": 1.5}}}]");
        parse("[{\"name\": \"d\", \"url\": \"https://x.example/1\","
                + " \"settings\": {\"GENERIC_SIGNING_SECRET\": {\"value\": \"hunter2-signing\"}, \"*/*\": 1},"
                + " \"filters\": {\"contentType\": \"*/*\"}}]");
        assertThat(problems).hasSize(13);
        assertThat(problems.subList(11, 13)).containsExactly(
                "ROUTES: route 'd': filters.contentType: \"*/*\" is not a media type; expected one such as"
                        + " application/pdf or image/*",
                "ROUTES: route 'd': settings.GENERIC_SIGNING_SECRET: expected a string, number or boolean, got an"
                        + " object");
        assertThat(String.join("\n", problems)).doesNotContain("hunter2");
        assertThat(problems.get(0)).startsWith("ROUTES: not JSON: ");
        assertThat(problems.subList(1, 7)).containsExactly(
                "ROUTES: expected a non-empty list of routes (or an object with one under \"routes\"), got []",
                "ROUTES: rootes: not a known field; expected routes (and $schema)",
                "ROUTES: routes: missing; expected the list of routes",
                "ROUTES: expected a non-empty list of routes (or an object with one under \"routes\"), got 42",
                "ROUTES: route 'a': filters: expected an object, got \"*.pdf\"",
                "ROUTES: route 'a': settings: expected an object of the kind's variables, got a list");
        assertThat(problems.subList(7, 11)).containsExactly(
                "ROUTES: route 'b': kind: expected a non-blank string, got 3",
                "ROUTES: route 'b': filters.size: give min, max or both, in bytes",
                "ROUTES: route 'c': filters.size.min: expected a whole number of bytes, 0 or more, got -1",
                "ROUTES: route 'c': filters.size.max: expected a whole number of bytes, 0 or more, got 1.5");
    }
}
