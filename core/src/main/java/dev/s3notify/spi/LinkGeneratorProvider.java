package dev.s3notify.spi;

import dev.s3notify.core.config.Settings;
import java.util.List;

/**
 * One way of making download links: an S3 presigned URL ({@code s3-presigned}, the default), a public or CDN URL
 * ({@code public-url}), or anything a plugin provides. The provider is what {@link java.util.ServiceLoader}
 * finds; it {@linkplain #create creates} the configured {@link LinkGenerator} that makes the links.
 *
 * <p>List the implementation in {@code META-INF/services/dev.s3notify.spi.LinkGeneratorProvider}. Selected by
 * {@code LINK_KIND}. It has a public no-argument constructor, holds no state and never reads the environment.
 */
public interface LinkGeneratorProvider {

    /** @return the stable lowercase key users put in {@code LINK_KIND}, such as {@code s3-presigned} */
    String kind();

    /**
     * @return the variables this kind reads, for {@code s3notify kinds} and the docs; their validated values reach
     *     {@link #create} as {@link LinkSettings#own()}. The default reads none of its own.
     */
    default List<Variable<?>> variables() {
        return List.of();
    }

    /**
     * Checks, at start-up, what this kind needs beyond the common settings, recording each problem with
     * {@link Settings#problem(String)}, so they are reported with every other. The default needs nothing.
     *
     * @param settings the common settings, already parsed
     * @param env the environment, to record problems against
     */
    default void check(LinkSettings settings, Settings env) {
    }

    /**
     * @param settings the validated settings, with this kind's own in {@link LinkSettings#own()}
     * @return the generator, immutable and thread-safe
     */
    LinkGenerator create(LinkSettings settings);
}
