package org.e2eereview.rules;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.e2eereview.analysis.Route;
import org.e2eereview.catalog.Catalog;
import org.e2eereview.catalog.Severity;
import org.e2eereview.load.Bundled;
import org.e2eereview.load.Digests;
import org.e2eereview.load.FieldSpec;
import org.e2eereview.load.FieldType;
import org.e2eereview.load.Fields;
import org.e2eereview.load.ModelFormat;
import org.e2eereview.load.InputException;
import org.e2eereview.load.ObjectSpec;
import org.e2eereview.load.Problem;
import org.e2eereview.load.StrictYaml;
import org.e2eereview.model.Location;

import dev.cel.runtime.CelRuntime;

/**
 * The rules in force: the bundled ones and any the user adds. Every rule is parsed, its
 * conditions type-checked and its catalog entry looked up when the set loads, so that a broken
 * rule is an error naming its file and position before any model is reviewed.
 */
public final class RuleSet {

    /** The base model rule test cases patch; a file name starting with '_' is not a rule. */
    public static final String TEST_BASE = "_test-base.yaml";

    private static final Map<Inspects, ObjectSpec> SPECS = new EnumMap<>(Inspects.class);

    static {
        for (Inspects i : Inspects.values()) {
            if (i.element() != null) SPECS.put(i, ModelFormat.element(i.element()));
        }
        SPECS.put(Inspects.SYSTEM, ModelFormat.SYSTEM);
    }

    private final Map<String, Rule> rules;
    private final byte[] testBase;
    private final Catalog catalog;
    private final String digest;

    private final List<Rule> ordered;

    private RuleSet(Map<String, Rule> rules, byte[] testBase, Catalog catalog, String digest) {
        this.digest = digest;
        this.rules = Collections.unmodifiableMap(rules);
        this.ordered = List.copyOf(order(rules));
        this.testBase = testBase;
        this.catalog = catalog;
    }

    /** The bundled rules plus the rules in each directory given (their *.yaml files). */
    public static RuleSet load(Catalog catalog, List<Path> userDirs) throws InputException {
        return load(catalog, userDirs, Cel.get());
    }

    /**
     * Bundled rule files already read and compiled in the shared CEL environment, by file: they are the
     * same for every load in a process, so a later load (with other user rules, in the same test run,
     * or after {@link Startup#inBackground}) takes them from here. Each is read once: a thread that
     * asks for one being read waits for it.
     */
    private static final Map<String, Parsed> PARSED_BUNDLED = new java.util.concurrent.ConcurrentHashMap<>();

    /** Reads the bundled rule files, first to last, in the shared environment: what a later load takes. */
    static void readBundled() {
        Cel cel = Cel.get();
        Bundled.yamlFiles("rules").forEach((file, bytes) -> {
            if (!isBase(file)) PARSED_BUNDLED.computeIfAbsent(file, f -> readBundled(f, bytes, cel));
        });
    }

    /** The same, checking conditions in the CEL environment given. */
    static RuleSet load(Catalog catalog, List<Path> userDirs, Cel cel) throws InputException {
        Map<String, byte[]> files = new TreeMap<>(Bundled.yamlFiles("rules"));
        List<Problem> problems = new ArrayList<>();
        Map<String, byte[]> user = new LinkedHashMap<>();
        for (Path dir : userDirs) readDir(dir, user, problems);
        byte[] base = files.remove("rules/" + TEST_BASE);
        Map<String, Rule> rules = new TreeMap<>();
        Map<String, byte[]> all = new LinkedHashMap<>(files);
        all.putAll(user);
        // Bundled files are read once per process, in the environment every plain load uses; from the
        // last, to meet a background reading from the first (Startup.inBackground), then in order.
        boolean shared = Cel.isShared(cel);
        if (shared) {
            List<String> names = new ArrayList<>(files.keySet());
            Collections.reverse(names);
            for (String name : names) {
                if (!isBase(name)) PARSED_BUNDLED.computeIfAbsent(name, k -> readBundled(k, files.get(k), cel));
            }
        }
        for (var f : all.entrySet()) {
            if (isBase(f.getKey())) continue;
            // The same array: the bundled file itself, not a user's file of the same name.
            boolean bundled = shared && files.get(f.getKey()) == f.getValue();
            Parsed p = bundled ? PARSED_BUNDLED.computeIfAbsent(f.getKey(), k -> readBundled(k, f.getValue(), cel))
                    : read(f.getKey(), f.getValue(), cel);
            try {
                Rule r = withCatalog(p, catalog);
                Rule before = rules.putIfAbsent(r.id(), r);
                if (before != null) {
                    problems.add(new Problem(r.at(), "duplicate rule id '" + r.id() + "': already defined in "
                            + before.file()));
                }
            } catch (InputException e) {
                problems.addAll(e.problems());
            }
        }
        checkExplains(rules, problems);
        if (!problems.isEmpty()) throw new InputException(problems);
        return new RuleSet(rules, base, catalog, user.isEmpty() ? bundledDigest() : Digests.sha256(all));
    }

