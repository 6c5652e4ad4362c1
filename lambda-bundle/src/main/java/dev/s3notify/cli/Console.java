package dev.s3notify.cli;

import dev.s3notify.core.plugins.Plugins;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.Map;

/**
 * What a command works with: the environment (its configuration, read once in {@code main}), where results go,
 * where messages for people go, where plugins are looked for, and standard input ({@code --event -}).
 *
 * @param env the environment
 * @param out results (JSON or the bodies asked for)
 * @param err messages for people, and the functions' log lines
 * @param loader where formatters and link generators are looked for, or null for the functions' default
 * @param in standard input
 */
record Console(Map<String, String> env, PrintStream out, PrintStream err, ClassLoader loader, InputStream in) {

    /** A console whose standard input is empty. */
    Console(Map<String, String> env, PrintStream out, PrintStream err, ClassLoader loader) {
        this(env, out, err, loader, new ByteArrayInputStream(new byte[0]));
    }

    /**
     * @return the loader {@code kinds} lists providers from: the one the functions use when none is given, with
     *     the plugin jars ({@code S3NOTIFY_PLUGINS_DIR}, Lambda layers)
     * @throws dev.s3notify.core.error.ConfigurationException when {@code S3NOTIFY_PLUGINS_DIR} is not a directory of jars
     */
    ClassLoader registryLoader() {
        return loader != null ? loader : Plugins.classLoader(env);
    }
}
