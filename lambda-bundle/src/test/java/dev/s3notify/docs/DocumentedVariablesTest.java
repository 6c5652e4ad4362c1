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
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The README's variable table and docs/configuration.md say what the code declares: no more, no less; and the
 * README's table of the AWS environment lists every other variable name the code reads.
 */
class DocumentedVariablesTest {
    private static final Path ROOT = Path.of(System.getProperty("repo.root", ".."));
    private static final String AWS_ENVIRONMENT = "### Variables of the AWS environment";
    /** Read by the AWS SDK itself, from the process environment, for a provider the code puts in its chain. */
    private static final Map<String, String> READ_BY_THE_SDK = Map.of(
            "AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE", "ContainerCredentialsProvider",
            "AWS_ROLE_ARN", "the default chain's web identity provider",
            "AWS_ROLE_SESSION_NAME", "the default chain's web identity provider");
    /** Names in capitals that are a platform's values, not variables: Google Chat's error statuses and reply options. */
    private static final Set<String> PLATFORM_VALUES = Set.of("API_KEY_INVALID", "INVALID_ARGUMENT", "NOT_FOUND",
            "PERMISSION_DENIED", "RESOURCE_EXHAUSTED", "REPLY_MESSAGE_FALLBACK_TO_NEW_THREAD", "REPLY_MESSAGE_OR_FAIL");
    /** A variable name in a Java string: capitals, digits and at least one underscore, or one of these words. */
    private static final Pattern ENV_NAME = Pattern.compile("\"([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+|HOME)\"");
    private static final Pattern AWS_ROW = Pattern.compile("^\\| ((?:`[A-Z][A-Z0-9_]*`(?:, )?)+) \\|",
            Pattern.MULTILINE);
    private static final Pattern TABLE_ROW = Pattern.compile("^\\| `([A-Z][A-Z0-9_]*)` \\|([^|]*)\\|([^|]*)\\|([^|]*)\\|([^|]*)\\|",
            Pattern.MULTILINE);
    private static final Pattern HEADING = Pattern.compile("^#{2,4} (.*)$", Pattern.MULTILINE);
    private static final Pattern NAME = Pattern.compile("`([A-Z][A-Z0-9_]*)`");

    @Test
    void readmeTableListsExactlyTheDeclaredVariablesWithTheirDefaults() throws IOException {
        Map<String, Variable<?>> declared = declared();
        Map<String, String> documentedDefaults = new TreeMap<>();
        String readme = Files.readString(ROOT.resolve("README.md"));
        Matcher row = TABLE_ROW.matcher(readme.substring(0, readme.indexOf(AWS_ENVIRONMENT)));
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

    @Test
    void readmeListsEveryOtherVariableTheCodeReadsInTheAwsEnvironmentTable() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"));
        int start = readme.indexOf(AWS_ENVIRONMENT);
        assertThat(start).as("the README has the section " + AWS_ENVIRONMENT).isPositive();
        int end = readme.indexOf("\n## ", start);
        Set<String> listed = new TreeSet<>();
        Matcher row = AWS_ROW.matcher(readme.substring(start, end < 0 ? readme.length() : end));
        while (row.find()) {
            Matcher name = NAME.matcher(row.group(1));
            while (name.find()) {
                listed.add(name.group(1));
            }
        }
        Set<String> read = namesInMainSources();
        read.removeAll(declared().keySet());
        read.removeAll(PLATFORM_VALUES);

        assertThat(listed).as("every name the code reads, besides the declared variables").containsAll(read);
        Set<String> extra = new TreeSet<>(listed);
        extra.removeAll(read);
        assertThat(extra).as("listed but neither read by the code nor by the SDK for it")
                .isSubsetOf(READ_BY_THE_SDK.keySet());
        assertThat(listed).as("declared variables belong in the main table").doesNotContainAnyElementsOf(
                declared().keySet());
    }

    /** Every variable-like name in a Java string of the bundle's modules' main sources (not the example plugin's). */
    private static Set<String> namesInMainSources() throws IOException {
        Set<String> names = new TreeSet<>();
        List<Path> files = new java.util.ArrayList<>();
        try (Stream<Path> modules = Files.list(ROOT)) {
            for (Path module : modules.filter(m -> Files.isDirectory(m.resolve("src/main/java"))).toList()) {
                try (Stream<Path> walk = Files.walk(module.resolve("src/main/java"))) {
                    walk.filter(p -> p.toString().endsWith(".java")).forEach(files::add);
                }
            }
        }
        assertThat(files).as("the main sources were found").hasSizeGreaterThan(50);
        for (Path file : files) {
            Matcher name = ENV_NAME.matcher(Files.readString(file));
            while (name.find()) {
                names.add(name.group(1));
            }
        }
        return names;
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
