package dev.s3notify.core.plugins;

import dev.s3notify.core.error.ConfigurationException;
import dev.s3notify.core.error.UnknownKindException;
import dev.s3notify.spi.SpiVersion;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import java.util.regex.Pattern;

/**
 * The providers of one SPI, loaded once with {@link ServiceLoader} and indexed by kind. A provider that fails to
 * load is remembered by class name and named in errors; two providers of one kind are a start-up error naming
 * both classes; an unknown kind is an error naming the variable, the value and the sorted kinds available.
 *
 * @param <T> the SPI type
 */
public final class KindRegistry<T> {
    private static final Pattern KIND = Pattern.compile("[a-z0-9][a-z0-9.-]*");

    private final String variable;
    private final Map<String, T> byKind;
    private final List<String> failures;

    private KindRegistry(String variable, Map<String, T> byKind, List<String> failures) {
        this.variable = variable;
        this.byKind = Collections.unmodifiableMap(byKind);
        this.failures = List.copyOf(failures);
    }

    /**
     * @param spi the SPI interface
     * @param kindOf how to read a provider's kind
     * @param apiVersionOf how to read the SPI version a provider needs; one newer than this core's is a problem
     * @param variable the variable that selects a kind, for messages
     * @param loader the class loader to search (the plugins loader, or the context loader)
     * @param <T> the SPI type
     * @return the registry
     * @throws ConfigurationException when two providers claim one kind, or a kind is not a lowercase key
     */
    public static <T> KindRegistry<T> load(Class<T> spi, Function<T, String> kindOf,
            ToIntFunction<T> apiVersionOf, String variable, ClassLoader loader) {
        Map<String, T> byKind = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (ServiceLoader.Provider<T> provider : ServiceLoader.load(spi, loader).stream().toList()) {
            String className = provider.type().getName();
            T instance;
            try {
                instance = provider.get();
            } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
                failures.add(className + " (" + e.getMessage() + ")");
                continue;
            }
            int needs = apiVersionOf.applyAsInt(instance);
            if (needs > SpiVersion.CURRENT) {
                problems.add(className + " needs version " + needs + " of s3-notify's plugin interfaces, and this"
                        + " s3-notify provides version " + SpiVersion.CURRENT + ": upgrade s3-notify, or use a"
                        + " release of the plugin built for version " + SpiVersion.CURRENT);
                continue;
            }
            String kind = kindOf.apply(instance);
            if (kind == null || !KIND.matcher(kind).matches()) {
                problems.add(className + " declares the kind '" + kind
                        + "'; a kind is a stable lowercase key such as 'discord' or 's3-presigned'");
                continue;
            }
            T previous = byKind.putIfAbsent(kind, instance);
            if (previous != null) {
                problems.add("two " + spi.getSimpleName() + " providers claim the kind '" + kind + "': "
                        + previous.getClass().getName() + " and " + className + "; remove one jar from the class path");
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigurationException(problems);
        }
        return new KindRegistry<>(variable, byKind, failures);
    }

    /** @return the kinds available, sorted */
    public List<String> kinds() {
        return List.copyOf(byKind.keySet());
    }

    /** @return every provider, sorted by kind */
    public List<T> all() {
        return List.copyOf(byKind.values());
    }

    /** @return providers that failed to load, by class name with the reason */
    public List<String> failures() {
        return failures;
    }

    /**
     * @param kind a kind, in any case
     * @return its provider
     * @throws UnknownKindException naming the variable, the value and the kinds available
     */
    public T get(String kind) {
        T provider = byKind.get(kind.toLowerCase(Locale.ROOT));
        if (provider == null) {
            throw new UnknownKindException(variable, kind, kinds(), failures);
        }
        return provider;
    }
}
