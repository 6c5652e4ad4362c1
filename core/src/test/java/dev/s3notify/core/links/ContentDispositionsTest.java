package dev.s3notify.core.links;

import static org.assertj.core.api.Assertions.assertThat;

import dev.s3notify.core.links.LinkSettings.ContentDisposition;
import org.junit.jupiter.api.Test;

class ContentDispositionsTest {

    @Test
    void namesAnAsciiFileTheSameWayInBothParameters() {
        assertThat(ContentDispositions.header(ContentDisposition.ATTACHMENT, "report-2024_v1.pdf"))
                .contains("attachment; filename=\"report-2024_v1.pdf\"; filename*=UTF-8''report-2024_v1.pdf");
    }

    @Test
    void givesOldClientsAnUnderscoredFallbackAndNewOnesTheUtf8Name() {
        assertThat(ContentDispositions.header(ContentDisposition.ATTACHMENT, "Q3 résumé 📄.pdf"))
                .contains("attachment; filename=\"Q3 r_sum_ _.pdf\"; "
                        + "filename*=UTF-8''Q3%20r%C3%A9sum%C3%A9%20%F0%9F%93%84.pdf");
    }

    @Test
    void neverLetsAQuoteBackslashOrLineBreakOutOfTheHeader() {
        assertThat(ContentDispositions.header(ContentDisposition.INLINE, "say \"hi\"\\\r\nX-Evil: 1.txt"))
                .contains("inline; filename=\"say _hi____X-Evil: 1.txt\"; "
                        + "filename*=UTF-8''say%20%22hi%22%5C%0D%0AX-Evil%3A%201.txt");
    }

    @Test
    void keepsRfc5987AttrCharsUnencoded() {
        assertThat(ContentDispositions.rfc5987("a!#$&+-.^_`|~z'()*%;,= ")).isEqualTo(
                "a!#$&+-.^_`|~z%27%28%29%2A%25%3B%2C%3D%20");
    }

    @Test
    void asksForInlineDisplayWithTheSameFileName() {
        assertThat(ContentDispositions.header(ContentDisposition.INLINE, "photo.jpg"))
                .contains("inline; filename=\"photo.jpg\"; filename*=UTF-8''photo.jpg");
    }

    @Test
    void leavesTheObjectsOwnDispositionAloneWhenNone() {
        assertThat(ContentDispositions.header(ContentDisposition.NONE, "photo.jpg")).isEmpty();
    }

    @Test
    void omitsTheFileNameOfAFolderMarker() {
        assertThat(ContentDispositions.header(ContentDisposition.ATTACHMENT, "")).contains("attachment");
    }
}
