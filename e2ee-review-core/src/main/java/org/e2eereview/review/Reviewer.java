package org.e2eereview.review;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.e2eereview.Version;
import org.e2eereview.analysis.AccessAnalysis;
import org.e2eereview.analysis.Access;
import org.e2eereview.analysis.Analysis;
import org.e2eereview.analysis.Safeguarded;
import org.e2eereview.catalog.Catalog;
import org.e2eereview.catalog.Entries.Objective;
import org.e2eereview.catalog.Entries.SafetyFeature;
import org.e2eereview.catalog.Preserves;
import org.e2eereview.load.InputException;
import org.e2eereview.load.ModelLoader;
import org.e2eereview.model.Acceptance;
import org.e2eereview.model.Baseline;
import org.e2eereview.model.Model;
import org.e2eereview.rules.Finding;
import org.e2eereview.rules.RuleEngine;
import org.e2eereview.rules.RuleKind;
import org.e2eereview.rules.RuleSet;
import org.e2eereview.rules.Spread;
import org.e2eereview.rules.Startup;
import org.e2eereview.rules.Verdict;

/** Loads, analyses and reviews models: the library's front door. */
public final class Reviewer {

    private final RuleSet rules;
    private final RuleEngine engine;
    private final Clock clock;
    private final Baseline baseline;

    public Reviewer(RuleSet rules, Clock clock) {
        this(rules, new RuleEngine(rules), clock, null);
    }

    private Reviewer(RuleSet rules, RuleEngine engine, Clock clock, Baseline baseline) {
        this.rules = rules;
        this.engine = engine;
        this.clock = clock;
        this.baseline = baseline;
    }

    /**
     * The same reviewer deciding findings by a baseline as well: a model's own {@code accepted:} entry
     * comes first, then the baseline's (see {@link Baseline#match}).
     */
    public Reviewer withBaseline(Baseline baseline) {
        return new Reviewer(rules, engine, clock, baseline);
    }

    /** The bundled catalog and rules, plus the user's rule directories. */
    public static Reviewer standard(List<Path> userRules) throws InputException {
        return new Reviewer(Startup.rules(userRules), Clock.systemUTC());
    }

    public RuleSet rules() {
        return rules;
    }

    public Review review(Path file) throws InputException {
        return review(new ModelLoader().load(file));
    }

    public Review review(Model model) throws InputException {
        return review(model, true);
    }

    /**
     * The review of a changed design that is only compared with the design's own ({@code assess}): the
     * notes on how the model is written, which no comparison reads and no report of it shows, are not
     * made (on a large design, a twentieth of each review's time).
     */
    public Review reviewToCompare(Model model) throws InputException {
        return review(model, false);
    }

    private Review review(Model model, boolean withNotes) throws InputException {
        // What depends on the model alone is made on another core while the model is analysed.
        RuleEngine.Ahead ahead = engine.ahead(model);
        Spread.Aside<List<Review.Note>> notes = withNotes ? Spread.aside(model.flows().size() + model.data().size(),
                () -> Notes.ofModel(model)) : null;
        Analysis analysis = AccessAnalysis.analyze(model);
        RuleEngine.Evaluation evaluation = engine.evaluate(ahead, analysis);
        List<Finding> findings = evaluation.findings();
        LocalDate today = LocalDate.now(clock);
        List<Reviewed> weakenings = new ArrayList<>();
        List<Reviewed> features = new ArrayList<>();
        Set<Acceptance> matched = new HashSet<>();
        for (Finding f : findings) {
            Acceptance a = model.accepted().get(f.id());
            if (a == null && baseline != null) a = baseline.match(f.id());
            Reviewed.Status status = Reviewed.Status.ACTIVE;
            if (a != null) {
                matched.add(a);
                status = a.until() != null && a.until().isBefore(today) ? Reviewed.Status.EXPIRED
                        : Reviewed.Status.ACCEPTED;
            }
            (f.kind() == RuleKind.WEAKENING ? weakenings : features).add(new Reviewed(f, a, status));
        }
        // Orphans: decisions about findings the review no longer makes, to be removed or re-keyed.
        List<Acceptance> unused = new ArrayList<>();
        model.accepted().values().stream().filter(a -> !matched.contains(a))
                .sorted(Comparator.comparing(Acceptance::findingId)).forEach(unused::add);
        if (baseline != null) baseline.entries().stream().filter(a -> !matched.contains(a)).forEach(unused::add);
        List<Access> access = new ArrayList<>();
        List<Access> disclosures = new ArrayList<>();
        for (String c : model.conversations().keySet()) {
            access.addAll(analysis.access(c));
            disclosures.addAll(analysis.disclosures(c));
        }
        List<Safeguarded> safeguards = new ArrayList<>();
        analysis.allSafeguards().forEach(safeguards::addAll);
        return new Review(model, analysis, rules.catalog(), rules, List.copyOf(weakenings), List.copyOf(features),
                List.copyOf(access), List.copyOf(disclosures), objectives(model, weakenings, features),
                List.copyOf(safeguards), notAssessed(model, evaluation.notAssessed()),
                notes == null ? List.of() : Notes.of(notes.get(), evaluation.unrecognised()), List.copyOf(unused), baseline,
                Version.get(), rules.digest(), rules.catalog().digest());
    }

