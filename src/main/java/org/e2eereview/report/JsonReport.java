package org.e2eereview.report;

import java.util.List;


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

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The review as JSON, documented in docs/json-output.md. Keys come in a fixed order and lists in
 * a fixed order, so the same model and rules give the same bytes.
 */
public final class JsonReport {

    /** Bumped when a field changes meaning or disappears; adding fields does not bump it. */
    public static final int FORMAT_VERSION = 2;

    private static final ObjectMapper JSON = InertJson.mapper();

    private JsonReport() {
    }

    public static String render(Review review, Severity failOn) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", "e2ee-review/review");
        root.put("formatVersion", FORMAT_VERSION);
        ObjectNode tool = root.putObject("tool");
        tool.put("name", "e2ee-review");
        tool.put("version", review.toolVersion());
        tool.put("rulesSha256", review.rulesDigest());
        tool.put("catalogSha256", review.catalogDigest());
        ObjectNode model = root.putObject("model");
        model.put("file", review.model().file());
        model.put("sha256", review.model().sha256());
        model.put("system", review.model().system().name());
        model.put("formatVersion", review.model().formatVersion());

        ObjectNode verdict = root.putObject("verdict");
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

        ArrayNode access = root.putArray("access");
        Review.Explaining explained = review.explainingEveryReader();
        for (Access a : review.access()) access.add(access(a, explained));
        ArrayNode disclosures = root.putArray("memberDisclosures");
        for (Access a : review.disclosures()) {
            ObjectNode n = disclosures.addObject();
            n.put("conversation", a.conversation());
            n.put("party", a.party());
            evidence(n.putArray("evidence"), a);
        }
        ArrayNode findings = root.putArray("findings");
        for (Reviewed r : review.weakenings()) findings.add(finding(r, review));
        ArrayNode features = root.putArray("safetyFeatures");
        for (Reviewed r : review.safetyFeatures()) features.add(finding(r, review));
        ArrayNode objectives = root.putArray("objectives");
        for (ObjectiveAssessment o : review.objectives()) objectives.add(objective(o));
        ArrayNode notAssessed = root.putArray("notAssessed");
        for (var x : review.notAssessed()) {
            ObjectNode n = notAssessed.addObject();
            n.put("rule", x.rule());
            n.put("elementKind", x.inspects().yamlName());
            n.put("element", x.element());
            n.put("field", x.field());
            location(n.putObject("location"), x.at());
        }
        ArrayNode safeguards = root.putArray("safeguards");
        for (Safeguarded s : review.safeguards()) {
            ObjectNode n = safeguard(safeguards.addObject(), s);
            n.put("element", s.element());
        }
        ArrayNode notes = root.putArray("notes");
        for (Review.Note x : review.notes()) {
            ObjectNode n = notes.addObject();
            n.put("message", x.message());
            location(n.putObject("location"), x.at());
        }
        ArrayNode unused = root.putArray("unusedAcceptances");
        review.unusedAcceptances().forEach(a -> unused.add(a.findingId()));
        if (review.baseline() == null) {
            root.putNull("baseline");
        } else {
            ObjectNode b = root.putObject("baseline");
            b.put("file", review.baseline().file());
            b.put("sha256", review.baseline().sha256());
            b.put("entries", review.baseline().entries().size());
        }
        try {
            return JSON.writeValueAsString(root).replace("\r\n", "\n") + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
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
        if (f.kind() == org.e2eereview.rules.RuleKind.WEAKENING) {
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
        catalog(n.putObject("catalog"), f.catalog(), review);
        return n;
    }

    private static void catalog(ObjectNode n, String id, Review review) {
        n.put("id", id);
        Weakening w = review.catalog().weakenings().get(id);
        SafetyFeature s = review.catalog().safetyFeatures().get(id);
        if (w != null) {
            n.put("summary", w.summary());
            ArrayNode breaks = n.putArray("breaks");
            w.breaks().stream().map(ModelEnum::yamlName).forEach(breaks::add);
            citations(n.putArray("references"), w.references(), review);
            legal(n.putArray("legal"), w.legal());
            n.put("alternative", w.alternative());
        } else if (s != null) {
            n.put("summary", s.summary());
            n.put("preservesE2ee", s.preservesE2ee().yamlName());
            if (s.weakening() != null) n.put("weakening", s.weakening());
            ArrayNode objectives = n.putArray("objectives");
            s.objectives().forEach(objectives::add);
            citations(n.putArray("references"), s.references(), review);
            legal(n.putArray("legal"), s.legal());
        }
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
