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
 * each decided from the description: e2ee-review-core/src/test/resources/newcomer/expected.tsv.
 */
class NewcomerCorpusTest {

    static final Path DIR = Repo.file("e2ee-review-core/src/test/resources/newcomer");

    @Test
    void theCorpusHasEightyModelsAndEveryModelHasAVerdict() throws Exception {
        List<Path> files = Corpus.files(DIR.toString());
        assertThat(files).hasSizeGreaterThanOrEqualTo(80);
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

    /** What a proposal would do to a newcomer's design, as a security reviewer would say it. */
    @Test
    void proposalsAppliedToNewcomerModelsSayWhatTheyWouldChange() throws Exception {
        org.e2eereview.assess.Assessor assessor = new org.e2eereview.assess.Assessor(Corpus.reviewer());
        var backup = assessor.assess(DIR.resolve("26-ai-summaries-provider-servers.yaml"), List.of("default-backup"))
                .assessments().get(0);
        assertThat(backup.introduced()).extracting(r -> r.finding().id() + " " + r.finding().severity().yamlName())
                .containsExactly("PROVIDER-KEYED-BACKUP@default-backup-app critical");
        assertThat(backup.widened()).as("the provider, which reads opt-in summaries, would read every backup")
                .filteredOn(w -> w.after().party().equals("parley") && w.after().conversation().equals("group-chat"))
                .singleElement().satisfies(w -> assertThat(w.how())
                        .containsExactly("reach: for users who opt in → by default", "new route: holds-key"));

        var scanning = assessor.assess(DIR.resolve("27-ai-tee-attested-ohttp.yaml"), List.of("client-side-scanning"))
                .assessments().get(0);
        assertThat(scanning.patched().verdict()).isEqualTo(Review.Verdict.WEAKENED);
        assertThat(scanning.introduced()).extracting(r -> r.finding().rule() + " " + r.finding().severity().yamlName())
                .containsExactly("CLIENT-SIDE-SCANNING critical");

        var golden = assessor.assess(DIR.resolve("33-enterprise-legal-hold-hidden.yaml"), List.of("golden-key"))
                .assessments().get(0);
        assertThat(golden.patched().verdict()).as("a provider-held key for everyone: not end-to-end encrypted by default")
                .isEqualTo(Review.Verdict.NOT_END_TO_END_BY_DEFAULT);
        assertThat(golden.patched().contradicted()).containsExactly("chat");
        assertThat(golden.widened()).filteredOn(w -> w.after().party().equals("vendor")).singleElement()
                .satisfies(w -> assertThat(w.how()).contains("on the organisation's decision → always"));

        var ghost = assessor.assess(DIR.resolve("29-contact-discovery-sgx-attested.yaml"), List.of("ghost"))
                .assessments().get(0);
        assertThat(ghost.applied()).as("a one-to-one messenger has no group a server manages").isFalse();
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
