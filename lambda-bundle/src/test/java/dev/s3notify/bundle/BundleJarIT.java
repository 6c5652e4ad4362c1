package dev.s3notify.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

/** The built s3-notify.jar on its own: every provider found, service files merged, no signatures left. */
class BundleJarIT {
    private static final String FORMATTER_SERVICES = "META-INF/services/dev.s3notify.spi.WebhookFormatterProvider";
    private static final String GENERATOR_SERVICES = "META-INF/services/dev.s3notify.spi.LinkGeneratorProvider";

    @Test
    void findsTheChosenFormattersAndBothLinkGeneratorsWithNothingButTheJar() {
        assertThat(Bundle.kinds(Bundle.JAR, "dev.s3notify.core.plugins.WebhookFormatters"))
                .containsExactlyElementsOf(Bundle.adapters());
        assertThat(Bundle.kinds(Bundle.JAR, "dev.s3notify.core.plugins.LinkGenerators"))
                .containsExactly("public-url", "s3-presigned");
    }

    @Test
    void mergesTheServiceFilesOfEveryModule() throws IOException {
        Map<String, List<String>> entries = entries();

        assertThat(entries.get(FORMATTER_SERVICES)).as("one merged file").hasSize(1);
        assertThat(lines(entries.get(FORMATTER_SERVICES).get(0))).containsExactlyInAnyOrderElementsOf(
                Bundle.adapters().stream().map(Bundle.FORMATTERS::get).toList());
        assertThat(entries.get(GENERATOR_SERVICES)).hasSize(1);
        assertThat(lines(entries.get(GENERATOR_SERVICES).get(0))).containsExactlyInAnyOrder(
                "dev.s3notify.core.links.PublicUrlLinkGenerator",
                "dev.s3notify.core.links.S3PresignedLinks");
    }

    @Test
    void leavesNoSignatureFiles() throws IOException {
        assertThat(entries().keySet()).noneMatch(name -> name.matches("META-INF/[^/]+\\.(SF|RSA|DSA|EC)"));
    }

    @Test
    void holdsNoClassOfAnAdapterLeftOut() throws IOException {
        List<String> leftOut = new ArrayList<>(Bundle.FORMATTERS.keySet());
        leftOut.removeAll(Bundle.adapters());
        Map<String, List<String>> entries = entries();

        for (String adapter : leftOut) {
            assertThat(entries.keySet()).noneMatch(name -> name.startsWith("dev/s3notify/" + adapter + "/"));
        }
        for (String adapter : Bundle.adapters()) {
            assertThat(entries).containsKey(Bundle.FORMATTERS.get(adapter).replace('.', '/') + ".class");
        }
    }

    /** Every entry's content by name; a name written twice (an unmerged file) has two. */
    private static Map<String, List<String>> entries() throws IOException {
        Map<String, List<String>> entries = new HashMap<>();
        try (InputStream file = java.nio.file.Files.newInputStream(Bundle.JAR);
                ZipInputStream zip = new ZipInputStream(file)) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                String content = entry.getName().startsWith("META-INF/services/")
                        ? new String(zip.readAllBytes(), StandardCharsets.UTF_8) : "";
                entries.computeIfAbsent(entry.getName(), name -> new ArrayList<>()).add(content);
            }
        }
        return entries;
    }

    private static List<String> lines(String servicesFile) {
        return servicesFile.lines().map(line -> line.replaceAll("#.*", "").strip())
                .filter(line -> !line.isEmpty()).toList();
    }
}
