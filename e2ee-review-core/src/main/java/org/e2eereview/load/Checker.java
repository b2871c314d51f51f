package org.e2eereview.load;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.e2eereview.model.ElementKind;
import org.e2eereview.model.Location;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.MappingEndEvent;
import org.yaml.snakeyaml.events.MappingStartEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.events.SequenceEndEvent;
import org.yaml.snakeyaml.events.SequenceStartEvent;

/**
 * Checks a model (or any input with an {@link ObjectSpec}) as its YAML events stream past,
 * converting values as it goes and collecting every problem rather than stopping at the first.
 * References are recorded and resolved once all ids are known. Messages naming a value's place
 * ("'kind' of party 'alice'") are put together only when there is a problem to report; per
 * element only its name ("party 'alice'") is built up front.
 */
final class Checker {

    /** Problems reported per file before the rest are summarised in one line. */
    static final int MAX_PROBLEMS = 100;
    /** Below this many items a list is checked for repeats by scanning, above it by hashing. */
    private static final int SCAN_LIMIT = 8;

    record RefUse(String id, FieldType.Ref type, String field, long at) {
    }

    record Declared(ElementKind kind, Location at, Fields fields) {
    }

    /**
     * An element checked without a problem in the model file a patched model is made from: its fields
     * and the references written in it. A patch leaves most elements as they were, the same nodes,
     * and those are not checked again (see {@link #knowing}).
     */
    record Known(String id, Declared declared, List<RefUse> refs) {

        Fields fields() {
            return declared.fields();
        }
    }

    private final String file;
    private final List<Problem> problems;
    private final YamlEvents events;
    private final List<RefUse> refs = new ArrayList<>();
    private Map<String, Declared> ids = new LinkedHashMap<>();
    private final Map<String, Matcher> matchers = new HashMap<>();
    /**
     * One string per id, however often the model names it: the review looks elements up by id
     * thousands of times, and a key compared with itself, its hash computed once, is found at once.
     */
    private final Map<String, String> names = new HashMap<>();
    /** For a patched model, the file's strings for ids, looked in first: shared, not copied. */
    private Map<String, String> namesBefore = Map.of();
    private int dropped;
    private String[] lines;
    /** Per top-level map, each element as checked, when asked to {@link #remember}; else null. */
    private Map<String, Map<String, Known>> remembered;
    /** The ids of the file a patched model is made from, when it is one; else null. */
    private Map<String, Declared> before;
    /** Which references were taken from elements checked before: they resolved then. */
    private final java.util.BitSet knownRefs = new java.util.BitSet();
    /** For a patched model, the ids declared as before, and those declared anew that the file had too. */
    private int declaredAsBefore;
    private int declaredAgain;
    /** For a patched model, the ids the file had that are now gone or of another kind. */
    private final Set<String> unsettled = new HashSet<>();

    Checker(YamlEvents events, List<Problem> problems) {
        this.file = events.file();
        this.events = events;
        this.problems = problems;
    }

    /** Keep where each text value sits, so positions inside values can be reported (rules, catalog). */
    void trackText(String text) {
        this.lines = text.split("\n", -1);
    }

    Map<String, Declared> ids() {
        return ids;
    }

    /** Keep each element as checked, for a patched model made from this file later. */
    void remember() {
        remembered = new HashMap<>();
    }

    /** Per top-level map ("components"), each element as checked, by id; null unless asked to remember. */
    Map<String, Map<String, Known>> remembered() {
        return remembered;
    }

    /** The one string per id this checker used. */
    Map<String, String> names() {
        return names;
    }

    /**
     * For a patched model made from a file checked before, whose ids were {@code before} and whose
     * strings for ids {@code names}: an element the patch left as it was comes as a {@link KnownNode} and
     * is taken as it was checked; what it names is resolved again only where an id went or changed kind.
     */
    void knowing(Map<String, Declared> before, Map<String, String> names) {
        this.before = before;
        this.namesBefore = names;
        this.ids = new LinkedHashMap<>(before.size() * 4 / 3 + 16);
    }

