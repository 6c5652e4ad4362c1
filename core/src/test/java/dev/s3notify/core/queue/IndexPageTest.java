package dev.s3notify.core.queue;

import static dev.s3notify.core.queue.QueueFixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import dev.s3notify.core.EventType;
import dev.s3notify.core.LinkEvent;
import dev.s3notify.core.dispatch.Destination;
import dev.s3notify.core.text.SafeText;
import java.util.List;
import org.junit.jupiter.api.Test;

class IndexPageTest {

    private static LinkEvent file(String key, String url) {
        return LinkEvent.builder().fileName(key).fileUrl(url).bucket("bucket").timestamp(NOW).key(key).size(10L)
                .eventType(EventType.CREATED).eventTime(NOW).sourceEventId("s3-" + key).build();
    }

    /** The page of a digest of the files, as the queue path writes it. */
    private static String render(List<LinkEvent> files) {
        Destination chat = QueueFixtures.destination("chat", "https://chat.example/hooks/token");
        return IndexPage.render(chat.digest(files.stream()
                .map(file -> chat.notification(file, "eb-" + file.key())).toList()));
    }

    @Test
    void escapesHostileNamesAndNeverLinksAnythingButAWebLink() {
        String page = render(List.of(
                file("up/<script>alert('x')</script>\u0007.pdf", "https://b.example/k?a=1&b=\"2\""),
                file("up/evil.pdf", "javascript:alert(1)")));

        assertThat(page).doesNotContain("<script>").doesNotContain("\u0007").doesNotContain("href=\"javascript")
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;\uFFFD.pdf")
                .contains("href=\"https://b.example/k?a=1&amp;b=&quot;2&quot;\"")
                .contains("s3://bucket/up/evil.pdf created");
    }

    @Test
    void titlesThePageWithTheCountPrefixAndTotalSize() {
        String page = render(List.of(file("up/a.pdf", "https://x/a"), file("up/b.pdf", "https://x/b")));

        assertThat(page).contains("<title>2 files uploaded to up/ (20 bytes)</title>");
    }

    @Test
    void showsBidiOverridesAndInvisibleCharactersAsReplacementCharactersSoNoNameReadsAsAnother() {
        String page = render(List.of(file("up/invoice\u202Efdp.exe", "https://x/a"),
                file("up/pay\u200Broll\u2066.pdf\u2069\u00AD", "https://x/b"), file("up/two\nlines", "https://x/c")));

        assertThat(page.codePoints().filter(SafeText::invisible).filter(c -> c != '\n')).isEmpty();
        assertThat(page).contains("s3://bucket/up/invoice\uFFFDfdp.exe")
                .contains("s3://bucket/up/pay\uFFFDroll\uFFFD.pdf\uFFFD\uFFFD")
                .contains("s3://bucket/up/two lines");
    }
}
