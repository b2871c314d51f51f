package org.e2eereview;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.e2eereview.analysis.Step;
import org.e2eereview.catalog.Severity;
import org.e2eereview.report.TerminalReport;
import org.e2eereview.review.Review;
import org.e2eereview.review.Reviewed;
import org.e2eereview.review.Reviewer;
import org.e2eereview.rules.Finding;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * What the review says reads as sentences: every finding of every example, new-user model and rule
 * case, as text and as the terminal prints it.
 */
class SentencesTest {

    /** Words that are vocabulary ids, not English: a message should say "every user", not "all-users". */
    static final Pattern ID_AS_WORD = Pattern.compile(
            "\\b(all-users|cloud-uploads|targeted-users|on-legal-order|by-default|on-fallback|opt-in)\\b(?![^(]*\\))");
    /** The same word on both sides of a preposition: "hands links from links". */
    static final Pattern ECHO = Pattern.compile("\\b([a-z][a-z0-9-]+) (from|to|of|in) \\1\\b");

    @TestFactory
    Stream<DynamicTest> everyFindingReadsAsASentence() throws Exception {
        Reviewer reviewer = Corpus.reviewer();
        return Corpus.reviewed().stream().map(m -> DynamicTest.dynamicTest(m.file(), () -> check(reviewer.review(m))));
    }

    static void check(Review review) {
        List<Reviewed> all = new ArrayList<>(review.weakenings());
        all.addAll(review.safetyFeatures());
        for (Reviewed r : all) {
            Finding f = r.finding();
            String m = f.message();
            assertThat(m).as(f.id()).doesNotContain("  ").doesNotMatch("(?s).* [,.;:)].*").doesNotContain("( ")
                    .doesNotContain("\n").doesNotEndWith(" ").doesNotStartWith(" ");
            assertThat(ID_AS_WORD.matcher(m).find()).as("%s uses an id where a word belongs: %s", f.id(), m).isFalse();
            assertThat(ECHO.matcher(m).find()).as("%s repeats a name: %s", f.id(), m).isFalse();
            Set<String> titles = new HashSet<>();
            for (Finding.Chain c : f.evidence()) {
                assertThat(titles.add(c.title())).as("%s repeats the chain '%s'", f.id(), c.title()).isTrue();
                Set<String> steps = new HashSet<>();
                for (Step s : c.steps()) {
                    assertThat(steps.add(s.at() + " " + s.text())).as("%s repeats the step '%s'", f.id(), s.text()).isTrue();
                    assertThat(s.text()).as(f.id()).doesNotContain("  ").doesNotContain("none protection");
                }
            }
        }
        for (String line : TerminalReport.render(review, Severity.HIGH).lines().toList()) {
            String text = line.stripLeading();
            assertThat(text).as("a line of the text report").doesNotContain(" ,", " .").doesNotEndWith(" ");
            if (text.startsWith("refs: ")) {
                List<String> refs = List.of(text.substring(6).split("; "));
                assertThat(refs).as("references printed once").doesNotHaveDuplicates();
            }
        }
    }
}