    void problem(Location at, String message) {
        if (problems.size() < MAX_PROBLEMS) {
            problems.add(new Problem(at, message));
        } else {
            dropped++;
        }
    }

    private void problem(Event at, String message) {
        problem(events.location(at), message);
    }

    /** Adds a final line for problems beyond the cap; call once at the end. */
    void finish() {
        if (dropped > 0) {
            problems.add(new Problem(new Location(file, Integer.MAX_VALUE, 1),
                    dropped + " more problems not shown"));
        }
    }

    /**
     * Checks the document's root against {@code spec}; a root that is not a mapping is reported
     * with {@code notAMapping} followed by what was found, and gives null.
     */
    Fields root(ObjectSpec spec, String what, String notAMapping) {
        Event start = events.peek();
        if (!(start instanceof MappingStartEvent)) {
            problem(start, notAMapping + ", found " + kindOf(start));
            events.skipNode();
            return null;
        }
        return object(spec, what, events.location(start));
    }

    /**
     * The items of the list just read that were written in another file than the list itself, by value: a
     * proposal's patch adds to a list the model wrote ({@code compels+}), and evidence about such an item
     * cites the patch's line, not the model's.
     */
    private Map<String, Long> itemsElsewhere;

    /** Checks the mapping at the cursor; {@code what} names it in messages ("party 'alice'"). */
    private Fields object(ObjectSpec spec, String what, Location at) {
        Fields out = new Fields(spec, at);
        Event start = events.peek();
        if (!(start instanceof MappingStartEvent)) {
            problem(start, "expected a mapping for " + what + ", found " + kindOf(start));
            events.skipNode();
            return out;
        }
        events.next();
        Map<String, Integer> unknown = null;
        while (!(events.peek() instanceof MappingEndEvent)) {
            Event key = events.peek();
            String name = keyText(key);
            events.skipNode();
            if (name == null) {
                events.skipNode();
                continue;
            }
            int i = spec.indexOf(name);
            long keyAt = YamlEvents.position(key);
            Integer firstLine = i >= 0 ? (out.written(i) ? (Integer) out.keyLine(i) : null)
                    : unknown == null ? null : unknown.get(name);
            if (firstLine != null) {
                problem(key, "duplicate key '" + name + "' (first written at line " + firstLine + ")");
                events.skipNode();
                continue;
            }
            if (i < 0) {
                if (unknown == null) unknown = new HashMap<>();
                unknown.put(name, YamlEvents.line(keyAt));
                problem(key, "unknown field '" + name + "' in " + what + orHint(name, spec));
                events.skipNode();
                continue;
            }
            FieldSpec f = spec.field(i);
            Event valueStart = events.peek();
            itemsElsewhere = null;
            Object v = value(f.type(), f.name(), what, false);
            out.put(i, v, YamlEvents.position(valueStart), keyAt);
            if (itemsElsewhere != null) out.itemsElsewhere(i, itemsElsewhere);
            itemsElsewhere = null;
            if (v instanceof String && lines != null && valueStart instanceof ScalarEvent s) {
                Character style = s.getScalarStyle().getChar();
                out.span(i, new Fields.TextSpan(file, lines, s.getStartMark().getLine(),
                        s.getStartMark().getColumn(), style == null ? ' ' : style));
            }
        }
        events.next();
        for (int i = 0; i < spec.size(); i++) {
            FieldSpec f = spec.field(i);
            if (f.required() && !out.written(i)) {
                problem(out.at(), "missing required field '" + f.name() + "' in " + what + " (expected "
                        + f.type().describe() + ")");
            }
        }
        return out;
    }

    private static String orHint(String name, ObjectSpec spec) {
        String hint = Suggest.hint(name, spec.fieldNames());
        // "{ description: wake-up only, no content }": the comma ended the text, and what followed became a field.
        if (hint.isEmpty() && name.indexOf(' ') > 0) {
            return "; if it is the rest of a text before it, quote that text: a comma inside { } ends a value";
        }
        return hint.isEmpty() ? "; allowed: " + String.join(", ", spec.fieldNames()) : hint;
    }

