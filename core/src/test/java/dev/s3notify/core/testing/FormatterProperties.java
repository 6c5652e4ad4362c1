package dev.s3notify.core.testing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.s3notify.core.KindSettings;
import dev.s3notify.spi.WebhookFormatter;
import java.util.Map;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The property-based half of the formatter contract (jqwik): any {@code file-link-generated} detail and any
 * template of valid pieces give a bounded, valid, escaped payload or a clear error. Extend it in a formatter's test
 * sources and say which formatter and what its limits are.
 */
public abstract class FormatterProperties {
    /** @return the formatter under test */
    protected abstract WebhookFormatter formatter();

    /** @return the largest body the platform accepts, in bytes */
    protected abstract int maxBodyBytes();

    /** @return whether people read its messages in a chat, where a mention pings them */
    protected boolean isChatPlatform() {
        return true;
    }

    /** @return the values of the formatter's variables; none by default */
    protected Map<String, String> settings() {
        return Map.of();
    }

    @Property(tries = 250)
    void anyDetailGivesABoundedValidEscapedPayloadOrAClearError(@ForAll("details") JsonNode detail,
            @ForAll("templates") String template) {
        WebhookFormatter formatter = formatter();
        HostileArbitraries.formatOrRefuse(formatter, KindSettings.of(formatter.variables(), settings()), detail,
                template, maxBodyBytes(), isChatPlatform());
    }

    @Provide
    Arbitrary<JsonNode> details() {
        return HostileArbitraries.linkEventDetails();
    }

    @Provide
    Arbitrary<String> templates() {
        return HostileArbitraries.templates(formatter().defaultTemplate());
    }
}
