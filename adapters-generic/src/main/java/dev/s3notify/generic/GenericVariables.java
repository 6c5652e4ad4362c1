package dev.s3notify.generic;

import dev.s3notify.spi.Variable;
import java.util.List;
import java.util.Map;

/** The variables the generic formatter reads, with their defaults and checks: the one place they live. */
final class GenericVariables {
    private static final String DISPATCH = "webhook-dispatcher";

    private GenericVariables() {
    }

    /**
     * Core's variable, declared here too so the formatter can tell a custom template (the body) from its own
     * default (the {@code message} of the document).
     */
    static final Variable<String> MESSAGE_TEMPLATE = Variable.text("MESSAGE_TEMPLATE", DISPATCH, null,
            "Mustache template; for the generic kind, when set, its output is the whole request body, sent with"
                    + " WEBHOOK_CONTENT_TYPE, instead of the JSON document");
    /** The Content-Type of a body rendered from {@code MESSAGE_TEMPLATE}. */
    static final Variable<MediaType> WEBHOOK_CONTENT_TYPE = new Variable<>("WEBHOOK_CONTENT_TYPE", DISPATCH,
            "application/json", false, false, "Content-Type of the body when MESSAGE_TEMPLATE is set; a JSON type"
                    + " (json or +json) makes {{name}} JSON-string escaping and the body is checked to be JSON",
            MediaType::parse);
    /** Extra headers, such as an API key. */
    static final Variable<Map<String, String>> WEBHOOK_HEADERS = new Variable<>("WEBHOOK_HEADERS", DISPATCH, null,
            false, true, "extra request headers as a JSON object of strings, such as {\"X-Api-Key\": \"...\"}",
            CustomHeaders::parse);
    /** The Standard Webhooks signing secret. */
    static final Variable<SigningKey> WEBHOOK_SIGNING_SECRET = new Variable<>("WEBHOOK_SIGNING_SECRET", DISPATCH,
            null, false, true, "Standard Webhooks secret (whsec_ and the base64 of 24 to 64 bytes); when set, every"
                    + " attempt carries webhook-timestamp and a webhook-signature over id, timestamp and body",
            SigningKey::parse);

    /** Every variable above, in README order. */
    static final List<Variable<?>> ALL = List.of(MESSAGE_TEMPLATE, WEBHOOK_CONTENT_TYPE, WEBHOOK_HEADERS,
            WEBHOOK_SIGNING_SECRET);
}
