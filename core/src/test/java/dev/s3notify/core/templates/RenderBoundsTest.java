package dev.s3notify.core.templates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.s3notify.core.Digest;
import dev.s3notify.core.LinkEvent;
import dev.s3notify.core.Notification;
import dev.s3notify.core.error.ConfigurationException;
import dev.s3notify.core.error.TemplateLimitException;
import dev.s3notify.core.testing.TestEvents;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** Every render is bounded in text and in steps: past either it stops with our words, never out of memory. */
class RenderBoundsTest {
    private static final UnaryOperator<String> AS_IS = text -> text;
    private static final Set<String> LIST = Set.of("files", "key", "fileName", "deleted");
    private static final String DISCORD = "{{#files}}{{#hasLink}}• [{{fileName}}]({{{fileUrl}}}){{#sizeText}}"
            + " ({{sizeText}}){{/sizeText}}{{/hasLink}}{{^hasLink}}• {{fileName}}{{#deleted}} (removed){{/deleted}}"
            + "{{/hasLink}}\n{{/files}}{{#hasMore}}… and {{more}} more{{/hasMore}}{{#hasIndex}}\n[All {{count}} files,"
            + " with their links]({{{indexUrl}}}){{/hasIndex}}";

    @Test
    void stopsATextPastTheOutputBoundNamingTheTemplate() {
        MessageTemplate template = MessageTemplate.compile("{{#files}}{{{key}}}{{/files}}", "DIGEST_TEMPLATE", AS_IS,
                LIST);
        Map<String, Object> key = Map.of("key", "k".repeat(1_024));

        assertThat(template.render(Map.of("files", Collections.nCopies(1_024, key)))).hasSize(1 << 20);
        assertThatThrownBy(() -> template.render(Map.of("files", Collections.nCopies(1_025, key))))
                .isInstanceOfSatisfying(TemplateLimitException.class, e -> assertThat(e.outputTooLong()).isTrue())
                .hasMessage("DIGEST_TEMPLATE rendered more than 1,048,576 characters, more than any platform takes;"
                        + " the render was stopped. See docs/templates.md.");
    }

    @Test
    void stopsARenderPastTheStepBoundAndAcceptsOneJustUnderIt() {
        // Two steps for each outer repetition (itself and the section inside), one for each inner: 2n + n².
        MessageTemplate template = MessageTemplate.compile("{{#files}}{{#files}}{{/files}}{{/files}}", "--template",
                AS_IS, LIST);

        assertThat(template.worstCase(Map.of("files", Collections.nCopies(2_235, Map.of()))).steps())
                .isEqualTo(2 * 2_235 + 2_235L * 2_235).isLessThanOrEqualTo(RenderBudget.MAX_STEPS);
        assertThat(template.render(Map.of("files", Collections.nCopies(2_235, Map.of())))).isEmpty();
        assertThatThrownBy(() -> template.render(Map.of("files", Collections.nCopies(2_236, Map.of()))))
                .isInstanceOfSatisfying(TemplateLimitException.class, e -> assertThat(e.outputTooLong()).isFalse())
                .hasMessage("--template took more than 5,000,000 steps to render (a section repeated inside another,"
                        + " such as {{#files}} inside {{#files}}); the render was stopped. See docs/templates.md.");
    }

    @Test
    void refusesADigestTemplateWithThreeNestedFileSectionsAtStartUp() {
        String three = "{{#files}}{{#files}}{{#files}}{{fileName}}{{/files}}{{/files}}{{/files}}";

        assertThatThrownBy(() -> DigestTemplate.compile(three, "DIGEST_TEMPLATE", AS_IS))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("DIGEST_TEMPLATE takes more than 5,000,000 steps to render a digest of 10,000"
                        + " files, the largest batch a queue delivers")
                .hasMessageContaining("{{#files}}").hasMessageContaining("See docs/templates.md");
    }

    @Test
    void refusesTwoNestedFileSectionsWhateverTheyWriteOrWhereverTheyHide() {
        for (String two : List.of("{{#files}}{{#files}}{{{fileUrl}}} {{fileName}}{{/files}}{{/files}}",
                "{{#files}}{{#files}}{{/files}}{{/files}}",
                "{{#files}}{{#deleted}}{{#files}}x{{/files}}{{/deleted}}{{/files}}",
                "{{#hasMore}}{{#files}}{{^hasIndex}}{{#files}}{{fileName}}{{/files}}{{/hasIndex}}{{/files}}{{/hasMore}}",
                "{{#files}}{{^size}}{{#files}}{{/files}}{{/size}}{{/files}}")) {
            assertThatThrownBy(() -> DigestTemplate.compile(two, "DIGEST_TEMPLATE", AS_IS)).as(two)
                    .isInstanceOf(ConfigurationException.class).hasMessageContaining("more than 5,000,000 steps");
        }
    }

    @Test
    void acceptsTheHeaviestTemplateThatListsEachFileOnce() {
        // 200 tags, the most accepted, all inside {{#files}}: 66 sections each with a value in it.
        String heaviest = "{{#files}}" + "{{#hasLink}}{{fileName}}{{/hasLink}}".repeat(66) + "{{/files}}";
        DigestTemplate template = DigestTemplate.compile(heaviest, "DIGEST_TEMPLATE", AS_IS);

        assertThat(template.render(digest(3), 3)).isEqualTo("report-1.pdf".repeat(66) + "report-2.pdf".repeat(66)
                + "report-3.pdf".repeat(66));
    }

