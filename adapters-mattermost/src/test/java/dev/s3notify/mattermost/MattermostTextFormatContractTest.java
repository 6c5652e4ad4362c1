package dev.s3notify.mattermost;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/** The contract's promises with {@code MATTERMOST_FORMAT=text}: Markdown text, no attachment. */
class MattermostTextFormatContractTest extends MattermostFormatterContractTest {

    @Override
    protected Map<String, String> settings() {
        return Map.of("MATTERMOST_FORMAT", "text");
    }

    @Override
    protected void assertPlatformLimits(JsonNode body) {
        super.assertPlatformLimits(body);
        assertThat(body.has("attachments")).isFalse();
    }
}
