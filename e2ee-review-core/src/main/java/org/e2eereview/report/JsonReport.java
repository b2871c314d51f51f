package org.e2eereview.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.e2eereview.analysis.Access;
import org.e2eereview.analysis.Reading;
import org.e2eereview.analysis.Safeguarded;
import org.e2eereview.analysis.Step;
import org.e2eereview.catalog.Entries.Citation;
import org.e2eereview.catalog.Entries.Legal;
import org.e2eereview.catalog.Entries.SafetyFeature;
import org.e2eereview.catalog.Entries.Weakening;
import org.e2eereview.catalog.Severity;
import org.e2eereview.model.Location;
import org.e2eereview.model.ModelEnum;
import org.e2eereview.review.ObjectiveAssessment;
import org.e2eereview.review.Review;
import org.e2eereview.review.Reviewed;
import org.e2eereview.rules.Finding;
import org.e2eereview.rules.RuleKind;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The review as JSON, documented in docs/json-output.md. Keys come in a fixed order and lists in
 * a fixed order, so the same model and rules give the same bytes.
 */
public final class JsonReport {

    /** Bumped when a field changes meaning or disappears; adding fields does not bump it. */
    public static final int FORMAT_VERSION = 3;

    /** Not flushed after each value: the report writes thousands of them into one buffered stream. */
    private static final ObjectMapper JSON = InertJson.mapper().disable(SerializationFeature.FLUSH_AFTER_WRITE_VALUE);

    private JsonReport() {
    }