    /**
     * A bundled rule file, from what the build kept of it ({@link Startup#keptRules}) while that was
     * kept from the bundled files as they are; else, or if compiling finds a problem the build did not
     * (an expression that another CEL library checks otherwise), read from its YAML, which says where.
     */
    private static Parsed readBundled(String file, byte[] bytes, Cel cel) {
        return readBundled(file, bytes, cel, Startup.keptRules());
    }

    static Parsed readBundled(String file, byte[] bytes, Cel cel, Map<String, Described> kept) {
        Described d = kept.get(file);
        if (d == null) return read(file, bytes, cel);
        List<Problem> problems = new ArrayList<>();
        Rule.Compiled compiled = compile(d, cel, (list, index, field, offset) -> d.at(), problems);
        return problems.isEmpty() ? new Parsed(d.rule(compiled), List.of(), d.catalog(), d.catalogAt())
                : read(file, bytes, cel);
    }

    private static volatile String bundledDigest;

    /**
     * The digest of the bundled rule files, but for the test cases' base model: the digest of a set of
     * the bundled rules alone, and what the build's kept rules were read from. Once per process.
     */
    static String bundledDigest() {
        String d = bundledDigest;
        if (d == null) {
            Map<String, byte[]> files = new TreeMap<>(Bundled.yamlFiles("rules"));
            files.remove("rules/" + TEST_BASE);
            bundledDigest = d = Digests.sha256(files);
        }
        return d;
    }

    /** What the build keeps of the bundled rules: each file as {@link #describe} reads it, and their digest. */
    record Kept(String digest, Map<String, Described> rules) {
    }

    /** Build step: describes every bundled rule file; a problem in one is an error, as loading them would give. */
    static Kept keep() throws InputException {
        Map<String, Described> out = new TreeMap<>();
        List<Problem> problems = new ArrayList<>();
        for (var f : Bundled.yamlFiles("rules").entrySet()) {
            if (isBase(f.getKey())) continue;
            Described d = describe(f.getKey(), StrictYaml.read(f.getKey(), f.getValue(), RuleFormat.RULE), problems);
            out.put(f.getKey(), d);
        }
        if (!problems.isEmpty()) throw new InputException(problems);
        return new Kept(bundledDigest(), out);
    }

    /** Rules named in 'explains' must exist, be weakening rules, and never explain each other round a loop. */
    private static void checkExplains(Map<String, Rule> rules, List<Problem> problems) {
        for (Rule r : rules.values()) {
            for (String other : r.explains()) {
                Rule o = rules.get(other);
                if (o == null) {
                    problems.add(new Problem(r.at(), "rule " + r.id() + " explains unknown rule '" + other + "'"));
                } else if (o.kind() != RuleKind.WEAKENING || r.kind() != RuleKind.WEAKENING) {
                    problems.add(new Problem(r.at(), "rule " + r.id() + " explains " + other
                            + ", but only weakening rules explain each other"));
                }
            }
        }
        if (problems.isEmpty() && order(rules) == null) {
            problems.add(new Problem(rules.values().iterator().next().at(),
                    "the rules' 'explains' lists form a loop: " + String.join(", ", rules.keySet())));
        }
    }

