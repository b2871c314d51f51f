package org.e2eereview.junit;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Function;

import org.e2eereview.catalog.Severity;
import org.e2eereview.report.escape.Inert;
import org.e2eereview.review.Review;
import org.e2eereview.review.Reviewed;
import org.opentest4j.AssertionFailedError;

/**
 * Assertions on a {@link Review}. Each fails with an {@link AssertionFailedError} whose message lists the
 * findings one per line ({@code SEVERITY ID — message}) with their evidence chains and model lines, and
 * whose expected and actual values list the findings one per line ({@code ID severity}), so an IDE shows
 * the difference.
 *
 * <p>Only counted findings fail the threshold assertions: a finding accepted in the model's
 * {@code accepted:} section is listed in the message as accepted but does not fail, until its acceptance
 * expires. {@link #assertFindings} and {@link #assertSafetyFeatures} compare every finding, accepted or not.
 */
public final class E2eeAssertions {

    private E2eeAssertions() {
    }

    /**
     * Fails unless the verdict is "no weakening at high or above": no counted finding is critical or high
     * (the CLI's default {@code --fail-on high}).
     */
    public static void assertNotWeakened(Review review) {
        if (!review.weakened()) return;
        String verdict = review.verdict().text() + (review.verdict() == Review.Verdict.NOT_END_TO_END_BY_DEFAULT
                ? ": " + String.join(", ", review.notEndToEndByDefaultSaid()) : "");
        failWithCounted(review, Severity.HIGH, review.model().file() + ": verdict " + verdict + " ("
                + review.countsInWords() + ")");
    }

    /** Fails when a counted finding is at or above the threshold, as {@code --fail-on} does. */
    public static void assertNoFindingsAtOrAbove(Review review, Severity threshold) {
        Objects.requireNonNull(threshold, "threshold");
        if (!review.failsAt(threshold)) return;
        failWithCounted(review, threshold, review.model().file() + ": counted findings at or above "
                + threshold.yamlName() + " (" + review.countsInWords() + ")");
    }

    /**
     * Fails unless the review's weakening findings are exactly these, accepted or not. Each is an id,
     * {@code "GHOST-PARTICIPANT@group-chat"}, or an id and a severity, {@code "GHOST-PARTICIPANT@group-chat critical"},
     * which must then match too.
     */
    public static void assertFindings(Review review, String... expected) {
        assertFindings(review, List.of(expected));
    }

    /** As {@link #assertFindings(Review, String...)}. */
    public static void assertFindings(Review review, Collection<String> expected) {
        compare(review, review.weakenings(), expected, r -> r.finding().severity().yamlName(), "weakening findings");
    }

    /**
     * Fails unless the safety features recognised are exactly these: each an id,
     * {@code "CONTACT-CONTROLS@message-requests"}, or an id and a verdict ({@code preserves} or
     * {@code weakens}), which must then match too.
     */
    public static void assertSafetyFeatures(Review review, String... expected) {
        assertSafetyFeatures(review, List.of(expected));
    }

    /** As {@link #assertSafetyFeatures(Review, String...)}. */
    public static void assertSafetyFeatures(Review review, Collection<String> expected) {
        compare(review, review.safetyFeatures(), expected, r -> r.finding().verdict().yamlName(), "safety features");
    }

    private static void failWithCounted(Review review, Severity threshold, String heading) {
        List<Reviewed> counted = new ArrayList<>();
        List<Reviewed> accepted = new ArrayList<>();
        for (Reviewed r : review.weakenings()) {
            if (r.finding().severity().atLeast(threshold)) (r.counts() ? counted : accepted).add(r);
        }
        StringBuilder message = new StringBuilder(heading).append('\n');
        message.append(Describe.plural(counted.size(), "counted finding")).append(" at or above ")
                .append(threshold.yamlName()).append(":\n");
        for (Reviewed r : counted) message.append(Describe.finding(r));
        if (!accepted.isEmpty()) {
            message.append("accepted, so not counted:\n");
            for (Reviewed r : accepted) message.append(Describe.headline(r)).append("\n  ").append(Describe.decision(r))
                    .append('\n');
        }
        throw new AssertionFailedError(Inert.text(message.toString().stripTrailing()), "",
                Inert.text(String.join("\n", counted.stream()
                        .map(r -> r.finding().id() + " " + r.finding().severity().yamlName()).toList())));
    }

    /**
     * Compares as sets of lines, each finding shown as the expectation for it is written: by id alone when
     * one expects it so, else by id and qualifier, so a wrong severity shows as one line missing and one
     * unexpected.
     */
    private static void compare(Review review, List<Reviewed> found, Collection<String> expected,
                                Function<Reviewed, String> qualifier, String what) {
        TreeSet<String> wanted = new TreeSet<>(expected);
        TreeSet<String> actual = new TreeSet<>();
        List<Reviewed> unexpected = new ArrayList<>();
        for (Reviewed r : found) {
            String id = r.finding().id();
            String shown = wanted.contains(id) ? id : id + " " + qualifier.apply(r);
            actual.add(shown);
            if (!wanted.contains(shown)) unexpected.add(r);
        }
        if (wanted.equals(actual)) return;
        StringBuilder message = new StringBuilder(review.model().file()).append(": the ").append(what)
                .append(" are not those expected\n");
        List<String> missing = wanted.stream().filter(w -> !actual.contains(w)).toList();
        if (!missing.isEmpty()) {
            message.append("missing:\n");
            missing.forEach(m -> message.append("  ").append(m).append('\n'));
        }
        if (!unexpected.isEmpty()) {
            message.append("unexpected:\n");
            for (Reviewed r : unexpected) message.append(Describe.finding(r).indent(2));
        }
        throw new AssertionFailedError(Inert.text(message.toString().stripTrailing()), String.join("\n", wanted),
                Inert.text(String.join("\n", actual)));
    }
}
