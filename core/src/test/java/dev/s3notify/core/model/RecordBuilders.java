package dev.s3notify.core.model;

import dev.s3notify.core.EventType;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;

/**
 * Reflection over a record's components, so that a builder test covers a component added later: a record filled
 * with a distinct value in every component, and the same values set on a builder through setters named after the
 * components.
 */
final class RecordBuilders {
    private RecordBuilders() {
    }

    /**
     * @param type a record type whose components are strings, instants, longs, maps or {@link EventType}s
     * @return an instance with a distinct non-null value in every component
     */
    static <R extends Record> R filled(Class<R> type) {
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            values[i] = sample(components[i], i);
        }
        try {
            Constructor<R> canonical = type.getDeclaredConstructor(types);
            return canonical.newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("cannot make a " + type.getSimpleName(), e);
        }
    }

    /**
     * Calls, for every component of {@code source}, the builder's method of the same name with its value.
     *
     * @param source a record
     * @param builder a builder with a one-argument setter per component
     * @return the builder
     */
    static <B> B setAll(Record source, B builder) {
        for (RecordComponent component : source.getClass().getRecordComponents()) {
            try {
                builder.getClass().getMethod(component.getName(), component.getType())
                        .invoke(builder, component.getAccessor().invoke(source));
            } catch (NoSuchMethodException e) {
                throw new AssertionError(builder.getClass().getName() + " has no setter for the component "
                        + component.getName(), e);
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new AssertionError("cannot set " + component.getName(), e);
            }
        }
        return builder;
    }

    private static Object sample(RecordComponent component, int index) {
        Class<?> type = component.getType();
        if (type == String.class) {
            return component.getName() + "-" + index;
        }
        if (type == Instant.class) {
            return Instant.parse("2026-01-01T00:00:00Z").plusSeconds(index);
        }
        if (type == Long.class) {
            return 1_000L + index;
        }
        if (type == EventType.class) {
            return EventType.RESTORED;
        }
        if (type == Map.class) {
            return Map.of(component.getName(), "v" + index);
        }
        throw new AssertionError("no sample value for " + component + ": teach RecordBuilders its type");
    }
}
