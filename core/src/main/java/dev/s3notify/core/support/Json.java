package dev.s3notify.core.support;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

/**
 * The one Jackson {@link ObjectMapper} of core and the functions. The first one a JVM constructs costs about 150 ms
 * of CPU on a cold JVM (loading Jackson's classes), each further one a few milliseconds more (its own caches, and
 * its own first use); one shared mapper pays that once (docs/performance.md). Thread-safe, never reconfigured.
 */
public final class Json {
    /** Default settings: for building trees and text, and for reading JSON held in secrets and answers. */
    public static final ObjectMapper MAPPER = new ObjectMapper();
    /** Reads one JSON value and refuses anything after it (the invocation payload, SQS message bodies). */
    public static final ObjectReader STRICT = MAPPER.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private Json() {
    }
}
