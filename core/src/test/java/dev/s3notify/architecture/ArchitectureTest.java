package dev.s3notify.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ArchitectureTest {
    private static final JavaClasses CORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.s3notify.core", "dev.s3notify.spi");
    private static final Path SOURCES = Path.of("src/main/java");

    @Test
    void coreKeepsEveryRuleOfItsPackages() {
        Architecture.all().check(CORE);
    }

    @Test
    void everyPackageOfCoreIsInTheTable() {
        Set<String> packages = CORE.stream().map(c -> c.getPackageName().substring("dev.s3notify.".length()))
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(Architecture.MAY_USE.keySet()).containsExactlyInAnyOrderElementsOf(packages);
    }

    @Test
    void everyPackageSaysWhatLivesThereAndWhatItMayUse() throws IOException {
        for (String pkg : Architecture.MAY_USE.keySet()) {
            Path info = SOURCES.resolve(Architecture.pkg(pkg).replace('.', '/')).resolve("package-info.java");
            assertThat(info).as("package-info.java of " + Architecture.pkg(pkg)).exists();
            String text = Files.readString(info);
            assertThat(text).as(info + " says what it may use").contains("May use");
            for (String allowed : Architecture.MAY_USE.get(pkg)) {
                assertThat(text).as(info + " names " + Architecture.pkg(allowed))
                        .containsPattern("\\{@code " + java.util.regex.Pattern.quote(Architecture.pkg(allowed))
                                + "[}.]");
            }
        }
    }

    @Test
    void theRootHoldsTheModelOnly() throws IOException {
        try (Stream<Path> files = Files.list(SOURCES.resolve("dev/s3notify/core"))) {
            List<Path> root = files.filter(p -> p.toString().endsWith(".java")).toList();
            assertThat(root).hasSizeLessThanOrEqualTo(12);
        }
    }

    @Test
    void failsWhenAPackageUsesOneAboveItAndSoMakesACycle() {
        // The fixture lives in the test tree under dev.s3notify.core.support and uses the webhook sender of
        // dev.s3notify.core.dispatch, which itself uses support: a layer broken and a cycle made.
        JavaClasses broken = new ClassFileImporter().importPackages("dev.s3notify.core.support",
                "dev.s3notify.core.dispatch");

        assertThatThrownBy(() -> Architecture.all().check(broken)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("Cycle detected")
                .hasMessageContaining("dev.s3notify.core.support may use only dev.s3notify.core.text")
                .hasMessageContaining("LayerViolation");
    }

    @Test
    void failsWhenAnSpiTypeReadsTheEnvironment() {
        JavaClasses broken = new ClassFileImporter().importPackages("dev.s3notify.spi");

        assertThatThrownBy(() -> Architecture.all().check(broken)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("a plugin sees only the variables it declared")
                .hasMessageContaining("EnvironmentLeak");
    }
}
