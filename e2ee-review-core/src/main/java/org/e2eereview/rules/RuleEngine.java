package org.e2eereview.rules;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.e2eereview.analysis.Access;
import org.e2eereview.analysis.Analysis;
import org.e2eereview.analysis.Holding;
import org.e2eereview.analysis.ReaderKey;
import org.e2eereview.analysis.Reading;
import org.e2eereview.analysis.Safeguarded;
import org.e2eereview.analysis.Step;
import org.e2eereview.catalog.Entries.Weakening;
import org.e2eereview.catalog.Severity;
import org.e2eereview.load.InputException;
import org.e2eereview.load.Problem;
import org.e2eereview.model.Element;
import org.e2eereview.model.Flow;
import org.e2eereview.model.Location;
import org.e2eereview.model.Model;
import org.e2eereview.model.ModelEnum;
import org.e2eereview.model.Party;
import org.e2eereview.model.Source;

import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelVariableResolver;

/**
 * Runs rules over a model and its analysis, in three steps. Every rule runs on every element it
 * inspects, each after the rules that explain it, so that a rule sees nothing another finding
 * already explains under a more specific name. Each weakening finding is then matched to the
 * access it explains: the outside readers of a conversation it names, under which condition.
 * Last, the catch-all rules look at whatever access no finding explains, so that every outside
 * reader is named by some finding.
 */
public final class RuleEngine {

    /** What a run produced: the findings, what could not be assessed, and declared features nothing recognised. */
    public record Evaluation(List<Finding> findings, List<NotAssessed> notAssessed, List<Unrecognised> unrecognised) {
    }

    /**
     * A declared feature no safety-feature rule recognised, with each rule meant for its kind and the
     * part of that rule's condition it failed.
     */
    public record Unrecognised(String feature, String kind, List<Miss> misses, Location at) {
    }

    /** A rule that looked at a feature of its kind, and the part of its condition that did not hold. */
    public record Miss(String rule, String failed) {
    }

    /** A rule left unjudged on an element because a field it needs is not written. */
    public record NotAssessed(String rule, Inspects inspects, String element, String field, Location at) {
    }

    private final RuleSet rules;
    private final boolean spread;

    public RuleEngine(RuleSet rules) {
        this(rules, true);
    }

    /** With {@code spread} false, every element is judged on the calling thread (to compare with). */
    RuleEngine(RuleSet rules, boolean spread) {
        this.rules = rules;
        this.spread = spread;
    }

    /** Every finding of every rule, sorted by severity, rule and element. */
    public Evaluation evaluate(Model model, Analysis analysis) throws InputException {
        return evaluate(rules.rules().values(), model, analysis);
    }

    /**
     * What the rules look up of a model alone, started on another core so that it is ready when the
     * analysis is: a review makes this first, then the analysis, then {@link #evaluate(Ahead, Analysis)}.
     */
    public static final class Ahead {
        private final Model model;
        private final Spread.Aside<CelViews.Indexes> indexes;

        private Ahead(Model model) {
            this.model = model;
            this.indexes = Spread.aside(model.conversations().size() + model.data().size(), () -> CelViews.Indexes.of(model));
        }
    }

    public Ahead ahead(Model model) {
        return new Ahead(model);
    }

    /** Every finding, as {@link #evaluate(Model, Analysis)}, with the model's indexes made ahead. */
    public Evaluation evaluate(Ahead ahead, Analysis analysis) throws InputException {
        if (analysis.model() != ahead.model) throw new IllegalArgumentException("the analysis is of another model");
        return evaluate(rules.rules().values(), new Run(ahead.indexes.get(), analysis));
    }

    /**
     * The findings of the given rules. All rules run, since which findings explain which depends on
     * all of them; only the selected ones are returned. A rule that cannot be evaluated is an error,
     * never silence.
     */
    public Evaluation evaluate(Collection<Rule> selected, Model model, Analysis analysis) throws InputException {
        return evaluate(selected, new Run(CelViews.Indexes.of(model), analysis));
    }

    private Evaluation evaluate(Collection<Rule> selected, Run run) throws InputException {
        for (Rule rule : rules.ordered()) {
            if (rule.inspects() != Inspects.OUTSIDER) run.rule(rule);
        }
        run.outsiders(rules.ordered().stream().filter(r -> r.inspects() == Inspects.OUTSIDER).toList());
        List<Unrecognised> unrecognised = run.unrecognised();
        if (!run.failures.isEmpty()) throw new InputException(run.failures);
        Set<String> ids = new HashSet<>();
        for (Rule r : selected) ids.add(r.id());
        List<Finding> out = new ArrayList<>();
        for (Finding f : run.findings) if (ids.contains(f.rule())) out.add(f);
        out.sort(Comparator.comparing(Finding::severity).thenComparing(Finding::rule).thenComparing(Finding::element));
        List<NotAssessed> skipped = new ArrayList<>();
        for (NotAssessed n : run.notAssessed) if (ids.contains(n.rule())) skipped.add(n);
        return new Evaluation(List.copyOf(out), List.copyOf(skipped), unrecognised);
    }

