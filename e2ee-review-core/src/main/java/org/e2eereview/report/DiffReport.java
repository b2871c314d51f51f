package org.e2eereview.report;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.e2eereview.analysis.Access;
import org.e2eereview.analysis.Safeguarded;
import org.e2eereview.catalog.Severity;
import org.e2eereview.diff.ReviewDiff;
import org.e2eereview.report.escape.Inert;
import org.e2eereview.report.escape.Markdown;
import org.e2eereview.review.ObjectiveAssessment;
import org.e2eereview.review.Review;
import org.e2eereview.review.Reviewed;
import org.e2eereview.rules.Finding;
import org.e2eereview.rules.RuleEngine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What a change to a model changes in its review, for a terminal, as JSON and as Markdown for a
 * pull-request comment. Each line is one fact of the comparison; nothing is said twice.
 */
public final class DiffReport {

    private static final ObjectMapper JSON = InertJson.mapper();

    private DiffReport() {
    }

    /** One medium's way of writing: plain for the terminal, escaped for Markdown. */
    private interface Style {
        String text(String s);

        String heading(String s);

        String item(String s);

        String code(String s);
    }

    private static final Style PLAIN = new Style() {
        public String text(String s) {
            return s;
        }

        public String heading(String s) {
            return s.toUpperCase(Locale.ROOT) + "\n";
        }

        public String item(String s) {
            return "  " + s + "\n";
        }

        public String code(String s) {
            return s;
        }
    };

    private static final Style MARKDOWN = new Style() {
        public String text(String s) {
            return Markdown.escape(s);
        }

        public String heading(String s) {
            return "\n### " + s + "\n\n";
        }

        public String item(String s) {
            return "- " + s + "\n";
        }

        public String code(String s) {
            return Markdown.escape(s);
        }
    };

    public static String text(ReviewDiff d, Severity failOn) {
        return Inert.text(render(d, failOn, PLAIN));
    }

    public static String markdown(ReviewDiff d, Severity failOn) {
        return render(d, failOn, MARKDOWN);
    }

