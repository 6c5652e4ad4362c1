package dev.s3notify.spi;

import dev.s3notify.core.error.ConfigurationException;
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
     *     {@link #create} in {@link LinkContext#settings()}, and no other variable does. The default reads none of its own.
     */
    default List<Variable<?>> variables() {
        return List.of();
    }

    /**
     * @return the {@link SpiVersion} this provider needs at least: the default, 1, needs nothing newer than the first
     *     version; return {@link SpiVersion#CURRENT} to need the version it was built against
     * @since 1
     */
    default int apiVersion() {
        return 1;
    }

    /**
     * Creates the configured generator. Called once at start-up; a problem with the settings that
     * {@link #variables()} could not catch (a value this kind needs, such as {@code PUBLIC_BASE_URL}) is a
     * {@link ConfigurationException}, reported with every other problem.
     *
     * @param context the validated values of this kind's own {@link #variables()}, and core's S3 presigner
     * @return the generator, immutable and thread-safe
     * @throws ConfigurationException when the settings cannot work
     */
    LinkGenerator create(LinkContext context);
}
