package org.e2eereview.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicIntegerArray;

import org.e2eereview.analysis.AccessAnalysis;
import org.e2eereview.analysis.Analysis;
import org.e2eereview.assess.Assessment;
import org.e2eereview.assess.Assessor;
import org.e2eereview.bench.SyntheticModel;
import org.e2eereview.load.ModelLoader;
import org.e2eereview.model.Model;
import org.e2eereview.review.Reviewer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A large design's elements are judged on every core; what the rules find is what they find judging
 * one element after another, including where one finding explains another's readers (the master
 * key, the ghost and the scanner of the proposals, over every region of the design).
 */
class SpreadTest {

    @Test
    void everyIndexOnceWhateverThreadTakesIt() {
        int n = 10 * Spread.MIN_ITEMS + 7;
        AtomicIntegerArray seen = new AtomicIntegerArray(n);
        Spread.forEach(n, i -> seen.incrementAndGet(i));
        for (int i = 0; i < n; i++) assertThat(seen.get(i)).as("index %d", i).isEqualTo(1);
    }

    @Test
    void aFailureStopsTheLoopAndIsThrownAsItWas() {
        IllegalStateException boom = new IllegalStateException("boom");
        assertThatThrownBy(() -> Spread.forEach(4 * Spread.MIN_ITEMS, i -> {
            if (i == 3 * Spread.MIN_ITEMS) throw boom;
        })).isSameAs(boom);
    }

    @Test
    void aValueMadeAsideIsTheValueWhoeverMakesIt() {
        String caller = Thread.currentThread().getName();
        Spread.Aside<String> small = Spread.aside(Spread.MIN_ITEMS - 1, () -> Thread.currentThread().getName());
        assertThat(small.get()).as("a small design's is made by whoever asks").isEqualTo(caller);
        Spread.Aside<Integer> large = Spread.aside(Spread.MIN_ITEMS, () -> 6 * 7);
        assertThat(large.get()).isEqualTo(42);
        IllegalStateException boom = new IllegalStateException("boom");
        Spread.Aside<Integer> failing = Spread.aside(Spread.MIN_ITEMS, () -> {
            throw boom;
        });
        assertThatThrownBy(failing::get).isSameAs(boom);
    }

    @Test
    void aLargeDesignAndItsProposalsFindWhatTheyFindOnOneThread(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("synthetic.yaml");
        Files.writeString(file, SyntheticModel.generate(6000), StandardCharsets.UTF_8);
        Reviewer reviewer = Reviewer.standard(List.of());
        List<Model> models = new ArrayList<>();
        models.add(new ModelLoader().load(file));
        for (Assessment a : new Assessor(reviewer).assess(file, List.of("golden-key", "ghost", "client-side-scanning"))
                .assessments()) {
            assertThat(a.patched()).as(a.proposal().id()).isNotNull();
            models.add(a.patched().model());
        }
        RuleEngine spread = new RuleEngine(reviewer.rules());
        RuleEngine alone = new RuleEngine(reviewer.rules(), false);
        for (Model m : models) {
            assertThat(m.conversations().size()).as("elements of a kind, enough to be spread").isGreaterThan(Spread.MIN_ITEMS);
            Analysis analysis = AccessAnalysis.analyze(m);
            RuleEngine.Evaluation expected = alone.evaluate(m, AccessAnalysis.analyze(m));
            assertThat(expected.findings()).isNotEmpty();
            assertThat(spread.evaluate(m, analysis)).isEqualTo(expected);
        }
    }
}