    private static String render(ReviewDiff d, Severity failOn, Style s) {
        StringBuilder out = new StringBuilder();
        Review before = d.before();
        Review after = d.after();
        Review.Explaining explained = after.explainingEveryReader();
        if (s == MARKDOWN) {
            out.append("## e2ee-review: ").append(s.text(before.model().file())).append(" → ")
                    .append(s.text(after.model().file())).append("\n\n");
        } else {
            out.append("e2ee-review ").append(after.toolVersion()).append(" · diff · ").append(before.model().file())
                    .append(" → ").append(after.model().file()).append("\n\n");
        }
        out.append(s == MARKDOWN ? "**Verdict:** " : "Verdict: ").append(before.verdict().text()).append(" → ")
                .append(after.verdict().text()).append(" (").append(counts(before)).append(" → ").append(counts(after))
                .append(")");
        if (failOn != null) {
            out.append(d.introducesAtLeast(failOn) ? " · fails: a new or wider weakening at or above --fail-on "
                    : " · passes: nothing new or wider at or above --fail-on ").append(failOn.yamlName());
        }
        out.append("\n");
        if (d.empty()) {
            out.append(s == MARKDOWN ? "\n" : "\n").append("No change in what the review says.\n");
            return out.toString();
        }
        if (s == PLAIN) out.append('\n');
        Map<String, String> replaces = new LinkedHashMap<>();
        d.superseded().forEach((old, by) -> by.forEach(b -> replaces.merge(b, old, (x, y) -> x + ", " + y)));
        section(out, s, "Introduces", d.introduced().stream().map(r -> severity(r.finding()) + " "
                + s.code(r.finding().id()) + "  " + s.text(r.finding().message())
                + (replaces.containsKey(r.finding().id()) ? " (replaces " + s.text(replaces.get(r.finding().id())) + ")" : "")
                + (r.counts() ? "" : " [" + r.status().id() + "]")).toList());
        section(out, s, "Changes", d.changed().stream().map(c -> severity(c.after().finding()) + " "
                + s.code(c.after().finding().id()) + ": " + s.text(change(c))).toList());
        section(out, s, "Removes", d.removed().stream().map(r -> severity(r.finding()) + " "
                + s.code(r.finding().id()) + "  " + s.text(r.finding().message())).toList());
        section(out, s, "Uncovers", d.uncovered().stream().map(u -> severity(u.finding().finding()) + " "
                + s.code(u.finding().finding().id()) + "  " + s.text(u.finding().finding().message()) + " (was within "
                + s.text(String.join(", ", u.within())) + ")").toList());
        section(out, s, "Readers gained", d.gainedReaders().stream().map(a -> s.text(a.conversation() + ": "
                + a.party() + " by " + TerminalReport.routes(a, after.analysis()) + explaining(explained, a))).toList());
        section(out, s, "Readers who read more widely", d.widened().stream().map(w -> s.text(w.after().conversation()
                + ": " + w.after().party() + ": " + String.join("; ", w.how()) + " (was " + TerminalReport.routes(w.before(), before.analysis())
                + "; now " + TerminalReport.routes(w.after(), after.analysis()) + ")" + explaining(explained, w.after()))).toList());
        section(out, s, "Readers lost", d.lostReaders().stream().map(a -> s.text(a.conversation() + ": "
                + a.party() + " (was " + TerminalReport.routes(a, before.analysis()) + ")")).toList());
        section(out, s, "Safety features", d.features().stream().map(f -> s.text(f.id() + ": "
                + (f.before() == null ? "added, " + verdict(f.after()) : f.after() == null ? "removed"
                : verdict(f.before()) + " → " + verdict(f.after())))).toList());
        section(out, s, "Objectives", d.objectives().stream().map(o -> s.text(o.objective() + ": "
                + objectiveChange(o.before(), o.after()) + weakenings(o))).toList());
        section(out, s, "Safeguards taken away", d.safeguardsRemoved().stream().map(g -> s.text(guard(g))).toList());
        section(out, s, "Safeguards still declared, no longer relevant",
                d.safeguardsNoLongerRelevant().stream().map(g -> s.text(guard(g))).toList());
        section(out, s, "Safeguards added", d.safeguardsAdded().stream().map(g -> s.text(guard(g))).toList());
        section(out, s, "Safeguards declared before, now relevant",
                d.safeguardsNowRelevant().stream().map(g -> s.text(guard(g))).toList());
        return out.toString();
    }

    private static void section(StringBuilder out, Style s, String title, List<String> items) {
        if (items.isEmpty()) return;
        out.append(s.heading(title));
        for (String item : items) out.append(s.item(item));
        if (s == PLAIN) out.append('\n');
    }

    private static String severity(Finding f) {
        return f.severity().yamlName().toUpperCase(Locale.ROOT);
    }

    private static String change(ReviewDiff.Change c) {
        Finding a = c.before().finding();
        Finding b = c.after().finding();
        List<String> parts = new ArrayList<>();
        if (c.what().contains("severity")) parts.add("severity " + a.severity().yamlName() + " → " + b.severity().yamlName());
        if (c.what().contains("readers")) {
            parts.add("readers " + (a.readers().isEmpty() ? "none" : String.join(", ", a.readers())) + " → "
                    + (b.readers().isEmpty() ? "none" : String.join(", ", b.readers())));
        }
        if (c.what().contains("condition")) {
            parts.add("when " + (a.condition() == null ? "-" : RuleEngine.condition(a.condition())) + " → "
                    + (b.condition() == null ? "-" : RuleEngine.condition(b.condition())));
        }
        if (c.what().contains("status")) parts.add(c.before().status().id() + " → " + c.after().status().id());
        return String.join("; ", parts);
    }

    private static String explaining(Review.Explaining r, Access a) {
        List<String> ids = r.of(a.conversation(), a.party()).stream().map(Finding::id).toList();
        return ids.isEmpty() ? "" : " → " + String.join(", ", ids);
    }

    private static String verdict(Reviewed r) {
        return r.finding().verdict() == null ? "-" : r.finding().verdict().yamlName();
    }

