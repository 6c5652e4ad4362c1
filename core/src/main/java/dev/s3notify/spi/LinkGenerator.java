package dev.s3notify.spi;

import dev.s3notify.core.Link;
import dev.s3notify.core.LinkSettings;
import dev.s3notify.core.ObjectEvent;
import dev.s3notify.core.Settings;
import dev.s3notify.core.Variable;
import java.time.Instant;
import java.util.List;

/**
 * How a download link is made for an object: an S3 presigned URL ({@code s3-presigned}, the default), a public or
 * CDN URL ({@code public-url}), or anything a plugin provides.
 *
 * <p>Found with {@link java.util.ServiceLoader}: list the implementation in
 * {@code META-INF/services/dev.s3notify.spi.LinkGenerator}. Selected by the {@code LINK_KIND} variable.
 * Implementations are stateless and thread-safe, have a public no-argument constructor and never read the
 * environment themselves: they get validated {@link LinkSettings}, whose {@link LinkSettings#own()} holds the values
 * of the variables the kind declares in {@link #variables()}.
 */
public interface LinkGenerator {

    /** @return the stable lowercase key users put in {@code LINK_KIND}, such as {@code s3-presigned} */
    String kind();

    /**
     * Makes the link. Called once per downloadable object; must not block for long.
     *
     * @param object the object, with its key decoded
     * @param settings validated settings
     * @param now the current time, from which the expiry counts
     * @return the link and its expiry
     */
    Link generate(ObjectEvent object, LinkSettings settings, Instant now);

    /**
     * Checks, at start-up, what this kind needs beyond the common settings, recording each problem with
     * {@link Settings#problem(String)}. The default needs nothing.
     *
     * @param settings the common settings, already parsed
     * @param env the environment, to record problems against
     */
    default void check(LinkSettings settings, Settings env) {
    }

    /**
     * @return the variables this kind reads, for {@code s3notify kinds} and the docs; their validated values reach
     *     {@link #generate} as {@link LinkSettings#own()}. The default reads none of its own.
     */
    default List<Variable<?>> variables() {
        return List.of();
    }
}