    /**
     * Rules in an order where every rule comes after the rules that explain it, ties by id; null when
     * the explains lists loop.
     */
    static List<Rule> order(Map<String, Rule> rules) {
        Map<String, Integer> waiting = new TreeMap<>();
        for (Rule r : rules.values()) waiting.putIfAbsent(r.id(), 0);
        for (Rule r : rules.values()) {
            for (String e : r.explains()) if (rules.containsKey(e)) waiting.merge(e, 1, Integer::sum);
        }
        List<Rule> out = new ArrayList<>();
        java.util.Deque<String> ready = new java.util.ArrayDeque<>();
        waiting.forEach((id, n) -> {
            if (n == 0) ready.add(id);
        });
        while (!ready.isEmpty()) {
            Rule r = rules.get(ready.poll());
            out.add(r);
            for (String e : new java.util.TreeSet<>(r.explains())) {
                if (rules.containsKey(e) && waiting.merge(e, -1, Integer::sum) == 0) ready.add(e);
            }
        }
        return out.size() == rules.size() ? out : null;
    }

    /** The same set with each rule replaced, for tests that compare variants of the rules. */
    RuleSet map(java.util.function.UnaryOperator<Rule> change) {
        Map<String, Rule> changed = new TreeMap<>();
        rules.forEach((id, r) -> changed.put(id, change.apply(r)));
        return new RuleSet(changed, testBase, catalog, digest);
    }

    /** The rules in an order where each comes after those that explain it. */
    public List<Rule> ordered() {
        return ordered;
    }