    /**
     * An objective before and after; when both are "not met", what it is served through, so that a
     * change of weakenings never prints as "not met → not met".
     */
    static String objectiveChange(ObjectiveAssessment b, ObjectiveAssessment a) {
        String before = status(b);
        String after = status(a);
        if (!before.equals(after) || b == null || a == null) return before + " → " + after;
        return before + ", now served only through " + through(a) + " (was " + through(b) + ")";
    }

    /** The weakenings behind an objective's change, when its status changed (else {@link #objectiveChange} names them). */
    private static String weakenings(ReviewDiff.ObjectiveChange o) {
        if (o.before() != null && status(o.before()).equals(status(o.after()))) return "";
        List<String> parts = new ArrayList<>();
        if (!o.nowThrough().isEmpty()) parts.add("now through " + String.join(", ", o.nowThrough()));
        if (!o.noLongerThrough().isEmpty()) parts.add("no longer through " + String.join(", ", o.noLongerThrough()));
        return parts.isEmpty() ? "" : " (" + String.join("; ", parts) + ")";
    }

    private static String through(ObjectiveAssessment o) {
        List<String> out = new ArrayList<>();
        for (ObjectiveAssessment.Through t : o.onlyThrough()) out.add(t.feature() + " via " + String.join(", ", t.weakenings()));
        return out.isEmpty() ? "nothing" : String.join("; ", out);
    }

    private static String status(ObjectiveAssessment o) {
        if (o == null) return "-";
        return o.status();
    }

    private static String guard(Safeguarded g) {
        return g.name() + " (" + g.text() + ", " + g.at() + "): " + (g.prevents() ? "prevents " : "makes visible ")
                + g.route().id();
    }

    /** Weakenings per severity, accepted ones included and said to be: "2 critical (2 accepted), 1 high". */
    private static String counts(Review r) {
        Map<Severity, Integer> counted = r.counts();
        Map<Severity, Integer> accepted = accepted(r);
        List<String> out = new ArrayList<>();
        for (Severity s : Severity.values()) {
            int all = counted.get(s) + accepted.get(s);
            if (all == 0) continue;
            out.add(all + " " + s.yamlName() + (accepted.get(s) > 0 ? " (" + accepted.get(s) + " accepted)" : ""));
        }
        return out.isEmpty() ? "no findings" : String.join(", ", out);
    }

    /** Accepted (not counted) weakenings per severity, every severity present. */
    private static Map<Severity, Integer> accepted(Review r) {
        Map<Severity, Integer> out = new EnumMap<>(Severity.class);
        for (Severity s : Severity.values()) out.put(s, 0);
        for (Reviewed w : r.weakenings()) if (!w.counts()) out.merge(w.finding().severity(), 1, Integer::sum);
        return out;
    }

