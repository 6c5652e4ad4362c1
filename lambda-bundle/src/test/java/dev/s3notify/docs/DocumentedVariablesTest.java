package dev.s3notify.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.s3notify.core.config.Variables;
import dev.s3notify.core.plugins.LinkGenerators;
import dev.s3notify.core.plugins.WebhookFormatters;
import dev.s3notify.spi.LinkGeneratorProvider;
import dev.s3notify.spi.Variable;
import dev.s3notify.spi.WebhookFormatterProvider;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The README's variable table and docs/configuration.md say what the code declares: no more, no less. */
class DocumentedVariablesTest {
    private static final Path ROOT = Path.of(System.getProperty("repo.root", ".."));
    private static final Pattern TABLE_ROW = Pattern.compile("^\\| `([A-Z][A-Z0-9_]*)` \\|([^|]*)\\|([^|]*)\\|([^|]*)\\|([^|]*)\\|",
            Pattern.MULTILINE);
    private static final Pattern HEADING = Pattern.compile("^#{2,4} (.*)$", Pattern.MULTILINE);
    private static final Pattern NAME = Pattern.compile("`([A-Z][A-Z0-9_]*)`");

    @Test
    void readmeTableListsExactlyTheDeclaredVariablesWithTheirDefaults() throws IOException {
        Map<String, Variable<?>> declared = declared();
        Map<String, String> documentedDefaults = new TreeMap<>();
        Matcher row = TABLE_ROW.matcher(Files.readString(ROOT.resolve("README.md")));
        while (row.find()) {
            documentedDefaults.put(row.group(1), row.group(4).strip().replace("`", ""));
        }

        assertThat(documentedDefaults.keySet()).containsExactlyInAnyOrderElementsOf(declared.keySet());
        declared.forEach((name, variable) -> assertThat(documentedDefaults.get(name)).as("default of " + name)
                .isEqualTo(variable.defaultValue() == null ? "" : variable.defaultValue()));
    }

    @Test
    void configurationPageHasAHeadingForEveryDeclaredVariable() throws IOException {
        String page = Files.readString(ROOT.resolve("docs/configuration.md"));
        Map<String, Boolean> headed = new TreeMap<>();
        Matcher heading = HEADING.matcher(page);
        while (heading.find()) {
            Matcher name = NAME.matcher(heading.group(1));
            while (name.find()) {
                headed.put(name.group(1), true);
            }
        }

        assertThat(headed.keySet()).containsAll(declared().keySet());
        assertThat(declared().keySet()).containsAll(headed.keySet());
    }

    /** Core's variables, and those of every formatter and link generator in the bundle. */
    static Map<String, Variable<?>> declared() {
        Map<String, Variable<?>> all = new LinkedHashMap<>();
        Variables.ALL.forEach(v -> all.put(v.name(), v));
        ClassLoader loader = DocumentedVariablesTest.class.getClassLoader();
        for (WebhookFormatterProvider formatter : WebhookFormatters.load(loader).all()) {
            formatter.variables().forEach(v -> all.putIfAbsent(v.name(), v));
        }
        for (LinkGeneratorProvider generator : LinkGenerators.load(loader).all()) {
            generator.variables().forEach(v -> all.putIfAbsent(v.name(), v));
        }
        return all;
    }
}