    public static String render(Review review, Severity failOn) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            write(review, failOn, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /**
     * Writes the report as it goes: each access entry and finding is built, written and dropped, so
     * memory does not grow with the output (a large model's report is many times its size).
     */
    public static void write(Review review, Severity failOn, OutputStream to) throws IOException {
        try (JsonGenerator g = InertJson.generator(JSON, to)) {
            g.writeStartObject();
            g.writeStringField("format", "e2ee-review/review");
            g.writeNumberField("formatVersion", FORMAT_VERSION);
            ObjectNode tool = JSON.createObjectNode();
            tool.put("name", "e2ee-review");
            tool.put("version", review.toolVersion());
            tool.put("rulesSha256", review.rulesDigest());
            tool.put("catalogSha256", review.catalogDigest());
            field(g, "tool", tool);
            ObjectNode model = JSON.createObjectNode();
            model.put("file", review.model().file());
            model.put("sha256", review.model().sha256());
            model.put("system", review.model().system().name());
            model.put("formatVersion", review.model().formatVersion());
            field(g, "model", model);

            ObjectNode verdict = JSON.createObjectNode();
            verdict.put("verdict", review.verdict().id());
            ArrayNode notE2e = verdict.putArray("notEndToEndByDefault");
            review.notEndToEndByDefault().forEach(notE2e::add);
            ArrayNode contradicted = verdict.putArray("contradicted");
            review.contradicted().forEach(contradicted::add);
            verdict.put("weakened", review.weakened());
            verdict.put("failOn", failOn == null ? "none" : failOn.yamlName());
            verdict.put("fails", review.failsAt(failOn));
            ObjectNode counts = verdict.putObject("counts");
            review.counts().forEach((s, n) -> counts.put(s.yamlName(), n));
            field(g, "verdict", verdict);

            Review.Explaining explained = review.explainingEveryReader();
            g.writeArrayFieldStart("access");
            for (Access a : review.access()) g.writeTree(access(a, explained));
            g.writeEndArray();
            g.writeArrayFieldStart("memberDisclosures");
            for (Access a : review.disclosures()) {
                ObjectNode n = JSON.createObjectNode();
                n.put("conversation", a.conversation());
                n.put("party", a.party());
                evidence(n.putArray("evidence"), a);
                g.writeTree(n);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("findings");
            for (Reviewed r : review.weakenings()) g.writeTree(finding(r, review));
            g.writeEndArray();
            g.writeArrayFieldStart("safetyFeatures");
            for (Reviewed r : review.safetyFeatures()) g.writeTree(finding(r, review));
            g.writeEndArray();
            // Each entry once, however many findings cite it: repeated per finding it was most of a
            // large model's report.
            Set<String> cited = new TreeSet<>();
            for (Reviewed r : review.weakenings()) cited.add(r.finding().catalog());
            for (Reviewed r : review.safetyFeatures()) cited.add(r.finding().catalog());
            g.writeArrayFieldStart("catalog");
            for (String id : cited) g.writeTree(catalog(id, review));
            g.writeEndArray();
            g.writeArrayFieldStart("objectives");
            for (ObjectiveAssessment o : review.objectives()) g.writeTree(objective(o));
            g.writeEndArray();
            g.writeArrayFieldStart("notAssessed");
            for (var x : review.notAssessed()) {
                ObjectNode n = JSON.createObjectNode();
                n.put("rule", x.rule());
                n.put("elementKind", x.inspects().yamlName());
                n.put("element", x.element());
                n.put("field", x.field());
                location(n.putObject("location"), x.at());
                g.writeTree(n);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("safeguards");
            for (Safeguarded s : review.safeguards()) {
                ObjectNode n = safeguard(JSON.createObjectNode(), s);
                n.put("element", s.element());
                g.writeTree(n);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("notes");
            for (Review.Note x : review.notes()) {
                ObjectNode n = JSON.createObjectNode();
                n.put("message", x.message());
                location(n.putObject("location"), x.at());
                g.writeTree(n);
            }
            g.writeEndArray();
            ArrayNode unused = JSON.createArrayNode();
            review.unusedAcceptances().forEach(a -> unused.add(a.findingId()));
            field(g, "unusedAcceptances", unused);
            if (review.baseline() == null) {
                g.writeNullField("baseline");
            } else {
                ObjectNode b = JSON.createObjectNode();
                b.put("file", review.baseline().file());
                b.put("sha256", review.baseline().sha256());
                b.put("entries", review.baseline().entries().size());
                field(g, "baseline", b);
            }
            g.writeEndObject();
            g.writeRaw('\n');
        }
    }

    private static void field(JsonGenerator g, String name, JsonNode value) throws IOException {
        g.writeFieldName(name);
        g.writeTree(value);
    }

    private static ObjectNode access(Access a, Review.Explaining explained) {
        ObjectNode n = JSON.createObjectNode();
        n.put("conversation", a.conversation());
        n.put("party", a.party());
        ArrayNode routes = n.putArray("routes");
        a.routes().forEach(r -> routes.add(r.id()));
        n.put("partial", a.partial());
        n.put("systemic", a.systemic());
        n.put("condition", a.condition().yamlName());
        n.put("reach", a.reach().yamlName());
        ArrayNode through = n.putArray("through");
        a.through().forEach(through::add);
        n.put("detectable", a.detectable());
        ArrayNode findings = n.putArray("findings");
        explained.of(a.conversation(), a.party()).forEach(f -> findings.add(f.id()));
        evidence(n.putArray("evidence"), a);
        return n;
    }

    private static void evidence(ArrayNode evidence, Access a) {
        for (Reading r : a.readings()) {
            ObjectNode chain = evidence.addObject();
            chain.put("route", r.route().id());
            chain.put("data", r.data());
            chain.put("condition", r.condition().yamlName());
            chain.put("reach", r.reach().yamlName());
            ArrayNode through = chain.putArray("through");
            r.through().forEach(through::add);
            ArrayNode lowering = chain.putArray("loweredBy");
            r.lowering().forEach(s -> lowering.add(s.name()));
            steps(chain.putArray("steps"), r.evidence().steps());
        }
    }

    private static ObjectNode safeguard(ObjectNode n, Safeguarded s) {
        n.put("safeguard", s.name());
        n.put("effect", s.safeguard().effect().yamlName());
        n.put("route", s.route().id());
        n.put("text", s.text());
        location(n.putObject("location"), s.at());
        return n;
    }

    private static ObjectNode finding(Reviewed r, Review review) {
        Finding f = r.finding();
        ObjectNode n = JSON.createObjectNode();
        n.put("id", f.id());
        n.put("rule", f.rule());
        n.put("title", f.title());
        n.put("kind", f.kind().yamlName());
        n.put("severity", f.severity().yamlName());
        if (f.severityBecause() != null) n.put("severityBecause", f.severityBecause());
        if (f.verdict() != null) n.put("verdict", f.verdict().yamlName());
        n.put("elementKind", f.inspects().yamlName());
        n.put("element", f.element());
        location(n.putObject("location"), f.at());
        n.put("message", f.message());
        ArrayNode readers = n.putArray("readers");
        f.readers().forEach(readers::add);
        ArrayNode reads = n.putArray("reads");
        for (Finding.Read x : f.reads()) {
            ObjectNode read = reads.addObject();
            read.put("conversation", x.conversation());
            read.put("party", x.party());
            read.put("condition", x.condition().yamlName());
            ArrayNode through = read.putArray("through");
            x.through().forEach(through::add);
            ArrayNode lowering = read.putArray("loweredBy");
            x.lowering().stream().map(Safeguarded::name).distinct().forEach(lowering::add);
        }
        ArrayNode disclosed = n.putArray("disclosedToUsers");
        for (Finding.Disclosed d : f.disclosed()) {
            ObjectNode x = disclosed.addObject();
            x.put("party", d.party());
            x.put("where", d.where());
            location(x.putObject("location"), d.at());
        }
        n.put("withoutReaders", f.withoutReaders());
        if (f.kind() == RuleKind.WEAKENING) {
            n.put("systemic", f.systemic());
            n.put("blastRadius", f.blastRadius());
        }
        ArrayNode evidence = n.putArray("evidence");
        for (Finding.Chain c : f.evidence()) {
            ObjectNode chain = evidence.addObject();
            chain.put("title", c.title());
            steps(chain.putArray("steps"), c.steps());
        }
        ArrayNode safeguards = n.putArray("safeguards");
        for (Safeguarded s : f.safeguards()) safeguard(safeguards.addObject(), s);
        n.put("remediation", f.remediation().strip());
        n.put("status", r.status().id());
        if (r.acceptance() != null) {
            ObjectNode a = n.putObject("acceptance");
            a.put("status", r.acceptance().status().yamlName());
            a.put("justification", r.acceptance().justification());
            a.put("decidedBy", r.acceptance().decidedBy());
            if (r.acceptance().until() != null) a.put("until", r.acceptance().until().toString());
            a.put("key", r.acceptance().findingId());
            location(a.putObject("location"), r.acceptance().source().at());
        }
        n.put("catalog", f.catalog());
        return n;
    }

    private static ObjectNode catalog(String id, Review review) {
        ObjectNode n = JSON.createObjectNode();
        n.put("id", id);
        Weakening w = review.catalog().weakenings().get(id);
        SafetyFeature s = review.catalog().safetyFeatures().get(id);
        if (w != null) {
            n.put("kind", RuleKind.WEAKENING.yamlName());
            n.put("summary", w.summary());
            ArrayNode breaks = n.putArray("breaks");
            w.breaks().stream().map(ModelEnum::yamlName).forEach(breaks::add);
            citations(n.putArray("references"), w.references(), review);
            legal(n.putArray("legal"), w.legal());
            n.put("alternative", w.alternative());
        } else if (s != null) {
            n.put("kind", RuleKind.SAFETY_FEATURE.yamlName());
            n.put("summary", s.summary());
            n.put("preservesE2ee", s.preservesE2ee().yamlName());
            if (s.weakening() != null) n.put("weakening", s.weakening());
            ArrayNode objectives = n.putArray("objectives");
            s.objectives().forEach(objectives::add);
            citations(n.putArray("references"), s.references(), review);
            legal(n.putArray("legal"), s.legal());
        }
        return n;
    }

    private static void citations(ArrayNode out, List<Citation> citations, Review review) {
        for (Citation c : citations) {
            ObjectNode n = out.addObject();
            n.put("ref", c.ref());
            var ref = review.catalog().references().get(c.ref());
            if (ref != null) {
                n.put("title", ref.title());
                if (ref.url() != null) n.put("url", ref.url());
            }
            if (c.section() != null) n.put("section", c.section());
        }
    }

    private static void legal(ArrayNode out, List<Legal> legal) {
        for (Legal l : legal) {
            ObjectNode n = out.addObject();
            n.put("provision", l.provision());
            n.put("ref", l.ref());
        }
    }

    private static ObjectNode objective(ObjectiveAssessment o) {
        ObjectNode n = JSON.createObjectNode();
        n.put("id", o.objective());
        n.put("title", o.title());
        n.put("metWithoutWeakening", o.metWithoutWeakening());
        n.put("answeredByReview", o.answer());
        ArrayNode met = n.putArray("metBy");
        o.metBy().forEach(met::add);
        ArrayNode through = n.putArray("onlyThrough");
        for (ObjectiveAssessment.Through t : o.onlyThrough()) {
            ObjectNode x = through.addObject();
            x.put("feature", t.feature());
            ArrayNode w = x.putArray("weakenings");
            t.weakenings().forEach(w::add);
        }
        ArrayNode suggestions = n.putArray("suggestions");
        o.suggestions().forEach(suggestions::add);
        return n;
    }

    private static void steps(ArrayNode out, List<Step> steps) {
        for (Step s : steps) {
            ObjectNode n = out.addObject();
            n.put("text", s.text());
            location(n.putObject("location"), s.at());
        }
    }

    private static void location(ObjectNode n, Location at) {
        n.put("file", at.file());
        n.put("line", at.line());
        n.put("column", at.column());
    }

}
