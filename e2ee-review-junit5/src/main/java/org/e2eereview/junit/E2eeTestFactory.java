package org.e2eereview.junit;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.e2eereview.analysis.Access;
import org.e2eereview.catalog.Severity;
import org.e2eereview.model.Element;
import org.e2eereview.model.Location;
import org.e2eereview.model.Model;
import org.e2eereview.report.escape.Inert;
import org.e2eereview.review.Review;
import org.e2eereview.review.Reviewed;
import org.e2eereview.rules.Rule;
import org.e2eereview.rules.RuleEngine.NotAssessed;
import org.e2eereview.rules.RuleKind;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.function.Executable;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/**
 * A review as dynamic tests, for a {@code @TestFactory}: a container per weakening rule and in it a test
 * per element the rule inspected, so CI lists every check and not only the failures. A test is named by
 * the finding id it stands for, {@code RULE@element}, which stays unique where a build tool shows test
 * names without their container, and is the id an acceptance keys on. As in the {@code junit} report
 * format, a test
 * <ul>
 * <li>fails when the rule found a counted weakening at or above the threshold there, with its evidence;</li>
 * <li>is aborted (shown as skipped) when the finding is accepted, with the justification, or when the rule
 * could not be assessed because the model does not write a field it needs;</li>
 * <li>passes otherwise, including a finding below the threshold.</li>
 * </ul>
 * Each test's source is the model line of its finding or element, and each container's the rule's file,
 * so an IDE opens the line.
 *
 * <pre>{@code
 * @TestFactory
 * Stream<DynamicNode> messengerDesign() {
 *     return E2eeTestFactory.perRuleAndElement(Path.of("e2ee-review.yaml"));
 * }
 * }</pre>
 */
public final class E2eeTestFactory {

    private E2eeTestFactory() {
    }

    /** Reviews the model as {@link E2eeReview#review} does, and fails at high, as {@code --fail-on high}. */
    public static Stream<DynamicNode> perRuleAndElement(Path model) {
        return perRuleAndElement(E2eeReview.review(model), Severity.HIGH);
    }

    /** A container per weakening rule of the review's rules; a null {@code failOn} never fails (as {@code none}). */
    public static Stream<DynamicNode> perRuleAndElement(Review review, Severity failOn) {
        Map<String, Reviewed> found = new HashMap<>();
        for (Reviewed r : review.weakenings()) found.put(r.finding().id(), r);
        Map<String, NotAssessed> skipped = new HashMap<>();
        for (NotAssessed n : review.notAssessed()) skipped.putIfAbsent(n.rule() + "@" + n.element(), n);
        List<DynamicNode> containers = new ArrayList<>();
        for (Rule rule : review.rules().rules().values()) {
            if (rule.kind() != RuleKind.WEAKENING) continue;
            Map<String, Location> elements = inspected(rule, review);
            List<DynamicNode> tests = new ArrayList<>();
            elements.forEach((element, at) -> {
                String id = rule.id() + "@" + element;
                Reviewed r = found.get(id);
                NotAssessed n = skipped.get(id);
                Location source = r != null ? r.finding().at() : n != null ? n.at() : at;
                tests.add(DynamicTest.dynamicTest(id, uri(source), check(r, n, failOn)));
            });
            // What the rule could not judge on an element of another kind (a conversation's declared
            // protection checked against data) is a test of its own, as in the junit report format.
            for (NotAssessed n : review.notAssessed()) {
                if (!n.rule().equals(rule.id()) || (n.inspects() == rule.inspects() && elements.containsKey(n.element()))) {
                    continue;
                }
                tests.add(DynamicTest.dynamicTest(n.rule() + "@" + n.element(), uri(n.at()), check(null, n, failOn)));
            }
            String name = Inert.text(rule.id() + ": " + rule.title());
            containers.add(DynamicContainer.dynamicContainer(name, ruleUri(rule.at()), tests.stream()));
        }
        return containers.stream();
    }

    private static Executable check(Reviewed r, NotAssessed n, Severity failOn) {
        if (r == null && n != null) {
            String[] fields = n.field().split(" or ");
            String what = fields.length == 1 ? fields[0] + " is not written"
                    : "none of " + String.join(", ", fields) + " is written";
            String message = Inert.text("not assessed: " + what + " (" + n.at()
                    + "); the model does not say, so nothing is assumed either way");
            return () -> {
                throw new TestAbortedException(message);
            };
        }
        if (r == null) return () -> { };
        if (r.status() == Reviewed.Status.ACCEPTED) {
            String message = Inert.text(Describe.headline(r) + "\n" + Describe.decision(r));
            return () -> {
                throw new TestAbortedException(message);
            };
        }
        if (failOn == null || !r.finding().severity().atLeast(failOn)) return () -> { };
        String message = Inert.text(Describe.finding(r) + "fix: " + r.finding().remediation().strip());
        return () -> {
            throw new AssertionFailedError(message);
        };
    }

    /**
     * The elements a rule looks at, in model order, with where each is written; an element a rule found
     * something on is always among them.
     */
    private static Map<String, Location> inspected(Rule rule, Review review) {
        Model m = review.model();
        Map<String, Location> out = new LinkedHashMap<>();
        switch (rule.inspects()) {
            case PARTY -> located(m.parties(), out);
            case COMPONENT -> located(m.components(), out);
            case KEY -> located(m.keys(), out);
            case DATA -> located(m.data(), out);
            case CONVERSATION -> located(m.conversations(), out);
            case FLOW -> located(m.flows(), out);
            case FEATURE -> located(m.features(), out);
            case SYSTEM -> out.put("system", m.system().source().at());
            case OUTSIDER -> {
                for (Access a : review.access()) {
                    out.put(a.conversation() + "/" + a.party(), m.conversations().get(a.conversation()).source().at());
                }
            }
        }
        for (Reviewed r : review.weakenings()) {
            if (r.finding().rule().equals(rule.id())) out.putIfAbsent(r.finding().element(), r.finding().at());
        }
        return out;
    }

    private static void located(Map<String, ? extends Element> elements, Map<String, Location> out) {
        elements.forEach((id, e) -> out.put(id, e.source().at()));
    }

    /**
     * A rule's file on disk, or else the class path resource of that name: bundled rules are read from the
     * jar, and only the project's own tests have them on disk too.
     */
    static URI ruleUri(Location at) {
        URI file = uri(at);
        if (file != null || E2eeTestFactory.class.getClassLoader().getResource(at.file()) == null) return file;
        return URI.create("classpath:/" + at.file() + position(at));
    }

    /** A file URI with the line and column JUnit reads from its query, or null when the file is not on disk. */
    static URI uri(Location at) {
        if (at == null) return null;
        try {
            Path file = Path.of(at.file());
            if (!Files.isRegularFile(file)) return null;
            return URI.create(file.toAbsolutePath().normalize().toUri() + position(at));
        } catch (InvalidPathException e) {
            return null; // a model parsed from memory is named, not a path
        }
    }

    private static String position(Location at) {
        return at.line() <= 0 ? "" : "?line=" + at.line() + "&column=" + at.column();
    }
}