    /** The state of one evaluation. */
    private final class Run {
        final Model model;
        final Analysis analysis;
        final CelViews views;
        final Optional<Object> system;
        final List<Finding> findings = new ArrayList<>();
        final List<NotAssessed> notAssessed = new ArrayList<>();
        final List<Problem> failures = new ArrayList<>();
        /** Per rule, the party, conversation and content item of everything its findings explain. */
        final Map<String, Set<ReadKey>> explainedBy = new HashMap<>();
        /**
         * The same per element on the findings' evidence: a finding explains one about a key, or about
         * the same kind of element, only when that element is on its own chain, so that a second key
         * giving the same reader (an escrow key beside a master key or a provider-keyed backup) is a
         * second root cause, while a key the master key unwraps is not. Each finding's reads are one set,
         * shared by every element on its chain: a master key's chain passes thousands of elements.
         */
        final Map<String, Map<String, List<Set<ReadKey>>>> explainedAbout = new HashMap<>();
        /** Per pair, the best condition any weakening finding explains it under. */
        final Map<ReaderKey, Flow.Occurs> covered = new HashMap<>();
        /** The same, counting only findings that say some of the reading would go unseen. */
        final Map<ReaderKey, Flow.Occurs> coveredUnseen = new HashMap<>();
        /**
         * The elements of each kind, in the design's order, with each one's view, shared by every rule
         * that inspects them: a view's fields depend only on the model and the analysis, and several
         * rules of a kind read the same ones.
         */
        final Map<Inspects, Subjects> subjects = new java.util.EnumMap<>(Inspects.class);

        Run(CelViews.Indexes indexes, Analysis analysis) {
            this.model = indexes.model();
            this.analysis = analysis;
            this.views = new CelViews(indexes, analysis);
            Map<String, Object> systemView = CelViews.SYSTEM.view(views, model);
            // Every rule on every thread reads it: its fields are all made here, before any is shared.
            systemView.entrySet();
            this.system = Optional.of(systemView);
        }

        void rule(Rule rule) {
            Set<ReadKey> hiddenEverywhere = new HashSet<>();
            List<Map<String, List<Set<ReadKey>>>> hiddenByElement = new ArrayList<>();
            for (Rule other : rules.rules().values()) {
                if (!other.explains().contains(rule.id())) continue;
                // A key is its own root cause: another finding explains one about a key only when that key
                // is on its chain (a master key explains the keys it unwraps, not a second escrow key).
                if (other.inspects() == rule.inspects() || rule.inspects() == Inspects.KEY) {
                    hiddenByElement.add(explainedAbout.getOrDefault(other.id(), Map.of()));
                } else {
                    hiddenEverywhere.addAll(explainedBy.getOrDefault(other.id(), Set.of()));
                }
            }
            boolean explainer = !rule.explains().isEmpty();
            Set<ReadKey> mine = explainedBy.computeIfAbsent(rule.id(), x -> new HashSet<>());
            Map<String, List<Set<ReadKey>>> mineAbout = explainedAbout.computeIfAbsent(rule.id(), x -> new HashMap<>());
            Subjects of = subjects.computeIfAbsent(rule.inspects(), this::subjects);
            // Each element is judged on its own, against what the rules before this one found: on every
            // core for a large design, then taken in the design's order, as if judged one after another.
            Judged[] judged = new Judged[of.ids().length];
            java.util.function.IntConsumer judge = i -> {
                String id = of.ids()[i];
                Object subject = of.elements()[i];
                Judged j = judged[i] = new Judged();
                Finding f = evaluate(rule, id, subject, of.views()[i], of.vars()[i], views, j);
                if (f == null) return;
                Set<ReadKey> hidden = hiddenEverywhere;
                if (!hiddenByElement.isEmpty()) {
                    // A view, not a copy: what is hidden everywhere grows with the design, and copying it
                    // for every element of a large one was quadratic.
                    List<Set<ReadKey>> parts = new ArrayList<>();
                    parts.add(hiddenEverywhere);
                    for (Map<String, List<Set<ReadKey>>> about : hiddenByElement) {
                        for (Set<ReadKey> here : about.getOrDefault(id, List.of())) if (!here.isEmpty()) parts.add(here);
                    }
                    if (parts.size() > 1) hidden = new Union<>(parts);
                }
                if (!hidden.isEmpty() && reads(f).stream().anyMatch(hidden::contains)) {
                    // What another finding explains is left to it; the rest of this one, if any, stays.
                    CelViews hiding = views.hiding(hidden);
                    Map<String, Object> hidingView = view(rule.inspects(), hiding, subject);
                    f = evaluate(rule, id, subject, hidingView, vars(rule.inspects(), hidingView), hiding, j);
                }
                j.finding = f;
                if (f != null && explainer) {
                    j.reads = new HashSet<>(reads(f));
                    j.chain = chain(f);
                }
            };
            if (spread) {
                Spread.forEach(judged.length, judge);
            } else {
                for (int i = 0; i < judged.length; i++) judge.accept(i);
            }
            for (Judged j : judged) {
                record(j);
                Finding f = j.finding;
                if (f == null) continue;
                if (explainer) {
                    mine.addAll(j.reads);
                    for (String element : j.chain) mineAbout.computeIfAbsent(element, x -> new ArrayList<>()).add(j.reads);
                }
                cover(f);
                findings.add(f);
            }
        }

        /** The elements of a kind: ids, elements and views at the same index. */
        private record Subjects(String[] ids, Object[] elements, Map<String, Object>[] views, CelVariableResolver[] vars) {
        }

        /** What kept an element from being judged, kept with the run's. */
        private void record(Judged j) {
            if (j.notAssessed != null) notAssessed.add(j.notAssessed);
            if (j.failure != null) failures.add(j.failure);
        }

