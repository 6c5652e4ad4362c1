package dev.s3notify.core.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.s3notify.core.decoding.Envelopes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/** Reads the incoming events under {@code src/test/resources/fixtures/events/}. */
public final class Fixtures {
    private Fixtures() {
    }

    public static byte[] bytes(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/events/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture fixtures/events/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode event(String name) {
        return Envelopes.parse(bytes(name));
    }

    /** @return the fixture after {@code edit} changed it, for variations of one realistic event */
    public static JsonNode edited(String name, Consumer<ObjectNode> edit) {
        ObjectNode root = (ObjectNode) event(name);
        edit.accept(root);
        return root;
    }

    public static ObjectNode object(JsonNode root, String pointer) {
        return (ObjectNode) root.at(pointer);
    }

    public static JsonNode json(String text) {
        return Envelopes.parse(text.getBytes(StandardCharsets.UTF_8));
    }
}