    @Test
    void aDigestListingMoreThanTheOutputBoundTakesDoesNotFitRatherThanFailing() {
        DigestTemplate template = DigestTemplate.compile("{{#files}}{{{key}}}{{/files}}", "DIGEST_TEMPLATE", AS_IS);
        Digest digest = Digest.builder(template).addAll(notifications(1_200)).build();

        int listed = digest.mostListed(n -> digest.message(n) != null);

        assertThat(listed).isBetween(1_000, 1_200 - 1);
        assertThat(digest.message(listed).length()).isLessThanOrEqualTo(RenderBudget.MAX_OUTPUT);
        assertThatThrownBy(() -> digest.message(1_200)).isInstanceOf(TemplateLimitException.class);
    }

    @Test
    void aDigestPastTheStepBoundFailsRatherThanNotFitting() {
        // Past the start-up check only with a batch larger than any queue delivers (the command line's files).
        MessageTemplate quadratic = MessageTemplate.compile("{{#files}}{{#files}}{{/files}}{{/files}}",
                "DIGEST_TEMPLATE", AS_IS, DigestTemplate.NAMES);
        Digest digest = Digest.builder((d, listed) -> quadratic.render(Map.of("files",
                Collections.nCopies(listed, Map.of())))).addAll(notifications(3_000)).build();

        assertThatThrownBy(() -> digest.mostListed(n -> digest.message(n) != null))
                .isInstanceOfSatisfying(TemplateLimitException.class, e -> assertThat(e.outputTooLong()).isFalse());
    }

    @Test
    void cutsTheBucketsOfABatchSpanningThousands() {
        DigestTemplate template = DigestTemplate.compile("{{buckets}}", "DIGEST_TEMPLATE", AS_IS);
        List<Notification> many = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            many.add(new Notification(TestEvents.created().toBuilder().bucket("bucket-" + i).build(), "",
                    "e" + i));
        }

        assertThat(template.render(Digest.builder(template).addAll(many).build(), 0).codePointCount(0, 1_024))
                .isEqualTo(1_024);
        assertThat(template.render(Digest.builder(template).addAll(many).build(), 0)).hasSizeLessThanOrEqualTo(1_024);
    }

    @Test
    void threeSmallRendersGiveExactlyTheStepsOfTheLargestBatch() {
        for (String linear : List.of(DISCORD, "{{#files}}" + "{{#hasLink}}{{fileName}}{{/hasLink}}".repeat(66)
                + "{{/files}}", "{{summary}}", "{{#files}}{{#.}}{{^deleted}}{{{fileUrl}}}{{/deleted}}{{/.}}{{/files}}"
                + "{{^files}}none{{/files}}{{#hasIndex}}{{#files}}{{key}}{{/files}}{{/hasIndex}}")) {
            DigestTemplate template = DigestTemplate.compile(linear, "DIGEST_TEMPLATE", AS_IS);

            assertThat(template.worstCaseSteps(DigestTemplate.LARGEST_BATCH)).as(linear)
                    .isEqualTo(template.worstCase(DigestTemplate.LARGEST_BATCH).steps())
                    .isLessThanOrEqualTo(RenderBudget.MAX_STEPS);
        }
    }

    @Test
    void theStepsOfATemplateThatRepeatsTheFilesForEachFileAreNotExtrapolatedAsLinear() {
        MessageTemplate quadratic = MessageTemplate.compile("{{#files}}{{#deleted}}{{#files}}{{/files}}{{/deleted}}"
                + "{{/files}}", "DIGEST_TEMPLATE", AS_IS, LIST);

        Map<String, Object> kept = Map.of("deleted", false);

        assertThat(quadratic.worstCase(Map.of("files", Collections.nCopies(2_000, kept))).steps())
                .isGreaterThan(2_000L * 2_000);
        assertThatThrownBy(() -> quadratic.worstCase(Map.of("files", Collections.nCopies(10_000, kept))))
                .isInstanceOf(TemplateLimitException.class);
    }

    @Test
    void refusesFileSectionsNestedUnderAnyValueSetOrNot() {
        List<String> names = new ArrayList<>(DigestTemplate.NAMES);
        names.addAll(DigestTemplate.FILE_NAMES);
        for (String name : names) {
            for (String section : List.of("#", "^")) {
                String nested = "{{#files}}{{" + section + name + "}}{{#files}}{{/files}}{{/" + name + "}}{{/files}}";

                assertThatThrownBy(() -> DigestTemplate.compile(nested, "DIGEST_TEMPLATE", AS_IS)).as(nested)
                        .isInstanceOf(ConfigurationException.class).hasMessageContaining("steps");
            }
        }
    }

    @Test
    void theStartUpCheckOfTheDefaultTemplateIsCheap() {
        DigestTemplate.compile(DISCORD, "DIGEST_TEMPLATE", AS_IS); // warm
        long started = System.nanoTime();
        DigestTemplate.compile(DISCORD, "DIGEST_TEMPLATE", AS_IS);
        long micros = (System.nanoTime() - started) / 1_000;
        System.out.println("compiling and checking Discord's default digest template: " + micros + " µs");

        assertThat(micros).isLessThan(500_000);
    }

    private static Digest digest(int files) {
        return Digest.builder((d, listed) -> "").addAll(notifications(files)).build();
    }

    private static List<Notification> notifications(int files) {
        List<Notification> notes = new ArrayList<>();
        for (int i = 1; i <= files; i++) {
            notes.add(new Notification(TestEvents.created().toBuilder().fileName("report-" + i + ".pdf")
                    .key("k".repeat(1_000) + i).build(), "", "event-" + i));
        }
        return notes;
    }
}
