package org.e2eereview.rules;

import java.util.ArrayList;
import java.util.List;

import org.e2eereview.analysis.AccessAnalysis;
import org.e2eereview.load.InputException;
import org.e2eereview.load.ModelLoader;
import org.e2eereview.load.ModelPatch;
import org.e2eereview.model.Model;

/**
 * Runs the test cases written in a rule file: each must fire on exactly the elements it expects.
 * Every rule of the set runs on a case, as in a review, so a case also shows that another rule
 * does not take over what this one should report.
 */
public final class RuleTests {

    /** The outcome of one case. */
    public record Outcome(Rule rule, Rule.RuleTest test, List<String> firedOn, String error) {
        public boolean passed() {
            return error == null && firedOn.equals(test.expect().stream().sorted().toList());
        }

        public String describe() {
            if (error != null) return test.at() + ": test '" + test.name() + "' of " + rule.id() + ": " + error;
            return test.at() + ": test '" + test.name() + "' of " + rule.id() + ": expected it to fire on "
                    + test.expect() + " but it fired on " + firedOn;
        }
    }

    private RuleTests() {
    }

    public static List<Outcome> run(RuleSet set, Rule rule) {
        List<Outcome> out = new ArrayList<>();
        RuleEngine engine = new RuleEngine(set);
        for (Rule.RuleTest test : rule.tests()) {
            try {
                byte[] yaml = ModelPatch.apply(set.testBase(), test.model());
                Model model = new ModelLoader().parse(rule.file() + " [" + test.name() + "]", yaml);
                List<String> fired = engine.evaluate(List.of(rule), model, AccessAnalysis.analyze(model)).findings()
                        .stream().map(Finding::element).sorted().toList();
                out.add(new Outcome(rule, test, fired, null));
            } catch (InputException e) {
                out.add(new Outcome(rule, test, List.of(), e.getMessage().replace('\n', ' ')));
            }
        }
        return out;
    }
}
