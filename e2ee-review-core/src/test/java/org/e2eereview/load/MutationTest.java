package org.e2eereview.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import org.e2eereview.Corpus;
import org.e2eereview.Repo;
import org.e2eereview.model.Model;
import org.e2eereview.review.Reviewer;
import org.e2eereview.rules.RuleSet;
import org.e2eereview.rules.Startup;
import org.junit.jupiter.api.Test;

/**
 * Mutated examples, from a fixed seed: whatever the bytes, loading ends in a model or in located
 * problems, never in another exception; and whatever loads, reviews without one.
 */
class MutationTest {

    @Test
    void mutatedExamplesNeverEscapeAsUnexpectedExceptions() throws Exception {
        Reviewer reviewer = new Reviewer(RuleSet.load(Startup.catalog(), List.of()), java.time.Clock.systemUTC());
        Random random = new Random(20261124L);
        int loaded = 0;
        int rejected = 0;
        List<Path> examples;
        try (var files = Files.list(Repo.file("examples"))) {
            examples = files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        for (int i = 0; i < 600; i++) {
            Path example = examples.get(random.nextInt(examples.size()));
            String text = Corpus.mutate(Files.readString(example, StandardCharsets.UTF_8), random);
            String name = example.getFileName() + "#" + i;
            try {
                Model m = new ModelLoader().parse(name, text.getBytes(StandardCharsets.UTF_8));
                try {
                    reviewer.review(m);
                } catch (InputException e) {
                    fail("a rule failed on a valid model (mutation " + i + "): " + e.getMessage());
                }
                loaded++;
            } catch (InputException e) {
                rejected++;
                for (Problem p : e.problems()) {
                    assertThat(p.location().file()).isEqualTo(name);
                    assertThat(p.message()).doesNotContain("\n").isNotBlank();
                }
            } catch (RuntimeException | StackOverflowError e) {
                fail("mutation " + i + " of " + example + " escaped: " + e + "\n" + text, e);
            }
        }
        assertThat(rejected).as("most mutations break something").isGreaterThan(100);
        assertThat(loaded).as("some mutations keep a valid model").isGreaterThan(10);
    }
}