        /** What judging one element gave: its finding, or why it has none. */
        private static final class Judged {
            Finding finding;
            NotAssessed notAssessed;
            Problem failure;
            /** For a rule that explains others: what the finding explains, and the elements it is about. */
            Set<ReadKey> reads;
            Set<String> chain;
        }

        /** The elements a finding is about: its own and every one its evidence passes through. */
        private static Set<String> chain(Finding f) {
            Set<String> out = new HashSet<>();
            out.add(f.element());
            for (Finding.Chain c : f.evidence()) for (Step s : c.steps()) if (s.element() != null) out.add(s.element());
            return out;
        }

        private void cover(Finding f) {
            if (f.kind() != RuleKind.WEAKENING) return;
            for (Finding.Read r : f.reads()) {
                ReaderKey pair = new ReaderKey(r.party(), r.conversation());
                covered.merge(pair, r.condition(), (a, b) -> a.ordinal() <= b.ordinal() ? a : b);
                if (r.lowering().isEmpty()) coveredUnseen.merge(pair, r.condition(), (a, b) -> a.ordinal() <= b.ordinal() ? a : b);
            }
        }

        /** Party, conversation and content item of everything a finding explains. */
        private List<ReadKey> reads(Finding f) {
            List<ReadKey> out = new ArrayList<>();
            for (Finding.Read r : f.reads()) for (String d : r.data()) out.add(new ReadKey(r.party(), r.conversation(), d));
            return out;
        }

        /**
         * Access no finding explains goes to the catch-all rules: a reading is left over when no finding
         * names its party in its conversation under as good a condition, or, for a reading nothing
         * would show, when every finding that names them says members would see it.
         */
        void outsiders(List<Rule> catchAll) {
            if (catchAll.isEmpty()) return;
            Map<String, CelViews.Outsider> left = new LinkedHashMap<>();
            for (String c : model.conversations().keySet()) {
                for (Access a : analysis.access(c)) {
                    ReaderKey pair = new ReaderKey(a.party(), c);
                    List<Reading> open = new ArrayList<>();
                    for (Reading r : a.readings()) {
                        Flow.Occurs explained = (r.detectable() ? covered : coveredUnseen).get(pair);
                        if (explained == null || r.condition().ordinal() < explained.ordinal()) open.add(r);
                    }
                    if (open.isEmpty()) continue;
                    // Only the checks whose routes are the ones left unnamed could have named this reader.
                    Set<String> routes = new HashSet<>();
                    for (Reading r : open) routes.add(r.route().id());
                    List<String> unassessed = notAssessed.stream()
                            .filter(n -> n.inspects() == Inspects.CONVERSATION && n.element().equals(c))
                            .map(NotAssessed::rule).distinct()
                            .filter(id -> rules.rules().get(id).compiled().evidenceRoutes.stream().anyMatch(routes::contains))
                            .sorted().toList();
                    CelViews.Outsider o = new CelViews.Outsider(c, a.party(), List.copyOf(open), unassessed);
                    left.put(o.id(), o);
                }
            }
            Map<String, Map<String, Object>> outsiderViews = new HashMap<>();
            for (Rule rule : catchAll) {
                for (Map.Entry<String, CelViews.Outsider> e : left.entrySet()) {
                    Judged j = new Judged();
                    Map<String, Object> view = outsiderViews.computeIfAbsent(e.getKey(), x -> view(Inspects.OUTSIDER, views, e.getValue()));
                    Finding f = evaluate(rule, e.getKey(), e.getValue(), view, vars(Inspects.OUTSIDER, view), views, j);
                    record(j);
                    if (f != null) findings.add(f);
                }
            }
        }

        /** Declared features that no safety-feature rule recognised, and why each rule of their kind did not. */
        List<Unrecognised> unrecognised() {
            Set<String> recognised = new HashSet<>();
            for (Finding f : findings) {
                if (f.kind() == RuleKind.SAFETY_FEATURE && f.inspects() == Inspects.FEATURE) recognised.add(f.element());
            }
            List<Unrecognised> out = new ArrayList<>();
            for (org.e2eereview.model.Feature feature : model.features().values()) {
                if (recognised.contains(feature.id())) continue;
                Optional<Object> element = Optional.of(CelViews.FEATURE.view(views, feature));
                CelVariableResolver vars = name -> name.equals("feature") ? element
                        : name.equals("system") ? system : Optional.empty();
                List<Miss> misses = new ArrayList<>();
                for (Rule rule : rules.ordered()) {
                    List<Rule.Conjunct> parts = rule.compiled().conjuncts();
                    if (parts.isEmpty()) continue;
                    try {
                        boolean ofKind = false;
                        String failed = null;
                        for (Rule.Conjunct c : parts) {
                            boolean holds = Boolean.TRUE.equals(c.program().eval(vars));
                            if (c.text().contains("feature.kind")) {
                                if (!holds) {
                                    ofKind = false;
                                    break;
                                }
                                ofKind = true;
                            } else if (!holds && failed == null) {
                                failed = c.text();
                            }
                        }
                        if (ofKind && failed != null) misses.add(new Miss(rule.id(), failed));
                    } catch (CelEvaluationException ex) {
                        failures.add(new Problem(rule.at(), "rule " + rule.id() + " failed on feature '"
                                + feature.id() + "': " + ex.getMessage()));
                    }
                }
                out.add(new Unrecognised(feature.id(), feature.kind().yamlName(), List.copyOf(misses),
                        feature.source().at()));
            }
            return List.copyOf(out);
        }

