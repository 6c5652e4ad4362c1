package dev.s3notify.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import dev.s3notify.core.EventType;
import dev.s3notify.core.ObjectEvent;
import java.lang.reflect.RecordComponent;
import org.junit.jupiter.api.Test;

/** The builder checks what the record checks, and sets and keeps every component. */
class ObjectEventTest {

    private static ObjectEvent.Builder upload() {
        return ObjectEvent.builder().bucket("uploads").key("reports/q3.pdf").type(EventType.CREATED);
    }

    @Test
    void buildsWithOnlyBucketKeyAndType() {
        ObjectEvent event = upload().build();

        assertThat(event.fileName()).isEqualTo("q3.pdf");
        assertThat(event.size()).isNull();
        assertThat(event.undecodedKey()).isNull();
    }

    @Test
    void namesTheMissingBucket() {
        assertThatNullPointerException().isThrownBy(() -> upload().bucket(null).build()).withMessageContaining("bucket");
    }

    @Test
    void namesTheMissingKey() {
        assertThatNullPointerException().isThrownBy(() -> upload().key(null).build()).withMessageContaining("key");
    }

    @Test
    void namesTheMissingType() {
        assertThatNullPointerException().isThrownBy(() -> ObjectEvent.builder().bucket("b").key("k").build())
                .withMessageContaining("type");
    }

    @Test
    void rejectsANegativeSizeNamingIt() {
        assertThatIllegalArgumentException().isThrownBy(() -> upload().size(-1L).build())
                .withMessageContaining("size").withMessageContaining("-1");
    }

    @Test
    void hasASetterForEveryComponent() {
        ObjectEvent filled = RecordBuilders.filled(ObjectEvent.class);

        assertThat(RecordBuilders.setAll(filled, ObjectEvent.builder()).build()).isEqualTo(filled);
    }

    @Test
    void keepsEveryComponentThroughToBuilder() throws ReflectiveOperationException {
        ObjectEvent filled = RecordBuilders.filled(ObjectEvent.class);

        ObjectEvent copy = filled.toBuilder().build();

        for (RecordComponent component : ObjectEvent.class.getRecordComponents()) {
            assertThat(component.getAccessor().invoke(copy)).as(component.getName())
                    .isEqualTo(component.getAccessor().invoke(filled));
        }
    }

    @Test
    void settlesTheKeyAndKeepsTheRestWhenResolved() {
        ObjectEvent filled = RecordBuilders.filled(ObjectEvent.class);

        ObjectEvent resolved = filled.resolved("settled", null, null);

        assertThat(resolved).isEqualTo(filled.toBuilder().key("settled").undecodedKey(null).build());
    }
}
