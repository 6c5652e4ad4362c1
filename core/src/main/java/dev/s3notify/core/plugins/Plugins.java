package dev.s3notify.core.plugins;

import dev.s3notify.core.support.ErrorWords;
import dev.s3notify.core.error.ConfigurationException;
import dev.s3notify.core.support.Log;
import dev.s3notify.core.config.Settings;
import dev.s3notify.core.config.Variables;

import java.io.File;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.jar.JarFile;
import java.util.stream.Collectors;

/**
 * Where plugin jars come from: the {@code *.jar} files in {@code S3NOTIFY_PLUGINS_DIR} (when set) and in
 * {@code /opt/java/lib}, where Lambda puts the jars of the layers' {@code java/lib} folders. They are added to one
 * class loader whose parent is core's own, so {@link java.util.ServiceLoader} finds their formatters and link
 * generators next to the bundle's. A jar the parent already sees is not added again: the Lambda runtime puts layer
 * jars on the function's own class loader, and a provider class seen twice would otherwise look like two. Without
 * any jar to add the parent itself is returned: no loader is made and nothing is opened.
 */
public final class Plugins {
    /** Where the Lambda runtime puts the jars of the layers' {@code java/lib} folders. */
    public static final Path LAYER_LIB = Path.of("/opt/java/lib");
    private static final Log LOG = Log.of(Plugins.class);

    private Plugins() {
    }

    /**
     * @param env the environment, read once at the edge
     * @return the class loader to search for providers
     * @throws ConfigurationException when {@code S3NOTIFY_PLUGINS_DIR} is not a readable directory of jars
     */
    public static ClassLoader classLoader(Map<String, String> env) {
        Settings settings = new Settings(env);
        ClassLoader loader = classLoader(settings);
        settings.validate();
        return loader;
    }

    /**
     * @param settings the environment; a {@code S3NOTIFY_PLUGINS_DIR} that is not a readable directory of jars is
     *     recorded as a problem, with the others, and the jars that could be found are still used
     * @return the class loader to search for providers
     */
    public static ClassLoader classLoader(Settings settings) {
        return classLoader(settings, LAYER_LIB, Plugins.class.getClassLoader(),
                System.getProperty("java.class.path", ""));
    }

    static ClassLoader classLoader(Settings settings, Path layerLib, ClassLoader parent, String classPath) {
        String dir = settings.get(Variables.S3NOTIFY_PLUGINS_DIR);
        List<Path> pluginJars = dir == null ? List.of() : pluginDirJars(dir, settings);
        List<Path> layerJars = layerJars(layerLib);
        if (pluginJars.isEmpty() && layerJars.isEmpty()) {
            return parent;
        }
        Set<Path> seen = visibleJars(parent, classPath);
        List<Path> added = new ArrayList<>();
        addOpenable(pluginJars, seen, added, (jar, problem) -> settings.problem(Variables.S3NOTIFY_PLUGINS_DIR.name()
                + "='" + dir + "' holds " + jar.getFileName() + ", which cannot be opened as a jar (" + problem
                + "); replace it with the plugin's jar, or remove it"));
        addOpenable(layerJars, seen, added, (jar, problem) -> LOG.warn("layer jar skipped: it cannot be opened",
                "jar", jar.getFileName().toString(), "reason", problem));
        if (added.isEmpty()) {
            return parent;
        }
        LOG.info("plugin jars added", "jars", added.stream().map(jar -> jar.getFileName().toString())
                .collect(Collectors.joining(", ")));
        return new URLClassLoader("s3-notify-plugins", urls(added), parent);
    }

    /** Adds the jars not seen yet that open as jars, and reports those that do not. */
    private static void addOpenable(List<Path> jars, Set<Path> seen, List<Path> added,
            BiConsumer<Path, String> unopenable) {
        for (Path jar : jars) {
            if (seen.add(canonical(jar))) {
                String problem = unopenableBecause(jar);
                if (problem == null) {
                    added.add(jar);
                } else {
                    unopenable.accept(jar, problem);
                }
            }
        }
    }

