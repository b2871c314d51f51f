package org.e2eereview.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.e2eereview.Corpus;
import org.e2eereview.assess.Assessor;
import org.e2eereview.catalog.Severity;
import org.e2eereview.review.Review;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The review page and the HTML submission pass axe-core's WCAG 2.1 A and AA rules in headless
 * Chromium, for every example and for the hostile model; the review page passes axe's best practices
 * too (one main landmark, all content in landmarks, headings in order...). axe-core is the npm
 * package pinned in e2ee-review-core/src/test/a11y; `.ci/run` installs it (and Chromium).
 */
class AccessibilityTest {

    static final List<String> PAGE_RULES = Stream.concat(Axe.WCAG21_AA.stream(), Stream.of("best-practice")).toList();

    @RegisterExtension
    static final Chromium.PerClass browser = new Chromium.PerClass();
    static Axe axe;

    @BeforeAll
    static void start() throws Exception {
        axe = Axe.installed();
    }

    @ParameterizedTest
    @MethodSource("org.e2eereview.report.ReportsTest#examples")
    void theReviewPagePassesWcag21AA(Path example, @TempDir Path dir) throws Exception {
        assertAccessible(PAGE_RULES, example + " review page", page(Corpus.reviewer().review(example), Builtin.HTML, null),
                dir.resolve("review.html"));
    }

    /** With an assessment the submission sets out each lawful-access proposal; without, the catalog's capabilities. */
    @ParameterizedTest
    @MethodSource("org.e2eereview.report.ReportsTest#examples")
    void theSubmissionPassesWcag21AAWithAndWithoutTheProposals(Path example, @TempDir Path dir) throws Exception {
        Assessor.Result assessment = new Assessor(Corpus.reviewer()).assess(example, List.of());
        assertAccessible(Axe.WCAG21_AA, example + " submission", page(assessment.original(), Builtin.SUBMISSION_HTML, assessment),
                dir.resolve("assessed.html"));
        assertAccessible(Axe.WCAG21_AA, example + " submission without an assessment", page(assessment.original(),
                Builtin.SUBMISSION_HTML, null), dir.resolve("capabilities.html"));
    }

    @Test
    void theHostileModelsPagesPassWcag21AA(@TempDir Path dir) throws Exception {
        Assessor.Result assessment = new Assessor(Corpus.reviewer()).assess(Hostile.model(dir), List.of());
        assertAccessible(PAGE_RULES, "hostile review page", page(assessment.original(), Builtin.HTML, null),
                dir.resolve("review.html"));
        assertAccessible(Axe.WCAG21_AA, "hostile submission", page(assessment.original(), Builtin.SUBMISSION_HTML, assessment),
                dir.resolve("submission.html"));
    }

    /** The check itself: a page with the usual faults gets them reported by rule, impact, place and help. */
    @Test
    void aViolationSaysWhatToFixAndWhere(@TempDir Path dir) throws Exception {
        Path html = Files.writeString(dir.resolve("bad.html"), "<!DOCTYPE html><html><head><title>t</title></head>"
                + "<body><main><h1>t</h1><p style=\"color:#bbb\">faint</p><img src=\"data:,\" id=\"pic\"/></main></body></html>");
        List<Axe.Violation> found = violations(html, PAGE_RULES);
        assertThat(found).extracting(Axe.Violation::rule).containsExactlyInAnyOrder("html-has-lang", "color-contrast",
                "image-alt");
        assertThat(found.stream().map(Axe.Violation::toString).collect(Collectors.joining("\n")))
                .contains("image-alt (critical): Images must have alternative text").contains("at #pic: Fix any of")
                .contains("color-contrast (serious): ").contains("at p: ");
    }

    private static byte[] page(Review review, OutputFormat format, Assessor.Result assessment) throws Exception {
        Reports.Options options = new Reports.Options(Severity.HIGH, LocalDate.of(2026, 6, 1), null,
                "java -jar e2ee-review.jar review MODEL --today 2026-06-01", assessment);
        return Reports.render(review, List.of(format), options).get(0);
    }

    private static void assertAccessible(List<String> rules, String what, byte[] page, Path html) throws Exception {
        Files.write(html, page);
        List<Axe.Violation> found = violations(html, rules);
        if (!found.isEmpty()) {
            fail("axe-core %s on the %s (%s):%n%s", axe.version, what, html,
                    found.stream().map(Axe.Violation::toString).collect(Collectors.joining("\n")));
        }
    }

    private static List<Axe.Violation> violations(Path html, List<String> rules) throws Exception {
        Chromium.Page page = browser.open();
        try {
            page.navigate(html.toUri().toString());
            List<Axe.Violation> found = axe.check(page, rules);
            assertThat(page.events().stream().filter(e -> e.path("method").asText().equals("Network.requestWillBeSent"))
                    .map(e -> e.path("params").path("request").path("url").asText()).filter(u -> !u.startsWith("data:")))
                    .as("nothing fetched while axe runs").containsOnly(html.toUri().toString());
            return found;
        } finally {
            page.close();
        }
    }
}
