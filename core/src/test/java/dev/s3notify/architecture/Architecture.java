package dev.s3notify.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Core's rooms and what each may use: the rules every package's {@code package-info.java} states, as ArchUnit rules.
 * Read bottom to top: a package may use only those listed for it (and the JDK and its own libraries), so no cycle
 * can form. {@code docs/architecture.md} draws the same table.
 */
final class Architecture {
    static final String CORE = "dev.s3notify.core";

    /** Each of core's packages, by its name below {@code dev.s3notify}, and the packages it may use. */
    static final Map<String, List<String>> MAY_USE = new LinkedHashMap<>();

    static {
        allow("core.text");
        allow("core.input", "core.text");
        allow("core.error", "core.text");
        allow("core.support", "core.text");
        allow("core", "core.error", "core.support", "core.text");
        allow("spi", "core", "core.error", "core.input", "core.text");
        allow("core.config", "spi", "core", "core.error", "core.input", "core.support", "core.text");
        allow("core.plugins", "core.config", "spi", "core", "core.error", "core.support", "core.text");
        allow("core.decoding", "core", "core.error", "core.input", "core.support", "core.text");
        allow("core.templates", "core", "core.error", "core.input", "core.support", "core.text");
        allow("core.aws", "core.config", "spi", "core", "core.error", "core.input", "core.support", "core.text");
        allow("core.pacing", "core", "core.error", "core.support", "core.text");
        allow("core.routes", "core", "core.error", "core.input", "core.support", "core.text");
        allow("core.links", "core.aws", "core.decoding", "core.config", "spi", "core", "core.error", "core.input",
                "core.support", "core.text");
        allow("core.dispatch", "core.routes", "core.pacing", "core.templates", "core.decoding", "spi", "core", "core.error",
                "core.input", "core.support", "core.text");
        allow("core.queue", "core.dispatch", "core.routes", "core.aws", "core.pacing", "core.templates", "core.decoding", "spi",
                "core", "core.error", "core.input", "core.support", "core.text");
        allow("core.function", "core.queue", "core.dispatch", "core.routes", "core.links", "core.pacing", "core.aws",
                "core.templates", "core.decoding", "core.plugins", "core.config", "spi", "core", "core.error",
                "core.input", "core.support", "core.text");
    }

    /** The packages where the AWS SDK may be used: every AWS call is in {@code aws}; the functions build sessions. */
    static final List<String> SDK_USERS = List.of("core.aws", "core.function");

    private Architecture() {
    }

    private static void allow(String pkg, String... mayUse) {
        MAY_USE.put(pkg, List.of(mayUse));
    }

    static String pkg(String shortName) {
        return "dev.s3notify." + shortName;
    }

    /** @return every rule core's classes keep */
    static List<ArchRule> rules() {
        List<ArchRule> rules = new ArrayList<>();
        rules.add(slices().matching("dev.s3notify.(**)").namingSlices("package dev.s3notify.$1").should()
                .beFreeOfCycles().because("a package cycle leaves no room that can be read on its own")
                .allowEmptyShould(true));
        MAY_USE.forEach((pkg, mayUse) -> rules.add(layer(pkg, mayUse)));
        rules.add(noClasses().that().resideInAPackage(CORE + "..")
                .and().resideOutsideOfPackages(SDK_USERS.stream().map(p -> pkg(p) + "..").toArray(String[]::new))
                .should().dependOnClassesThat().resideInAPackage("software.amazon.awssdk..")
                .because("every AWS call lives in dev.s3notify.core.aws, behind core's own types").allowEmptyShould(true));
        rules.add(noClasses().that().resideInAPackage("dev.s3notify.spi..").should().dependOnClassesThat()
                .resideInAPackage(pkg("core.config") + "..")
                .because("a plugin sees only the variables it declared, never the environment")
                .allowEmptyShould(true));
        return rules;
    }

    private static ArchRule layer(String pkg, List<String> mayUse) {
        String[] own = Stream.concat(Stream.of(pkg), mayUse.stream()).map(Architecture::pkg).toArray(String[]::new);
        return classes().that().resideInAPackage(pkg(pkg)).should().onlyDependOnClassesThat(
                com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage("dev.s3notify..")
                        .or(com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage(own)))
                .because(pkg(pkg) + " may use only " + String.join(", ", mayUse.stream().map(Architecture::pkg)
                        .toList()) + " (its package-info.java)")
                .allowEmptyShould(true);
    }

    /** @return all of {@link #rules()} as one */
    static ArchRule all() {
        return CompositeArchRule.of(rules());
    }
}