    private static void readDir(Path dir, Map<String, byte[]> into, List<Problem> problems) {
        if (!Files.isDirectory(dir)) {
            problems.add(new Problem(new Location(dir.toString(), 0, 0), Files.exists(dir)
                    ? "not a directory: --rules takes a directory of rule files" : "no such directory of rules"));
            return;
        }
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.filter(x -> x.toString().endsWith(".yaml")).sorted().toList()) {
                into.put(p.toString(), Files.readAllBytes(p));
            }
        } catch (IOException e) {
            problems.add(new Problem(new Location(dir.toString(), 0, 0), "cannot read: " + e.getMessage()));
        }
    }

    static Rule parse(String file, byte[] bytes, Catalog catalog) throws InputException {
        return parse(file, bytes, catalog, Cel.get());
    }

    static Rule parse(String file, byte[] bytes, Catalog catalog, Cel cel) throws InputException {
        return withCatalog(read(file, bytes, cel), catalog);
    }

    /** A file name starting with '_' is not a rule (the test cases' base model). */
    private static boolean isBase(String file) {
        return Path.of(file).getFileName().toString().startsWith("_");
    }

    /**
     * A rule file read and its expressions compiled, before its catalog entry is looked up: the part
     * of loading a rule that does not depend on the catalog, so that it can be shared and done while
     * the catalog loads.
     *
     * @param rule null when there are problems
     * @param catalogAt where the catalog entry is named; null when the file could not be read at all
     */
    record Parsed(Rule rule, List<Problem> problems, String catalogId, Location catalogAt) {
    }

    private static Rule withCatalog(Parsed p, Catalog catalog) throws InputException {
        List<Problem> problems = new ArrayList<>(p.problems());
        if (p.catalogAt() != null && !catalog.has(p.catalogId())) {
            problems.add(new Problem(p.catalogAt(), "unknown catalog entry '" + p.catalogId() + "'"));
        }
        if (p.rule() != null) {
            for (Rule.TitleIf t : p.rule().titleIf()) {
                if (t.catalog() != null && !catalog.has(t.catalog())) {
                    problems.add(new Problem(p.rule().at(), "title-if of " + p.rule().id() + ": unknown catalog entry '"
                            + t.catalog() + "'"));
                }
            }
        }
        if (!problems.isEmpty()) throw new InputException(problems);
        return p.rule();
    }

    private static Parsed read(String file, byte[] bytes, Cel cel) {
        Fields f;
        try {
            f = StrictYaml.read(file, bytes, RuleFormat.RULE);
        } catch (InputException e) {
            return new Parsed(null, e.problems(), null, null);
        }
        List<Problem> problems = new ArrayList<>();
        Described d = describe(file, f, problems);
        Rule.Compiled compiled = compile(d, cel, (list, index, field, offset) ->
                (list == null ? f : f.<Fields>list(list).get(index)).position(field, offset), problems);
        if (!problems.isEmpty()) return new Parsed(null, List.copyOf(problems), d.catalog(), d.catalogAt());
        return new Parsed(d.rule(compiled), List.of(), d.catalog(), d.catalogAt());
    }

    /**
     * What a rule file says, read and checked but its expressions not yet compiled: the part of
     * reading a rule that needs neither CEL nor the catalog, and what the build keeps of each bundled
     * rule so that a run need not parse their YAML ({@link Startup}). The same as {@link Rule} but for
     * the compiled programs, with where the catalog entry is named.
     */
    record Described(String id, String title, List<Rule.TitleIf> titleIf, RuleKind kind, Severity severity,
                     List<Rule.SeverityIf> severityIf, boolean visibleLowers, String catalog, Location catalogAt,
                     Inspects inspects, String condition, String readersExpression, List<String> evidenceRoutes,
                     List<String> evidenceFields, List<Rule.FieldIf> evidenceFieldsIf, List<Rule.Need> needs,
                     List<String> explains, String message, String withoutReaders, String remediation,
                     Verdict verdict, List<Rule.Case> tests, String file, Location at) {

        Rule rule(Rule.Compiled compiled) {
            return new Rule(id, title, titleIf, kind, severity, severityIf, visibleLowers, catalog, inspects, condition,
                    readersExpression, evidenceRoutes, evidenceFields, evidenceFieldsIf, needs, explains, message,
                    withoutReaders, remediation, verdict, tests, file, at, compiled);
        }
    }

    /** Where a rule's text is written: the position of a problem in a field, or in a field of a list's item. */
    interface Where {
        Location position(String list, int index, String field, int offset);
    }

    /** Reads a rule's fields and checks what can be checked without CEL or the catalog, adding any problems. */
    private static Described describe(String file, Fields f, List<Problem> problems) {
        String id = f.text("id");
        String expected = Path.of(file).getFileName().toString().replaceFirst("\\.yaml$", "");
        if (!expected.equals(id)) problems.add(new Problem(f.at("id"), "rule id '" + id
                + "' does not match the file name '" + expected + "'"));
        RuleKind kind = f.choice("kind", null);
        Inspects inspects = f.choice("inspects", null);
        Verdict verdict = f.choice("verdict", null);
        if (kind == RuleKind.SAFETY_FEATURE && verdict == null) {
            problems.add(new Problem(f.at("kind"), "a safety-feature rule needs a verdict: preserves or weakens"));
        }
        if (kind == RuleKind.WEAKENING && verdict != null) {
            problems.add(new Problem(f.at("verdict"), "only safety-feature rules have a verdict"));
        }
        for (String route : f.<String>list("evidence-routes")) {
            if (java.util.Arrays.stream(Route.values()).noneMatch(r -> r.id().equals(route))) {
                problems.add(new Problem(f.at("evidence-routes"), "unknown route '" + route + "'"));
            }
        }
        for (String path : f.<String>list("evidence-fields")) {
            if (!fieldExists(SPECS.get(inspects), path)) {
                problems.add(new Problem(f.at("evidence-fields"), "no field '" + path + "' in a " + inspects.yamlName()));
            }
        }
        List<Rule.FieldIf> fieldsIf = new ArrayList<>();
        for (Fields e : f.<Fields>list("evidence-fields-if")) {
            if (!fieldExists(SPECS.get(inspects), e.text("field"))) {
                problems.add(new Problem(e.at("field"), "no field '" + e.text("field") + "' in a " + inspects.yamlName()));
            }
            fieldsIf.add(new Rule.FieldIf(e.text("field"), e.text("when")));
        }
        List<Rule.Need> needs = new ArrayList<>();
        for (Fields n : f.<Fields>list("needs")) {
            Rule.Need need = new Rule.Need(n.text("field"), n.list("or"), n.text("when"));
            for (String field : need.fields()) {
                if (!fieldExists(SPECS.get(inspects), field)) {
                    problems.add(new Problem(n.at("field"), "no field '" + field + "' in a " + inspects.yamlName()));
                }
            }
            needs.add(need);
        }
        List<Rule.SeverityIf> severityIf = new ArrayList<>();
        for (Fields s : f.<Fields>list("severity-if")) {
            severityIf.add(new Rule.SeverityIf(s.text("when"), s.<Severity>choice("severity", null), s.text("because")));
        }
        List<Rule.TitleIf> titleIf = new ArrayList<>();
        for (Fields t : f.<Fields>list("title-if")) titleIf.add(new Rule.TitleIf(t.text("when"), t.text("title"), t.text("catalog")));
        List<Rule.Case> tests = f.<Fields>list("tests").stream()
                .map(t -> new Rule.Case(t.text("name"), t.list("expect"), expected(t, problems), t.text("model"),
                        t.at())).toList();
        if (tests.stream().noneMatch(t -> !t.expect().isEmpty()) || tests.stream().noneMatch(t -> t.expect().isEmpty())) {
            problems.add(new Problem(f.at("tests"), "a rule needs a test case where it fires and one where it does not"));
        }
        return new Described(id, f.text("title"), titleIf, kind, f.choice("severity", null), severityIf,
                f.bool("visible-lowers"), f.text("catalog"), f.at("catalog"), inspects, f.text("when"), f.text("readers"),
                f.list("evidence-routes"), f.list("evidence-fields"), fieldsIf, needs, f.list("explains"),
                f.text("message"), f.text("without-readers"), f.text("remediation"), verdict, tests, file, f.at());
    }

    /**
     * Compiles a rule's expressions, or makes them ready to be made when first needed (see
     * {@link Later}), adding any problems, each where {@code where} says its text is written.
     */
    private static Rule.Compiled compile(Described d, Cel cel, Where where, List<Problem> problems) {
        Inspects inspects = d.inspects();
        List<Later<CelRuntime.Program>> fieldIfPrograms = new ArrayList<>();
        for (int i = 0; i < d.evidenceFieldsIf().size(); i++) {
            int item = i;
            fieldIfPrograms.add(later(cel, inspects, "when", o -> where.position("evidence-fields-if", item, "when", o),
                    d.evidenceFieldsIf().get(i).when(), 0, Cel.Result.BOOL, problems, Cel.Checked::program));
        }
        List<Condition> needPrograms = new ArrayList<>();
        for (int i = 0; i < d.needs().size(); i++) {
            int item = i;
            String when = d.needs().get(i).when();
            needPrograms.add(when != null ? Condition.of(checked(cel, inspects, "when",
                    o -> where.position("needs", item, "when", o), when, 0, Cel.Result.BOOL, problems), inspects.variable())
                    : null);
        }
        Cel.Checked checkedWhen = checked(cel, inspects, "when", o -> where.position(null, 0, "when", o), d.condition(),
                0, Cel.Result.BOOL, problems);
        CelRuntime.Program when = checkedWhen == null ? null : checkedWhen.program();
        java.util.function.Predicate<Map<String, Object>> guard = checkedWhen == null ? null
                : Guard.of(checkedWhen.expr(), inspects.variable());
        Later<CelRuntime.Program> readers = d.readersExpression() != null ? later(cel, inspects, "readers",
                o -> where.position(null, 0, "readers", o), d.readersExpression(), 0, Cel.Result.STRINGS, problems,
                Cel.Checked::program) : null;
        List<Later<Condition>> severityPrograms = new ArrayList<>();
        for (int i = 0; i < d.severityIf().size(); i++) {
            int item = i;
            severityPrograms.add(later(cel, inspects, "when", o -> where.position("severity-if", item, "when", o),
                    d.severityIf().get(i).when(), 0, Cel.Result.BOOL, problems, c -> Condition.of(c, inspects.variable())));
        }
        List<Later<Condition>> titlePrograms = new ArrayList<>();
        for (int i = 0; i < d.titleIf().size(); i++) {
            int item = i;
            titlePrograms.add(later(cel, inspects, "when", o -> where.position("title-if", item, "when", o),
                    d.titleIf().get(i).when(), 0, Cel.Result.BOOL, problems, c -> Condition.of(c, inspects.variable())));
        }
        List<Object> message = template(cel, d, "message", d.message(), o -> where.position(null, 0, "message", o), problems);
        List<Object> withoutReaders = d.withoutReaders() != null ? template(cel, d, "without-readers", d.withoutReaders(),
                o -> where.position(null, 0, "without-readers", o), problems) : null;
        if (!problems.isEmpty()) return null;
        return new Rule.Compiled(guard, guard != null && Guard.exact(checkedWhen.expr(), inspects.variable()),
                when, readers, severityPrograms, titlePrograms, message, withoutReaders,
                java.util.Set.copyOf(d.evidenceRoutes()), fieldIfPrograms, needPrograms,
                d.kind() == RuleKind.SAFETY_FEATURE && inspects == Inspects.FEATURE
                        ? () -> conjuncts(cel, inspects, d.condition()) : List::of);
    }

    private static List<Rule.Expected> expected(Fields test, List<Problem> problems) {
        List<Rule.Expected> out = new ArrayList<>();
        for (Fields e : test.<Fields>list("findings")) {
            if (!test.<String>list("expect").contains(e.text("on"))) {
                problems.add(new Problem(e.at("on"), "'on': " + e.text("on") + " is not among the case's expect ids"));
            }
            String condition = e.text("condition");
            if (condition != null && !condition.equals("none") && java.util.Arrays.stream(org.e2eereview.model.Flow.Occurs.values())
                    .noneMatch(o -> o.yamlName().equals(condition))) {
                problems.add(new Problem(e.at("condition"), "'condition': no condition '" + condition + "'"));
            }
            out.add(new Rule.Expected(e.text("on"), e.choice("severity", null), e.has("readers") ? e.list("readers") : null,
                    condition, e.text("message"), e.text("without-readers"), e.at()));
        }
        return List.copyOf(out);
    }

    /** The top-level parts of a condition joined by &&, each compiled on its own. */
    private static List<Rule.Conjunct> conjuncts(Cel cel, Inspects inspects, String when) {
        List<Rule.Conjunct> out = new ArrayList<>();
        for (String part : splitAnd(when)) {
            try {
                out.add(new Rule.Conjunct(part.strip().replaceAll("\\s+", " "),
                        cel.compile(inspects, part, Cel.Result.BOOL).program()));
            } catch (Cel.CompileError e) {
                return List.of(); // a part that does not stand alone: fall back to the whole condition
            }
        }
        return out;
    }

    /** Splits an expression at the && that are outside brackets and quotes. */
    static List<String> splitAnd(String expr) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        char quote = 0;
        int start = 0;
        for (int i = 0; i < expr.length(); i++) {
            char c = expr.charAt(i);
            if (quote != 0) {
                if (c == '\\') i++;
                else if (c == quote) quote = 0;
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                depth--;
            } else if (depth == 0 && c == '&' && i + 1 < expr.length() && expr.charAt(i + 1) == '&') {
                out.add(expr.substring(start, i));
                start = i + 2;
                i++;
            }
        }
        out.add(expr.substring(start));
        return out;
    }

    private static boolean fieldExists(ObjectSpec spec, String path) {
        if (spec == null) return false;
        String[] parts = path.split("\\.", 2);
        FieldSpec field = spec.field(parts[0]);
        if (field == null) return false;
        if (parts.length == 1) return true;
        return field.type() instanceof FieldType.Obj o && fieldExists(o.spec(), parts[1]);
    }

    private static Cel.Checked checked(Cel cel, Inspects inspects, String field, java.util.function.IntFunction<Location> at,
                                       String expr, int offset, Cel.Result result, List<Problem> problems) {
        try {
            return cel.compile(inspects, expr, result);
        } catch (Cel.CompileError e) {
            for (Cel.Issue i : e.issues) {
                problems.add(new Problem(at.apply(offset + offsetOf(expr, i.line(), i.column())), "'" + field + "': "
                        + i.message()));
            }
            return null;
        }
    }

    /** Offset in the expression text of a 1-based line and 0-based column. */
    private static int offsetOf(String expr, int line, int column) {
        int offset = 0;
        for (int l = 1; l < line; l++) {
            int nl = expr.indexOf('\n', offset);
            if (nl < 0) break;
            offset = nl + 1;
        }
        return Math.min(expr.length(), offset + column);
    }

    /** In a message, {{readers}} stands for the rule's readers, already evaluated. */
    static final String READERS = "readers";
    static final Object READERS_PART = new Object();

    /** A message part that only names a field ({{data.id}}): read from the view, no CEL run needed. */
    record FieldPart(String variable, String field) {
    }

    private static List<Object> template(Cel cel, Described d, String field, String text,
                                         java.util.function.IntFunction<Location> at, List<Problem> problems) {
        Inspects inspects = d.inspects();
        List<Object> parts = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            int open = text.indexOf("{{", i);
            if (open < 0) {
                parts.add(text.substring(i));
                break;
            }
            int close = text.indexOf("}}", open);
            if (close < 0) {
                problems.add(new Problem(at.apply(open), "'" + field + "': '{{' without '}}'"));
                break;
            }
            if (open > i) parts.add(text.substring(i, open));
            String expr = text.substring(open + 2, close);
            if (expr.strip().equals(READERS)) {
                boolean defaultReaders = inspects == Inspects.CONVERSATION && !d.evidenceRoutes().isEmpty();
                if (d.readersExpression() == null && !defaultReaders) problems.add(new Problem(at.apply(open),
                        "'" + field + "': {{readers}} needs a 'readers' expression, or evidence-routes on a conversation rule"));
                parts.add(READERS_PART);
            } else {
                parts.add(later(cel, inspects, field, at, expr, open + 2, Cel.Result.MESSAGE, problems, RuleSet::ready));
            }
            i = close + 2;
        }
        return parts;
    }

    /** A message part as it runs: a field read straight from the view, or a program. */
    private static Object ready(Cel.Checked c) {
        FieldPart field = fieldPart(c.expr());
        return field != null ? field : c.program();
    }

    /**
     * A compiled part made ready when first needed if the build checked it (see {@link Later}),
     * else compiled now; null, with the problems added, when it does not compile.
     */
    private static <T> Later<T> later(Cel cel, Inspects inspects, String field, java.util.function.IntFunction<Location> at,
                                      String expr, int offset, Cel.Result result, List<Problem> problems,
                                      java.util.function.Function<Cel.Checked, T> make) {
        if (cel.isPrepared(inspects, expr, result)) {
            return Later.when(() -> {
                try {
                    return make.apply(cel.compile(inspects, expr, result));
                } catch (Cel.CompileError e) {
                    throw new IllegalStateException("an expression checked by the build no longer compiles: " + expr, e);
                }
            });
        }
        Cel.Checked c = checked(cel, inspects, field, at, expr, offset, result, problems);
        return c == null ? null : Later.now(make.apply(c));
    }

    private static FieldPart fieldPart(dev.cel.common.ast.CelExpr e) {
        if (e.getKind() != dev.cel.common.ast.CelExpr.ExprKind.Kind.SELECT || e.select().testOnly()) return null;
        dev.cel.common.ast.CelExpr operand = e.select().operand();
        if (operand.getKind() != dev.cel.common.ast.CelExpr.ExprKind.Kind.IDENT) return null;
        return new FieldPart(operand.ident().name(), e.select().field());
    }

    public Map<String, Rule> rules() {
        return rules;
    }

    /** SHA-256 over every rule file in force, bundled and user's. */
    public String digest() {
        return digest;
    }

    public Catalog catalog() {
        return catalog;
    }

    /** The base model that rule test cases patch. */
    public byte[] testBase() {
        return testBase.clone();
    }
}
