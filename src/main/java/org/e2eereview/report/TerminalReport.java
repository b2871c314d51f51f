package org.e2eereview.report;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.e2eereview.analysis.Access;
import org.e2eereview.analysis.Reading;
import org.e2eereview.analysis.Safeguarded;
import org.e2eereview.analysis.Step;
import org.e2eereview.catalog.Entries.Citation;
import org.e2eereview.catalog.Entries.Weakening;
import org.e2eereview.catalog.Severity;
import org.e2eereview.review.ObjectiveAssessment;
import org.e2eereview.review.Review;
import org.e2eereview.review.Reviewed;
import org.e2eereview.rules.Finding;

/** The review as a terminal reads it: verdict first, then who can read what and why. */
public final class TerminalReport {

    private TerminalReport() {
    }

    public static String render(Review review, Severity failOn) {
        StringBuilder out = new StringBuilder();
        var counts = review.counts();
        out.append("e2ee-review ").append(review.toolVersion()).append(" · ").append(review.model().file())
                .append(" · ").append(review.model().system().name()).append("\n\n");
        out.append("Verdict: ").append(review.weakened() ? "WEAKENED" : "NO WEAKENING AT HIGH OR ABOVE").append(" (")
                .append(java.util.Arrays.stream(Severity.values()).map(s -> counts.get(s) + " " + s.yamlName())
                        .collect(Collectors.joining(", ")))
                .append(")");
        if (failOn != null) out.append(review.failsAt(failOn) ? " · fails at --fail-on " : " · passes --fail-on ")
                .append(failOn.yamlName());
        out.append("\n\n");

        out.append("WHO CAN READ EACH CONVERSATION, BEYOND ITS MEMBERS\n");
        for (String c : review.model().conversations().keySet()) {
            List<Access> readers = review.analysis().access(c);
            out.append("  ").append(c).append(": ");
            if (readers.isEmpty()) {
                out.append("members only\n");
                continue;
            }
            out.append(readers.stream().map(TerminalReport::reader).collect(Collectors.joining("; "))).append('\n');
        }
        out.append('\n');

        out.append("FINDINGS\n");
        if (review.weakenings().isEmpty()) out.append("  none\n");
        for (Reviewed r : review.weakenings()) finding(out, r, review);
        out.append('\n');

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
            if (o.metWithoutWeakening()) {
                out.append("met without weakening by ").append(String.join(", ", o.metBy()));
            } else {
                out.append(o.onlyThrough().isEmpty() ? "no declared feature serves it" : "not met without weakening");
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
            out.append("SAFEGUARDS CREDITED\n");
            for (Safeguarded s : review.safeguards()) {
                out.append("  ").append(pad(s.safeguard(), 24)).append(s.at()).append("  ").append(s.text())
                        .append(" (closes ").append(s.prevents().id()).append(")\n");
            }
            out.append('\n');
        }
        for (String id : review.unusedAcceptances()) {
            out.append("note: acceptance ").append(id).append(" matches no finding; remove it or fix its id\n");
        }
        out.append("rules sha256:").append(review.rulesDigest(), 0, 16).append(" · catalog sha256:")
                .append(review.catalogDigest(), 0, 16).append(" · model sha256:").append(review.model().sha256(), 0, 16)
                .append('\n');
        return out.toString();
    }

    private static String reader(Access a) {
        String routes = a.routes().stream().map(r -> r.id()).collect(Collectors.joining(", "));
        String through = a.readings().stream().map(Reading::through).filter(t -> t != null).distinct()
                .collect(Collectors.joining(", "));
        String condition = a.best().condition().yamlName();
        return a.party() + " (" + routes + (through.isEmpty() ? "" : ", through " + through)
                + (condition.equals("always") ? "" : ", " + condition) + (a.partial() ? ", derived data only" : "") + ")";
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
                    .append("): ").append(r.acceptance().justification()).append('\n');
        }
        for (Finding.Chain c : f.evidence()) {
            out.append("  ").append(c.title()).append(":\n");
            for (Step s : c.steps()) out.append("    ").append(s.at()).append("  ").append(s.text()).append('\n');
        }
        Weakening w = review.catalog().weakenings().get(f.catalog());
        if (w != null) {
            out.append("  ").append(f.systemic() ? "systemic" : "targeted").append(" · blast radius: ")
                    .append(f.blastRadius()).append('\n');
            if (!f.safeguards().isEmpty()) {
                out.append("  lowered by: ").append(f.safeguards().stream()
                        .map(s -> s.safeguard() + " (" + s.at() + ")").collect(Collectors.joining(", "))).append('\n');
            }
            out.append("  refs: ").append(refs(w.references()));
            if (!w.legal().isEmpty()) {
                out.append("; ").append(w.legal().stream().map(l -> l.provision()).distinct().collect(Collectors.joining("; ")));
            }
            out.append('\n');
        }
        out.append("  fix: ").append(f.remediation().strip()).append('\n');
    }

    private static String refs(List<Citation> citations) {
        return citations.stream().map(c -> c.ref() + (c.section() == null ? "" : " " + c.section()))
                .collect(Collectors.joining("; "));
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s + " " : s + " ".repeat(width - s.length());
    }
}
