package org.e2eereview.report.view;

import java.util.ArrayList;
import java.util.List;

import org.e2eereview.analysis.Access;
import org.e2eereview.assess.WhatIf;
import org.e2eereview.catalog.Entries.Proposal;
import org.e2eereview.diff.ReviewDiff;
import org.e2eereview.model.Conversation;
import org.e2eereview.report.view.ReportView.LiveView;
import org.e2eereview.report.view.ReportView.Toggle;
import org.e2eereview.review.Review;
import org.e2eereview.review.Reviewed;

/** The live page's part of the view: the model's problems and the what-if panel, in words. */
public final class LiveViews {

    private LiveViews() {
    }

    /**
     * @param design   the review of the design as written (the last good one when the file no longer loads)
     * @param asked    the changes the page's URL asks for
     * @param result   what they do, or null when none is asked for
     * @param problems why the file on disk does not load, empty when it does
     */
    public static LiveView of(String token, long version, List<String> problems, Review design, WhatIf asked,
                              WhatIf.Result result) {
        List<Toggle> proposals = new ArrayList<>();
        for (Proposal p : design.catalog().proposals().values()) {
            proposals.add(new Toggle("proposal", p.id(), p.title(), asked.proposals().contains(p.id())));
        }
        List<Toggle> safeguards = new ArrayList<>();
        for (String s : WhatIf.switchable(design)) {
            var entry = design.catalog().safeguards().get(s);
            safeguards.add(new Toggle("without", s, entry == null ? s : entry.title(), asked.without().contains(s)));
        }
        List<Toggle> conversations = new ArrayList<>();
        for (Conversation c : design.model().conversations().values()) {
            conversations.add(new Toggle("flip", c.id(), ReportViewBuilder.t(c.id()) + (c.endToEnd().byDefault()
                    ? ": end-to-end encryption off by default" : ": end-to-end encryption on by default"),
                    asked.flipped().contains(c.id())));
        }
        List<String> changes = result == null ? List.of() : changes(result.diff());
        List<String> notApplied = result == null ? List.of() : result.notApplicable().stream().map(ReportViewBuilder::t).toList();
        return new LiveView(token, version, problems.stream().map(ReportViewBuilder::t).toList(), !problems.isEmpty(),
                proposals, safeguards, conversations, result != null, changes, notApplied);
    }

    /** The diff in lines: readers gained and widened, findings introduced, changed and removed. */
    private static List<String> changes(ReviewDiff d) {
        List<String> out = new ArrayList<>();
        for (Access a : d.gainedReaders()) {
            out.add("new reader: " + a.party() + " can read " + a.conversation() + " ("
                    + String.join(", ", a.routes().stream().map(r -> r.id()).toList()) + ")");
        }
        for (ReviewDiff.Widening w : d.widened()) {
            out.add("wider reading: " + w.after().party() + " of " + w.after().conversation() + ": "
                    + String.join("; ", w.how()));
        }
        for (Reviewed r : d.introduced()) out.add("introduced: " + finding(r) + " " + r.finding().message());
        for (ReviewDiff.Change c : d.changed()) {
            List<String> what = new ArrayList<>();
            var b = c.before().finding();
            var a = c.after().finding();
            for (String w : c.what()) {
                what.add(switch (w) {
                    case "severity" -> severity(c.before()) + " → " + severity(c.after());
                    case "readers" -> "readers " + String.join(", ", b.readers()) + " → " + String.join(", ", a.readers());
                    case "condition" -> words(b.condition()) + " → " + words(a.condition());
                    default -> w + " " + c.before().status() + " → " + c.after().status();
                });
            }
            out.add("changed: " + b.id() + ": " + String.join("; ", what));
        }
        d.superseded().forEach((old, by) -> out.add("replaced: " + old + " by " + String.join(", ", by)));
        for (Reviewed r : d.removed()) out.add("removed: " + finding(r));
        for (var s : d.safeguardsRemoved()) out.add("safeguard given up: " + s.name() + " on " + s.element());
        for (Access a : d.lostReaders()) out.add("reader gone: " + a.party() + " of " + a.conversation());
        if (out.isEmpty()) out.add("no reader, finding or safeguard changes");
        return out.stream().map(ReportViewBuilder::t).toList();
    }

    private static String words(org.e2eereview.model.Flow.Occurs condition) {
        return condition == null ? "never" : condition.words();
    }

    private static String finding(Reviewed r) {
        return severity(r) + " " + r.finding().id();
    }

    private static String severity(Reviewed r) {
        return r.finding().severity().yamlName().toUpperCase(java.util.Locale.ROOT);
    }
}
