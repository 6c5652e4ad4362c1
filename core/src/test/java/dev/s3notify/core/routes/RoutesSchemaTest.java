package dev.s3notify.core.routes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.s3notify.core.EventType;
import dev.s3notify.core.support.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The published schema, docs/routes.schema.json, says what the reader reads: the same fields, names and values. */
class RoutesSchemaTest {
    private static final Path DOCS = Path.of("..", "docs");

    private static JsonNode schema() throws Exception {
        return Json.MAPPER.readTree(Files.readString(DOCS.resolve("routes.schema.json")));
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void theSchemaHasTheReadersFieldsAndRejectsOthers() throws Exception {
        JsonNode route = schema().path("$defs").path("route");
        assertThat(names(route.path("properties"))).containsExactlyElementsOf(RouteReader.FIELDS);
        assertThat(route.path("additionalProperties").asBoolean(true)).isFalse();
        JsonNode filters = route.path("properties").path("filters");
        assertThat(names(filters.path("properties"))).containsExactlyElementsOf(RouteReader.FILTERS);
        assertThat(filters.path("additionalProperties").asBoolean(true)).isFalse();
        assertThat(names(filters.path("properties").path("size").path("properties"))).containsExactly("min", "max");
    }

    @Test
    void theSchemaHasTheReadersNamesAndEventTypes() throws Exception {
        JsonNode schema = schema();
        JsonNode route = schema.path("$defs").path("route").path("properties");
        assertThat(route.path("name").path("pattern").asText()).isEqualTo("^" + RouteReader.NAME.pattern() + "$");
        assertThat(route.path("fallback").path("pattern").asText()).isEqualTo("^" + RouteReader.NAME.pattern() + "$");
        List<String> types = new ArrayList<>();
        schema.path("$defs").path("eventType").path("enum").forEach(t -> types.add(t.asText()));
        assertThat(types).containsExactlyElementsOf(Arrays.stream(EventType.values())
                .filter(t -> t != EventType.OTHER).map(EventType::wireName).toList());
        assertThat(schema.path("$id").asText()).isEqualTo("https://s3notify.dev/schemas/routes.schema.json");
    }

    @Test
    void theExampleDocumentReadsWithoutAProblem() throws Exception {
        List<String> problems = new ArrayList<>();
        List<Route> routes = RoutesDocument.parse(Files.readString(DOCS.resolve("routes.example.json")),
                "docs/routes.example.json", problems::add);
        assertThat(problems).isEmpty();
        assertThat(routes).extracting(Route::name).containsExactly("invoices", "photos", "legal");
        assertThat(routes.get(0).fallback()).hasValue("legal");
    }
}
