package dev.s3notify.mattermost;

import static org.assertj.core.api.Assertions.assertThat;

import dev.s3notify.testkit.HostileInput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MattermostTextTest {
    private static final String ZWJ = "\u200D";

    @ParameterizedTest
    @ValueSource(strings = {"@channel", "@all", "@here", "@alice", "@Channel", "@dev-team"})
    void breaksEveryAtMentionWithAZeroWidthJoiner(String mention) {
        String escaped = MattermostText.escape("report " + mention + ".pdf");

        assertThat(escaped).isEqualTo("report @" + ZWJ + mention.substring(1) + ".pdf");
        assertThat(mentionWords(escaped)).as("words Mattermost's mention parser sees").doesNotContain(mention);
    }

    @Test
    void turnsSlackStyleAnnouncementsAndLinksIntoEntitiesTheServerDoesNotConvert() {
        assertThat(MattermostText.escape("<!channel> <!here> <!all> <@U024BE7LH> <https://evil|click>"))
                .isEqualTo("&lt;!channel&gt; &lt;!here&gt; &lt;!all&gt; &lt;@" + ZWJ + "U024BE7LH&gt;"
                        + " &lt;https://evil\\|click&gt;");
    }

    @Test
    void escapesMarkdownSoANameShowsAsTyped() {
        assertThat(MattermostText.escape("**b** _i_ ~~s~~ `c` [x](https://evil) # & \\"))
                .isEqualTo("\\*\\*b\\*\\* \\_i\\_ \\~\\~s\\~\\~ \\`c\\` \\[x\\](https://evil) \\# &amp; \\\\");
    }

    @Test
    void replacesBidirectionalOverrides() {
        assertThat(MattermostText.escape(HostileInput.BIDI_NAME)).isEqualTo("invoice\uFFFDfdp.exe");
    }

    @Test
    void keepsPlainTextReadableButHarmlessForTheFallback() {
        assertThat(MattermostText.plain("New file: <!channel>\n@here_x"))
                .isEqualTo("New file: <" + ZWJ + "!channel> @" + ZWJ + "here_x");
    }

    @Test
    void putsEverythingOnOneLineForFields() {
        assertThat(MattermostText.escapeLine("a\nb\tc")).isEqualTo("a b c");
    }

    /** Mattermost's StandardMentionParser: words split at anything but letters, digits and {@code : . - _ @}. */
    private static java.util.List<String> mentionWords(String text) {
        return java.util.Arrays.stream(text.split("[^\\p{L}\\p{N}:.\\-_@]+")).toList();
    }
}
