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
import java.util.regex.Pattern;

import org.e2eereview.model.Location;
import org.e2eereview.model.ModelEnum;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Checks a YAML node tree against an {@link ObjectSpec}, converting values as it goes and
 * collecting every problem rather than stopping at the first. References are recorded and
 * resolved once all ids are known.
 */
final class Checker {

    /** Problems reported per file before the rest are summarised in one line. */
    static final int MAX_PROBLEMS = 100;
    /** Nodes visited per file; only aliases could make a file bigger than this. */
    static final int MAX_NODES = 5_000_000;

    private static final Set<Tag> PLAIN_TAGS = Set.of(Tag.STR, Tag.INT, Tag.BOOL, Tag.FLOAT, Tag.NULL,
            Tag.TIMESTAMP, Tag.SEQ, Tag.MAP);

    record RefUse(String id, FieldType.Ref type, String field, Location at) {
    }

    record Declared(Collection collection, Location at, Fields fields) {
    }

    private final String file;
    private final List<Problem> problems;
    private final List<RefUse> refs = new ArrayList<>();
    private final Map<String, Declared> ids = new LinkedHashMap<>();
    private final Map<String, Pattern> patterns = new HashMap<>();
    private int nodes;
    private int dropped;
    private String[] lines;

    Checker(String file, List<Problem> problems) {
        this.file = file;
        this.problems = problems;
    }

    /** Keep where each text value sits, so positions inside values can be reported (rules, catalog). */
    void trackText(String text) {
        this.lines = text.split("\n", -1);
    }

    List<RefUse> refs() {
        return refs;
    }

    Map<String, Declared> ids() {
        return ids;
    }

    Location at(Node node) {
        return new Location(file, node.getStartMark().getLine() + 1, node.getStartMark().getColumn() + 1);
    }

    void problem(Location at, String message) {
        if (problems.size() < MAX_PROBLEMS) {
            problems.add(new Problem(at, message));
        } else {
            dropped++;
        }
    }

    /** Adds a final line for problems beyond the cap; call once at the end. */
    void finish() {
        if (dropped > 0) {
            problems.add(new Problem(new Location(file, Integer.MAX_VALUE, 1),
                    dropped + " more problems not shown"));
        }
    }

    /** Checks the fields of a mapping; {@code what} names it in messages ("party 'alice'"). */
    Fields object(Node node, ObjectSpec spec, String what) {
        return object(node, spec, what, at(node));
    }

    /** As above, with the element located at {@code at} (the line of its id, for map entries). */
    Fields object(Node node, ObjectSpec spec, String what, Location at) {
        Fields out = new Fields(at);
        if (!(node instanceof MappingNode map)) {
            problem(at(node), "expected a mapping for " + what + ", found " + kindOf(node));
            return out;
        }
        if (!visit(node)) return out;
        List<NodeTuple> tuples = map.getValue();
        Set<String> present = new HashSet<>();
        for (int i = 0; i < tuples.size(); i++) {
            NodeTuple t = tuples.get(i);
            String name = key(t.getKeyNode(), tuples, i);
            if (name == null) continue;
            present.add(name);
            FieldSpec f = spec.field(name);
            if (f == null) {
                problem(at(t.getKeyNode()), "unknown field '" + name + "' in " + what + orHint(name, spec));
                continue;
            }
            Object v = value(t.getValueNode(), f.type(), "'" + name + "' of " + what, f.name());
            // Keyed by the spec's own string, so later lookups by literal field names match by identity.
            name = f.name();
            if (v != null) out.put(name, v, at(t.getValueNode()));
            if (v instanceof String && lines != null && t.getValueNode() instanceof ScalarNode s) {
                char style = s.getScalarStyle().getChar() == null ? ' ' : s.getScalarStyle().getChar();
                out.span(name, new Fields.TextSpan(file, lines, s.getStartMark().getLine(),
                        s.getStartMark().getColumn(), style));
            }
        }
        for (FieldSpec f : spec.fields()) {
            if (f.required() && !present.contains(f.name())) {
                problem(out.at(), "missing required field '" + f.name() + "' in " + what + " (expected "
                        + f.type().describe() + ")");
            }
        }
        return out;
    }

    private static String orHint(String name, ObjectSpec spec) {
        String hint = Suggest.hint(name, spec.fieldNames());
        return hint.isEmpty() ? "; allowed: " + String.join(", ", spec.fieldNames()) : hint;
    }