        /**
         * The elements a kind of rule inspects, with their views, made on one thread; a view's fields are
         * then filled in by whichever thread judges its element.
         */
        private Subjects subjects(Inspects inspects) {
            Map<String, ?> all = RuleEngine.subjects(inspects, model);
            String[] ids = new String[all.size()];
            Object[] elements = new Object[all.size()];
            @SuppressWarnings("unchecked")
            Map<String, Object>[] views = new Map[all.size()];
            CelVariableResolver[] vars = new CelVariableResolver[all.size()];
            int i = 0;
            for (Map.Entry<String, ?> e : all.entrySet()) {
                ids[i] = e.getKey();
                elements[i] = e.getValue();
                views[i] = view(inspects, this.views, e.getValue());
                vars[i] = vars(inspects, views[i]);
                i++;
            }
            return new Subjects(ids, elements, views, vars);
        }

        @SuppressWarnings("unchecked")
        private Map<String, Object> view(Inspects inspects, CelViews v, Object subject) {
            return inspects == Inspects.SYSTEM ? (Map<String, Object>) system.get()
                    : ((ViewType<Object>) inspects.view()).view(v, subject);
        }

        /**
         * The rule's finding on one element, or null, with a failure or a skipped need recorded in
         * {@code judged} instead. Safe to call on several threads at once: it reads the run and writes
         * only {@code judged}.
         */
        private Finding evaluate(Rule rule, String id, Object subject, Map<String, Object> view, CelVariableResolver vars,
                                 CelViews v, Judged judged) {
            Inspects inspects = rule.inspects();
            try {
                String missing = missingNeed(rule, subject, view, vars);
                if (missing != null) {
                    if (v == views) judged.notAssessed = new NotAssessed(rule.id(), inspects, id, missing, at(subject));
                    return null;
                }
                if (rule.compiled().guard != null && !rule.compiled().guard.test(view)) return null;
                if (!rule.compiled().exactGuard && !Boolean.TRUE.equals(rule.compiled().when.eval(vars))) return null;
                return finding(rule, id, subject, view, vars, v);
            } catch (CelEvaluationException ex) {
                judged.failure = new Problem(rule.at(), "rule " + rule.id() + " failed on " + inspects.yamlName()
                        + " '" + id + "': " + ex.getMessage());
                return null;
            }
        }

        /**
         * What a rule's expressions see of an element: its view under the kind's name, and the system. Made
         * once per element and shared by every rule of its kind: a large design's 100k elements were given
         * one per rule.
         */
        private CelVariableResolver vars(Inspects inspects, Map<String, Object> view) {
            Optional<Object> element = Optional.of(view);
            String variable = inspects.variable();
            return name -> name.equals(variable) ? element : name.equals("system") ? system : Optional.empty();
        }

        /** The first need whose fields are all unwritten on an element it applies to, or null. */
        private String missingNeed(Rule rule, Object subject, Map<String, Object> view, CelVariableResolver vars)
                throws CelEvaluationException {
            for (int i = 0; i < rule.needs().size(); i++) {
                Rule.Need need = rule.needs().get(i);
                // Whether a field is written is cheap to ask; the condition is evaluated only when it matters.
                if (anyWritten(subject, need)) continue;
                Condition when = rule.compiled().needs.get(i);
                if (when != null && !when.holds(view, vars)) continue;
                return String.join(" or ", need.fields());
            }
            return null;
        }

        private Location at(Object subject) {
            if (subject instanceof Element el) return el.source().at();
            if (subject instanceof CelViews.Outsider o) return model.conversations().get(o.conversation()).source().at();
            return model.system().source().at();
        }

        /*
         * A finding is put together in steps, each a method of its own: as one method, C2 compiled it
         * into over 100 kB of code, and compiled it again up to five times in a run of eight patched
         * reviews, seconds of compiling each time.
         */
        private Finding finding(Rule rule, String id, Object subject, Map<String, Object> view,
                                CelVariableResolver vars, CelViews v)
                throws CelEvaluationException {
            Rule.SeverityIf severityIf = severityIf(rule, view, vars);
            Severity severity = severityIf == null ? rule.severity() : severityIf.severity();
            List<String> readers = readers(rule, id, subject, vars, v);
            Map<String, List<Reading>> covering = covering(rule, id, subject, readers, v);
            Optional<Object> readerList = Optional.of(readers);
            CelVariableResolver messageVars = name -> name.equals(RuleSet.READERS) ? readerList : vars.find(name);
            String message = say(rule.compiled().message, readers, vars, messageVars);
            String withoutReaders = readers.isEmpty() && rule.compiled().withoutReaders != null
                    ? sentence(say(rule.compiled().withoutReaders, readers, vars, messageVars)) : null;
            List<Finding.Chain> evidence = new ArrayList<>();
            List<Step> fieldSteps = fieldSteps(rule, subject, vars);
            if (!fieldSteps.isEmpty()) evidence.add(new Finding.Chain(rule.inspects().yamlName() + " " + id, fieldSteps));
            List<Finding.Read> reads = new ArrayList<>();
            Set<Safeguarded> lowering = new java.util.LinkedHashSet<>();
            explain(rule, id, subject, readers, covering, v, reads, lowering, evidence);
            String[] titled = title(rule, view, vars);
            Weakening w = rules.catalog().weakenings().get(titled[1]);
            Set<Safeguarded> safeguards = safeguards(rule, id, w, lowering);
            List<Finding.Disclosed> disclosed = disclosed(readers);
            // Visible alike on every route: one severity lower when members would see every reading it names.
            if (rule.visibleLowers() && !reads.isEmpty() && reads.stream().allMatch(r -> !r.lowering().isEmpty())) {
                severity = severity.lower();
            }
            return new Finding(rule.id() + "@" + id, rule.id(), rule.kind(), severity, titled[0], titled[1],
                    rule.inspects(), id, at(subject), sentence(message), readers, List.copyOf(reads),
                    List.copyOf(evidence), w != null && w.systemic(), w == null ? null : w.blastRadius(),
                    List.copyOf(safeguards), List.copyOf(disclosed), rule.remediation(), rule.verdict(), withoutReaders,
                    severityIf == null || severity != severityIf.severity() ? null : severityIf.because());
        }

