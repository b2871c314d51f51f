package org.e2eereview.catalog;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import org.e2eereview.catalog.Entries.Citation;
import org.e2eereview.catalog.Entries.Instance;
import org.e2eereview.catalog.Entries.Legal;
import org.e2eereview.catalog.Entries.Binding;
import org.e2eereview.catalog.Entries.Objective;
import org.e2eereview.catalog.Entries.Proposal;
import org.e2eereview.catalog.Entries.Reference;
import org.e2eereview.catalog.Entries.SafeguardEntry;
import org.e2eereview.catalog.Entries.SafetyFeature;
import org.e2eereview.catalog.Entries.Term;
import org.e2eereview.catalog.Entries.Weakening;
import org.e2eereview.load.Digests;
import org.e2eereview.load.Fields;
import org.e2eereview.load.InputException;
import org.e2eereview.load.ObjectSpec;
import org.e2eereview.load.Snapshot;
import org.e2eereview.load.Problem;
import org.e2eereview.load.StrictYaml;
import org.e2eereview.load.YamlPatch;
import org.e2eereview.model.Location;
import org.e2eereview.model.Safeguard;

/**
 * The knowledge base every report cites: weakening patterns, safety features, public-safety
 * objectives, the lawful-access proposals that assess applies to a model, and the sources behind them. Loaded strictly; every cross-reference must resolve.
 */
public final class Catalog {

    private final Map<String, Weakening> weakenings;
    private final Map<String, SafetyFeature> safetyFeatures;
    private final Map<String, Objective> objectives;
    private final Map<String, Proposal> proposals;
    private final Map<String, Reference> references;
    private final Map<String, SafeguardEntry> safeguards;
    private final Map<String, Term> glossary;
    private final String digest;

    private Catalog(Map<String, Weakening> weakenings, Map<String, SafetyFeature> safetyFeatures,
                    Map<String, Objective> objectives, Map<String, Proposal> proposals,
                    Map<String, Reference> references, Map<String, SafeguardEntry> safeguards,
                    Map<String, Term> glossary, String digest) {
        this.digest = digest;
        this.glossary = Collections.unmodifiableMap(glossary);
        this.proposals = Collections.unmodifiableMap(proposals);
        this.safeguards = Collections.unmodifiableMap(safeguards);
        this.weakenings = Collections.unmodifiableMap(weakenings);
        this.safetyFeatures = Collections.unmodifiableMap(safetyFeatures);
        this.objectives = Collections.unmodifiableMap(objectives);
        this.references = Collections.unmodifiableMap(references);
    }

    /** What a catalog is made of: the form it is kept in as a {@link Snapshot}. */
    record Parts(Map<String, Weakening> weakenings, Map<String, SafetyFeature> safetyFeatures,
                 Map<String, Objective> objectives, Map<String, Proposal> proposals,
                 Map<String, Reference> references, Map<String, SafeguardEntry> safeguards, Map<String, Term> glossary,
                 String digest) {
    }

    Parts parts() {
        return new Parts(weakenings, safetyFeatures, objectives, proposals, references, safeguards, glossary, digest);
    }

    /** This catalog in a compact binary form ({@link Snapshot}), which {@link #fromSnapshot} reads back. */
    public byte[] snapshot() {
        return Snapshot.write(parts(), Parts.class);
    }

    /**
     * The catalog the bytes hold, as checked as when its YAML was loaded (its {@link #digest()} says
     * which files); null when they hold records of another shape (written by another version).
     *
     * @throws IOException when they are cut short or damaged
     */
    public static Catalog fromSnapshot(byte[] bytes) throws IOException {
        Parts p = Snapshot.read(bytes, Parts.class);
        if (p == null) return null;
        return new Catalog(p.weakenings(), p.safetyFeatures(), p.objectives(), p.proposals(), p.references(),
                p.safeguards(), p.glossary(), p.digest());
    }

