package org.e2eereview;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.e2eereview.assess.Assessment;
import org.e2eereview.assess.Assessor;
import org.e2eereview.catalog.Severity;
import org.e2eereview.model.Model;
import org.e2eereview.review.Review;
import org.e2eereview.review.Reviewed;
import org.e2eereview.review.Reviewer;
import org.e2eereview.rules.Finding;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * No finding without readers: every weakening at low or above names who can read, or says in its
 * own field, and in words, why it names nobody. On every example, rule case, new-user model and
 * mutation, and on every proposal applied to every example.
 */
class FindingsNameReadersTest {

    @TestFactory
    Stream<DynamicTest> everyWeakeningNamesItsReadersOrSaysWhyNone() throws Exception {
        Reviewer reviewer = Corpus.reviewer();
        List<DynamicTest> tests = new ArrayList<>();
        List<Model> models = new ArrayList<>(Corpus.reviewed());
        models.addAll(Corpus.mutations(200));
        for (Model m : models) tests.add(DynamicTest.dynamicTest(m.file(), () -> check(reviewer.review(m))));
        Assessor assessor = new Assessor(reviewer);
        for (Path p : Corpus.files("examples")) {
            tests.add(DynamicTest.dynamicTest(p + " with each proposal", () -> {
                for (Assessment a : assessor.assess(p, List.of()).assessments()) {
                    if (a.applied()) check(a.patched());
                }
            }));
        }
        return tests.stream();
    }

    static void check(Review review) {
        for (Reviewed r : review.weakenings()) {
            Finding f = r.finding();
            if (!f.severity().atLeast(Severity.LOW)) continue;
            if (f.readers().isEmpty()) {
                assertThat(f.withoutReaders()).as("%s in %s names no reader and does not say why", f.id(),
                        review.model().file()).isNotBlank();
            } else {
                assertThat(f.withoutReaders()).as(f.id()).isNull();
            }
        }
    }
}
