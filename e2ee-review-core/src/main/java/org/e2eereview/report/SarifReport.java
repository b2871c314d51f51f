package org.e2eereview.report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.e2eereview.analysis.Step;
import org.e2eereview.catalog.Catalog;
import org.e2eereview.catalog.Entries.Citation;
import org.e2eereview.catalog.Entries.Weakening;
import org.e2eereview.catalog.Severity;
import org.e2eereview.model.Acceptance;
import org.e2eereview.model.Location;
import org.e2eereview.report.escape.Markdown;
import org.e2eereview.report.escape.SarifMessage;
import org.e2eereview.review.Review;
import org.e2eereview.review.Reviewed;
import org.e2eereview.rules.Finding;
import org.e2eereview.rules.Rule;
import org.e2eereview.rules.RuleKind;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The review as SARIF 2.1.0, for code scanning: one result per weakening finding, located at the
 * model line of the element it is about, with the evidence as related locations that its message
 * links, the finding id as a stable fingerprint, and accepted findings as suppressions with their
 * justification. Paths are relative to the repository that holds the model, as GitHub code
 * scanning expects; outside a repository they are absolute file: URIs, since nothing else would
 * say where the file is.
 *
 * <p>The run carries no automationDetails.id: GitHub takes the category from it over the
 * upload's own {@code category}, so one written here would silently merge or split the analyses a
 * team names when it uploads.
 */
public final class SarifReport {

    /** Not flushed after each value: the log writes thousands of them into one buffered stream. */
    private static final ObjectMapper JSON = InertJson.mapper().disable(SerializationFeature.FLUSH_AFTER_WRITE_VALUE);

    private SarifReport() {
    }