    private String name(String id) {
        String before = namesBefore.get(id);
        if (before != null) return before;
        String known = names.putIfAbsent(id, id);
        return known == null ? id : known;
    }

    /** The key's text, or null after reporting why it cannot be a field name or id. */
    private String keyText(Event key) {
        if (key instanceof ScalarEvent s && YamlEvents.isMerge(s)) {
            problem(key, "merge keys (<<) are not supported: write the fields out");
            return null;
        }
        if (!(key instanceof ScalarEvent s) || !YamlEvents.plainTag(key)) {
            problem(key, "keys must be plain words, found " + kindOf(key));
            return null;
        }
        return s.getValue();
    }

    /** How a value is named in messages: "'kind' of party 'alice'", "an item of 'members' of ...". */
    private static String what(String field, String owner, boolean item) {
        return (item ? "an item of '" : "'") + field + "' of " + owner;
    }

    /** Checks and converts the node at the cursor, consuming it; null after reporting a problem. */
    private Object value(FieldType type, String field, String owner, boolean item) {
        Event e = events.peek();
        if (!YamlEvents.plainTag(e)) {
            problem(e, "tag '" + YamlEvents.tag(e) + "' is not allowed on " + what(field, owner, item)
                    + ": models are plain YAML");
            events.skipNode();
            return null;
        }
        if (e instanceof ScalarEvent s && YamlEvents.isNull(s)) {
            problem(e, what(field, owner, item) + " has no value: expected " + type.describe());
            events.next();
            return null;
        }
        if (type instanceof FieldType.Patch) {
            if (!(e instanceof org.yaml.snakeyaml.events.MappingStartEvent)) {
                problem(e, "expected " + type.describe() + " for " + what(field, owner, item) + ", found " + kindOf(e));
            }
            events.skipNode();
            return Boolean.TRUE;
        }
        if (type instanceof FieldType.ListOf l) {
            return list(l, field, owner);
        } else if (type instanceof FieldType.Obj o) {
            return object(o.spec(), what(field, owner, item), events.location(e));
        } else if (type instanceof FieldType.IdMap m) {
            return idMap(m, field);
        }
        if (!(e instanceof ScalarEvent s)) {
            problem(e, "expected " + type.describe() + " for " + what(field, owner, item) + ", found " + kindOf(e));
            events.skipNode();
            return null;
        }
        events.next();
        String text = s.getValue();
        Object v;
        if (type instanceof FieldType.Text t) {
            if (t.nonEmpty() && text.isBlank()) {
                problem(e, "empty " + what(field, owner, item) + ": expected " + t.describe());
            }
            return text;
        } else if (type instanceof FieldType.Bool) {
            v = YamlEvents.isPlain(s) ? (text.equals("true") ? Boolean.TRUE : text.equals("false") ? Boolean.FALSE : null)
                    : null;
            if (v == null) problem(e, "expected true or false for " + what(field, owner, item) + ", found '" + text + "'");
        } else if (type instanceof FieldType.Int i) {
            v = YamlEvents.isPlain(s) ? integer(text, i) : null;
            if (v == null) {
                problem(e, "expected " + i.describe() + " for " + what(field, owner, item) + ", found '" + text + "'");
            }
        } else if (type instanceof FieldType.Date) {
            v = date(text);
            if (v == null) {
                boolean shaped = text.matches("[0-9]{4}-[0-9]{2}-[0-9]{2}");
                problem(e, "expected a date (YYYY-MM-DD) for " + what(field, owner, item) + ", found '" + text + "'"
                        + (shaped ? ": there is no such day" : ""));
            }
        } else if (type instanceof FieldType.Formatted f) {
            v = matcher(f.pattern()).reset(text).matches() ? text : null;
            if (v == null) {
                problem(e, "bad value '" + text + "' for " + what(field, owner, item) + ": expected " + f.describe());
            }
        } else if (type instanceof FieldType.Choice c) {
            v = c.named(text);
            if (v == null) {
                problem(e, (text.isEmpty() ? "empty " + what(field, owner, item)
                        : "bad value '" + text + "' for " + what(field, owner, item)) + ": expected one of "
                        + String.join(", ", c.names()) + Suggest.hint(text, c.names()));
            }
        } else {
            text = name(text);
            refs.add(new RefUse(text, (FieldType.Ref) type, field, YamlEvents.position(e)));
            v = text;
        }
        return v;
    }

