package org.e2eereview.assess;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.e2eereview.Corpus;
import org.e2eereview.bench.SyntheticModel;
import org.e2eereview.diff.ReviewDiff;
import org.e2eereview.review.Review;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code assess} works out the design's side of its diffs once for every proposal, and for a report
 * reviews the design on one thread while the proposals are reviewed on another. Neither may change
 * an answer: each proposal assessed that way says what it says assessed on its own, and each diff
 * against the shared design is the diff of the two reviews made afresh.
 */
class SharedDesignTest {

    @TempDir
    static Path dir;

    @Test
    void everyExample() throws Exception {
        for (Path p : Corpus.files("examples")) sameEitherWay(p);
    }

    @Test
    void aSmallSyntheticDesign() throws Exception {
        Path p = dir.resolve("synthetic-400.yaml");
        Files.writeString(p, SyntheticModel.generate(400), StandardCharsets.UTF_8);
        sameEitherWay(p);
    }

    private static void sameEitherWay(Path file) throws Exception {
        Assessor assessor = new Assessor(Corpus.reviewer());
        Assessor.Result together = assessor.assess(file, List.of());
        ReviewDiff.Design design = new ReviewDiff.Design(together.original());
        List<String> alone = new ArrayList<>();
        for (Assessment a : together.assessments()) {
            alone.add(said(assessor.assess(file, List.of(a.proposal().id())).assessments().get(0)));
            if (!a.applied()) continue;
            assertThat(design.diff(a.patched())).as(file + ": " + a.proposal().id())
                    .isEqualTo(ReviewDiff.of(together.original(), a.patched()));
        }
        List<String> handedOver = new ArrayList<>();
        Assessor.Result twoThreads = assessor.assess(file, List.of(), (original, a) -> handedOver.add(said(a)));
        assertThat(together.assessments().stream().map(SharedDesignTest::said).toList()).as(file.toString())
                .isEqualTo(alone).isEqualTo(handedOver);
        assertThat(twoThreads.assessments()).isEqualTo(together.assessments().stream().map(Assessment::withoutPatched).toList());
        assertThat(findings(twoThreads.original())).isEqualTo(findings(together.original()));
    }

    private static String findings(Review r) {
        return List.of(r.weakenings(), r.safetyFeatures(), r.access(), r.objectives(), r.safeguards()).toString();
    }

    /**
     * Everything an assessment says, but the patched review itself: readings and evidence compare by
     * what they say, not as objects (two reviews of one design make equal ones, not the same ones).
     */
    private static String said(Assessment a) {
        return a.withoutPatched() + "\n" + a.newReaders() + "\n" + a.widened() + "\n" + a.introduced() + "\n" + a.changed();
    }
}
