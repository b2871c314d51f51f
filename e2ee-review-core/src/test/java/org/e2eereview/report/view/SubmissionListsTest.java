package org.e2eereview.report.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.e2eereview.Corpus;
import org.e2eereview.Repo;
import org.e2eereview.assess.Assessment;
import org.e2eereview.assess.Assessor;
import org.e2eereview.catalog.Severity;
import org.e2eereview.report.template.Templates;
import org.e2eereview.report.view.ReportView.ProposalView;
import org.junit.jupiter.api.Test;

/**
 * A submission lists at most so many findings, new readers, wider readings and introduced findings, and
 * says how many it left out and where they are; built from assessments that let their patched reviews go,
 * it is the same view as from assessments that keep them.
 */
class SubmissionListsTest {

    private static final Path MODEL = Repo.file("examples/whatsapp.yaml");

    private static ReportViewBuilder.Options options(Assessor.Result assessment, List<ReportViewBuilder.Patched> patched) {
        return new ReportViewBuilder.Options(Severity.HIGH, LocalDate.of(2026, 6, 1), null, true, false, false, assessment, true,
                patched);
    }

    /** The review of the synthetic design of so many elements. */
    private static org.e2eereview.review.Review synthetic(int elements) throws Exception {
        return Corpus.reviewer().review(new org.e2eereview.load.ModelLoader().parse("synthetic.yaml",
                org.e2eereview.bench.SyntheticModel.generate(elements).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    @Test
    void pastTheCapTheSubmissionCountsWhatItLeavesOutAndSaysWhereItIs() throws Exception {
        Assessor.Result assessment = new Assessor(Corpus.reviewer()).assess(MODEL, List.of());
        int findings = assessment.original().weakenings().size();
        assertThat(findings).isGreaterThan(1);

        ReportView view = ReportViewBuilder.of(assessment.original(), options(assessment, null), 1);

        assertThat(view.findings()).hasSize(1);
        // The one listed stands for the findings of its rule, title and severity; the others are counted.
        int shown = 1 + view.findings().get(0).alike().size() + view.findings().get(0).alikeNotNamed();
        assertThat(shown).isLessThan(findings);
        assertThat(view.findingsNotListed()).isEqualTo(findings - shown);
        int capped = 0;
        for (int i = 0; i < view.proposals().size(); i++) {
            ProposalView p = view.proposals().get(i);
            Assessment a = assessment.assessments().get(i);
            // One line, which may say the same of several conversations; what it does not say is counted.
            assertThat(p.newReaders()).hasSize(Math.min(1, a.newReaders().size()));
            assertThat(p.newReadersNotListed()).isBetween(0, Math.max(0, a.newReaders().size() - 1));
            assertThat(p.widened()).hasSize(Math.min(1, a.widened().size()));
            assertThat(p.widenedNotListed()).isBetween(0, Math.max(0, a.widened().size() - 1));
            // Findings come one line per kind; a kind left out is counted by its findings.
            assertThat(p.introduced()).hasSizeLessThanOrEqualTo(1);
            assertThat(p.introduced().stream().mapToInt(ReportView.IntroducedView::count).sum() + p.introducedNotListed())
                    .isEqualTo(a.introduced().size());
            if (p.newReadersNotListed() > 0 || p.introducedNotListed() > 0) capped++;
        }
        assertThat(capped).as("a proposal with more than one new reader or finding").isPositive();

        String md = new Templates(null).render("submission.md.ftl", view.forFormat("submission-md", null));
        assertThat(md).contains("And " + (findings - shown) + " more findings, not listed")
                .contains("(`--format json`) lists them all")
                .contains("more, not listed here (the JSON of `e2ee-review assess` lists them all)");
        String html = new Templates(null).render("submission.html.ftlh",
                view.forFormat("submission-html", null));
        assertThat(html).contains("And " + (findings - shown) + " more findings, not listed")
                .contains("more, not listed here (the JSON of <span class=\"mono\">e2ee-review assess</span> lists them all)");
        // Every list of the annexes is capped alike: the design's safeguards and features too (at 100k elements
        // their uncapped lists made a 16 MB document).
        assertThat(view.safeguards().size()).isGreaterThan(1);
        assertThat(md).contains("- *And " + (view.safeguards().size() - 1) + " more declarations, not listed")
                .contains("- *And " + (view.safetyFeatures().size() - 1) + " more, not listed");
        assertThat(html).contains("<li><em>And " + (view.safeguards().size() - 1) + " more declarations, not listed");
    }

    @Test
    void eachKindOfSafetyFeatureIsDescribedOnce() throws Exception {
        // The synthetic model has a reporting feature on every other slice's phone, abuse detection on the rest, and
        // a lawful-access feature (the known weakening one slice in a few carries).
        ReportView view = ReportViewBuilder.of(synthetic(500), options(null, null));
        assertThat(view.safetyFeatures()).hasSizeGreaterThan(4);
        assertThat(view.plain().features().stream().map(ReportView.FeatureView::inWords).toList()).doesNotHaveDuplicates()
                .hasSize(3);
        String md = new Templates(null).render("submission.md.ftl", view.forFormat("submission-md", null));
        String list = md.substring(md.indexOf("The design's safety features:\n\n") + 31);
        list = list.substring(0, list.indexOf("\n\n"));
        // A line per kind, each of the design's features beneath its kind, the capped rest counted once.
        assertThat(list.lines().filter(l -> l.startsWith("- **"))).hasSize(3);
        assertThat(list.lines().filter(l -> l.startsWith("  - `"))).hasSize(Math.min(view.safetyFeatures().size(), view.plain().listed()));
    }

    @Test
    void underTheCapNothingIsLeftOutOrSaidToBe() throws Exception {
        Assessor.Result assessment = new Assessor(Corpus.reviewer()).assess(MODEL, List.of());
        ReportView view = ReportViewBuilder.of(assessment.original(), options(assessment, null));

        assertThat(view.findings().stream().mapToInt(f -> 1 + f.alike().size() + f.alikeNotNamed()).sum())
                .isEqualTo(assessment.original().weakenings().size());
        assertThat(view.findings()).allSatisfy(f -> assertThat(f.alikeNotNamed()).isZero());
        assertThat(view.findingsNotListed()).isZero();
        String md = new Templates(null).render("submission.md.ftl", view.forFormat("submission-md", null));
        assertThat(md).doesNotContain("not listed");
    }

    @Test
    void aFindingOfARuleStandsForTheSameOnOtherElementsWhichItNames() throws Exception {
        // The synthetic design repeats each pattern in a slice of its own: a rule finds the same on many elements.
        org.e2eereview.review.Review review = synthetic(2000);
        ReportView view = ReportViewBuilder.of(review, options(null, null), 3);

        assertThat(view.findings()).hasSizeGreaterThan(1)
                .extracting(f -> f.rule() + " " + f.title() + " " + f.severity()).doesNotHaveDuplicates();
        ReportView.FindingView many = view.findings().stream().filter(f -> f.alikeNotNamed() > 0).findFirst().orElseThrow();
        assertThat(many.alike()).hasSize(3).doesNotContain(many.element());
        // Each named with where its own evidence starts.
        java.util.List<String> same = review.weakenings().stream().map(org.e2eereview.review.Reviewed::finding)
                .filter(f -> f.rule().equals(many.rule()) && f.title().equals(many.title())
                        && f.severity().yamlName().equals(many.severity()))
                .map(f -> f.element() + " (" + f.at() + ")").toList();
        assertThat(same).hasSize(1 + 3 + many.alikeNotNamed()).startsWith(many.element() + " (" + many.at().text() + ")")
                .containsAll(many.alike());

        String md = new Templates(null).render("submission.md.ftl", view.forFormat("submission-md", null));
        assertThat(md).contains("  - *Also found on " + (same.size() - 1) + " more elements:* "
                + String.join(", ", many.alike()) + " and " + many.alikeNotNamed() + " more.");
        String html = new Templates(null).render("submission.html.ftlh", view.forFormat("submission-html", null));
        assertThat(html).contains("<em>Also found on " + (same.size() - 1) + " more elements:</em> <span class=\"mono\">"
                + many.alike().get(0) + "</span>");
    }

    @Test
    void proposalsTakenAsTheyAreMadeGiveTheSameViewAsProposalsKept() throws Exception {
        Assessor assessor = new Assessor(Corpus.reviewer());
        Assessor.Result kept = assessor.assess(MODEL, List.of());
        List<ReportViewBuilder.Patched> parts = new ArrayList<>();
        Assessor.Result released = assessor.assess(MODEL, List.of(),
                (design, a) -> parts.add(ReportViewBuilder.patched(design, a, parts.size())));

        assertThat(released.assessments()).allSatisfy(a -> {
            assertThat(a.patched()).isNull();
            assertThat(a.newReaders()).isEmpty();
            assertThat(a.introduced()).isEmpty();
        });
        assertThat(ReportViewBuilder.of(released.original(), options(released, parts)))
                .isEqualTo(ReportViewBuilder.of(kept.original(), options(kept, null)));
    }
}