    /** Loads a catalog from files keyed by path (catalog/weakenings/X.yaml, ...). */
    public static Catalog load(Map<String, byte[]> files) throws InputException {
        List<Problem> problems = new ArrayList<>();
        Map<String, Weakening> weakenings = new TreeMap<>();
        Map<String, SafetyFeature> features = new TreeMap<>();
        Map<String, Objective> objectives = new TreeMap<>();
        Map<String, Proposal> proposals = new TreeMap<>();
        Map<String, Reference> references = new TreeMap<>();
        Map<String, SafeguardEntry> safeguards = new LinkedHashMap<>();
        Map<String, Term> glossary = new TreeMap<>();
        Map<String, Location> citedAt = new LinkedHashMap<>();
        for (var file : files.entrySet()) {
            String path = file.getKey();
            try {
                if (path.endsWith("/safeguards.yaml")) {
                    Fields f = StrictYaml.read(path, file.getValue(), CatalogFormat.SAFEGUARDS);
                    f.map("safeguards").forEach((key, g) -> {
                        safeguards.put(key, new SafeguardEntry(key, g.text("title"), g.choice("effect", null),
                                g.text("description"), citations(g, citedAt), g.text("in-words")));
                        checkSafeguard(key, g, problems);
                    });
                } else if (path.endsWith("/glossary.yaml")) {
                    Fields f = StrictYaml.read(path, file.getValue(), CatalogFormat.GLOSSARY);
                    f.map("terms").forEach((key, t) -> {
                        List<String> matches = t.list("matches");
                        glossary.put(key, new Term(key, t.text("term"), matches.isEmpty() ? List.of(t.text("term")) : matches,
                                t.text("meaning")));
                    });
                } else if (path.endsWith("/references.yaml")) {
                    Fields f = StrictYaml.read(path, file.getValue(), CatalogFormat.REFERENCES);
                    f.map("references").forEach((key, r) -> {
                        references.put(key, new Reference(key, r.text("title"), r.text("authors"), r.text("date"),
                                r.text("published-in"), r.text("identifiers"), r.text("url")));
                        checkFindable(key, r, problems);
                    });
                } else if (path.contains("/weakenings/")) {
                    entry(path, file.getValue(), CatalogFormat.WEAKENING, "weakening", problems, weakenings,
                            f -> new Weakening(f.text("id"), f.text("title"), f.text("summary"), f.text("description"),
                                    f.list("breaks"), f.choice("severity", null), f.text("severity-note"),
                                    f.bool("systemic"), f.text("blast-radius"), f.list("defeated-by"), instances(f),
                                    citations(f, citedAt), legal(f, citedAt), f.text("alternative"), f.list("asked-for")));
                } else if (path.contains("/safety-features/")) {
                    entry(path, file.getValue(), CatalogFormat.SAFETY_FEATURE, "safety-feature", problems, features,
                            f -> new SafetyFeature(f.text("id"), f.text("title"), f.text("summary"),
                                    f.text("description"), f.list("objectives"), f.choice("preserves-e2ee", null),
                                    f.text("conditions"), f.text("weakening"), instances(f), citations(f, citedAt),
                                    legal(f, citedAt), f.text("in-words")));
                } else if (path.contains("/proposals/")) {
                    proposal(path, file.getValue(), problems, proposals, citedAt);
                } else if (path.contains("/objectives/")) {
                    entry(path, file.getValue(), CatalogFormat.OBJECTIVE, "objective", problems, objectives,
                            f -> new Objective(f.text("id"), f.text("title"), f.text("statement"),
                                    f.integer("ask"), f.text("description"), f.list("reached-by"),
                                    f.text("answered-by-review"), citations(f, citedAt),
                                    citations(f, "concerns", citedAt)));
                } else {
                    problems.add(new Problem(new Location(path, 0, 0),
                            "not a catalog file: expected weakenings/, safety-features/, objectives/, proposals/, safeguards.yaml, "
                                    + "references.yaml or glossary.yaml"));
                }
            } catch (InputException e) {
                problems.addAll(e.problems());
            }
        }
        for (Safeguard s : Safeguard.values()) {
            if (!safeguards.isEmpty() && !safeguards.containsKey(s.yamlName())) {
                problems.add(new Problem(new Location("catalog/safeguards.yaml", 0, 0),
                        "safeguard '" + s.yamlName() + "' has no entry"));
            }
        }
        Catalog catalog = new Catalog(weakenings, features, objectives, proposals, references, safeguards, glossary,
                Digests.sha256(files));
        catalog.checkLinks(citedAt, problems);
        if (!problems.isEmpty()) throw new InputException(problems);
        return catalog;
    }

