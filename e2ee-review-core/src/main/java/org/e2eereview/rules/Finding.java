package org.e2eereview.rules;

import java.util.List;

import org.e2eereview.analysis.Safeguarded;
import org.e2eereview.analysis.Step;
import org.e2eereview.catalog.Severity;
import org.e2eereview.model.Flow;
import org.e2eereview.model.Immutable;
import org.e2eereview.model.Location;

/**
 * What a rule found on one element. Its id, {@code RULE-ID@element-id}, is stable: it does not
 * change when the model is reordered or reworded, so acceptances and baselines can key on it.
 *
 * @param readers     parties the finding is about (who can read), possibly empty
 * @param reads       for each reader and conversation whose content it reads, the access this finding
 *                    explains, with its condition: together the findings name every outside reader
 * @param evidence    chains of model facts that prove it, each titled
 * @param safeguards  declared safeguards that bear on it (lowered it, or would defeat it)
 * @param disclosed   readers the model says users are told about, and where
 * @param verdict     for safety features: whether the feature preserves E2EE here; null for weakenings
 * @param withoutReaders for a finding that names no reader, why none (a weakness of the protocol, results kept
 *                    on the device); null when it names readers or its rule does not say
 */
public record Finding(String id, String rule, RuleKind kind, Severity severity, String title, String catalog,
                      Inspects inspects, String element, Location at, String message, List<String> readers,
                      List<Read> reads, List<Chain> evidence, boolean systemic, String blastRadius,
                      List<Safeguarded> safeguards, List<Disclosed> disclosed, String remediation, Verdict verdict,
                      String withoutReaders, String severityBecause) {

    public Finding {
        readers = Immutable.copy(readers);
        reads = Immutable.copy(reads);
        evidence = Immutable.copy(evidence);
        safeguards = Immutable.copy(safeguards);
        disclosed = Immutable.copy(disclosed);
    }

    /** A titled evidence chain: "police can read group-chat" followed by the steps. */
    public record Chain(String title, List<Step> steps) {
        public Chain {
            steps = Immutable.copy(steps);
        }
    }

    /**
     * A party outside a conversation that this finding shows can read it.
     *
     * @param data      the content items it reads by the routes this finding explains
     * @param condition when, at best, by those routes
     * @param lowering  safeguards that would make it visible
     */
    public record Read(String conversation, String party, List<String> data, Flow.Occurs condition,
                       List<String> through, List<Safeguarded> lowering) {
        public Read {
            data = Immutable.copy(data);
            through = Immutable.copy(through);
            lowering = Immutable.copy(lowering);
        }
    }

    /** A reader whose access the model says is disclosed to users, and where. */
    public record Disclosed(String party, String where, Location at) {
    }

    /** When, at best, the finding's readers read: null when it names no access. */
    public Flow.Occurs condition() {
        Flow.Occurs best = null;
        for (Read r : reads) if (best == null || r.condition().ordinal() < best.ordinal()) best = r.condition();
        return best;
    }
}
