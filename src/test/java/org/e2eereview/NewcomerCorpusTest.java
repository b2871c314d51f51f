package org.e2eereview;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.e2eereview.analysis.Access;
import org.e2eereview.review.Review;
import org.e2eereview.review.Reviewed;
import org.e2eereview.review.Reviewer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Models written by people who had only the README and docs/, each from a one-paragraph description
 * of a real or proposed design (quoted at the top of each file), with what the review must say of
 * each decided from the description: src/test/resources/newcomer/expected.tsv.
 */
class NewcomerCorpusTest {

    static final Path DIR = Path.of("src/test/resources/newcomer");

    @Test
    void theCorpusHasTwentyModelsAndEveryModelHasAVerdict() throws Exception {
        List<Path> files = Corpus.files(DIR.toString());
        assertThat(files).hasSizeGreaterThanOrEqualTo(20);
        Map<String, List<String[]>> checks = checks();
        for (Path f : files) {
            assertThat(checks.get(f.getFileName().toString())).as(f.toString())
                    .anyMatch(c -> c[0].equals("verdict"));
            assertThat(Files.readString(f)).as(f + " quotes the paragraph it was written from").startsWith("#");
        }
        assertThat(files.stream().map(p -> p.getFileName().toString()).toList()).containsAll(checks.keySet());
    }

    @TestFactory
    Stream<DynamicTest> eachModelGivesTheVerdictItsDescriptionCallsFor() throws Exception {
        Reviewer reviewer = Corpus.reviewer();
        return checks().entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey(), () -> {
            Review r = reviewer.review(DIR.resolve(e.getKey()));
            for (String[] c : e.getValue()) check(r, c);
        }));
    }

    private static void check(Review r, String[] c) {
        String what = String.join(" ", c);
        switch (c[0]) {
            case "verdict" -> assertThat(r.verdict().id()).as(what).isEqualTo(c[1]);
            case "finding" -> assertThat(r.weakenings()).as(what)
                    .anyMatch(w -> w.finding().id().equals(c[1]) && w.finding().severity().yamlName().equals(c[2]));
            case "rule" -> assertThat(r.weakenings()).as(what)
                    .anyMatch(w -> w.finding().rule().equals(c[1]) && w.finding().severity().yamlName().equals(c[2]));
            case "no-rule" -> assertThat(r.weakenings().stream().map(Reviewed::finding).map(f -> f.rule()).toList())
                    .as(what).doesNotContain(c[1]);
            case "reads" -> assertThat(r.access()).as(what).anyMatch(a -> a.conversation().equals(c[1])
                    && a.party().equals(c[2]) && a.condition().yamlName().equals(c[3]));
            case "only-readers" -> assertThat(r.access().stream().filter(a -> a.conversation().equals(c[1]))
                    .map(Access::party).toList()).as(what)
                    .containsExactlyInAnyOrderElementsOf(c.length < 3 || c[2].isEmpty() ? List.of() : Arrays.asList(c[2].split(",")));
            default -> throw new AssertionError("unknown check: " + what);
        }
    }

    static Map<String, List<String[]>> checks() throws Exception {
        Map<String, List<String[]>> out = new LinkedHashMap<>();
        for (String line : Files.readAllLines(DIR.resolve("expected.tsv"))) {
            if (line.isBlank() || line.startsWith("#")) continue;
            String[] cells = line.split("\t", -1);
            out.computeIfAbsent(cells[0], x -> new java.util.ArrayList<>()).add(Arrays.copyOfRange(cells, 1, cells.length));
        }
        return out;
    }

}