    /**
     * The key's text, or null after reporting why it cannot be a field name. Mappings of fields are
     * small, so earlier keys are scanned rather than hashed: no allocation per mapping.
     */
    private String key(Node keyNode, List<NodeTuple> tuples, int index) {
        String name = keyText(keyNode);
        if (name == null) return null;
        for (int j = 0; j < index; j++) {
            if (tuples.get(j).getKeyNode() instanceof ScalarNode s && s.getValue().equals(name)) {
                problem(at(keyNode), "duplicate key '" + name + "' (first written at line " + at(s).line() + ")");
                return null;
            }
        }
        return name;
    }

    private String key(Node keyNode, Map<String, Node> seen) {
        String name = keyText(keyNode);
        if (name == null) return null;
        Node first = seen.putIfAbsent(name, keyNode);
        if (first != null) {
            problem(at(keyNode), "duplicate key '" + name + "' (first written at line " + at(first).line() + ")");
            return null;
        }
        return name;
    }

    private String keyText(Node keyNode) {
        if (keyNode.getTag().equals(Tag.MERGE)) {
            problem(at(keyNode), "merge keys (<<) are not supported: write the fields out");
            return null;
        }
        if (!(keyNode instanceof ScalarNode s) || !tagOk(keyNode)) {
            problem(at(keyNode), "keys must be plain words, found " + kindOf(keyNode));
            return null;
        }
        return s.getValue();
    }

    private Object value(Node node, FieldType type, String what, String field) {
        if (!tagOk(node)) {
            problem(at(node), "tag '" + node.getTag().getValue() + "' is not allowed on " + what
                    + ": models are plain YAML");
            return null;
        }
        if (node instanceof ScalarNode && node.getTag().equals(Tag.NULL)) {
            problem(at(node), what + " has no value: expected " + type.describe());
            return null;
        }
        if (type instanceof FieldType.Text) {
            return scalar(node, what, type) instanceof ScalarNode s ? s.getValue() : null;
        } else if (type instanceof FieldType.Bool) {
            return bool(node, what);
        } else if (type instanceof FieldType.Int i) {
            return integer(node, i, what);
        } else if (type instanceof FieldType.Date) {
            return date(node, what);
        } else if (type instanceof FieldType.Choice c) {
            return choice(node, c, what);
        } else if (type instanceof FieldType.Ref r) {
            return ref(node, r, what, field);
        } else if (type instanceof FieldType.ListOf l) {
            return list(node, l, what, field);
        } else if (type instanceof FieldType.Obj o) {
            return object(node, o.spec(), what);
        }
        return idMap(node, (FieldType.IdMap) type, field);
    }

    private Node scalar(Node node, String what, FieldType type) {
        if (node instanceof ScalarNode) return node;
        problem(at(node), "expected " + type.describe() + " for " + what + ", found " + kindOf(node));
        return null;
    }

    private Boolean bool(Node node, String what) {
        if (!(scalar(node, what, new FieldType.Bool()) instanceof ScalarNode s)) return null;
        if (s.getScalarStyle() == DumperOptions.ScalarStyle.PLAIN) {
            if (s.getValue().equals("true")) return Boolean.TRUE;
            if (s.getValue().equals("false")) return Boolean.FALSE;
        }
        problem(at(node), "expected true or false for " + what + ", found '" + s.getValue() + "'");
        return null;
    }

    private Integer integer(Node node, FieldType.Int type, String what) {
        if (!(scalar(node, what, type) instanceof ScalarNode s)) return null;
        if (s.getScalarStyle() == DumperOptions.ScalarStyle.PLAIN && s.getValue().matches("-?[0-9]{1,10}")) {
            long v = Long.parseLong(s.getValue());
            if (v >= type.min() && v <= type.max()) return (int) v;
        }
        problem(at(node), "expected " + type.describe() + " for " + what + ", found '" + s.getValue() + "'");
        return null;
    }

    private LocalDate date(Node node, String what) {
        if (!(scalar(node, what, new FieldType.Date()) instanceof ScalarNode s)) return null;
        try {
            if (s.getValue().matches("[0-9]{4}-[0-9]{2}-[0-9]{2}")) return LocalDate.parse(s.getValue());
        } catch (DateTimeParseException e) {
            // reported below
        }
        problem(at(node), "expected a date (YYYY-MM-DD) for " + what + ", found '" + s.getValue() + "'");
        return null;
    }

    private ModelEnum choice(Node node, FieldType.Choice type, String what) {
        if (!(scalar(node, what, type) instanceof ScalarNode s)) return null;
        ModelEnum e = type.named(s.getValue());
        if (e != null) return e;
        problem(at(node), "bad value '" + s.getValue() + "' for " + what + ": expected one of "
                + String.join(", ", type.names()) + Suggest.hint(s.getValue(), type.names()));
        return null;
    }

