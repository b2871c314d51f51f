package org.e2eereview.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.e2eereview.analysis.Access;
import org.e2eereview.analysis.Safeguarded;
import org.e2eereview.analysis.Step;
import org.e2eereview.catalog.Entries.Citation;
import org.e2eereview.catalog.Entries.Weakening;
import org.e2eereview.catalog.Severity;
import org.e2eereview.report.escape.Inert;
import org.e2eereview.review.ObjectiveAssessment;
import org.e2eereview.model.Acceptance;
import org.e2eereview.review.Review;
import org.e2eereview.review.Reviewed;
import org.e2eereview.rules.Finding;
import org.e2eereview.rules.RuleEngine;
import org.e2eereview.rules.RuleEngine.NotAssessed;

/** The review as a terminal reads it: verdict first, then who can read what and why. */
public final class TerminalReport {

    private TerminalReport() {
    }

    public static String render(Review review, Severity failOn) {
        StringBuilder out = new StringBuilder();
        out.append("e2ee-review ").append(review.toolVersion()).append(" · ").append(review.model().file())
                .append(" · ").append(review.model().system().name()).append("\n\n");
        out.append("Verdict: ").append(review.verdict().text());
        if (review.verdict() == Review.Verdict.NOT_END_TO_END_BY_DEFAULT) {
            out.append(": ").append(String.join(", ", review.notEndToEndByDefaultSaid()));
        }
        out.append(" (").append(review.countsInWords()).append(")");
        if (failOn != null) out.append(review.failsAt(failOn) ? " · fails at --fail-on " : " · passes --fail-on ")
                .append(failOn.yamlName());
        int skipped = notAssessed(review).size();
        if (skipped > 0) out.append(" · ").append(skipped).append(skipped == 1 ? " check" : " checks")
                .append(" not assessed");
        out.append('\n');
        String decisions = decisions(review);
        if (!decisions.isEmpty()) out.append(decisions).append('\n');
        out.append('\n');

        out.append("WHO CAN READ EACH CONVERSATION, BEYOND ITS MEMBERS\n");
        Review.Explaining explained = review.explainingEveryReader();
        for (String c : review.model().conversations().keySet()) {
            List<Access> readers = review.analysis().access(c);
            out.append("  ").append(c).append(readers.isEmpty() ? ": members only" : ":").append('\n');
            for (Access a : readers) out.append("    ").append(reader(a, explained, review.analysis())).append('\n');
            List<Access> disclosed = review.analysis().disclosures(c);
            if (!disclosed.isEmpty()) {
                out.append("    (what members choose to report goes to ")
                        .append(disclosed.stream().map(Access::party).collect(Collectors.joining(", "))).append(")\n");
            }
        }
        out.append('\n');

        out.append("FINDINGS\n");
        if (review.weakenings().isEmpty()) out.append("  none\n");
        for (Reviewed r : review.weakenings()) finding(out, r, review);
        out.append('\n');

        Map<String, List<String>> skippedBy = notAssessed(review);
        if (!skippedBy.isEmpty()) {
            out.append("NOT ASSESSED (the model does not say, so nothing is assumed either way)\n");
            skippedBy.forEach((what, ids) -> out.append("  ").append(what).append(": ")
                    .append(String.join(", ", ids)).append(" not assessed\n"));
            out.append('\n');
        }

        out.append("SAFETY FEATURES\n");
        if (review.safetyFeatures().isEmpty()) out.append("  none recognised\n");
        for (Reviewed r : review.safetyFeatures()) {
            Finding f = r.finding();
            out.append("  ").append(pad(f.verdict().yamlName().toUpperCase(Locale.ROOT), 10)).append(f.id())
                    .append("  ").append(f.message()).append('\n');
        }
        out.append('\n');

        out.append("PUBLIC-SAFETY OBJECTIVES (2020 statement)\n");
        for (ObjectiveAssessment o : review.objectives()) {
            out.append("  ").append(o.objective()).append(": ");
            out.append(o.status());
            if (!o.metWithoutWeakening()) {
                if (!o.suggestions().isEmpty()) out.append(" (could be served without weakening by ")
                        .append(String.join(", ", o.suggestions())).append(")");
            }
            for (ObjectiveAssessment.Through t : o.onlyThrough()) {
                out.append("; ").append(t.feature()).append(" serves it only through ")
                        .append(String.join(", ", t.weakenings()));
            }
            out.append('\n');
        }
        out.append('\n');

        if (!review.safeguards().isEmpty()) {
            out.append("SAFEGUARDS DECLARED\n");
            int width = review.safeguards().stream().mapToInt(s -> s.name().length()).max().orElse(0) + 2;
            for (Safeguarded s : review.safeguards()) {
                out.append("  ").append(pad(s.name(), width)).append(s.at()).append("  ").append(s.text())
                        .append(s.prevents() ? " (prevents " : " (makes visible, does not prevent ")
                        .append(s.route().id()).append(")\n");
            }
            out.append('\n');
        }
        if (!review.notes().isEmpty()) {
            out.append("NOTES ON THE MODEL\n");
            for (Review.Note n : review.notes()) out.append("  ").append(n.at()).append("  ").append(n.message()).append('\n');
            out.append('\n');
        }
        for (Acceptance a : review.unusedAcceptances()) {
            out.append("note: acceptance ").append(a.findingId()).append(" (").append(a.source().at())
                    .append(") ").append(review.whyUnused(a)).append('\n');
        }
        out.append("rules sha256:").append(review.rulesDigest(), 0, 16).append(" · catalog sha256:")
                .append(review.catalogDigest(), 0, 16).append(" · model sha256:").append(review.model().sha256(), 0, 16)
                .append('\n');
        return Inert.text(out.toString());
    }