    /**
     * A reader of a report must be able to find every source: by its url, or else by who wrote it,
     * when and where it appeared.
     */
    private static void checkFindable(String key, Fields r, List<Problem> problems) {
        if (r.text("url") != null) return;
        List<String> missing = new ArrayList<>();
        for (String field : List.of("authors", "date", "published-in")) if (r.text(field) == null) missing.add(field);
        if (!missing.isEmpty()) {
            problems.add(new Problem(r.at(), "reference '" + key + "' has no url and no " + String.join(", ", missing)
                    + ": give a confirmed url, or authors, date and published-in"));
        }
    }

    /** The field reference of every catalog file, for docs/catalog.md. */
    public static String formatReference() {
        return org.e2eereview.load.FormatReference.tables(CatalogFormat.FILES);
    }

    /** An entry must name a safeguard the analysis knows, with the effect the analysis gives it. */
    private static void checkSafeguard(String key, Fields g, List<Problem> problems) {
        Safeguard known = java.util.Arrays.stream(Safeguard.values()).filter(s -> s.yamlName().equals(key))
                .findFirst().orElse(null);
        if (known == null) {
            problems.add(new Problem(g.at(), "unknown safeguard '" + key + "'"));
        } else if (g.choice("effect", null) != known.effect()) {
            problems.add(new Problem(g.at("effect"), "safeguard '" + key + "' " + known.effect().yamlName()
                    + " in the analysis, not what this entry says"));
        }
    }

    private static <T> void entry(String path, byte[] bytes, ObjectSpec spec, String kind, List<Problem> problems,
                                  Map<String, T> into, Function<Fields, T> make) throws InputException {
        Fields f = StrictYaml.read(path, bytes, spec);
        String expectedId = path.substring(path.lastIndexOf('/') + 1, path.length() - ".yaml".length());
        if (!expectedId.equals(f.text("id"))) {
            problems.add(new Problem(f.at("id"), "id '" + f.text("id") + "' does not match the file name '"
                    + expectedId + "'"));
        }
        if (!kind.equals(f.text("kind"))) {
            problems.add(new Problem(f.at("kind"), "kind must be '" + kind + "' in this folder"));
        }
        into.put(f.text("id"), make.apply(f));
    }

    private static void proposal(String path, byte[] bytes, List<Problem> problems, Map<String, Proposal> into,
                                 Map<String, Location> citedAt) throws InputException {
        Fields f = StrictYaml.read(path, bytes, CatalogFormat.PROPOSAL);
        YamlPatch patch = YamlPatch.read(path, bytes, "patch");
        List<Binding> binds = f.<Fields>list("binds").stream().map(b -> new Binding(b.text("as"),
                b.choice("select", null), b.text("otherwise"), b.text("required"), b.text("on"))).toList();
        java.util.Set<String> names = new java.util.HashSet<>();
        for (Binding b : binds) {
            if (!names.add(b.as())) problems.add(new Problem(f.at("binds"), "'" + b.as() + "' is bound twice"));
        }
        for (Binding b : binds) {
            if (b.on() != null && (!names.contains(b.on()) || b.on().equals(b.as()))) {
                problems.add(new Problem(f.at("binds"), "'" + b.as() + "' is on '" + b.on() + "', which is not "
                        + (b.on().equals(b.as()) ? "another placeholder" : "bound")));
            }
        }
        for (String used : patch.placeholders()) {
            if (!names.contains(used)) problems.add(new Problem(f.at("patch"), "placeholder '$" + used + "' has no binding"));
        }
        Map<String, Proposal> one = new TreeMap<>();
        entry(path, bytes, CatalogFormat.PROPOSAL, "proposal", problems, one, x -> new Proposal(x.text("id"),
                x.text("title"), x.integer("year"), x.text("proposed-by"), x.text("summary"), x.text("asks-for"),
                x.text("gains-access"), x.list("claims"), x.list("weakenings"), binds, patch,
                citations(x, citedAt), legal(x, citedAt)));
        into.putAll(one);
    }