    /**
     * What the rules could not judge, and the metadata protections conversations declare that the model
     * gives nothing to check against (private contact discovery in a model with no address book): those
     * are not assessed either, rather than taken at their word.
     */
    private static List<RuleEngine.NotAssessed> notAssessed(Model model, List<RuleEngine.NotAssessed> byRules) {
        java.util.Set<org.e2eereview.model.Data.Kind> kinds = java.util.EnumSet.noneOf(org.e2eereview.model.Data.Kind.class);
        for (org.e2eereview.model.Data d : model.data().values()) kinds.add(d.kind());
        List<RuleEngine.NotAssessed> out = new ArrayList<>(byRules);
        for (org.e2eereview.model.Conversation c : model.conversations().values()) {
            for (org.e2eereview.model.Conversation.MetadataProtection p : c.metadataProtection()) {
                if (p.hides() != null && kinds.contains(p.hides())) continue;
                out.add(new RuleEngine.NotAssessed("METADATA-EXPOSURE", org.e2eereview.rules.Inspects.CONVERSATION, c.id(),
                        p.hides() == null ? "a data kind for the sender's identity alone (to check " + p.yamlName() + ")"
                                : "data of kind " + p.hides().yamlName() + " (to check " + p.yamlName() + ")",
                        c.source().of("metadata-protection")));
            }
        }
        return List.copyOf(out);
    }

    private List<ObjectiveAssessment> objectives(Model model, List<Reviewed> weakenings, List<Reviewed> features) {
        Catalog catalog = rules.catalog();
        Behind behind = new Behind(weakenings, features);
        // Who can compel whom, once: a feature's results reach an authority through the party it compels.
        java.util.Map<String, java.util.Set<org.e2eereview.model.Party.Kind>> compelledBy = new java.util.HashMap<>();
        for (org.e2eereview.model.Party q : model.parties().values()) {
            if (q.lawfulAccess() == null) continue;
            for (String p : q.lawfulAccess().compels()) {
                compelledBy.computeIfAbsent(p, x -> java.util.EnumSet.noneOf(org.e2eereview.model.Party.Kind.class)).add(q.kind());
            }
        }
        List<ObjectiveAssessment> out = new ArrayList<>();
        for (Objective o : catalog.objectives().values()) {
            List<String> metBy = new ArrayList<>();
            List<ObjectiveAssessment.Through> through = new ArrayList<>();
            if (o.answeredByReview() != null) {
                out.add(new ObjectiveAssessment(o.id(), o.title(), metBy, through, List.of(), o.answeredByReview().strip()));
                continue;
            }
            for (Reviewed r : features) {
                Finding f = r.finding();
                SafetyFeature entry = catalog.safetyFeatures().get(f.catalog());
                if (entry == null || !entry.objectives().contains(o.id())) continue;
                if (!reaches(model, compelledBy, f, o)) continue;
                if (f.verdict() == Verdict.PRESERVES) {
                    metBy.add(f.id());
                } else {
                    through.add(new ObjectiveAssessment.Through(f.id(), behind.of(f, entry)));
                }
            }
            List<String> suggestions = metBy.isEmpty() ? catalog.safetyFeatures().values().stream()
                    .filter(s -> s.objectives().contains(o.id()) && s.preservesE2ee() != Preserves.NO)
                    .map(SafetyFeature::id).toList() : List.of();
            out.add(new ObjectiveAssessment(o.id(), o.title(), metBy, through, suggestions, null));
        }
        return out;
    }