        /** The first severity-if that holds, or null for the rule's own severity. */
        private Rule.SeverityIf severityIf(Rule rule, Map<String, Object> view, CelVariableResolver vars) throws CelEvaluationException {
            for (int i = 0; i < rule.severityIf().size(); i++) {
                if (rule.compiled().severityIf.get(i).get().holds(view, vars)) return rule.severityIf().get(i);
            }
            return null;
        }

        /** The parties a finding names: the rule's own list, the outsider, or a conversation's readers by the rule's routes. */
        private List<String> readers(Rule rule, String id, Object subject, CelVariableResolver vars, CelViews v)
                throws CelEvaluationException {
            if (rule.compiled().readers != null) {
                List<String> distinct = new ArrayList<>();
                for (Object r : (List<?>) rule.compiled().readers.get().eval(vars)) {
                    String party = String.valueOf(r);
                    if (!party.isEmpty() && !distinct.contains(party)) distinct.add(party);
                }
                return distinct;
            }
            if (subject instanceof CelViews.Outsider o) return List.of(o.party());
            if (rule.inspects() == Inspects.CONVERSATION && !rule.compiled().evidenceRoutes.isEmpty()) {
                // By default a conversation rule is about the outsiders who read it by its routes.
                List<String> parties = new ArrayList<>();
                for (Access a : v.access(id)) {
                    for (Reading r : a.readings()) {
                        if (rule.compiled().evidenceRoutes.contains(r.route().id())) {
                            parties.add(a.party());
                            break;
                        }
                    }
                }
                return parties;
            }
            return List.of();
        }

        /**
         * Per reader, what it reads in which conversation (into {@code reads}), what would make that
         * visible (into {@code lowering}) and the chains that show it (onto {@code evidence}).
         */
        private void explain(Rule rule, String id, Object subject, List<String> readers, Map<String, List<Reading>> covering,
                             CelViews v, List<Finding.Read> reads, Set<Safeguarded> lowering, List<Finding.Chain> evidence) {
            Set<String> titled = new HashSet<>(); // a chain's title names its reader, conversations and condition
            for (String reader : readers) {
                List<Reading> rs = covering.getOrDefault(reader, List.of());
                Map<String, List<Reading>> byConversation = new TreeMap<>();
                String only = rule.inspects() == Inspects.CONVERSATION ? id
                        : subject instanceof CelViews.Outsider o ? o.conversation() : null;
                if (only != null) {
                    // Readings taken from the conversation's own access count in it and nowhere else here.
                    if (!rs.isEmpty()) byConversation.put(only, rs);
                } else {
                    for (Reading r : rs) {
                        for (String c : v.accessConversations(r)) byConversation.computeIfAbsent(c, x -> new ArrayList<>()).add(r);
                    }
                }
                for (Map.Entry<String, List<Reading>> e : byConversation.entrySet()) {
                    reads.add(read(e.getKey(), reader, e.getValue()));
                }
                for (Reading r : rs) lowering.addAll(r.lowering());
                for (Finding.Chain chain : chains(rule, id, reader, rs, only)) {
                    if (titled.add(chain.title())) evidence.add(chain);
                }
            }
        }

        /** The title and the catalog entry: the rule's, or as the first title-if that holds says. */
        private String[] title(Rule rule, Map<String, Object> view, CelVariableResolver vars) throws CelEvaluationException {
            for (int i = 0; i < rule.titleIf().size(); i++) {
                if (rule.compiled().titleIf.get(i).get().holds(view, vars)) {
                    Rule.TitleIf t = rule.titleIf().get(i);
                    return new String[] {t.title(), t.catalog() != null ? t.catalog() : rule.catalog()};
                }
            }
            return new String[] {rule.title(), rule.catalog()};
        }

        /** What would make its readings visible, then the declared safeguards on its routes that its weakening defeats. */
        private Set<Safeguarded> safeguards(Rule rule, String id, Weakening w, Set<Safeguarded> lowering) {
            Set<Safeguarded> safeguards = new java.util.LinkedHashSet<>(lowering);
            Set<String> defeatedBy = defeatedBy(w);
            for (Safeguarded s : analysis.safeguards(id)) {
                boolean onRoute = rule.compiled().evidenceRoutes.isEmpty()
                        || rule.compiled().evidenceRoutes.contains(s.route().id());
                if (onRoute && defeatedBy.contains(s.name())) safeguards.add(s);
            }
            return safeguards;
        }