    public static String render(Review review) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try {
            write(review, out);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /**
     * Writes the log as it goes: each result is built, written and dropped, so that a large model's
     * log (several times the model) is never held whole, as a tree or as text.
     */
    public static void write(Review review, OutputStream to) throws IOException {
        Path modelPath = Path.of(review.model().file());
        Path root = repositoryRoot(modelPath);
        try (JsonGenerator g = InertJson.generator(JSON, to)) {
            g.writeStartObject();
            g.writeStringField("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
            g.writeStringField("version", "2.1.0");
            g.writeArrayFieldStart("runs");
            g.writeStartObject();
            ObjectNode driver = JSON.createObjectNode();
            driver.put("name", "e2ee-review");
            driver.put("version", review.toolVersion());
            driver.put("semanticVersion", review.toolVersion().replace("-SNAPSHOT", ""));
            ArrayNode rules = driver.putArray("rules");
            Map<String, Integer> index = new TreeMap<>();
            for (Rule r : weakeningRules(review)) {
                index.put(r.id(), index.size());
                rules.add(rule(r, review));
            }
            g.writeObjectFieldStart("tool");
            g.writeFieldName("driver");
            g.writeTree(driver);
            g.writeEndObject();
            g.writeArrayFieldStart("results");
            for (Reviewed r : review.weakenings()) g.writeTree(result(r, index, review, root));
            g.writeEndArray();
            ObjectNode props = JSON.createObjectNode();
            props.put("verdict", review.verdict().id());
            props.put("rulesSha256", review.rulesDigest());
            props.put("catalogSha256", review.catalogDigest());
            props.put("modelSha256", review.model().sha256());
            g.writeFieldName("properties");
            g.writeTree(props);
            g.writeEndObject();
            g.writeEndArray();
            g.writeEndObject();
            g.writeRaw('\n');
        }
    }

    /** The help a SARIF rule carries: what the pattern is, what to do instead, and its sources. */
    private static String ruleHelp(Rule r, Weakening w, Catalog catalog) {
        StringBuilder out = new StringBuilder();
        out.append("**").append(Markdown.escape(r.title())).append("**\n\n");
        if (w != null) out.append(Markdown.escape(w.description())).append("\n\n");
        out.append("**Fix:** ").append(Markdown.escape(r.remediation().strip())).append("\n\n");
        if (w != null) {
            out.append("**Instead:** ").append(Markdown.escape(w.alternative())).append("\n\n");
            Set<String> refs = new LinkedHashSet<>();
            for (Citation c : w.references()) {
                var ref = catalog.references().get(c.ref());
                refs.add(Markdown.escape("[" + c.ref() + "] " + (ref == null ? "" : ref.title())
                        + (c.section() == null ? "" : ", " + c.section())));
            }
            w.legal().forEach(l -> refs.add(Markdown.escape(l.provision())));
            if (!refs.isEmpty()) out.append("**References:** ").append(String.join("; ", refs)).append('\n');
        }
        return out.toString();
    }

    static List<Rule> weakeningRules(Review review) {
        List<Rule> out = new ArrayList<>();
        for (Rule r : review.rules().rules().values()) if (r.kind() == RuleKind.WEAKENING) out.add(r);
        return out;
    }

    private static ObjectNode rule(Rule r, Review review) {
        ObjectNode n = JSON.createObjectNode();
        Weakening w = review.catalog().weakenings().get(r.catalog());
        n.put("id", r.id());
        n.put("name", pascal(r.id()));
        n.putObject("shortDescription").put("text", r.title());
        n.putObject("fullDescription").put("text", w == null ? r.title() : w.summary());
        String alternative = w == null ? "" : " Instead: " + w.alternative();
        ObjectNode help = n.putObject("help");
        help.put("text", r.remediation().strip() + alternative);
        help.put("markdown", ruleHelp(r, w, review.catalog()));
        n.putObject("defaultConfiguration").put("level", level(r.severity()));
        ObjectNode props = n.putObject("properties");
        props.put("security-severity", securitySeverity(r.severity()));
        props.put("precision", "high");
        ArrayNode tags = props.putArray("tags");
        tags.add("security");
        tags.add("end-to-end-encryption");
        if (w != null) w.breaks().forEach(b -> tags.add(b.yamlName()));
        return n;
    }

    private static ObjectNode result(Reviewed reviewed, Map<String, Integer> index, Review review, Path root) {
        Finding f = reviewed.finding();
        ObjectNode n = JSON.createObjectNode();
        n.put("ruleId", f.rule());
        if (index.containsKey(f.rule())) n.put("ruleIndex", index.get(f.rule()));
        n.put("level", level(f.severity()));
        ObjectNode message = n.putObject("message");
        n.putArray("locations").add(location(f.at(), root, null));
        ArrayNode related = n.putArray("relatedLocations");
        // Code scanning shows related locations only where the message links them, so each step is a link.
        StringBuilder text = new StringBuilder(SarifMessage.text(f.message()));
        if (!f.evidence().isEmpty()) text.append('\n');
        int id = 0;
        for (Finding.Chain c : f.evidence()) {
            text.append('\n').append(SarifMessage.text(c.title())).append(": ");
            for (int i = 0; i < c.steps().size(); i++) {
                Step s = c.steps().get(i);
                if (i > 0) text.append(", ");
                text.append(SarifMessage.link(s.text(), id));
                related.add(location(s.at(), root, c.title() + ": " + s.text()).put("id", id++));
            }
        }
        message.put("text", text.toString());
        n.putObject("partialFingerprints").put("e2eeReviewFindingId/v1", f.id());
        ObjectNode props = n.putObject("properties");
        props.put("findingId", f.id());
        props.put("severity", f.severity().yamlName());
        props.put("security-severity", securitySeverity(f.severity()));
        ArrayNode readers = props.putArray("readers");
        f.readers().forEach(readers::add);
        if (reviewed.status() == Reviewed.Status.ACCEPTED) {
            Acceptance a = reviewed.acceptance();
            Location where = a.source().at();
            ObjectNode s = n.putArray("suppressions").addObject();
            // Written in the model it suppresses, it is in source; a baseline file keeps it outside.
            s.put("kind", where.file().equals(review.model().file()) ? "inSource" : "external");
            s.put("status", "accepted");
            s.put("justification", a.status().yamlName() + " by " + a.decidedBy() + ": " + a.justification());
            s.set("location", location(where, root, null));
        }
        return n;
    }

    private static ObjectNode location(Location at, Path root, String message) {
        ObjectNode n = JSON.createObjectNode();
        ObjectNode physical = n.putObject("physicalLocation");
        physical.putObject("artifactLocation").put("uri", uri(Path.of(at.file()), root));
        ObjectNode region = physical.putObject("region");
        region.put("startLine", Math.max(1, at.line()));
        if (at.column() > 0) region.put("startColumn", at.column());
        if (message != null) n.putObject("message").put("text", SarifMessage.text(message));
        return n;
    }

    /** The repository holding a file: the nearest folder above it with a .git entry, or null. */
    static Path repositoryRoot(Path file) {
        for (Path p = file.toAbsolutePath().normalize().getParent(); p != null; p = p.getParent()) {
            if (Files.exists(p.resolve(".git"))) return p;
        }
        return null;
    }

    /**
     * A file as a URI relative to the repository root; outside it (no repository, or a baseline kept
     * elsewhere), an absolute file: URI.
     */
    static String uri(Path file, Path root) {
        Path absolute = file.toAbsolutePath().normalize();
        if (root == null || !absolute.startsWith(root)) return absolute.toUri().toString();
        StringBuilder out = new StringBuilder();
        for (Path part : root.relativize(absolute)) {
            if (out.length() > 0) out.append('/');
            out.append(java.net.URLEncoder.encode(part.toString(), java.nio.charset.StandardCharsets.UTF_8)
                    .replace("+", "%20"));
        }
        return out.toString();
    }

    static String level(Severity s) {
        return switch (s) {
            case CRITICAL, HIGH -> "error";
            case MEDIUM -> "warning";
            case LOW, INFO -> "note";
        };
    }

    /** GitHub's scale: 9.0 and above is critical, 7.0 high, 4.0 medium, above 0 low. */
    static String securitySeverity(Severity s) {
        return switch (s) {
            case CRITICAL -> "9.5";
            case HIGH -> "8.0";
            case MEDIUM -> "5.5";
            case LOW -> "3.0";
            case INFO -> "0.5";
        };
    }

    private static String pascal(String id) {
        StringBuilder out = new StringBuilder();
        for (String part : id.toLowerCase(Locale.ROOT).split("-")) {
            if (!part.isEmpty()) out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return out.toString();
    }
}