    /** The comparison as JSON: documented in docs/diff-output.md. */
    public static String json(ReviewDiff d, Severity failOn) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", "e2ee-review/diff");
        root.put("formatVersion", 1);
        ObjectNode tool = root.putObject("tool");
        tool.put("name", "e2ee-review");
        tool.put("version", d.after().toolVersion());
        tool.put("rulesSha256", d.after().rulesDigest());
        tool.put("catalogSha256", d.after().catalogDigest());
        model(root.putObject("old"), d.before());
        model(root.putObject("new"), d.after());
        root.put("failOn", failOn == null ? "none" : failOn.yamlName());
        root.put("fails", d.introducesAtLeast(failOn));
        ArrayNode introduced = root.putArray("introduced");
        for (Reviewed r : d.introduced()) introduced.add(finding(r));
        ArrayNode changed = root.putArray("changed");
        for (ReviewDiff.Change c : d.changed()) {
            ObjectNode n = changed.addObject();
            n.put("id", c.after().finding().id());
            ArrayNode what = n.putArray("what");
            c.what().forEach(what::add);
            n.set("old", finding(c.before()));
            n.set("new", finding(c.after()));
        }
        ObjectNode superseded = root.putObject("superseded");
        d.superseded().forEach((k, v) -> {
            ArrayNode by = superseded.putArray(k);
            v.forEach(by::add);
        });
        ArrayNode removed = root.putArray("removed");
        for (Reviewed r : d.removed()) removed.add(finding(r));
        ArrayNode uncovered = root.putArray("uncovered");
        for (ReviewDiff.Uncovered u : d.uncovered()) {
            ObjectNode n = finding(u.finding());
            ArrayNode within = n.putArray("within");
            u.within().forEach(within::add);
            uncovered.add(n);
        }
        Review.Explaining after = d.after().explainingEveryReader();
        Review.Explaining before = d.before().explainingEveryReader();
        ArrayNode gained = root.putArray("readersGained");
        for (Access a : d.gainedReaders()) gained.add(reader(a, after));
        ArrayNode widened = root.putArray("readersWidened");
        for (ReviewDiff.Widening w : d.widened()) {
            ObjectNode n = reader(w.after(), after);
            ArrayNode how = n.putArray("how");
            w.how().forEach(how::add);
            n.set("before", reader(w.before(), before));
            widened.add(n);
        }
        ArrayNode lost = root.putArray("readersLost");
        for (Access a : d.lostReaders()) lost.add(reader(a, before));
        ArrayNode features = root.putArray("safetyFeatures");
        for (ReviewDiff.FeatureChange f : d.features()) {
            ObjectNode n = features.addObject();
            n.put("id", f.id());
            n.put("old", f.before() == null ? null : verdict(f.before()));
            n.put("new", f.after() == null ? null : verdict(f.after()));
        }
        ArrayNode objectives = root.putArray("objectives");
        for (ReviewDiff.ObjectiveChange o : d.objectives()) {
            ObjectNode n = objectives.addObject();
            n.put("objective", o.objective());
            n.put("old", status(o.before()));
            n.put("new", status(o.after()));
            ArrayNode now = n.putArray("nowThrough");
            o.nowThrough().forEach(now::add);
            ArrayNode noLonger = n.putArray("noLongerThrough");
            o.noLongerThrough().forEach(noLonger::add);
        }
        ArrayNode taken = root.putArray("safeguardsRemoved");
        for (Safeguarded g : d.safeguardsRemoved()) taken.add(guard(g));
        ArrayNode idle = root.putArray("safeguardsNoLongerRelevant");
        for (Safeguarded g : d.safeguardsNoLongerRelevant()) idle.add(guard(g));
        ArrayNode added = root.putArray("safeguardsAdded");
        for (Safeguarded g : d.safeguardsAdded()) added.add(guard(g));
        ArrayNode relevant = root.putArray("safeguardsNowRelevant");
        for (Safeguarded g : d.safeguardsNowRelevant()) relevant.add(guard(g));
        try {
            return JSON.writeValueAsString(root).replace("\r\n", "\n") + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void model(ObjectNode n, Review r) {
        n.put("file", r.model().file());
        n.put("sha256", r.model().sha256());
        n.put("verdict", r.verdict().id());
        ObjectNode counts = n.putObject("counts");
        r.counts().forEach((s, c) -> counts.put(s.yamlName(), c));
        ObjectNode accepted = n.putObject("accepted");
        accepted(r).forEach((s, c) -> accepted.put(s.yamlName(), c));
    }

    private static ObjectNode finding(Reviewed r) {
        ObjectNode n = JSON.createObjectNode();
        Finding f = r.finding();
        n.put("id", f.id());
        n.put("severity", f.severity().yamlName());
        n.put("status", r.status().id());
        n.put("message", f.message());
        ArrayNode readers = n.putArray("readers");
        f.readers().forEach(readers::add);
        n.put("condition", f.condition() == null ? null : f.condition().yamlName());
        return n;
    }

    private static ObjectNode reader(Access a, Review.Explaining in) {
        ObjectNode n = JSON.createObjectNode();
        n.put("conversation", a.conversation());
        n.put("party", a.party());
        ArrayNode routes = n.putArray("routes");
        a.routes().forEach(r -> routes.add(r.id()));
        n.put("condition", a.condition().yamlName());
        ArrayNode through = n.putArray("through");
        a.through().forEach(through::add);
        ArrayNode findings = n.putArray("findings");
        in.of(a.conversation(), a.party()).forEach(f -> findings.add(f.id()));
        return n;
    }
}