    /** A whole number of at most ten digits, optionally negative, within the type's range; else null. */
    private static Integer integer(String text, FieldType.Int type) {
        int digits = text.startsWith("-") ? 1 : 0;
        if (text.length() == digits || text.length() - digits > 10) return null;
        for (int k = digits; k < text.length(); k++) {
            if (text.charAt(k) < '0' || text.charAt(k) > '9') return null;
        }
        long v = Long.parseLong(text);
        return v >= type.min() && v <= type.max() ? Integer.valueOf((int) v) : null;
    }

    private static LocalDate date(String text) {
        if (text.length() != 10 || text.charAt(4) != '-' || text.charAt(7) != '-') return null;
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private List<Object> list(FieldType.ListOf type, String field, String owner) {
        Event start = events.peek();
        if (!(start instanceof SequenceStartEvent)) {
            String hint = start instanceof ScalarEvent s ? " (write [" + s.getValue() + "])" : "";
            problem(start, "expected " + type.describe() + " for " + what(field, owner, false) + ", found "
                    + kindOf(start) + hint);
            events.skipNode();
            return null;
        }
        events.next();
        List<Object> out = new ArrayList<>();
        Set<Object> seen = null;
        long listSource = YamlEvents.position(start) >>> 56;
        Map<String, Long> elsewhere = null;
        while (!(events.peek() instanceof SequenceEndEvent)) {
            Event item = events.peek();
            Object v = value(type.item(), field, owner, true);
            if (v == null) continue;
            long itemAt = YamlEvents.position(item);
            if (itemAt >>> 56 != listSource && item instanceof ScalarEvent scalar) {
                // By the text as written: an enum's item (a power) is found by its YAML name.
                if (elsewhere == null) elsewhere = new HashMap<>();
                elsewhere.put(scalar.getValue(), itemAt);
            }
            if (seen == null && out.size() == SCAN_LIMIT) seen = new HashSet<>(out);
            if (seen == null ? out.contains(v) : !seen.add(v)) {
                problem(item, "'" + v + "' is listed twice in " + what(field, owner, false));
                continue;
            }
            out.add(v);
        }
        events.next();
        itemsElsewhere = elsewhere;
        return List.copyOf(out);
    }

    private Map<String, Fields> idMap(FieldType.IdMap type, String field) {
        Event start = events.peek();
        if (!(start instanceof MappingStartEvent)) {
            problem(start, "expected " + type.describe() + " for '" + field + "', found " + kindOf(start));
            events.skipNode();
            return null;
        }
        events.next();
        ElementKind kind = elementKind(field);
        Matcher idMatcher = matcher(type.idPattern());
        Map<String, Fields> out = new LinkedHashMap<>();
        while (!(events.peek() instanceof MappingEndEvent)) {
            Known k = before == null ? null : events.knownAfterKey();
            if (k != null && !out.containsKey(k.id())) {
                // As checked in the file: its id, its place and its fields; only a clash with an id the patch
                // brought is looked for.
                events.skipKnown();
                knownRefs.set(refs.size(), refs.size() + k.refs().size());
                refs.addAll(k.refs());
                if (kind == null || declare(k.id(), k.declared(), true)) out.put(k.id(), k.fields());
                continue;
            }
            Event key = events.peek();
            String id = keyText(key);
            events.skipNode();
            if (id == null) {
                events.skipNode();
                continue;
            }
            id = name(id);
            Location at = events.location(key);
            Fields first = out.get(id);
            if (first != null) {
                problem(at, "duplicate key '" + id + "' (first written at line " + first.at().line() + ")");
                events.skipNode();
                continue;
            }
            if (!idMatcher.reset(id).matches()) {
                problem(at, "bad id '" + id + "' in '" + field + "': expected " + type.idDescription());
                events.skipNode();
                continue;
            }
            int from = refs.size();
            Fields f = object(type.spec(), type.spec().name() + " '" + id + "'", at);
            Declared declared = new Declared(kind, at, f);
            if (remembered != null) {
                remembered.computeIfAbsent(field, x -> new HashMap<>())
                        .put(id, new Known(id, declared, List.copyOf(refs.subList(from, refs.size()))));
            }
            if (kind == null || declare(id, declared, false)) out.put(id, f);
        }
        events.next();
        return out;
    }

    /** Declares an id, or reports that another element has it already; {@code asBefore} for one checked before. */
    private boolean declare(String id, Declared declared, boolean asBefore) {
        Declared first = ids.putIfAbsent(id, declared);
        if (first == null) {
            if (asBefore) declaredAsBefore++;
            else if (before != null) settle(id, declared);
            return true;
        }
        problem(declared.at(), "duplicate id '" + id + "': already used by the " + first.kind().noun()
                + " at line " + first.at().line() + "; ids must be unique across the model");
        return false;
    }

    /** Notes, for a patched model, whether an id declared anew was the file's, and if so of another kind there. */
    private void settle(String id, Declared declared) {
        Declared was = before.get(id);
        if (was == null) return;
        declaredAgain++;
        if (was.kind() != declared.kind()) unsettled.add(id);
    }

    /** One matcher per pattern for the whole file: patterns are few, values many. */
    private Matcher matcher(String pattern) {
        return matchers.computeIfAbsent(pattern, p -> Pattern.compile(p).matcher(""));
    }

    /** The kind of element a top-level map holds, or null for a map of something else (accepted findings). */
    static ElementKind elementKind(String field) {
        for (ElementKind k : ElementKind.values()) {
            if (k.field().equals(field)) return k;
        }
        return null;
    }

    /**
     * Resolves every recorded reference against the declared ids. In a patched model, one taken from an
     * element as it was checked in the file resolved then, and is resolved again only if the id it names
     * is gone or of another kind now.
     */
    void resolveReferences() {
        if (before != null && declaredAsBefore + declaredAgain < before.size()) {
            for (String id : before.keySet()) if (!ids.containsKey(id)) unsettled.add(id);
        }
        for (int i = 0; i < refs.size(); i++) {
            RefUse r = refs.get(i);
            if (knownRefs.get(i) && !unsettled.contains(r.id())) continue;
            Declared d = ids.get(r.id());
            if (d == null) {
                List<String> candidates = ids.entrySet().stream()
                        .filter(e -> r.type().targets().contains(e.getValue().kind()))
                        .map(Map.Entry::getKey).toList();
                problem(YamlEvents.location(file, r.at()), "unknown " + r.type().nouns() + " '" + r.id() + "' in '"
                        + r.field() + "'" + Suggest.hint(r.id(), candidates));
            } else if (!r.type().targets().contains(d.kind())) {
                problem(YamlEvents.location(file, r.at()), "'" + r.id() + "' is a " + d.kind().noun()
                        + ", but '" + r.field() + "' needs " + r.type().anyOf());
            }
        }
    }


    private static String kindOf(Event e) {
        if (e instanceof MappingStartEvent) return "a mapping";
        if (e instanceof SequenceStartEvent) return "a list";
        ScalarEvent s = (ScalarEvent) e;
        if (YamlEvents.isNull(s)) return "nothing";
        if (YamlEvents.isPlain(s)) {
            if (s.getValue().matches("true|false|yes|no|on|off|True|False|TRUE|FALSE")) {
                return "a boolean '" + s.getValue() + "'";
            }
            if (s.getValue().matches("[-+]?[0-9][0-9_.,eE+-]*")) return "a number '" + s.getValue() + "'";
        }
        return "a string '" + abbreviate(s.getValue()) + "'";
    }

    private static String abbreviate(String s) {
        String one = s.replaceAll("\\s+", " ");
        return one.length() > 40 ? one.substring(0, 37) + "..." : one;
    }
}
