package org.e2eereview.rules;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.e2eereview.analysis.Access;
import org.e2eereview.analysis.Analysis;
import org.e2eereview.analysis.Holding;
import org.e2eereview.analysis.Reading;
import org.e2eereview.analysis.Safeguarded;
import org.e2eereview.analysis.Step;
import org.e2eereview.catalog.Entries.Weakening;
import org.e2eereview.catalog.Severity;
import org.e2eereview.load.InputException;
import org.e2eereview.load.Problem;
import org.e2eereview.model.Element;
import org.e2eereview.model.Location;
import org.e2eereview.model.Model;
import org.e2eereview.model.ModelEnum;
import org.e2eereview.model.Source;

import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelVariableResolver;

/** Runs rules over a model and its analysis. */
public final class RuleEngine {

    private final RuleSet rules;

    public RuleEngine(RuleSet rules) {
        this.rules = rules;
    }

    /** Every finding of every rule, sorted by severity, rule and element. */
    public List<Finding> evaluate(Model model, Analysis analysis) throws InputException {
        return evaluate(rules.rules().values(), model, analysis);
    }

    /** The findings of the given rules only. A rule that cannot be evaluated is an error, never silence. */
    public List<Finding> evaluate(Collection<Rule> selected, Model model, Analysis analysis) throws InputException {
        Views views = new Views(model, analysis);
        Optional<Object> system = Optional.of(Views.SYSTEM.view(views, model));
        Map<Inspects, List<Rule>> byKind = new java.util.EnumMap<>(Inspects.class);
        for (Rule rule : selected) byKind.computeIfAbsent(rule.inspects(), k -> new ArrayList<>()).add(rule);
        List<Finding> out = new ArrayList<>();
        List<Problem> failures = new ArrayList<>();
        for (Map.Entry<Inspects, List<Rule>> kind : byKind.entrySet()) {
            Inspects inspects = kind.getKey();
            String variable = inspects.variable();
            for (Map.Entry<String, ?> e : subjects(inspects, model).entrySet()) {
                // One view per element, shared by every rule of its kind: fields are computed once.
                @SuppressWarnings("unchecked")
                Map<String, Object> view = inspects == Inspects.SYSTEM ? (Map<String, Object>) system.get()
                        : view(inspects, views, e.getValue());
                Optional<Object> element = Optional.of(view);
                CelVariableResolver vars = name -> name.equals(variable) ? element
                        : name.equals("system") ? system : Optional.empty();
                for (Rule rule : kind.getValue()) {
                    try {
                        if (rule.compiled().guard != null && !rule.compiled().guard.test(view)) continue;
                        if (Boolean.TRUE.equals(rule.compiled().when.eval(vars))) {
                            out.add(finding(rule, e.getKey(), e.getValue(), vars, model, analysis));
                        }
                    } catch (CelEvaluationException | RuntimeException ex) {
                        failures.add(new Problem(rule.at(), "rule " + rule.id() + " failed on " + inspects.yamlName()
                                + " '" + e.getKey() + "': " + ex.getMessage()));
                    }
                }
            }
        }
        if (!failures.isEmpty()) throw new InputException(failures);
        out.sort(Comparator.comparing(Finding::severity).thenComparing(Finding::rule).thenComparing(Finding::element));
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> view(Inspects kind, Views views, Object subject) {
        return ((ViewType<Object>) kind.view()).view(views, subject);
    }

    private static Map<String, ?> subjects(Inspects kind, Model m) {
        return switch (kind) {
            case PARTY -> m.parties();
            case COMPONENT -> m.components();
            case KEY -> m.keys();
            case DATA -> m.data();
            case CONVERSATION -> m.conversations();
            case FLOW -> m.flows();
            case FEATURE -> m.features();
            case SYSTEM -> Map.of("system", m);
        };
    }

    private Finding finding(Rule rule, String id, Object subject, CelVariableResolver vars, Model model,
                            Analysis analysis) throws CelEvaluationException {
        Severity severity = rule.severity();
        for (int i = 0; i < rule.severityIf().size(); i++) {
            if (Boolean.TRUE.equals(rule.compiled().severityIf.get(i).eval(vars))) {
                severity = rule.severityIf().get(i).severity();
                break;
            }
        }
        List<String> readers = List.of();
        if (rule.compiled().readers != null) {
            List<String> distinct = new ArrayList<>();
            for (Object r : (List<?>) rule.compiled().readers.eval(vars)) {
                String party = String.valueOf(r);
                if (!distinct.contains(party)) distinct.add(party);
            }
            readers = distinct;
        }
        StringBuilder message = new StringBuilder();
        for (Object part : rule.compiled().message) {
            if (part == RuleSet.READERS_PART) message.append(String.join(", ", readers));
            else if (part instanceof CelRuntime.Program p) message.append(text(p.eval(vars)));
            else if (part instanceof RuleSet.FieldPart f) message.append(text(field(vars, f)));
            else message.append(part);
        }
        Location at = subject instanceof Element el ? el.source().at() : model.system().source().at();
        List<Finding.Chain> evidence = new ArrayList<>();
        List<Step> fieldSteps = fieldSteps(rule, subject, model);
        if (!fieldSteps.isEmpty()) evidence.add(new Finding.Chain(rule.inspects().yamlName() + " " + id, fieldSteps));
        for (String reader : readers) {
            List<Step> chain = readerChain(rule, id, reader, analysis);
            if (!chain.isEmpty()) evidence.add(new Finding.Chain(reader + " can read " + id, chain));
        }
        Weakening w = rules.catalog().weakenings().get(rule.catalog());
        Set<String> defeatedBy = defeatedBy(w);
        List<Safeguarded> safeguards = analysis.safeguards(id).stream()
                .filter(s -> defeatedBy.contains(s.safeguard())).toList();
        return new Finding(rule.id() + "@" + id, rule.id(), rule.kind(), severity, rule.title(), rule.catalog(),
                rule.inspects(), id, at, message.toString().strip(), readers, evidence,
                w != null && w.systemic(), w == null ? null : w.blastRadius(), safeguards, rule.remediation(),
                rule.verdict());
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

    private static List<Step> readerChain(Rule rule, String id, String party, Analysis analysis) {
        Set<String> routes = rule.compiled().evidenceRoutes;
        switch (rule.inspects()) {
            case CONVERSATION -> {
                for (Access a : analysis.access(id)) {
                    if (!a.party().equals(party)) continue;
                    for (Reading r : a.readings()) {
                        if (routes.isEmpty() || routes.contains(r.route().id())) return r.evidence().steps();
                    }
                }
            }
            case KEY -> {
                Holding h = analysis.holders(id).get(party);
                if (h != null && (routes.isEmpty() || routes.contains(h.route().id()))) return h.evidence().steps();
            }
            case DATA -> {
                for (Reading r : analysis.readers(id).getOrDefault(party, List.of())) {
                    if (routes.isEmpty() || routes.contains(r.route().id())) return r.evidence().steps();
                }
            }
            default -> {
                return List.of();
            }
        }
        return List.of();
    }

    /** Steps for the fields a rule cites: "changes-shown: suppressible" at its line. */
    private static List<Step> fieldSteps(Rule rule, Object subject, Model model) {
        List<Step> out = new ArrayList<>();
        Object root = subject instanceof Model m ? m.system() : subject;
        for (String path : rule.evidenceFields()) {
            Object node = root;
            String[] parts = path.split("\\.");
            for (int i = 0; i < parts.length && node != null; i++) {
                Source source = (Source) component(node, "source");
                Object value = component(node, property(parts[i]));
                if (i == parts.length - 1) {
                    if (source != null) out.add(new Step(parts[i] + ": " + describe(value)
                            + (source.written(parts[i]) ? "" : " (not written: the default)"), source.of(parts[i])));
                } else {
                    node = value;
                }
            }
        }
        return out;
    }

    private static final Map<String, String> PROPERTIES = new java.util.concurrent.ConcurrentHashMap<>();

    private static String property(String yamlName) {
        return PROPERTIES.computeIfAbsent(yamlName, RuleEngine::camelCase);
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
}
