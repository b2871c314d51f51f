package org.e2eereview.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;

import org.e2eereview.analysis.Access;
import org.e2eereview.analysis.Step;
import org.e2eereview.assess.Assessment;
import org.e2eereview.assess.Assessor;
import org.e2eereview.catalog.Entries.Citation;
import org.e2eereview.catalog.Entries.Proposal;
import org.e2eereview.catalog.Severity;
import org.e2eereview.diff.ReviewDiff;
import org.e2eereview.report.escape.Inert;
import org.e2eereview.review.ObjectiveAssessment;
import org.e2eereview.review.Review;
import org.e2eereview.review.Reviewed;
import org.e2eereview.rules.Finding;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What each lawful-access proposal would do to a design, for a terminal and as JSON: the design as
 * it is, then per proposal the readers it adds, the findings it introduces with their evidence (in
 * the patch and in the model), what it claims and what would serve the same ends without weakening.
 */
public final class AssessReport {

    /** Not flushed after each value: the report writes thousands of them into one buffered stream. */
    private static final ObjectMapper JSON = InertJson.mapper().disable(SerializationFeature.FLUSH_AFTER_WRITE_VALUE);

    private AssessReport() {
    }

    /**
     * A report in one format made a proposal at a time, as each is assessed (hand it to {@link
     * Assessor#assess(java.nio.file.Path, List, BiConsumer)}) while its patched review is held: a large
     * design's eight patched reviews, or their JSON trees, do not fit in memory at once. Gives the bytes of
     * {@link #text(Assessor.Result, Severity)} or {@link #json(Assessor.Result, Severity)}.
     */
    public static final class Parts implements BiConsumer<Review, Assessment> {
        private final boolean json;
        private final Severity failOn;
        private final StringBuilder text = new StringBuilder();
        private final Buffer bytes = new Buffer();
        private JsonGenerator g;
        private boolean finished;

        /** @param json the JSON report, else the text */
        public Parts(boolean json, Severity failOn) {
            this.json = json;
            this.failOn = failOn;
        }