    /** The jars of {@code S3NOTIFY_PLUGINS_DIR}, sorted; what is wrong with it is recorded in {@code settings}. */
    private static List<Path> pluginDirJars(String dir, Settings settings) {
        String variable = Variables.S3NOTIFY_PLUGINS_DIR.name() + "='" + dir + "'";
        Path path = path(dir).orElse(null);
        if (path == null) {
            settings.problem(variable + " is not valid: expected the path of a directory of plugin jars");
            return List.of();
        }
        if (!Files.isDirectory(path)) {
            settings.problem(variable + " is not valid: " + (Files.exists(path)
                    ? "it is a file, and it must be a directory: name the directory that holds the plugin jars"
                    : "there is no such directory; create it and put the plugin jars in it")
                    + ", or unset the variable");
            return List.of();
        }
        try {
            List<Path> jars = jarsIn(path);
            if (jars.isEmpty()) {
                LOG.warn("no plugin jars found", "variable", Variables.S3NOTIFY_PLUGINS_DIR.name(), "dir", dir);
            }
            return jars;
        } catch (IOException e) {
            settings.problem(variable + " cannot be read (" + e + "); make it readable, or unset the variable");
            return List.of();
        }
    }

    /** The jars the Lambda layers put in {@code layerLib}, sorted; none when there is no such directory. */
    private static List<Path> layerJars(Path layerLib) {
        if (!Files.isDirectory(layerLib)) {
            return List.of();
        }
        try {
            return jarsIn(layerLib);
        } catch (IOException e) {
            LOG.warn("layer jars skipped: the directory cannot be read", "dir", layerLib.toString(),
                    "reason", ErrorWords.of(e));
            return List.of();
        }
    }

    /** Regular files named {@code *.jar} directly in {@code dir} (not in subdirectories), sorted by name. */
    private static List<Path> jarsIn(Path dir) throws IOException {
        List<Path> jars = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, "*.jar")) {
            for (Path entry : entries) {
                if (Files.isRegularFile(entry)) {
                    jars.add(entry);
                }
            }
        }
        jars.sort(null);
        return jars;
    }

    /** @return why the file cannot be opened as a jar, or null when it can (checked only for jars to be added) */
    private static String unopenableBecause(Path jar) {
        try (JarFile ignored = new JarFile(jar.toFile())) {
            return null;
        } catch (NoSuchFileException e) {
            return "it was removed";
        } catch (IOException | SecurityException e) {
            return ErrorWords.of(e);
        }
    }

    /** Jars the parent already sees: the class path, and the URLs of URL class loaders up the chain. */
    private static Set<Path> visibleJars(ClassLoader parent, String classPath) {
        Set<Path> visible = new HashSet<>();
        for (String entry : classPath.split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                path(entry).ifPresent(path -> visible.add(canonical(path)));
            }
        }
        for (ClassLoader loader = parent; loader != null; loader = loader.getParent()) {
            if (loader instanceof URLClassLoader urlLoader) {
                for (URL url : urlLoader.getURLs()) {
                    if ("file".equals(url.getProtocol())) {
                        path(url).ifPresent(path -> visible.add(canonical(path)));
                    }
                }
            }
        }
        return visible;
    }

    private static Optional<Path> path(URL url) {
        try {
            return Optional.of(Path.of(url.toURI()));
        } catch (URISyntaxException | IllegalArgumentException e) {
            // The Lambda runtime builds its URLs from raw paths, unencoded.
            return path(url.getPath());
        }
    }

    /** @return the path, or empty when it is no path this system could open (so no plugin jar's either) */
    private static Optional<Path> path(String text) {
        try {
            return Optional.of(Path.of(text));
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }

    private static Path canonical(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException e) {
            return path.toAbsolutePath().normalize();
        }
    }

    private static URL[] urls(List<Path> jars) {
        URL[] urls = new URL[jars.size()];
        for (int i = 0; i < urls.length; i++) {
            try {
                urls[i] = jars.get(i).toUri().toURL();
            } catch (MalformedURLException e) {
                throw new IllegalStateException("a file path that is no URL: " + jars.get(i), e);
            }
        }
        return urls;
    }
}
