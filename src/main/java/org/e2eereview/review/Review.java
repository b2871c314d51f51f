package org.e2eereview.review;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.e2eereview.analysis.Access;
import org.e2eereview.analysis.Analysis;
import org.e2eereview.analysis.Safeguarded;
import org.e2eereview.catalog.Catalog;
import org.e2eereview.catalog.Severity;
import org.e2eereview.model.Model;

/**
 * The result of reviewing one model: who can read each conversation, the weakenings found,
 * the safety features recognised, how the design stands against each public-safety objective,
 * and the digests that let anyone re-run it.
 *
 * @param access            access findings, conversation by conversation in model order
 * @param unusedAcceptances acceptances in the model that match no finding (stale ids)
 */
public record Review(Model model, Analysis analysis, Catalog catalog, List<Reviewed> weakenings,
                     List<Reviewed> safetyFeatures, List<Access> access, List<ObjectiveAssessment> objectives,
                     List<Safeguarded> safeguards, List<String> unusedAcceptances, String toolVersion,
                     String rulesDigest, String catalogDigest) {

    /** Counted (not accepted) weakenings per severity, every severity present. */
    public Map<Severity, Integer> counts() {
        Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
        for (Severity s : Severity.values()) counts.put(s, 0);
        for (Reviewed r : weakenings) {
            if (r.counts()) counts.merge(r.finding().severity(), 1, Integer::sum);
        }
        return counts;
    }

    /** Whether a counted weakening is critical or high: the design weakens end-to-end encryption. */
    public boolean weakened() {
        return failsAt(Severity.HIGH);
    }

    /** Whether a counted weakening is at or above the threshold; null threshold never fails. */
    public boolean failsAt(Severity threshold) {
        return threshold != null && weakenings.stream()
                .anyMatch(r -> r.counts() && r.finding().severity().atLeast(threshold));
    }
}
