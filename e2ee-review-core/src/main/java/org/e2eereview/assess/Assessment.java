package org.e2eereview.assess;

import java.util.List;
import java.util.Map;

import org.e2eereview.analysis.Access;
import org.e2eereview.analysis.Safeguarded;
import org.e2eereview.catalog.Entries.Proposal;
import org.e2eereview.diff.ReviewDiff;
import org.e2eereview.review.ObjectiveAssessment;
import org.e2eereview.review.Review;
import org.e2eereview.review.Reviewed;

/**
 * What one lawful-access proposal would do to a design: the review of the design with the
 * proposal's patch applied, set against the review of the design as it is.
 *
 * @param notApplicable why the proposal cannot apply to this design, or null when it applied
 * @param bindings      the design's elements each placeholder of the patch stood for
 * @param patched       the review of the patched design; null when it did not apply, or once let go
 *                      ({@link #withoutPatched}, which empties newReaders, widened, introduced and changed too)
 * @param newReaders    parties that gain the ability to read a conversation, with the routes and evidence
 * @param widened       parties that read a conversation already and read it more widely with the proposal
 * @param introduced    findings the patched design has and the design does not
 * @param changed       findings of both whose severity or readers change, as in the patched design
 * @param superseded    findings that gave way to a more severe one naming the same readers (old id to new ids)
 * @param removed       findings that disappeared with nothing taking their place: none, for a proposal that only
 *                      adds access
 * @param missing       weakening patterns the catalog says the proposal is, which the review did not find
 * @param objectives    for each objective the proposal claims: how the design stands, with and without it
 * @param alternatives  safety features that serve a claimed objective without weakening
 * @param overridden    safeguards the design declares that the patched design no longer has
 */
public record Assessment(Proposal proposal, String notApplicable, Map<String, List<String>> bindings, Review patched,
                         List<Access> newReaders, List<ReviewDiff.Widening> widened, List<Reviewed> introduced, List<Reviewed> changed,
                         Map<String, List<String>> superseded, List<String> removed, List<String> missing, List<ObjectiveChange> objectives,
                         List<Alternative> alternatives, List<Safeguarded> overridden) {

    public boolean applied() {
        return notApplicable == null;
    }

    /**
     * The same assessment without its patched review and the lists drawn from it, which for a large model
     * run to hundreds of thousands of readers and findings: what a report shows of them is taken before
     * ({@link Assessor#assess(java.nio.file.Path, List, java.util.function.BiConsumer)}).
     */
    public Assessment withoutPatched() {
        return new Assessment(proposal, notApplicable, bindings, null, List.of(), List.of(), List.of(), List.of(),
                superseded, removed, missing, objectives, alternatives, overridden);
    }

    /** A claimed objective before and after. */
    public record ObjectiveChange(String objective, String title, ObjectiveAssessment before,
                                  ObjectiveAssessment after) {
    }

    /**
     * A safety feature that serves a claimed objective without weakening end-to-end encryption.
     *
     * @param inDesign the finding ids of the design's features that are this one, empty if it has none
     */
    public record Alternative(String feature, String title, List<String> objectives, List<String> inDesign) {
    }
}
