package dev.s3notify.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/** Plugin jars made in a test as a third party would: compiled against s3-notify.jar alone, services file included. */
final class PluginJars {
    private PluginJars() {
    }

    /**
     * @param jar the jar to write
     * @param formatters each formatter's fully qualified class name and source
     * @return the jar, whose {@code META-INF/services} file lists the formatters
     */
    static Path formatters(Path jar, Map<String, String> formatters) {
        try {
            Path work = Bundle.workDir("build-" + jar.getFileName());
            List<Path> sources = new ArrayList<>();
            for (Map.Entry<String, String> formatter : formatters.entrySet()) {
                Path source = work.resolve("src").resolve(formatter.getKey().replace('.', '/') + ".java");
                Files.createDirectories(source.getParent());
                sources.add(Files.writeString(source, formatter.getValue()));
            }
            Path classes = Files.createDirectories(work.resolve("classes"));
            compile(sources, classes);
            write(jar, classes, "META-INF/services/dev.s3notify.spi.WebhookFormatterProvider",
                    String.join("\n", formatters.keySet()) + "\n");
            return jar;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void compile(List<Path> sources, Path classes) throws IOException {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        assertThat(compiler).as("a JDK's compiler").isNotNull();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, null,
                StandardCharsets.UTF_8)) {
            boolean compiled = compiler.getTask(null, files, diagnostics, List.of("--release", "17", "-classpath",
                    Bundle.JAR.toString(), "-d", classes.toString()), null,
                    files.getJavaFileObjectsFromPaths(sources)).call();
            assertThat(compiled).as("compiled: %s", diagnostics.getDiagnostics()).isTrue();
        }
    }

    private static void write(Path jar, Path classes, String servicesEntry, String services) throws IOException {
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file);
                Stream<Path> paths = Files.walk(classes)) {
            for (Path path : paths.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(path).toString().replace('\\', '/')));
                out.write(Files.readAllBytes(path));
                out.closeEntry();
            }
            out.putNextEntry(new JarEntry(servicesEntry));
            out.write(services.getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
    }
}
