package dev.s3notify.cli;

import dev.s3notify.core.Plugins;
import java.io.PrintStream;
import java.util.Map;

/**
 * What a command works with: the environment (its configuration, read once in {@code main}), where results go,
 * where messages for people go, and where plugins are looked for.
 *
 * @param env the environment
 * @param out results (JSON or the bodies asked for)
 * @param err messages for people; the functions' JSON log lines go to standard error too
 * @param loader where formatters and link generators are looked for, or null for the functions' default
 */
record Console(Map<String, String> env, PrintStream out, PrintStream err, ClassLoader loader) {

    /**
     * @return the loader {@code kinds} lists providers from: the one the functions use when none is given, with
     *     the plugin jars ({@code S3NOTIFY_PLUGINS_DIR}, Lambda layers)
     * @throws dev.s3notify.core.ConfigurationException when {@code S3NOTIFY_PLUGINS_DIR} is not a directory of jars
     */
    ClassLoader registryLoader() {
        return loader != null ? loader : Plugins.classLoader(env);
    }
}
