package org.e2eereview.rules;

import java.util.ArrayList;
import java.util.List;

import org.e2eereview.analysis.AccessAnalysis;
import org.e2eereview.load.InputException;
import org.e2eereview.load.ModelLoader;
import org.e2eereview.load.ModelPatch;
import org.e2eereview.model.Model;

/**
 * Runs the test cases written in a rule file: each must fire on exactly the elements it expects,
 * and the findings it describes must say what it says they say (severity, readers, condition,
 * message, why no reader).
 */
public final class RuleCases {

    /**
     * The outcome of one case.
     *
     * @param mismatches what the findings said that the case's expectations do not, one line each
     */
    public record Outcome(Rule rule, Rule.Case test, List<String> firedOn, List<String> mismatches, String error) {
        public boolean passed() {
            return error == null && firedOn.equals(test.expect().stream().sorted().toList()) && mismatches.isEmpty();
        }

        public String describe() {
            String head = test.at() + ": test '" + test.name() + "' of " + rule.id() + ": ";
            if (error != null) return head + error;
            if (!firedOn.equals(test.expect().stream().sorted().toList())) {
                return head + "expected it to fire on " + test.expect() + " but it fired on " + firedOn;
            }
            return head + String.join("; ", mismatches);
        }
    }

    private RuleCases() {
    }

    public static List<Outcome> run(RuleSet set, Rule rule) {
        List<Outcome> out = new ArrayList<>();
        RuleEngine engine = new RuleEngine(set);
        for (Rule.Case test : rule.tests()) {
            try {
                byte[] yaml = ModelPatch.apply(set.testBase(), test.model());
                Model model = new ModelLoader().parse(rule.file() + " [" + test.name() + "]", yaml);
                List<Finding> findings = engine.evaluate(List.of(rule), model, AccessAnalysis.analyze(model)).findings();
                List<String> fired = findings.stream().map(Finding::element).sorted().toList();
                List<String> mismatches = new ArrayList<>();
                for (Rule.Expected e : test.findings()) {
                    findings.stream().filter(f -> f.element().equals(e.on())).findFirst()
                            .ifPresent(f -> mismatches.addAll(compare(e, f)));
                }
                out.add(new Outcome(rule, test, fired, List.copyOf(mismatches), null));
            } catch (InputException e) {
                out.add(new Outcome(rule, test, List.of(), List.of(), e.getMessage().replace('\n', ' ')));
            }
        }
        return out;
    }

    private static List<String> compare(Rule.Expected e, Finding f) {
        List<String> out = new ArrayList<>();
        String on = "on " + e.on() + " ";
        if (e.severity() != null && e.severity() != f.severity()) {
            out.add(on + "expected severity " + e.severity().yamlName() + " but it is " + f.severity().yamlName());
        }
        if (e.readers() != null && !e.readers().stream().sorted().toList().equals(f.readers().stream().sorted().toList())) {
            out.add(on + "expected readers " + e.readers() + " but it names " + f.readers());
        }
        if (e.condition() != null) {
            String actual = f.condition() == null ? "none" : f.condition().yamlName();
            if (!e.condition().equals(actual)) out.add(on + "expected condition " + e.condition() + " but it is " + actual);
        }
        if (e.message() != null && !f.message().contains(e.message())) {
            out.add(on + "expected the message to contain '" + e.message() + "' but it is '" + f.message() + "'");
        }
        if (e.withoutReaders() != null && (f.withoutReaders() == null || !f.withoutReaders().contains(e.withoutReaders()))) {
            out.add(on + "expected why no reader to contain '" + e.withoutReaders() + "' but it is '" + f.withoutReaders() + "'");
        }
        return out;
    }
}
