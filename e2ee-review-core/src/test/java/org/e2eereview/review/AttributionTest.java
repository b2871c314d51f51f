package org.e2eereview.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.e2eereview.Corpus;
import org.e2eereview.Repo;
import org.e2eereview.analysis.Access;
import org.e2eereview.load.ModelLoader;
import org.e2eereview.rules.Finding;
import org.junit.jupiter.api.Test;

/** What a finding or an objective is attributed to fits the variant of the design. */
class AttributionTest {

    private static final Path PARENT_NOTICE = Repo.file("e2ee-review-core/src/test/resources/newcomer/15-parent-notification-b.yaml");

    @Test
    void aParentalNoticeIsNotLawfulAccessAndCitesWhatFitsIt() throws Exception {
        Review r = Corpus.reviewer().review(PARENT_NOTICE);
        ObjectiveAssessment lawful = objective(r, "lawful-access-to-content");
        assertThat(lawful.metBy()).isEmpty();
        assertThat(lawful.onlyThrough()).as("a parent is not an authority").isEmpty();
        assertThat(objective(r, "act-against-illegal-content").onlyThrough())
                .extracting(ObjectiveAssessment.Through::feature).containsExactly("CSS-REPORTING@communication-safety");
        Finding css = finding(r, "CLIENT-SIDE-SCANNING@communication-safety");
        assertThat(css.title()).isEqualTo("On-device scanning that notifies a parent");
        assertThat(css.catalog()).isEqualTo("PARENT-NOTICE-SCANNING");
        var entry = r.catalog().weakenings().get(css.catalog());
        assertThat(entry.legal()).as("no detection-order law for a parental notice").isEmpty();
        assertThat(css.blastRadius()).contains("parent");
    }

    @Test
    void consultationIsAnsweredByTheReviewNotByAFeature() throws Exception {
        Review r = Corpus.reviewer().review(Repo.file("examples/whatsapp.yaml"));
        ObjectiveAssessment consultation = objective(r, "consultation");
        assertThat(consultation.metBy()).as("account enforcement is not consultation on design").isEmpty();
        assertThat(consultation.answer()).startsWith("answered by the review itself");
        assertThat(consultation.status()).isEqualTo(consultation.answer());
    }

    /** Whether the parents get the image or only a verdict, who can read and the finding say the same. */
    @Test
    void theDataKindNeverMakesTwoSectionsDisagree() throws Exception {
        String text = Files.readString(PARENT_NOTICE);
        Review verdict = Corpus.reviewer().review(PARENT_NOTICE);
        Review payload = Corpus.reviewer().review(new ModelLoader().parse("payload.yaml",
                text.replace("kind: classifier-verdict", "kind: notification-payload").getBytes(StandardCharsets.UTF_8)));
        Access seesVerdict = parents(verdict);
        Access seesImage = parents(payload);
        assertThat(seesVerdict.partial()).isTrue();
        assertThat(seesImage.partial()).isFalse();
        assertThat(finding(verdict, "CLIENT-SIDE-SCANNING@communication-safety").message())
                .contains("reports what it finds (not the content itself)");
        assertThat(finding(payload, "CLIENT-SIDE-SCANNING@communication-safety").message())
                .contains("hands the content itself");
        assertThat(finding(payload, "CLIENT-SIDE-SCANNING@communication-safety").severity())
                .isEqualTo(finding(verdict, "CLIENT-SIDE-SCANNING@communication-safety").severity().atLeast(
                        org.e2eereview.catalog.Severity.HIGH) ? org.e2eereview.catalog.Severity.CRITICAL
                        : org.e2eereview.catalog.Severity.HIGH);
    }

    private static Access parents(Review r) {
        return r.access().stream().filter(a -> a.party().equals("parents")).findFirst().orElseThrow();
    }

    private static ObjectiveAssessment objective(Review r, String id) {
        return r.objectives().stream().filter(o -> o.objective().equals(id)).findFirst().orElseThrow();
    }

    private static Finding finding(Review r, String id) {
        return r.weakenings().stream().map(Reviewed::finding).filter(f -> f.id().equals(id)).findFirst().orElseThrow();
    }
}
