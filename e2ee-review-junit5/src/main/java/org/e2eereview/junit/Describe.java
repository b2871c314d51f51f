package org.e2eereview.junit;

import java.util.Locale;
import java.util.stream.Collectors;

import org.e2eereview.analysis.Step;
import org.e2eereview.model.Acceptance;
import org.e2eereview.review.Reviewed;
import org.e2eereview.rules.Finding;

/** Findings as failure messages show them: laid out as the text report lays them out, so both read alike. */
final class Describe {

    private Describe() {
    }

    /** "CRITICAL GHOST-PARTICIPANT@group-chat — message"; a safety feature shows its verdict, as in the text report. */
    static String headline(Reviewed r) {
        Finding f = r.finding();
        String label = (f.verdict() != null ? f.verdict().yamlName() : f.severity().yamlName())
                .toUpperCase(Locale.ROOT);
        return label + " ".repeat(Math.max(1, 9 - label.length())) + f.id() + " — " + f.message();
    }

    /** The headline, the decision recorded if any, each evidence chain with its model lines, and the safeguards. */
    static String finding(Reviewed r) {
        StringBuilder out = new StringBuilder(headline(r)).append('\n');
        String decision = decision(r);
        if (decision != null) out.append("  ").append(decision).append('\n');
        for (Finding.Chain c : r.finding().evidence()) {
            out.append("  ").append(c.title()).append(":\n");
            for (Step s : c.steps()) out.append("    ").append(s.at()).append("  ").append(s.text()).append('\n');
        }
        if (!r.finding().safeguards().isEmpty()) {
            out.append("  safeguards: ").append(r.finding().safeguards().stream()
                    .map(s -> s.name() + (s.prevents() ? " prevents it" : " makes it visible") + " (" + s.at() + ")")
                    .distinct().collect(Collectors.joining(", "))).append('\n');
        }
        return out.toString();
    }

    /** "accepted (false-positive by board, until 2026-12-31): why", the same when expired, or null. */
    static String decision(Reviewed r) {
        if (r.status() == Reviewed.Status.ACTIVE) return null;
        Acceptance a = r.acceptance();
        return (r.status() == Reviewed.Status.ACCEPTED ? "accepted" : "acceptance expired") + " ("
                + a.status().yamlName() + " by " + a.decidedBy() + (a.until() == null ? "" : ", until " + a.until())
                + "): " + a.justification();
    }


    static String plural(int n, String one) {
        return n + " " + one + (n == 1 ? "" : "s");
    }
}
