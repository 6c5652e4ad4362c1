package dev.s3notify.core.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.s3notify.core.EventType;
import dev.s3notify.core.LinkEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RouteFilterTest {

    private static LinkEvent event(String key) {
        return LinkEvent.builder().bucket("uploads").key(key).fileName(key.substring(key.lastIndexOf('/') + 1))
                .eventType(EventType.CREATED).size(2048L).contentType("application/pdf").build();
    }

    @ParameterizedTest(name = "{0} ~ {1}: {2}")
    @CsvSource(delimiter = '|', value = {
        "*.pdf|report.pdf|true",
        "*.pdf|invoices/report.pdf|false",
        "**.pdf|invoices/2026/report.pdf|true",
        "**/*.pdf|report.pdf|true",
        "**/*.pdf|a/b/c/report.pdf|true",
        "legal/**|legal/contracts/x.docx|true",
        "legal/**|legally/x.docx|false",
        "legal/**/final.pdf|legal/final.pdf|true",
        "legal/**/final.pdf|legal/2026/q1/final.pdf|true",
        "legal/*/final.pdf|legal/2026/q1/final.pdf|false",
        "photos/?.jpg|photos/a.jpg|true",
        "photos/?.jpg|photos/ab.jpg|false",
        "photos/?.jpg|photos//.jpg|false",
        "my file (1).*|my file (1).txt|true",
        "a+b/*.csv|a+b/x.csv|true",
        "a+b/*.csv|aab/x.csv|false",
        "a.b|axb|false",
        "[x]*|[x]y|true",
        "fotos/año-*.jpg|fotos/año-2026.jpg|true",
        "fotos/*.jpg|fotos/日本 語.jpg|true",
    })
    void globsMatchKeysAsTheDecodersProduceThem(String glob, String key, boolean matches) {
        RouteFilter filter = RouteFilter.builder().glob(glob).build();
        assertThat(filter.matches(event(key))).isEqualTo(matches);
    }

    @Test
    void aStarTakesALineBreakInAKey() {
        assertThat(RouteFilter.builder().glob("*.txt").build().matches(event("multi\nline.txt"))).isTrue();
    }

    @Test
    void threeStarsInARowAreRefused() {
        assertThatThrownBy(() -> RouteFilter.builder().glob("a/***")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("*** is not a glob");
    }

    @Test
    void everyFilterMustMatchAndAnyValueOfOneDoes() {
        RouteFilter filter = RouteFilter.builder().bucket("uploads", "other").prefix("invoices/", "bills/")
                .suffix(".pdf").eventType(EventType.CREATED).build();
        assertThat(filter.matches(event("bills/x.pdf"))).isTrue();
        assertThat(filter.refusal(event("bills/x.txt")))
                .hasValue("suffix: key \"bills/x.txt\" does not end with .pdf");
        assertThat(filter.refusal(event("photos/x.pdf")))
                .hasValue("prefix: key \"photos/x.pdf\" does not start with any of invoices/, bills/");
        LinkEvent deleted = event("bills/x.pdf").toBuilder().eventType(EventType.DELETED).build();
        assertThat(filter.refusal(deleted)).hasValue("eventType: deleted is not created");
        LinkEvent elsewhere = event("bills/x.pdf").toBuilder().bucket("archive").build();
        assertThat(filter.refusal(elsewhere)).hasValue("bucket: \"archive\" is not any of uploads, other");
    }

    @Test
    void keysAreCaseSensitiveAsS3Compares() {
        RouteFilter filter = RouteFilter.builder().suffix(".pdf").build();
        assertThat(filter.matches(event("REPORT.PDF"))).isFalse();
        assertThat(filter.matches(event("report.pdf"))).isTrue();
    }

    @Test
    void keysWithSpacesPlusAndUnicodeMatchDecoded() {
        RouteFilter filter = RouteFilter.builder().prefix("Rechnungen 2026/").suffix("+final.pdf").build();
        assertThat(filter.matches(event("Rechnungen 2026/Müller+final.pdf"))).isTrue();
        assertThat(filter.matches(event("Rechnungen+2026/Müller+final.pdf"))).isFalse();
    }

    @Test
    void contentTypesIgnoreCaseParametersAndTakeWildcards() {
        RouteFilter images = RouteFilter.builder().contentType("image/*").build();
        LinkEvent png = event("a.png").toBuilder().contentType("IMAGE/PNG; foo=bar").build();
        assertThat(images.matches(png)).isTrue();
        assertThat(images.refusal(event("a.pdf"))).hasValue("contentType: \"application/pdf\" is not image/*");
        LinkEvent unknown = event("a.png").toBuilder().contentType(null).build();
        assertThat(images.refusal(unknown)).hasValueSatisfying(why -> assertThat(why)
                .startsWith("contentType: unknown"));
        RouteFilter pdf = RouteFilter.builder().contentType("Application/PDF").build();
        assertThat(pdf.matches(event("a.pdf").toBuilder().contentType("application/pdf;charset=binary").build()))
                .isTrue();
    }

    @Test
    void sizesAreInclusiveAndAnEventWithoutOneDoesNotMatch() {
        RouteFilter filter = RouteFilter.builder().minSize(1024).maxSize(2048).build();
        assertThat(filter.matches(event("a"))).isTrue();
        assertThat(filter.refusal(event("a").toBuilder().size(2049L).build()))
                .hasValue("size: 2049 bytes is above the maximum of 2048");
        assertThat(filter.refusal(event("a").toBuilder().size(1023L).build()))
                .hasValue("size: 1023 bytes is below the minimum of 1024");
        assertThat(filter.refusal(event("a").toBuilder().size(null).build()))
                .hasValueSatisfying(why -> assertThat(why).startsWith("size: unknown"));
    }

    @Test
    void noFiltersTakeEveryEventAndSayHowTheyRead() {
        assertThat(RouteFilter.ANY.matches(event("anything/at/all"))).isTrue();
        assertThat(RouteFilter.ANY.describe()).isEqualTo("every event");
        assertThat(RouteFilter.builder().suffix(".pdf").eventType(EventType.CREATED).minSize(1).build().describe())
                .isEqualTo("suffix .pdf; eventType created; size 1.. bytes");
    }

    @Test
    void aControlCharacterInAKeyIsNotPrinted() {
        RouteFilter filter = RouteFilter.builder().suffix(".pdf").build();
        assertThat(filter.refusal(event("evil\u001b[31m.txt")).orElseThrow()).doesNotContain("\u001b");
    }
}