    /** Rules not assessed, grouped by the element and the field they lacked. */
    private static Map<String, List<String>> notAssessed(Review review) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (NotAssessed n : review.notAssessed()) {
            String[] fields = n.field().split(" or ");
            String what = fields.length == 1 ? fields[0] + " not written" : "none of " + String.join(", ", fields) + " written";
            out.computeIfAbsent(n.inspects().yamlName() + " " + n.element() + ": " + what, x -> new ArrayList<>())
                    .add(n.rule());
        }
        return out;
    }

    /**
     * "relay: holds-key (by default); substitutes-keys (always, visible: safety-numbers) → FINDING, ...":
     * routes grouped by when they apply, so that a visible route does not hide an unseen one.
     */
    private static String reader(Access a, Review.Explaining explained, org.e2eereview.analysis.Analysis analysis) {
        String how = routes(a, analysis);
        List<String> named = explained.of(a.conversation(), a.party()).stream().map(Finding::id).toList();
        return a.party() + ": " + how + (a.partial() ? ", derived data only" : "")
                + (named.isEmpty() ? "" : " → " + String.join(", ", named));
    }

    /**
     * How the recorded decisions stood: "Acceptances: 5 accepted, 1 expired (counts again), 1 matches
     * no finding · baseline b.yaml"; empty when the review has none.
     */
    static String decisions(Review review) {
        long accepted = review.weakenings().stream().filter(r -> r.status() == Reviewed.Status.ACCEPTED).count();
        long expired = review.weakenings().stream().filter(r -> r.status() == Reviewed.Status.EXPIRED).count();
        int unused = review.unusedAcceptances().size();
        if (accepted + expired + unused == 0 && review.baseline() == null) return "";
        List<String> parts = new java.util.ArrayList<>();
        parts.add(accepted + " accepted");
        if (expired > 0) parts.add(expired + " expired (counted again)");
        if (unused > 0) parts.add(unused + (unused == 1 ? " matches" : " match") + " no finding");
        return "Acceptances: " + String.join(", ", parts)
                + (review.baseline() == null ? "" : " · baseline " + review.baseline().file());
    }

    /**
     * "adds-member, substitutes-keys (on a legal order, through signal); holds-key (always)": a reader's
     * routes grouped by when they apply, so that a visible route does not hide an unseen one. Every
     * plain-text format says readers this way.
     */
    static String routes(Access a, org.e2eereview.analysis.Analysis analysis) {
        Map<String, Set<String>> byWhen = new LinkedHashMap<>();
        for (var r : a.readings()) {
            List<String> when = new ArrayList<>();
            when.add(analysis.conditionWords(r));
            if (!r.through().isEmpty()) when.add("through " + String.join(", ", r.through()));
            if (r.detectable()) when.add("visible: " + r.lowering().stream().map(Safeguarded::name).distinct()
                    .collect(Collectors.joining(", ")));
            byWhen.computeIfAbsent(String.join(", ", when), x -> new LinkedHashSet<>()).add(r.route().id());
        }
        return byWhen.entrySet().stream().map(e -> String.join(", ", e.getValue()) + " (" + e.getKey() + ")")
                .collect(Collectors.joining("; "));
    }

    private static void finding(StringBuilder out, Reviewed r, Review review) {
        Finding f = r.finding();
        out.append(pad(f.severity().yamlName().toUpperCase(Locale.ROOT), 9)).append(f.id()).append("  ")
                .append(f.message()).append('\n');
        if (r.status() != Reviewed.Status.ACTIVE) {
            out.append("  ").append(r.status() == Reviewed.Status.ACCEPTED ? "accepted" : "acceptance expired")
                    .append(" (").append(r.acceptance().status().yamlName()).append(" by ")
                    .append(r.acceptance().decidedBy())
                    .append(r.acceptance().until() == null ? "" : ", until " + r.acceptance().until())
                    .append(r.acceptance().source().at().file().equals(review.model().file()) ? ""
                            : "; " + r.acceptance().source().at())
                    .append("): ").append(r.acceptance().justification()).append('\n');
        }
        for (Finding.Chain c : f.evidence()) {
            out.append("  ").append(c.title()).append(":\n");
            for (Step s : c.steps()) out.append("    ").append(s.at()).append("  ").append(s.text()).append('\n');
        }
        if (f.withoutReaders() != null) out.append("  no reader named: ").append(f.withoutReaders()).append('\n');
        for (Finding.Disclosed d : f.disclosed()) {
            out.append("  disclosed to users by ").append(d.party()).append(": ").append(d.where()).append(" (")
                    .append(d.at()).append("); disclosure does not lower the finding, an acceptance does\n");
        }
        Weakening w = review.catalog().weakenings().get(f.catalog());
        if (w != null) {
            out.append("  ").append(f.systemic() ? "systemic" : "targeted").append(" · blast radius: ")
                    .append(f.blastRadius()).append('\n');
            if (!f.safeguards().isEmpty()) {
                out.append("  safeguards: ").append(f.safeguards().stream()
                        .map(s -> s.name() + (s.prevents() ? " prevents it" : " makes it visible") + " (" + s.at() + ")")
                        .distinct().collect(Collectors.joining(", "))).append('\n');
            }
            out.append("  refs: ").append(refs(w));
            out.append('\n');
        }
        out.append("  fix: ").append(f.remediation().strip()).append('\n');
    }

    /** The sources and legal provisions of a pattern, each once. */
    static String refs(Weakening w) {
        Set<String> refs = new LinkedHashSet<>();
        for (Citation c : w.references()) refs.add(c.ref() + (c.section() == null ? "" : " " + c.section()));
        w.legal().forEach(l -> refs.add(l.provision()));
        return String.join("; ", refs);
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s + " " : s + " ".repeat(width - s.length());
    }
}