    private static List<Instance> instances(Fields f) {
        return f.<Fields>list("instances").stream()
                .map(i -> new Instance(i.text("name"), i.integer("year"), i.text("note"))).toList();
    }

    private static List<Citation> citations(Fields f, Map<String, Location> citedAt) {
        return citations(f, "references", citedAt);
    }

    private static List<Citation> citations(Fields f, String field, Map<String, Location> citedAt) {
        return f.<Fields>list(field).stream().map(c -> {
            citedAt.putIfAbsent(c.text("ref") + "@" + c.at("ref"), c.at("ref"));
            return new Citation(c.text("ref"), c.text("section"), c.text("fact"));
        }).toList();
    }

    private static List<Legal> legal(Fields f, Map<String, Location> citedAt) {
        return f.<Fields>list("legal").stream().map(l -> {
            citedAt.putIfAbsent(l.text("ref") + "@" + l.at("ref"), l.at("ref"));
            return new Legal(l.text("provision"), l.text("ref"), l.text("note"));
        }).toList();
    }

    private void checkLinks(Map<String, Location> citedAt, List<Problem> problems) {
        citedAt.forEach((key, at) -> {
            String ref = key.substring(0, key.indexOf('@'));
            if (!references.containsKey(ref)) {
                problems.add(new Problem(at, "unknown reference '" + ref + "': add it to catalog/references.yaml"));
            }
        });
        for (Weakening w : weakenings.values()) {
            for (String o : w.askedFor()) {
                if (!objectives.containsKey(o)) {
                    problems.add(new Problem(new Location("catalog/weakenings/" + w.id() + ".yaml", 0, 0),
                            "unknown objective '" + o + "' in asked-for"));
                }
            }
        }
        for (Proposal p : proposals.values()) {
            Location at = new Location("catalog/proposals/" + p.id() + ".yaml", 0, 0);
            for (String o : p.claims()) {
                if (!objectives.containsKey(o)) problems.add(new Problem(at, "unknown objective '" + o + "' in claims"));
            }
            for (String w : p.weakenings()) {
                if (!weakenings.containsKey(w)) problems.add(new Problem(at, "unknown weakening '" + w + "'"));
            }
        }
        for (SafetyFeature s : safetyFeatures.values()) {
            for (String o : s.objectives()) {
                if (!objectives.containsKey(o)) {
                    problems.add(new Problem(new Location("catalog/safety-features/" + s.id() + ".yaml", 0, 0),
                            "unknown objective '" + o + "'"));
                }
            }
            boolean needsWeakening = s.preservesE2ee() != Preserves.YES;
            if (needsWeakening && (s.weakening() == null || !weakenings.containsKey(s.weakening()))) {
                problems.add(new Problem(new Location("catalog/safety-features/" + s.id() + ".yaml", 0, 0),
                        "a feature that does not always preserve E2EE must name an existing weakening"));
            }
        }
    }

    /** SHA-256 over every catalog file. */
    public String digest() {
        return digest;
    }

    public Map<String, Weakening> weakenings() {
        return weakenings;
    }

    public Map<String, SafetyFeature> safetyFeatures() {
        return safetyFeatures;
    }

    /** Lawful-access proposals by id. */
    public Map<String, Proposal> proposals() {
        return proposals;
    }

    public Map<String, Objective> objectives() {
        return objectives;
    }

    public Map<String, Reference> references() {
        return references;
    }

    /** Safeguards by id, in file order. */
    public Map<String, SafeguardEntry> safeguards() {
        return safeguards;
    }

    /** The terms a submission explains when it uses them, by id. */
    public Map<String, Term> glossary() {
        return glossary;
    }

    /** Whether an id names a weakening or a safety feature. */
    public boolean has(String id) {
        return weakenings.containsKey(id) || safetyFeatures.containsKey(id);
    }

}
