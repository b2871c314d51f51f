package org.e2eereview.rules;

import java.util.List;

import org.e2eereview.analysis.Safeguarded;
import org.e2eereview.analysis.Step;
import org.e2eereview.catalog.Severity;
import org.e2eereview.model.Location;

/**
 * What a rule found on one element. Its id, {@code RULE-ID@element-id}, is stable: it does not
 * change when the model is reordered or reworded, so acceptances and baselines can key on it.
 *
 * @param readers     parties the finding is about (who can read), possibly empty
 * @param evidence    chains of model facts that prove it, each titled
 * @param safeguards  declared safeguards that bear on it (lowered it, or would defeat it)
 * @param verdict     for safety features: whether the feature preserves E2EE here; null for weakenings
 */
public record Finding(String id, String rule, RuleKind kind, Severity severity, String title, String catalog,
                      Inspects inspects, String element, Location at, String message, List<String> readers,
                      List<Chain> evidence, boolean systemic, String blastRadius, List<Safeguarded> safeguards,
                      String remediation, Verdict verdict) {

    /** A titled evidence chain: "police can read group-chat" followed by the steps. */
    public record Chain(String title, List<Step> steps) {
    }
}