    private String ref(Node node, FieldType.Ref type, String what, String field) {
        if (!(scalar(node, what, type) instanceof ScalarNode s)) return null;
        refs.add(new RefUse(s.getValue(), type, field, at(node)));
        return s.getValue();
    }

    private List<Object> list(Node node, FieldType.ListOf type, String what, String field) {
        if (!(node instanceof SequenceNode seq)) {
            String hint = node instanceof ScalarNode s ? " (write [" + s.getValue() + "])" : "";
            problem(at(node), "expected " + type.describe() + " for " + what + ", found " + kindOf(node) + hint);
            return null;
        }
        if (!visit(node)) return null;
        List<Object> out = new ArrayList<>();
        Set<Object> seen = new HashSet<>();
        for (Node item : seq.getValue()) {
            Object v = value(item, type.item(), "an item of " + what, field);
            if (v == null) continue;
            if (!seen.add(v)) {
                problem(at(item), "'" + v + "' is listed twice in " + what);
                continue;
            }
            out.add(v);
        }
        return List.copyOf(out);
    }

    private Map<String, Fields> idMap(Node node, FieldType.IdMap type, String field) {
        if (!(node instanceof MappingNode map)) {
            problem(at(node), "expected " + type.describe() + " for '" + field + "', found " + kindOf(node));
            return null;
        }
        if (!visit(node)) return null;
        Collection collection = collectionOf(field);
        Pattern idPattern = patterns.computeIfAbsent(type.idPattern(), Pattern::compile);
        Map<String, Node> seen = new HashMap<>(map.getValue().size() * 2);
        Map<String, Fields> out = new LinkedHashMap<>(map.getValue().size() * 2);
        for (NodeTuple t : map.getValue()) {
            String id = key(t.getKeyNode(), seen);
            if (id == null) continue;
            Location at = at(t.getKeyNode());
            String what = type.spec().name() + " '" + id + "'";
            if (!idPattern.matcher(id).matches()) {
                problem(at, "bad id '" + id + "' in '" + field + "': expected " + type.idDescription());
                continue;
            }
            Fields f = object(t.getValueNode(), type.spec(), what, at);
            if (collection != null) {
                Declared before = ids.putIfAbsent(id, new Declared(collection, at, f));
                if (before != null) {
                    problem(at, "duplicate id '" + id + "': already used by the " + before.collection().noun()
                            + " at line " + before.at().line() + "; ids must be unique across the model");
                    continue;
                }
            }
            out.put(id, f);
        }
        return out;
    }

    private static Collection collectionOf(String field) {
        for (Collection c : Collection.values()) {
            if (c.field().equals(field)) return c;
        }
        return null;
    }

    /** Resolves every recorded reference against the declared ids. */
    void resolveReferences() {
        for (RefUse r : refs) {
            Declared d = ids.get(r.id());
            if (d == null) {
                List<String> candidates = ids.entrySet().stream()
                        .filter(e -> r.type().targets().contains(e.getValue().collection()))
                        .map(Map.Entry::getKey).toList();
                problem(r.at(), "unknown " + nouns(r.type()) + " '" + r.id() + "' in '" + r.field() + "'"
                        + Suggest.hint(r.id(), candidates));
            } else if (!r.type().targets().contains(d.collection())) {
                problem(r.at(), "'" + r.id() + "' is a " + d.collection().noun() + ", but '" + r.field()
                        + "' needs " + Collection.describe(r.type().targets()));
            }
        }
    }

    private static String nouns(FieldType.Ref r) {
        return r.targets().stream().sorted().map(Collection::noun).collect(java.util.stream.Collectors.joining(" or "));
    }

    private boolean tagOk(Node node) {
        Tag t = node.getTag();
        // The composer hands out the shared constants; comparing identities first skips hashing.
        return t == Tag.STR || t == Tag.MAP || t == Tag.SEQ || t == Tag.NULL || PLAIN_TAGS.contains(t);
    }

    private boolean visit(Node node) {
        if (++nodes == MAX_NODES) {
            problem(at(node), "document expands to more than " + MAX_NODES + " nodes through aliases");
        }
        return nodes < MAX_NODES;
    }

    static String kindOf(Node node) {
        if (node instanceof MappingNode) return "a mapping";
        if (node instanceof SequenceNode) return "a list";
        ScalarNode s = (ScalarNode) node;
        if (s.getTag().equals(Tag.NULL)) return "nothing";
        if (s.getScalarStyle() == DumperOptions.ScalarStyle.PLAIN) {
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
