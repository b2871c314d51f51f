package org.e2eereview.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.e2eereview.Corpus;
import org.e2eereview.assess.Assessor;
import org.e2eereview.catalog.Severity;
import org.e2eereview.review.Reviewer;
import org.junit.jupiter.api.Test;

/**
 * The `assess` reports made part by part, as each proposal is assessed and its patched review let go,
 * are the reports made from an assessment that holds every patched review.
 */
class AssessReportTest {

    @Test
    void partsMadeAsEachProposalIsAssessedGiveTheSameReports() throws Exception {
        Assessor assessor = new Assessor(Reviewer.standard(List.of()));
        for (Path p : Corpus.files("examples")) {
            Assessor.Result whole = assessor.assess(p, List.of());
            for (boolean json : new boolean[] {false, true}) {
                AssessReport.Parts parts = new AssessReport.Parts(json, Severity.HIGH);
                Assessor.Result streamed = assessor.assess(p, List.of(), parts);
                assertThat(streamed.assessments()).allSatisfy(a -> assertThat(a.patched()).isNull());
                String expected = json ? AssessReport.json(whole, Severity.HIGH) : AssessReport.text(whole, Severity.HIGH);
                assertThat(parts.report(streamed)).as(p + (json ? " json" : " text")).isEqualTo(expected)
                        .containsIgnoringCase(whole.assessments().get(0).proposal().id());
            }
        }
    }
}