        /** What the model says its readers tell users. */
        private List<Finding.Disclosed> disclosed(List<String> readers) {
            List<Finding.Disclosed> disclosed = new ArrayList<>();
            for (String reader : readers) {
                Party p = model.parties().get(reader);
                if (p != null && p.disclosedToUsers() != null) {
                    disclosed.add(new Finding.Disclosed(reader, p.disclosedToUsers(), p.source().of("disclosed-to-users")));
                }
            }
            return disclosed;
        }

        /** A message template said for one element. */
        private String say(List<Object> template, List<String> readers, CelVariableResolver vars,
                           CelVariableResolver messageVars) throws CelEvaluationException {
            StringBuilder out = new StringBuilder();
            for (Object written : template) {
                Object part = written instanceof Later<?> later ? later.get() : written;
                if (part == RuleSet.READERS_PART) out.append(String.join(", ", readers));
                else if (part instanceof CelRuntime.Program p) out.append(text(p.eval(messageVars)));
                else if (part instanceof RuleSet.FieldPart f) out.append(text(field(vars, f)));
                else out.append(part);
            }
            return out.toString();
        }

        private Finding.Read read(String conversation, String party, List<Reading> rs) {
            Flow.Occurs best = Flow.Occurs.ON_FALLBACK;
            List<String> data = new ArrayList<>();
            List<String> through = new ArrayList<>();
            Set<Safeguarded> lowering = new java.util.LinkedHashSet<>();
            boolean allLowered = true;
            for (Reading r : rs) {
                if (r.condition().ordinal() < best.ordinal()) best = r.condition();
                if (!data.contains(r.data())) data.add(r.data());
                for (String t : r.through()) if (!through.contains(t)) through.add(t);
                if (r.lowering().isEmpty()) allLowered = false;
                lowering.addAll(r.lowering());
            }
            return new Finding.Read(conversation, party, List.copyOf(data), best, List.copyOf(through),
                    allLowered ? List.copyOf(lowering) : List.of());
        }

        /**
         * For each reader, the readings of conversation content this finding explains: those in the
         * inspected conversation's access, or those whose chain passes through the inspected element,
         * on the rule's evidence routes. Best first.
         */
        private Map<String, List<Reading>> covering(Rule rule, String id, Object subject, List<String> readers, CelViews v) {
            Map<String, List<Reading>> out = new HashMap<>();
            if (readers.isEmpty()) return out;
            Set<String> routes = rule.compiled().evidenceRoutes;
            Set<String> wanted = new HashSet<>(readers);
            List<Reading> candidates = new ArrayList<>();
            if (subject instanceof CelViews.Outsider o) {
                candidates.addAll(o.readings());
            } else if (rule.inspects() == Inspects.PARTY) {
                for (String c : model.conversations().keySet()) {
                    for (Access a : v.access(c)) if (a.party().equals(id)) candidates.addAll(a.readings());
                }
            } else if (rule.inspects() == Inspects.CONVERSATION) {
                for (Access a : v.access(id)) candidates.addAll(a.readings());
            } else if (rule.inspects() != Inspects.SYSTEM) {
                Set<Reading> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
                for (Reading r : v.through(id)) {
                    if (!v.accessConversations(r).isEmpty() && !v.hidden(r) && seen.add(r)) candidates.add(r);
                }
                if (rule.inspects() == Inspects.FLOW) {
                    // What the receiving component makes there for its operator (a preview built from
                    // the links the flow brings) is learnt because of the flow, even where the model
                    // does not say what it is made from.
                    org.e2eereview.model.Flow flow = model.flows().get(id);
                    String operator = model.components().get(flow.to()).runBy();
                    for (Reading r : v.through(flow.to())) {
                        if (!r.party().equals(operator) || v.accessConversations(r).isEmpty() || v.hidden(r)) continue;
                        org.e2eereview.model.Data first = model.data().get(r.evidence().steps().get(0).element());
                        if (first != null && first.createdOn().contains(flow.to()) && seen.add(r)) candidates.add(r);
                    }
                }
                if (rule.inspects() == Inspects.KEY) {
                    org.e2eereview.model.Key k = model.keys().get(id);
                    for (Holding h : analysis.holders(id).values()) {
                        if (!wanted.contains(h.party())) continue;
                        for (Reading r : v.readingsByHolder(h, k)) if (!v.hidden(r) && seen.add(r)) candidates.add(r);
                    }
                }
            }
            for (Reading r : candidates) {
                if (!wanted.contains(r.party())) continue;
                if (!routes.isEmpty() && !routes.contains(r.route().id())) continue;
                out.computeIfAbsent(r.party(), x -> new ArrayList<>()).add(r);
            }
            out.values().forEach(rs -> rs.sort(SHORTEST_FIRST));
            return out;
        }