    /**
     * Whether a feature's results reach the parties an objective is about: a parent told of a child's
     * photo is not lawful access. Directly, or through a party one of them can compel.
     */
    private static boolean reaches(Model model, java.util.Map<String, java.util.Set<org.e2eereview.model.Party.Kind>> compelledBy,
                                   Finding f, Objective o) {
        if (o.reachedBy().isEmpty()) return true;
        if (f.inspects() == org.e2eereview.rules.Inspects.PARTY) {
            org.e2eereview.model.Party party = model.parties().get(f.element());
            return party == null || o.reachedBy().contains(party.kind());
        }
        if (f.inspects() != org.e2eereview.rules.Inspects.FEATURE) return true;
        org.e2eereview.model.Feature feature = model.features().get(f.element());
        if (feature == null) return true;
        for (String p : feature.resultsTo()) {
            if (o.reachedBy().contains(model.parties().get(p).kind())) return true;
            for (org.e2eereview.model.Party.Kind k : compelledBy.getOrDefault(p, java.util.Set.of())) {
                if (o.reachedBy().contains(k)) return true;
            }
        }
        return false;
    }

    /**
     * The weakening findings a weakening feature relies on: those that explain the same access, else
     * those on the same element. The catalog's pattern is named only when no finding is found, and
     * then marked as a pattern rather than a finding. Looked up by who reads what and by element: a
     * large design has thousands of features and weakenings, and comparing every pair was quadratic.
     */
    private static final class Behind {
        private final List<Reviewed> weakenings;
        /** Indexes into the weakenings, ascending: a bit set sized by the last index took kilobytes a pair. */
        private final java.util.Map<String, java.util.Map<String, List<Integer>>> byReader = new java.util.HashMap<>();
        private final java.util.Map<String, List<Integer>> byElement = new java.util.HashMap<>();

        /**
         * Indexes only what the features that do not preserve encryption will ask about: most findings of a
         * large design are about readers no such feature names, and indexing all of them took 50 MB a review.
         */
        Behind(List<Reviewed> weakenings, List<Reviewed> features) {
            this.weakenings = weakenings;
            java.util.Map<String, Set<String>> wanted = new java.util.HashMap<>();
            Set<String> elements = new HashSet<>();
            for (Reviewed r : features) {
                Finding f = r.finding();
                if (f.verdict() == Verdict.PRESERVES) continue;
                for (Finding.Read read : f.reads()) wanted.computeIfAbsent(read.party(), p -> new HashSet<>()).add(read.conversation());
                elements.add(f.element());
            }
            if (elements.isEmpty()) return;
            for (int i = 0; i < weakenings.size(); i++) {
                Finding f = weakenings.get(i).finding();
                for (Finding.Read r : f.reads()) {
                    if (!wanted.getOrDefault(r.party(), Set.of()).contains(r.conversation())) continue;
                    add(byReader.computeIfAbsent(r.party(), p -> new java.util.HashMap<>())
                            .computeIfAbsent(r.conversation(), c -> new ArrayList<>(1)), i);
                }
                if (elements.contains(f.element())) add(byElement.computeIfAbsent(f.element(), e -> new ArrayList<>(1)), i);
            }
        }

        /** Adds an index once: a finding with several reads of one pair comes in a row. */
        private static void add(List<Integer> indexes, int i) {
            if (indexes.isEmpty() || indexes.get(indexes.size() - 1) != i) indexes.add(i);
        }

        /** Those that let the same parties read the same conversations, in review order; else those on its element. */
        List<String> of(Finding feature, SafetyFeature entry) {
            java.util.TreeSet<Integer> found = new java.util.TreeSet<>();
            for (Finding.Read r : feature.reads()) {
                List<Integer> b = byReader.getOrDefault(r.party(), java.util.Map.of()).get(r.conversation());
                if (b != null) found.addAll(b);
            }
            if (found.isEmpty()) found.addAll(byElement.getOrDefault(feature.element(), List.of()));
            Set<String> ids = new LinkedHashSet<>();
            for (int i : found) ids.add(weakenings.get(i).finding().id());
            if (ids.isEmpty() && entry.weakening() != null) ids.add("the " + entry.weakening() + " pattern");
            return List.copyOf(ids);
        }
    }
}
