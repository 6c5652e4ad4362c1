package dev.s3notify.core.plugins;

import dev.s3notify.core.config.Variables;
import dev.s3notify.core.error.ConfigurationException;
import dev.s3notify.spi.LinkGeneratorProvider;

/** The one registry of {@link LinkGeneratorProvider}s, selected by {@code LINK_KIND}. */
public final class LinkGenerators {
    private LinkGenerators() {
    }

    /**
     * Loads every link generator once. Call it at start-up and keep the result.
     *
     * @param loader the class loader to search (the plugins loader, or the context loader)
     * @return the generators by kind; {@link KindRegistry#get(String)} names the available kinds when one is unknown
     * @throws ConfigurationException when two generators claim one kind
     */
    public static KindRegistry<LinkGeneratorProvider> load(ClassLoader loader) {
        return KindRegistry.load(LinkGeneratorProvider.class, LinkGeneratorProvider::kind,
                LinkGeneratorProvider::apiVersion, Variables.LINK_KIND.name(), loader);
    }
}
