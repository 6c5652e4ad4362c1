package dev.s3notify.core.links;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.s3notify.core.EventEntry;
import dev.s3notify.core.error.DeliveryException;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PutEventsLimitsTest {

    @Test
    void sizeCountsSourceDetailTypeDetailAndResourcesAsUtf8() {
        EventEntry entry = new EventEntry("src", "type", "a-bus-name-that-is-not-counted", "{\"k\":\"é\"}",
                List.of("arn:1", "arn:22"), "label");

        assertThat(PutEventsLimits.size(entry)).isEqualTo(3 + 4 + 10 + 5 + 6);
    }

    @Test
    void cutsIntoCallsOfAtMostTenEntriesInOrder() {
        List<EventEntry> entries = IntStream.range(0, 25).mapToObj(i -> entry(i, 10)).toList();

        List<List<EventEntry>> batches = PutEventsLimits.batches(entries);

        assertThat(batches).extracting(List::size).containsExactly(10, 10, 5);
        assertThat(batches.stream().flatMap(List::stream)).containsExactlyElementsOf(entries);
    }

    @Test
    void startsANewCallBeforeTheEntriesPassTheSizeLimit() {
        int third = PutEventsLimits.MAX_BYTES / 3;
        List<EventEntry> entries = List.of(entry(0, third), entry(1, third), entry(2, third), entry(3, third + 10));

        assertThat(PutEventsLimits.batches(entries)).extracting(List::size).containsExactly(3, 1);
    }

    @Test
    void anEntryOfExactlyTheLimitTravelsAlone() {
        EventEntry full = entry(1, PutEventsLimits.MAX_BYTES);
        List<EventEntry> entries = List.of(entry(0, 10), full, entry(2, 10));

        PutEventsLimits.requireFit(entries);
        assertThat(PutEventsLimits.batches(entries)).containsExactly(List.of(entries.get(0)), List.of(full),
                List.of(entries.get(2)));
    }

    @Test
    void rejectsAnEntryOverTheLimitNamingItsLabel() {
        List<EventEntry> entries = List.of(entry(0, 10), entry(1, PutEventsLimits.MAX_BYTES + 1));

        assertThatThrownBy(() -> PutEventsLimits.requireFit(entries))
                .isInstanceOf(DeliveryException.class)
                .hasMessageContaining("evt-1 key-1.txt")
                .hasMessageContaining((PutEventsLimits.MAX_BYTES + 1) + " bytes")
                .hasMessageNotContaining("xxxx");
    }

    /** An entry whose counted size is exactly {@code size} bytes. */
    static EventEntry entry(int n, int size) {
        String source = "s";
        String type = "t";
        String resource = "r";
        String detail = "x".repeat(size - 3);
        return new EventEntry(source, type, "bus", detail, List.of(resource), "evt-" + n + " key-" + n + ".txt");
    }
}