        /**
         * The evidence for one reader: the best reading explained, else how it holds the key or reads the
         * data. A chain is titled with the conversations whose content it shows being read, so where the
         * readings explained span conversations with different content, each gets a chain of its own.
         */
        private List<Finding.Chain> chains(Rule rule, String id, String party, List<Reading> covered, String conversation) {
            if (covered.isEmpty() || conversation != null) {
                Finding.Chain one = chain(rule, id, party, covered, conversation);
                return one == null ? List.of() : List.of(one);
            }
            // One pass: the best reading of each conversation, then one chain per reading chosen, titled
            // with the conversations it was chosen for (linear in readings, for models of thousands).
            Map<String, List<Reading>> byConversation = new TreeMap<>();
            for (Reading r : covered) {
                for (String c : views.accessConversations(r)) byConversation.computeIfAbsent(c, x -> new ArrayList<>()).add(r);
            }
            Map<Reading, Set<String>> chosen = new java.util.IdentityHashMap<>();
            List<Reading> order = new ArrayList<>();
            byConversation.forEach((c, rs) -> chosen.computeIfAbsent(best(rs, c), x -> {
                order.add(x);
                return new java.util.TreeSet<>();
            }).add(c));
            List<Finding.Chain> out = new ArrayList<>(order.size());
            for (Reading best : order) {
                out.add(new Finding.Chain(party + " can read " + String.join(", ", chosen.get(best))
                        + qualifier(analysis.conditionWords(best), best.condition(), best.through()), best.evidence().steps()));
            }
            return out;
        }

        /** Among equally good readings, the one that shows the conversation's main content (its first item). */
        private Reading best(List<Reading> covered, String conversation) {
            return covered.stream().min(Comparator.<Reading>comparingInt(r -> r.condition().ordinal())
                    .thenComparingInt(r -> r.lowering().isEmpty() ? 0 : 1)
                    .thenComparingInt(r -> contentRank(r, conversation)).thenComparing(SHORTEST_FIRST)).orElseThrow();
        }

        private Finding.Chain chain(Rule rule, String id, String party, List<Reading> covered, String conversation) {
            Set<String> routes = rule.compiled().evidenceRoutes;
            if (!covered.isEmpty()) {
                Reading best = best(covered, conversation);
                String target = rule.inspects() == Inspects.CONVERSATION ? id
                        : rule.inspects() == Inspects.OUTSIDER ? id.substring(0, id.indexOf('/'))
                        : String.join(", ", conversationsOf(covered));
                return new Finding.Chain(party + " can read " + target
                        + qualifier(analysis.conditionWords(best), best.condition(), best.through()),
                        best.evidence().steps());
            }
            if (rule.inspects() == Inspects.KEY) {
                Holding h = analysis.holders(id).get(party);
                if (h != null && (routes.isEmpty() || routes.contains(h.route().id()))) {
                    return new Finding.Chain(party + " can obtain " + id
                            + qualifier(h.condition().words(), h.condition(), h.through()),
                            h.evidence().steps());
                }
            } else if (rule.inspects() == Inspects.DATA) {
                for (Reading r : analysis.readers(id).getOrDefault(party, List.of())) {
                    if (routes.isEmpty() || routes.contains(r.route().id())) {
                        return new Finding.Chain(party + " can read " + id
                                + qualifier(r.condition().words(), r.condition(), r.through()),
                                r.evidence().steps());
                    }
                }
            }
            return null;
        }

        /** Where a reading's data stands in the content list of its conversation: messages before links. */
        private int contentRank(Reading r, String conversation) {
            String c = conversation;
            if (c == null) {
                List<String> convs = views.accessConversations(r);
                if (convs.isEmpty()) return Integer.MAX_VALUE;
                c = convs.get(0);
            }
            return model.conversations().get(c).content().indexOf(r.data());
        }

        /** By id, so that a chain's title does not depend on the order the model writes conversations in. */
        private Set<String> conversationsOf(List<Reading> rs) {
            Set<String> out = new java.util.TreeSet<>();
            for (Reading r : rs) out.addAll(views.accessConversations(r));
            return out;
        }
    }

    private static final Comparator<Reading> SHORTEST_FIRST = Comparator.<Reading>comparingInt(r -> r.condition().ordinal())
            .thenComparingInt(r -> r.lowering().isEmpty() ? 0 : 1)
            .thenComparingInt(r -> r.evidence().length()).thenComparingInt(r -> r.route().ordinal())
            .thenComparing(Reading::data);

    /** " (on a legal order, through a, b)": when a reading applies, in words; empty when always and direct. */
    static String qualifier(String words, Flow.Occurs condition, List<String> through) {
        List<String> parts = new ArrayList<>(2);
        if (condition != Flow.Occurs.ALWAYS) parts.add(words);
        if (!through.isEmpty()) parts.add("through " + String.join(", ", through));
        return parts.isEmpty() ? "" : " (" + String.join(", ", parts) + ")";
    }

    /** A condition in words. */
    public static String condition(Flow.Occurs condition) {
        return condition.words();
    }

