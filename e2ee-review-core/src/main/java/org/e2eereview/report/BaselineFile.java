package org.e2eereview.report;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.e2eereview.model.Acceptance;
import org.e2eereview.review.Review;
import org.e2eereview.review.Reviewed;
import org.e2eereview.rules.Finding;

/**
 * Today's findings written as a baseline (review --write-baseline FILE). An entry nobody has
 * decided yet is written with its decision, reason and owner empty, so the file refuses to load,
 * each gap located, until a person fills them in: a baseline is a record of decisions, never a
 * way to make a build pass unread. Decisions the review already took from a baseline are kept as
 * written, a pattern once for all the findings it covers.
 */
public final class BaselineFile {

    private BaselineFile() {
    }

    /** What was written: entries still to decide, and decisions carried over. */
    public record Written(String text, int undecided, int kept) {
    }

    public static Written of(Review review, LocalDate today) {
        Map<String, Acceptance> kept = new LinkedHashMap<>();
        Map<String, Finding> undecided = new LinkedHashMap<>();
        Set<String> patternsSeen = new LinkedHashSet<>();
        for (Reviewed r : review.weakenings()) {
            Acceptance a = r.acceptance();
            // Decisions written in the model stay there.
            if (a != null && a.source().at().file().equals(review.model().file())) continue;
            if (a != null) {
                if (patternsSeen.add(a.findingId())) kept.put(a.findingId(), a);
            } else {
                undecided.put(r.finding().id(), r.finding());
            }
        }
        StringBuilder out = new StringBuilder();
        out.append("# e2ee-review baseline for ").append(comment(review.model().file())).append(", written ")
                .append(today).append(" by review --write-baseline.\n");
        out.append("# It loads (review --baseline FILE) only once every entry says what was decided\n");
        out.append("# (status: accepted, false-positive or mitigated-elsewhere), why (justification) and\n");
        out.append("# by whom (decided-by); 'until' (YYYY-MM-DD) makes the finding count again after it.\n");
        out.append("# '*' in an id's element part covers several elements: KEY-ESCROW@backup-*.\n");
        out.append("e2ee-review-baseline: 1\n");
        out.append("accepted:");
        if (kept.isEmpty() && undecided.isEmpty()) {
            out.append(" {}\n");
            return new Written(out.toString(), 0, 0);
        }
        out.append('\n');
        for (Map.Entry<String, Finding> e : undecided.entrySet()) {
            Finding f = e.getValue();
            out.append("  ").append(e.getKey()).append(":\n");
            out.append("    # ").append(f.severity().yamlName().toUpperCase(Locale.ROOT)).append(": ")
                    .append(comment(f.message())).append('\n');
            out.append("    status: \"\"\n");
            out.append("    justification: \"\"\n");
            out.append("    decided-by: \"\"\n");
        }
        for (Acceptance a : kept.values()) {
            out.append("  ").append(a.findingId()).append(":\n");
            out.append("    status: ").append(a.status().yamlName()).append('\n');
            out.append("    justification: ").append(quoted(a.justification())).append('\n');
            out.append("    decided-by: ").append(quoted(a.decidedBy())).append('\n');
            if (a.until() != null) out.append("    until: ").append(a.until()).append('\n');
        }
        return new Written(out.toString(), undecided.size(), kept.size());
    }

    /** Model text on one comment line: a line break in it would end the comment and start YAML. */
    static String comment(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            out.append(c < 0x20 || c == 0x7f || c == 0x85 || c == 0x2028 || c == 0x2029 ? ' ' : c);
        }
        return out.toString();
    }

    /** A YAML double-quoted scalar: every character that could end or bend it escaped. */
    static String quoted(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == 0x2028 || c == 0x2029 || c == 0xfeff) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
