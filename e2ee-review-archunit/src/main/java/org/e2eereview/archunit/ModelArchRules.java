package org.e2eereview.archunit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import org.e2eereview.load.InputException;
import org.e2eereview.load.ModelLoader;
import org.e2eereview.model.Model;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import com.tngtech.archunit.lang.EvaluationResult;

/**
 * ArchUnit rules that check a team's Java code against its e2ee-review model: key classes are used
 * only where the model says the key is held, key material never meets logging, telemetry or
 * serialisation code, crypto primitives appear only where keys are, and components depend on each
 * other only along declared flows. In a team's test:
 *
 * <pre>{@code
 * ModelArchRules.from(Path.of("e2ee-review.yaml")).check(new ClassFileImporter().importPackages("com.acme"));
 * }</pre>
 *
 * Each rule's description names the model file but no line, so that a {@code FreezingArchRule} store
 * keeps recognising the rule when the model is edited; each violation names the model element with
 * its file:line in parentheses, as ArchUnit names code locations, so that frozen violations survive
 * lines moving in the model as they do in the code.
 */
public final class ModelArchRules {

    private final String file;
    private final Violations violations;

    private ModelArchRules(Model model) {
        this.file = displayed(model.file());
        this.violations = new Violations(model, file, new CodeIndex(model), new KeyPlaces(model));
    }

    public static ModelArchRules of(Model model) {
        return new ModelArchRules(model);
    }

    /**
     * Loads a model as strictly as {@code e2ee-review validate} does. A model that cannot be used fails
     * the test that asked for it, as any broken expectation does, rather than erroring out of it: the
     * loader's exception is not chained, since the fault is in the file the message names.
     *
     * @throws AssertionError when the model cannot be used: a first line naming it, then every problem
     *         as file:line:col: message
     */
    public static ModelArchRules from(Path model) {
        try {
            return of(new ModelLoader().load(model));
        } catch (InputException e) {
            throw new AssertionError("e2ee-review cannot use the model " + model + ":\n" + e.getMessage());
        }
    }

    /** Classes of each key are used only by the key's own classes and by code of components that hold it. */
    public ArchRule keysStayWithTheirHolders() {
        return rule(violations.keyUsedWhereNotHeld(),
                "classes of each key in " + file + " should only be used by the key's own classes and by code of "
                        + "components that hold the key",
                "only the components the model says hold a key (generated-on, stored-on, a flow without end-to-end "
                        + "protection, derived-from keys held there) may touch its material, and the review's verdict "
                        + "rests on that");
    }

    /** Key classes and the logging, telemetry and serialisation code the model names never depend on each other. */
    public ArchRule keysStayOutOfSinks() {
        return rule(violations.keyMeetsSink(),
                "classes of each key in " + file + " should neither use nor be used by logging, telemetry or "
                        + "serialisation code",
                "key material written to a log, a metric or a serialised form leaves the components that hold it");
    }

    /** Crypto primitives are used only by key classes and by code of components that hold a key. */
    public ArchRule cryptoOnlyWhereKeysAre() {
        return rule(violations.cryptoWithoutKey(),
                "crypto primitives should only be used by key classes and by code of components that hold a key in "
                        + file,
                "encryption in code for which the model declares no key is a design the review has not seen");
    }

    /** Code of one component depends on code of another only when a flow connects them, either way. */
    public ArchRule dependenciesFollowFlows() {
        return rule(violations.dependencyWithoutFlow(),
                "code of each component in " + file + " should only depend on code of components it has a flow "
                        + "with",
                "a dependency that no flow declares moves data the review has not seen");
    }

    /** Every code pattern of a component or key matches at least one imported class. */
    public ArchRule codePatternsMatchClasses() {
        return rule(violations.patternMatchingNothing(),
                "each code pattern of components and keys in " + file + " should match an imported class",
                "a pattern that matches nothing checks nothing, so a renamed package would pass unnoticed");
    }

    /** Every rule, in a fixed order; freeze them one by one for a baseline. */
    public List<ArchRule> rules() {
        return List.of(keysStayWithTheirHolders(), keysStayOutOfSinks(), cryptoOnlyWhereKeysAre(),
                dependenciesFollowFlows(), codePatternsMatchClasses());
    }

    /** Every rule as one ArchRule, e.g. for an {@code @ArchTest} field. */
    public CompositeArchRule all() {
        return CompositeArchRule.of(rules());
    }

    /**
     * Checks every rule against the classes. Unlike {@link #all()}, whose report runs the five descriptions
     * together, the AssertionError gives each broken rule's report on its own, one violation a line.
     */
    public void check(JavaClasses classes) {
        String failures = rules().stream().map(r -> r.evaluate(classes)).filter(EvaluationResult::hasViolation)
                .map(r -> r.getFailureReport().toString()).collect(Collectors.joining("\n"));
        if (!failures.isEmpty()) throw new AssertionError(failures);
    }

    private static ArchRule rule(ArchCondition<JavaClass> condition, String description, String reason) {
        return classes().should(condition).as(description).because(reason);
    }

    /**
     * The model's path as rules and violations show it: relative to the working directory when it lies
     * below it, with '/' separators, so that descriptions and violations are the same on every machine.
     */
    static String displayed(String file) {
        try {
            Path p = Path.of(file);
            Path here = Path.of("").toAbsolutePath();
            if (p.isAbsolute() && p.startsWith(here)) p = here.relativize(p);
            return p.toString().replace('\\', '/');
        } catch (InvalidPathException e) {
            return file;
        }
    }
}