    /** Collapses runs of blanks and the blank before punctuation that optional message parts leave. */
    static String sentence(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean blank = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                blank = out.length() > 0;
                continue;
            }
            boolean stop = c == ',' || c == '.' || c == ';' || c == ':' || c == ')';
            if (blank && !stop && (out.length() == 0 || out.charAt(out.length() - 1) != '(')) out.append(' ');
            blank = false;
            out.append(c);
        }
        return out.toString();
    }

    private static Map<String, ?> subjects(Inspects kind, Model m) {
        if (kind == Inspects.SYSTEM) return Map.of("system", m);
        // Outsiders are found after every other rule has run (outsiders()).
        if (kind == Inspects.OUTSIDER) return Map.of();
        return kind.element().in(m);
    }

    private final Map<String, Set<String>> defeatedBy = new java.util.concurrent.ConcurrentHashMap<>();

    private Set<String> defeatedBy(Weakening w) {
        if (w == null) return Set.of();
        return defeatedBy.computeIfAbsent(w.id(), id -> Set.copyOf(w.defeatedBy().stream().map(ModelEnum::yamlName).toList()));
    }

    private static Object field(CelVariableResolver vars, RuleSet.FieldPart part) {
        return ((Map<?, ?>) vars.find(part.variable()).orElseThrow()).get(part.field());
    }

    private static String text(Object value) {
        if (value instanceof List<?> l) return String.join(", ", l.stream().map(String::valueOf).distinct().toList());
        return String.valueOf(value);
    }

    /** Steps for the fields a rule cites: "changes-shown: suppressible" at its line. */
    private static List<Step> fieldSteps(Rule rule, Object subject, CelVariableResolver vars) throws CelEvaluationException {
        List<String> paths = new ArrayList<>(rule.evidenceFields());
        for (int i = 0; i < rule.evidenceFieldsIf().size(); i++) {
            if (Boolean.TRUE.equals(rule.compiled().evidenceIf.get(i).get().eval(vars))) {
                paths.add(rule.evidenceFieldsIf().get(i).field());
            }
        }
        List<Step> out = new ArrayList<>();
        Object root = subject instanceof Model m ? m.system() : subject;
        String element = subject instanceof Element el ? el.id() : null;
        for (String written : paths) {
            Object node = root;
            FieldPath path = FieldPath.of(written);
            String[] parts = path.names();
            for (int i = 0; i < parts.length && node != null; i++) {
                Source source = (Source) component(node, "source");
                Object value = component(node, path.properties()[i]);
                if (i == parts.length - 1) {
                    if (source != null) out.add(new Step(parts[i] + ": " + describe(value)
                            + (source.written(parts[i]) ? "" : " (not written: the default)"), source.of(parts[i]),
                            element));
                } else {
                    node = value;
                }
            }
        }
        return out;
    }

    /** Whether any of a need's fields is written on the element: asked of every element by every rule with needs. */
    private static boolean anyWritten(Object subject, Rule.Need need) {
        if (written(subject, need.field())) return true;
        for (String f : need.or()) if (written(subject, f)) return true;
        return false;
    }

    /** Whether a field path (a.b) of an element is written in the model rather than left to its default. */
    static boolean written(Object subject, String written) {
        Object node = subject;
        FieldPath path = FieldPath.of(written);
        String[] parts = path.names();
        for (int i = 0; i < parts.length - 1; i++) {
            node = component(node, path.properties()[i]);
            if (node == null) return false;
        }
        Source source = (Source) component(node, "source");
        return source != null && source.written(parts[parts.length - 1]);
    }

    /**
     * A field path (a.b) split once: its YAML names, interned so that a model's field locations find
     * them by identity, and the record components they name. Rules ask of every element.
     */
    private record FieldPath(String[] names, String[] properties) {
        private static final Map<String, FieldPath> PATHS = new java.util.concurrent.ConcurrentHashMap<>();

        static FieldPath of(String path) {
            return PATHS.computeIfAbsent(path, p -> {
                String[] names = p.split("\\.");
                String[] properties = new String[names.length];
                for (int i = 0; i < names.length; i++) {
                    names[i] = names[i].intern();
                    properties[i] = camelCase(names[i]);
                }
                return new FieldPath(names, properties);
            });
        }
    }

    private static String camelCase(String yamlName) {
        if (yamlName.equals("default")) return "byDefault";
        StringBuilder s = new StringBuilder();
        boolean upper = false;
        for (char c : yamlName.toCharArray()) {
            if (c == '-') {
                upper = true;
            } else {
                s.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return s.toString();
    }

    /** Record accessors by component name, looked up once per record class. */
    private static final ClassValue<Map<String, java.lang.reflect.Method>> ACCESSORS = new ClassValue<>() {
        @Override
        protected Map<String, java.lang.reflect.Method> computeValue(Class<?> type) {
            Map<String, java.lang.reflect.Method> out = new HashMap<>();
            if (type.isRecord()) {
                for (RecordComponent rc : type.getRecordComponents()) out.put(rc.getName(), rc.getAccessor());
            }
            return out;
        }
    };

    private static Object component(Object record, String name) {
        if (record == null) return null;
        java.lang.reflect.Method accessor = ACCESSORS.get(record.getClass()).get(name);
        if (accessor == null) return null;
        try {
            return accessor.invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String describe(Object value) {
        if (value == null) return "not set";
        if (value instanceof ModelEnum e) return e.yamlName();
        if (value instanceof List<?> l) {
            return "[" + String.join(", ", l.stream().map(v -> v instanceof ModelEnum e ? e.yamlName()
                    : String.valueOf(v)).toList()) + "]";
        }
        return String.valueOf(value);
    }

    /** Sets seen as one, for membership only: what a rule must leave to the findings that explain it. */
    private static final class Union<T> extends java.util.AbstractSet<T> {
        private final List<Set<T>> parts;

        Union(List<Set<T>> parts) {
            this.parts = parts;
        }

        @Override
        public boolean contains(Object o) {
            for (Set<T> p : parts) if (p.contains(o)) return true;
            return false;
        }

        @Override
        public boolean isEmpty() {
            return parts.stream().allMatch(Set::isEmpty);
        }

        @Override
        public java.util.Iterator<T> iterator() {
            return parts.stream().flatMap(Set::stream).distinct().iterator();
        }

        @Override
        public int size() {
            return (int) parts.stream().flatMap(Set::stream).distinct().count();
        }
    }
}
