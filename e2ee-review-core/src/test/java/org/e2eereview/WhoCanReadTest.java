package org.e2eereview;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.e2eereview.analysis.Access;
import org.e2eereview.model.Model;
import org.e2eereview.review.Review;
import org.e2eereview.review.Reviewed;
import org.e2eereview.review.Reviewer;
import org.e2eereview.rules.Finding;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The review's central promise, on every model the project has: the parties in "who can read"
 * are exactly the readers the weakening findings name, condition by condition. No outside reader
 * goes without a finding, no reading nothing would show is passed off as visible, and no finding
 * names a reader the analysis does not find.
 */
class WhoCanReadTest {

    @TestFactory
    Stream<DynamicTest> everyOutsideReaderIsAFindingAndEveryFindingsReaderIsAnOutsideReader() throws Exception {
        Reviewer reviewer = Corpus.reviewer();
        List<Model> models = new ArrayList<>(Corpus.reviewed());
        models.addAll(Corpus.mutations(600));
        assertThat(models).hasSizeGreaterThan(200);
        return models.stream().map(m -> DynamicTest.dynamicTest(m.file(), () -> check(reviewer.review(m))));
    }

    static void check(Review review) {
        List<Finding> weakenings = review.weakenings().stream().map(Reviewed::finding).toList();
        for (Access a : review.access()) {
            List<Finding.Read> reads = new ArrayList<>();
            for (Finding f : weakenings) {
                for (Finding.Read r : f.reads()) {
                    if (r.conversation().equals(a.conversation()) && r.party().equals(a.party())) reads.add(r);
                }
            }
            assertThat(reads).as("%s reads %s: some weakening finding must say so", a.party(), a.conversation())
                    .isNotEmpty();
            assertThat(reads.stream().map(Finding.Read::condition).min(Enum::compareTo).orElseThrow())
                    .as("%s reads %s %s: a finding must say so under that condition", a.party(), a.conversation(),
                            a.condition().yamlName())
                    .isEqualTo(a.condition());
            if (!a.detectable()) {
                assertThat(reads).as("%s reads %s by a route nothing would show: some finding must not call it visible",
                        a.party(), a.conversation()).anyMatch(r -> r.lowering().isEmpty());
            }
        }
        Set<String> readers = new HashSet<>();
        for (Access a : review.access()) readers.add(a.conversation() + "/" + a.party());
        for (Finding f : weakenings) {
            for (Finding.Read r : f.reads()) {
                assertThat(readers).as("%s names %s as reading %s", f.id(), r.party(), r.conversation())
                        .contains(r.conversation() + "/" + r.party());
            }
            if (!f.reads().isEmpty()) {
                assertThat(f.reads().stream().map(Finding.Read::party).distinct().sorted().toList())
                        .as("%s: the readers it names are the readers whose access it explains", f.id())
                        .isEqualTo(f.readers().stream().sorted().toList());
            }
        }
    }
}