        @Override
        public void accept(Review design, Assessment a) {
            if (!json) {
                proposal(text, a);
                return;
            }
            try {
                start(design);
                g.writeTree(jsonPart(a));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** The report, once every proposal is assessed. */
        public String report(Assessor.Result result) {
            try {
                return new String(finish(result).readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /**
         * The report's bytes (UTF-8), once every proposal is assessed, read from where they were made: the
         * JSON of a large design's assessment is hundreds of megabytes, and is not copied into a string.
         */
        public java.io.InputStream finish(Assessor.Result result) {
            if (!json) return new java.io.ByteArrayInputStream(text(result.original(), failOn, text).getBytes(StandardCharsets.UTF_8));
            try {
                if (!finished) {
                    start(result.original());
                    g.writeEndArray();
                    g.writeEndObject();
                    g.writeRaw('\n');
                    g.close();
                    finished = true;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return bytes.read();
        }

        private void start(Review design) throws IOException {
            if (g != null) return;
            g = InertJson.generator(JSON, bytes);
            g.writeStartObject();
            g.writeStringField("format", "e2ee-review/assess");
            g.writeNumberField("formatVersion", 1);
            ObjectNode tool = JSON.createObjectNode();
            tool.put("name", "e2ee-review");
            tool.put("version", design.toolVersion());
            tool.put("rulesSha256", design.rulesDigest());
            tool.put("catalogSha256", design.catalogDigest());
            g.writeFieldName("tool");
            g.writeTree(tool);
            ObjectNode model = JSON.createObjectNode();
            model.put("file", design.model().file());
            model.put("sha256", design.model().sha256());
            model.put("system", design.model().system().name());
            g.writeFieldName("model");
            g.writeTree(model);
            ObjectNode d = JSON.createObjectNode();
            d.put("verdict", design.verdict().id());
            d.put("failOn", failOn == null ? "none" : failOn.yamlName());
            d.put("fails", design.failsAt(failOn));
            g.writeFieldName("design");
            g.writeTree(d);
            g.writeArrayFieldStart("proposals");
        }
    }

    /** Bytes written once and read in place. */
    private static final class Buffer extends ByteArrayOutputStream {
        java.io.InputStream read() {
            return new java.io.ByteArrayInputStream(buf, 0, count);
        }
    }

    public static String text(Assessor.Result result, Severity failOn) {
        return whole(result, new Parts(false, failOn));
    }

    /** The assessment as JSON: documented in docs/json-output.md, section "assess". */
    public static String json(Assessor.Result result, Severity failOn) {
        return whole(result, new Parts(true, failOn));
    }

    private static String whole(Assessor.Result result, Parts parts) {
        for (Assessment a : result.assessments()) parts.accept(result.original(), a);
        return parts.report(result);
    }

    private static String text(Review design, Severity failOn, CharSequence parts) {
        StringBuilder out = new StringBuilder();
        out.append("e2ee-review ").append(design.toolVersion()).append(" · assess · ").append(design.model().file())
                .append(" · ").append(design.model().system().name()).append("\n\n");
        out.append("The design as it is: ").append(design.verdict().text()).append(" (").append(design.countsInWords())
                .append(")");
        if (failOn != null) out.append(design.failsAt(failOn) ? " · fails at --fail-on " : " · passes --fail-on ")
                .append(failOn.yamlName());
        out.append("\n\n");
        out.append(parts);
        out.append("rules sha256:").append(design.rulesDigest(), 0, 16).append(" · catalog sha256:")
                .append(design.catalogDigest(), 0, 16).append(" · model sha256:").append(design.model().sha256(), 0, 16)
                .append('\n');
        return Inert.text(out.toString());
    }

    private static void proposal(StringBuilder out, Assessment a) {
        Proposal p = a.proposal();
        out.append(p.id().toUpperCase(Locale.ROOT)).append(" · ").append(p.title()).append(" (").append(p.year())
                .append(")\n");
        out.append("  ").append(p.summary()).append('\n');
        out.append("  proposed by: ").append(p.proposedBy()).append('\n');
        out.append("  claims to serve: ").append(String.join(", ", p.claims())).append('\n');
        if (!a.applied()) {
            out.append("  CANNOT APPLY: ").append(a.notApplicable()).append("\n\n");
            return;
        }
        Review after = a.patched();
        out.append("  applied to: ").append(a.bindings().entrySet().stream()
                .map(e -> e.getKey() + " = " + (e.getValue().isEmpty() ? "(none)" : String.join(", ", e.getValue())))
                .collect(Collectors.joining("; "))).append('\n');
        out.append("  verdict with it: ").append(after.verdict().text()).append(" (").append(after.countsInWords()).append(")\n");
        Review.Explaining explaining = after.explainingEveryReader();
        out.append("  new readers:");
        if (a.newReaders().isEmpty()) {
            out.append(a.widened().isEmpty() ? " none (every party it adds already reads, and no more widely)"
                    : " none, but some read more widely (below)");
        }
        out.append('\n');
        for (Access r : a.newReaders()) {
            out.append("    ").append(r.conversation()).append(": ").append(r.party()).append(" by ")
                    .append(TerminalReport.routes(r, after.analysis())).append(" → ")
                    .append(explaining.of(r.conversation(), r.party()).stream().map(Finding::id)
                            .collect(Collectors.joining(", "))).append('\n');
        }
        if (!a.widened().isEmpty()) out.append("  reads more widely:\n");
        for (ReviewDiff.Widening w : a.widened()) {
            out.append("    ").append(w.after().conversation()).append(": ").append(w.after().party()).append(": ")
                    .append(String.join("; ", w.how())).append(" (now ").append(TerminalReport.routes(w.after(), after.analysis()))
                    .append(") → ").append(explaining.of(w.after().conversation(), w.after().party()).stream()
                            .map(Finding::id).collect(Collectors.joining(", "))).append('\n');
        }
        out.append("  introduces:");
        if (a.introduced().isEmpty()) out.append(" no new finding (the design already has what it asks for)");
        out.append('\n');
        for (Reviewed r : a.introduced()) finding(out, r.finding());
        for (Reviewed r : a.changed()) {
            out.append("  changes: ").append(r.finding().severity().yamlName().toUpperCase(Locale.ROOT)).append(' ')
                    .append(r.finding().id()).append(r.finding().readers().isEmpty()
                            ? " now names no reader" + (r.finding().withoutReaders() == null ? ""
                                    : ": " + r.finding().withoutReaders())
                            : " now names " + String.join(", ", r.finding().readers()))
                    .append('\n');
        }
        a.superseded().forEach((old, by) -> out.append("  replaces: ").append(old).append(" by ")
                .append(String.join(", ", by)).append('\n'));
        for (String id : a.removed()) out.append("  removes: ").append(id).append('\n');
        for (String w : a.missing()) {
            out.append("  note: the catalog says it is ").append(w).append(", which the review did not find here\n");
        }
        for (Assessment.ObjectiveChange o : a.objectives()) {
            out.append("  ").append(o.objective()).append(": as designed, ").append(status(o.before()))
                    .append("; with it, served only through ")
                    .append(a.introduced().isEmpty() ? "what the design already has"
                            : a.introduced().stream().map(r -> r.finding().id()).collect(Collectors.joining(", ")))
                    .append('\n');
        }
        List<String> instead = new ArrayList<>();
        for (Assessment.Alternative alt : a.alternatives()) {
            instead.add(alt.feature() + (alt.inDesign().isEmpty() ? "" : " (in this design: "
                    + String.join(", ", alt.inDesign()) + ")"));
        }
        if (!instead.isEmpty()) out.append("  without weakening instead: ").append(String.join("; ", instead)).append('\n');
        out.append("  refs: ").append(refs(p)).append("\n\n");
    }

    private static void finding(StringBuilder out, Finding f) {
        out.append("    ").append(f.severity().yamlName().toUpperCase(Locale.ROOT)).append(' ').append(f.id())
                .append("  ").append(f.message()).append('\n');
        out.append("      ").append(f.systemic() ? "systemic" : "targeted").append(" · blast radius: ")
                .append(f.blastRadius()).append('\n');
        if (f.withoutReaders() != null) out.append("      no reader named: ").append(f.withoutReaders()).append('\n');
        for (Finding.Chain c : f.evidence()) {
            out.append("      ").append(c.title()).append(":\n");
            for (Step s : c.steps()) out.append("        ").append(s.at()).append("  ").append(s.text()).append('\n');
        }
    }

    private static String status(ObjectiveAssessment o) {
        if (o == null) return "not assessed";
        return o.status();
    }


    private static String refs(Proposal p) {
        Set<String> out = new LinkedHashSet<>();
        for (Citation c : p.references()) out.add(c.ref() + (c.section() == null ? "" : " " + c.section()));
        p.legal().forEach(l -> out.add(l.provision()));
        return String.join("; ", out);
    }

    private static ObjectNode jsonPart(Assessment a) {
        ObjectNode n = JSON.createObjectNode();
        proposal(n, a);
        return n;
    }

    private static void proposal(ObjectNode n, Assessment a) {
        Proposal p = a.proposal();
        n.put("id", p.id());
        n.put("title", p.title());
        n.put("year", p.year());
        ArrayNode claims = n.putArray("claims");
        p.claims().forEach(claims::add);
        ArrayNode patterns = n.putArray("weakenings");
        p.weakenings().forEach(patterns::add);
        n.put("applied", a.applied());
        if (!a.applied()) n.put("notApplicable", a.notApplicable());
        ObjectNode bindings = n.putObject("bindings");
        a.bindings().forEach((k, v) -> {
            ArrayNode ids = bindings.putArray(k);
            v.forEach(ids::add);
        });
        if (!a.applied()) return;
        n.put("verdict", a.patched().verdict().id());
        Review.Explaining explained = a.patched().explainingEveryReader();
        ArrayNode readers = n.putArray("newReaders");
        for (Access r : a.newReaders()) {
            ObjectNode x = readers.addObject();
            x.put("conversation", r.conversation());
            x.put("party", r.party());
            ArrayNode routes = x.putArray("routes");
            r.routes().forEach(route -> routes.add(route.id()));
            x.put("condition", r.condition().yamlName());
            x.put("reach", r.reach().yamlName());
            ArrayNode through = x.putArray("through");
            r.through().forEach(through::add);
            ArrayNode findings = x.putArray("findings");
            explained.of(r.conversation(), r.party()).forEach(f -> findings.add(f.id()));
        }
        ArrayNode widened = n.putArray("widened");
        for (ReviewDiff.Widening w : a.widened()) {
            ObjectNode x = widened.addObject();
            x.put("conversation", w.after().conversation());
            x.put("party", w.after().party());
            ArrayNode how = x.putArray("how");
            w.how().forEach(how::add);
            ArrayNode routes = x.putArray("routes");
            w.after().routes().forEach(route -> routes.add(route.id()));
            x.put("condition", w.after().condition().yamlName());
            x.put("reach", w.after().reach().yamlName());
            ArrayNode findings = x.putArray("findings");
            explained.of(w.after().conversation(), w.after().party()).forEach(f -> findings.add(f.id()));
        }
        ArrayNode introduced = n.putArray("introduced");
        for (Reviewed r : a.introduced()) introduced.add(finding(r.finding()));
        ArrayNode changed = n.putArray("changed");
        for (Reviewed r : a.changed()) changed.add(finding(r.finding()));
        ObjectNode superseded = n.putObject("superseded");
        a.superseded().forEach((k, v) -> {
            ArrayNode by = superseded.putArray(k);
            v.forEach(by::add);
        });
        ArrayNode removed = n.putArray("removed");
        a.removed().forEach(removed::add);
        ArrayNode missing = n.putArray("missing");
        a.missing().forEach(missing::add);
        ArrayNode alternatives = n.putArray("alternatives");
        for (Assessment.Alternative alt : a.alternatives()) {
            ObjectNode x = alternatives.addObject();
            x.put("feature", alt.feature());
            ArrayNode serves = x.putArray("objectives");
            alt.objectives().forEach(serves::add);
            ArrayNode in = x.putArray("inDesign");
            alt.inDesign().forEach(in::add);
        }
    }

    private static ObjectNode finding(Finding f) {
        ObjectNode n = JSON.createObjectNode();
        n.put("id", f.id());
        n.put("rule", f.rule());
        n.put("severity", f.severity().yamlName());
        n.put("message", f.message());
        n.put("systemic", f.systemic());
        n.put("blastRadius", f.blastRadius());
        ArrayNode readers = n.putArray("readers");
        f.readers().forEach(readers::add);
        n.put("withoutReaders", f.withoutReaders());
        ArrayNode evidence = n.putArray("evidence");
        for (Finding.Chain c : f.evidence()) {
            ObjectNode chain = evidence.addObject();
            chain.put("title", c.title());
            ArrayNode steps = chain.putArray("steps");
            for (Step s : c.steps()) {
                ObjectNode step = steps.addObject();
                step.put("text", s.text());
                step.put("file", s.at().file());
                step.put("line", s.at().line());
                step.put("column", s.at().column());
            }
        }
        return n;
    }
}
