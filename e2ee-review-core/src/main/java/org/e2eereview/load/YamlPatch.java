package org.e2eereview.load;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.e2eereview.model.Location;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * A change to a model, written in YAML in another file (a proposal's patch) and bound to the
 * model's own ids before it is applied. Applied, every value it sets keeps the file, line and
 * column it was written at, so that evidence can point into the patch as well as into the model.
 *
 * <p>The patch is a mapping merged into the model key by key. Three key suffixes change how a
 * value lands: {@code key+: [...]} adds the list's items that are not there yet,
 * {@code key?: value} sets the key only where it is not written, a plain key replaces (a
 * mapping merges), and a plain key with no value ({@code key: ~}) removes the key. Placeholders name bound lists of ids: a key {@code $name} or
 * {@code prefix-${name}} stands for one entry per bound id (within it, {@code $name} is that id); a list item {@code $name} stands for all
 * bound ids (or the current one), and a list item {@code prefix-${name}} for one item per bound id (or
 * the current one); a scalar {@code $name} for the one id; {@code ${name}} inside text for the one id.
 */
public final class YamlPatch {

    private static final Pattern INLINE = Pattern.compile("\\$\\{([a-z][a-z0-9-]*)}");
    private static final Pattern WHOLE = Pattern.compile("\\$([a-z][a-z0-9-]*)");

    private final String file;
    /** The file it was read from and the field read, for a patch not yet bound; else null. */
    private final byte[] source;
    private final String field;
    /** Read on first use for a patch from a {@link Snapshot}; see {@link #unread}. */
    private Node root;

    private YamlPatch(String file, Node root, byte[] source, String field) {
        this.file = file;
        this.root = root;
        this.source = source;
        this.field = field;
    }

    public String file() {
        return file;
    }

    byte[] source() {
        if (source == null) throw new IllegalStateException("a bound patch is not written to a snapshot");
        return source;
    }

    String field() {
        return field;
    }

    /**
     * A patch read from the file only when first used: for a snapshot of a catalog, whose patches
     * were read and checked when it was written, and which most runs never apply.
     */
    static YamlPatch unread(String file, byte[] source, String field) {
        return new YamlPatch(file, null, source, field);
    }

    private synchronized Node root() {
        if (root == null) {
            try {
                root = read(file, source, field).root;
            } catch (InputException e) {
                throw new IllegalStateException("a patch read before no longer reads: " + e.getMessage(), e);
            }
        }
        return root;
    }

    /** Reads the mapping under {@code field} at the top of a file (the whole file when null). */
    public static YamlPatch read(String file, byte[] bytes, String field) throws InputException {
        List<Problem> problems = new ArrayList<>();
        Node doc = YamlReader.compose(file, bytes, problems);
        if (!problems.isEmpty()) throw new InputException(problems);
        Node node = doc;
        if (field != null && doc instanceof MappingNode m) {
            node = null;
            for (NodeTuple t : m.getValue()) {
                if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(field)) node = t.getValueNode();
            }
        }
        if (!(node instanceof MappingNode)) {
            throw new InputException(List.of(new Problem(new Location(file, 1, 1),
                    "expected a mapping" + (field == null ? "" : " under '" + field + "'"))));
        }
        return new YamlPatch(file, relabel(node, Sources.markName(file)), bytes.clone(), field);
    }

    /** The placeholders the patch uses, in the order written. */
    public Set<String> placeholders() {
        Set<String> out = new LinkedHashSet<>();
        collect(root(), out);
        return out;
    }

    private static void collect(Node n, Set<String> out) {
        if (n instanceof ScalarNode s) {
            Matcher w = WHOLE.matcher(s.getValue());
            if (w.matches()) out.add(w.group(1));
            Matcher m = INLINE.matcher(s.getValue());
            while (m.find()) out.add(m.group(1));
        } else if (n instanceof SequenceNode q) {
            q.getValue().forEach(c -> collect(c, out));
        } else if (n instanceof MappingNode m) {
            for (NodeTuple t : m.getValue()) {
                collect(t.getKeyNode(), out);
                collect(t.getValueNode(), out);
            }
        }
    }

    /**
     * The patch with every placeholder replaced by the ids bound to it.
     *
     * @throws InputException located at the placeholder, when one is unbound or a single id is
     *                        needed where several are bound
     */
    public YamlPatch bind(Map<String, List<String>> bindings) throws InputException {
        return bind(bindings, Map.of());
    }

    /**
     * Ids of a placeholder that depend on another's: within a part repeated per id of {@code by},
     * the placeholder stands for {@code ids.get(thatId)}; elsewhere for all its bound ids. A
     * proposal's per-client backup, say, holds that client's messages, not every client's.
     */
    public record Narrowed(String by, Map<String, List<String>> ids) {
        public Narrowed {
            ids = Map.copyOf(ids);
        }
    }

    /** As {@link #bind(Map)}, with some placeholders narrowed within parts repeated per another's id. */
    public YamlPatch bind(Map<String, List<String>> bindings, Map<String, Narrowed> narrowed) throws InputException {
        List<Problem> problems = new ArrayList<>();
        Node bound = new Binder(bindings, narrowed, problems).bind(root(), Map.of(), Integer.MAX_VALUE);
        if (!problems.isEmpty()) throw new InputException(problems);
        return new YamlPatch(file, bound, null, null);
    }

    /**
     * The entries of each top-level map this patch goes into once bound ({@link #entries()}), with only its
     * keys bound: a bound patch for thousands of clients is a tree as large as their part of the design.
     * Placeholders that cannot be bound are reported by {@link #bind}, not here.
     */
    public Map<String, Set<String>> entries(Map<String, List<String>> bindings, Map<String, Narrowed> narrowed) {
        Node keys = new Binder(bindings, narrowed, new ArrayList<>()).bind(root(), Map.of(), 2);
        return new YamlPatch(file, keys, null, null).entries();
    }

    /**
     * The first placeholder this patch needs one id for where the bindings give several, or null: why a patch that
     * {@link #bind} refused cannot apply, for a reader rather than as the located problem.
     */
    public String boundToSeveral(Map<String, List<String>> bindings, Map<String, Narrowed> narrowed) {
        Binder binder = new Binder(bindings, narrowed, new ArrayList<>());
        binder.bind(root(), Map.of(), Integer.MAX_VALUE);
        return binder.several;
    }

    private final class Binder {
        private final Map<String, List<String>> all;
        private final Map<String, Narrowed> narrowed;
        private final List<Problem> problems;
        private String several;

        Binder(Map<String, List<String>> all, Map<String, Narrowed> narrowed, List<Problem> problems) {
            this.all = all;
            this.narrowed = narrowed;
            this.problems = problems;
        }

        /** The node with placeholders bound, {@code depth} levels of mappings down (keys at the last). */
        Node bind(Node n, Map<String, String> current, int depth) {
            if (depth == 0) return n;
            if (n instanceof ScalarNode s) {
                String v = s.getValue();
                Matcher w = WHOLE.matcher(v);
                if (w.matches()) v = one(w.group(1), current, s);
                Matcher m = INLINE.matcher(v);
                StringBuilder out = new StringBuilder();
                while (m.find()) m.appendReplacement(out, Matcher.quoteReplacement(one(m.group(1), current, s)));
                m.appendTail(out);
                return new ScalarNode(s.getTag(), out.toString(), s.getStartMark(), s.getEndMark(), s.getScalarStyle());
            }
            if (n instanceof SequenceNode q) {
                List<Node> items = new ArrayList<>();
                for (Node item : q.getValue()) {
                    Matcher w = item instanceof ScalarNode s ? WHOLE.matcher(s.getValue()) : null;
                    String each = item instanceof ScalarNode s ? perId(s.getValue(), current) : null;
                    if (w != null && w.matches() && !current.containsKey(w.group(1))) {
                        ScalarNode s = (ScalarNode) item;
                        for (String id : ids(w.group(1), current, s)) {
                            items.add(new ScalarNode(Tag.STR, id, s.getStartMark(), s.getEndMark(), s.getScalarStyle()));
                        }
                    } else if (each != null) {
                        // clear-unlock-${client} in a list: one item per bound client, as a key would be.
                        for (String id : ids(each, current, (ScalarNode) item)) {
                            Map<String, String> scope = new HashMap<>(current);
                            scope.put(each, id);
                            items.add(bind(item, scope, depth - 1));
                        }
                    } else {
                        items.add(bind(item, current, depth - 1));
                    }
                }
                return new SequenceNode(q.getTag(), true, items, q.getStartMark(), q.getEndMark(), q.getFlowStyle());
            }
            MappingNode m = (MappingNode) n;
            List<NodeTuple> tuples = new ArrayList<>();
            for (NodeTuple t : m.getValue()) {
                ScalarNode key = (ScalarNode) t.getKeyNode();
                // One entry per bound id, named by the key with the id in place: $client or css-${client}; a key
                // with two (clear-request-${client}-${device-maker}), one per pair.
                for (Map<String, String> scope : scopes(key, current)) {
                    tuples.add(new NodeTuple(bind(key, scope, 1), bind(t.getValueNode(), scope, depth - 1)));
                }
            }
            return new MappingNode(m.getTag(), true, tuples, m.getStartMark(), m.getEndMark(), m.getFlowStyle());
        }

        /** The scopes a key is written in: one for each combination of ids its unbound placeholders take. */
        private List<Map<String, String>> scopes(ScalarNode key, Map<String, String> current) {
            List<Map<String, String>> scopes = List.of(current);
            String each;
            while (!scopes.isEmpty() && (each = perId(key.getValue(), scopes.get(0))) != null) {
                List<Map<String, String>> wider = new ArrayList<>();
                for (Map<String, String> scope : scopes) {
                    for (String id : ids(each, scope, key)) {
                        Map<String, String> one = new HashMap<>(scope);
                        one.put(each, id);
                        wider.add(one);
                    }
                }
                scopes = wider;
            }
            return scopes;
        }

        private List<String> ids(String name, Map<String, String> current, ScalarNode at) {
            List<String> ids = all.get(name);
            if (ids == null) {
                problems.add(new Problem(location(at), "placeholder '$" + name + "' is not bound"));
                return List.of();
            }
            Narrowed n = narrowed.get(name);
            if (n != null && current.containsKey(n.by())) return n.ids().getOrDefault(current.get(n.by()), List.of());
            // The other way: within a part repeated per provider narrowed on clients, the clients it is narrowed from
            // (that provider's), so that its backup key protects its own clients' backups only.
            for (Map.Entry<String, Narrowed> e : narrowed.entrySet()) {
                if (!e.getValue().by().equals(name) || !current.containsKey(e.getKey())) continue;
                String fixed = current.get(e.getKey());
                return ids.stream().filter(id -> e.getValue().ids().getOrDefault(id, List.of()).contains(fixed)).toList();
            }
            return ids;
        }

        private String one(String name, Map<String, String> current, ScalarNode at) {
            if (current.containsKey(name)) return current.get(name);
            List<String> ids = ids(name, current, at);
            if (ids.size() != 1) {
                if (ids.size() > 1 && several == null) several = name;
                if (all.containsKey(name)) problems.add(new Problem(location(at), "placeholder '$" + name
                        + "' needs one id here, but " + ids.size() + " are bound"));
                return "";
            }
            return ids.get(0);
        }
    }

    /** The placeholder a key repeats over, if it names one not already fixed by an enclosing key. */
    private static String perId(String key, Map<String, String> current) {
        Matcher w = WHOLE.matcher(key);
        if (w.matches()) return current.containsKey(w.group(1)) ? null : w.group(1);
        Matcher m = INLINE.matcher(key);
        while (m.find()) if (!current.containsKey(m.group(1))) return m.group(1);
        return null;
    }

    private Location location(Node n) {
        Mark m = n.getStartMark();
        return new Location(file, m.getLine() + 1, m.getColumn() + 1);
    }

    /**
     * The entries of each top-level map this patch, bound, goes into or removes, by the key they are written
     * under ("components" to "phone", "relay"): merging it reads no other element of the model.
     */
    public Map<String, Set<String>> entries() {
        Map<String, Set<String>> out = new HashMap<>();
        if (!(root() instanceof MappingNode top)) return out;
        for (NodeTuple section : top.getValue()) {
            if (!(section.getKeyNode() instanceof ScalarNode k) || !(section.getValueNode() instanceof MappingNode m)) continue;
            Set<String> keys = out.computeIfAbsent(bare(k.getValue()), x -> new java.util.HashSet<>());
            for (NodeTuple e : m.getValue()) if (e.getKeyNode() instanceof ScalarNode ek) keys.add(bare(ek.getValue()));
        }
        return out;
    }

    /** A key without the suffix that says how it merges. */
    private static String bare(String key) {
        return key.endsWith("+") || key.endsWith("?") ? key.substring(0, key.length() - 1) : key;
    }

    /** The base document with this patch merged in. */
    Node applyTo(Node base) {
        return merge(base, root());
    }

    private static Node merge(Node base, Node patch) {
        if (!(base instanceof MappingNode bm) || !(patch instanceof MappingNode pm)) return patch;
        List<NodeTuple> out = new ArrayList<>(bm.getValue());
        // A patch adds an entry per client to mappings of thousands: look keys up, do not scan for each.
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < out.size(); i++) {
            if (out.get(i).getKeyNode() instanceof ScalarNode s) index.putIfAbsent(s.getValue(), i);
        }
        for (NodeTuple t : pm.getValue()) {
            ScalarNode keyNode = (ScalarNode) t.getKeyNode();
            String key = keyNode.getValue();
            char mode = key.endsWith("+") ? '+' : key.endsWith("?") ? '?' : '=';
            if (mode != '=') {
                key = key.substring(0, key.length() - 1);
                keyNode = new ScalarNode(keyNode.getTag(), key, keyNode.getStartMark(), keyNode.getEndMark(),
                        keyNode.getScalarStyle());
            }
            int i = index.getOrDefault(key, -1);
            Node value = t.getValueNode();
            if (mode == '=' && value instanceof ScalarNode s && s.getTag().equals(Tag.NULL)) {
                // Emptied rather than removed, so that the index of every later entry still holds.
                if (i >= 0) {
                    out.set(i, null);
                    index.remove(key);
                }
            } else if (i < 0) {
                index.put(key, out.size());
                out.add(new NodeTuple(keyNode, plain(value)));
            } else if (mode == '+' && out.get(i).getValueNode() instanceof SequenceNode have
                    && value instanceof SequenceNode add) {
                List<Node> items = new ArrayList<>(have.getValue());
                for (Node item : add.getValue()) {
                    boolean present = item instanceof ScalarNode s && have.getValue().stream()
                            .anyMatch(h -> h instanceof ScalarNode hs && hs.getValue().equals(s.getValue()));
                    if (!present) items.add(item);
                }
                out.set(i, new NodeTuple(out.get(i).getKeyNode(), new SequenceNode(have.getTag(), true, items,
                        have.getStartMark(), have.getEndMark(), DumperOptions.FlowStyle.FLOW)));
            } else if (mode != '?') {
                out.set(i, new NodeTuple(out.get(i).getKeyNode(), merge(out.get(i).getValueNode(), value)));
            }
        }
        out.removeIf(java.util.Objects::isNull);
        return new MappingNode(bm.getTag(), true, out, bm.getStartMark(), bm.getEndMark(), bm.getFlowStyle());
    }

    /** A subtree added whole: its keys lose their suffixes, since there is nothing to add to or keep. */
    private static Node plain(Node n) {
        if (n instanceof SequenceNode q) {
            List<Node> items = new ArrayList<>();
            for (Node c : q.getValue()) items.add(plain(c));
            return new SequenceNode(q.getTag(), true, items, q.getStartMark(), q.getEndMark(), q.getFlowStyle());
        }
        if (!(n instanceof MappingNode m)) return n;
        List<NodeTuple> tuples = new ArrayList<>();
        for (NodeTuple t : m.getValue()) {
            ScalarNode k = (ScalarNode) t.getKeyNode();
            String key = k.getValue();
            if (key.endsWith("+") || key.endsWith("?")) {
                k = new ScalarNode(k.getTag(), key.substring(0, key.length() - 1), k.getStartMark(), k.getEndMark(),
                        k.getScalarStyle());
            }
            tuples.add(new NodeTuple(k, plain(t.getValueNode())));
        }
        return new MappingNode(m.getTag(), true, tuples, m.getStartMark(), m.getEndMark(), m.getFlowStyle());
    }

    /** The same tree with every mark renamed, so that events made from it say which file they come from. */
    private static Node relabel(Node n, String name) {
        Mark start = rename(n.getStartMark(), name);
        Mark end = rename(n.getEndMark(), name);
        if (n instanceof ScalarNode s) return new ScalarNode(s.getTag(), s.getValue(), start, end, s.getScalarStyle());
        if (n instanceof SequenceNode q) {
            List<Node> items = new ArrayList<>();
            for (Node c : q.getValue()) items.add(relabel(c, name));
            return new SequenceNode(q.getTag(), true, items, start, end, q.getFlowStyle());
        }
        MappingNode m = (MappingNode) n;
        List<NodeTuple> tuples = new ArrayList<>();
        for (NodeTuple t : m.getValue()) tuples.add(new NodeTuple(relabel(t.getKeyNode(), name), relabel(t.getValueNode(), name)));
        return new MappingNode(m.getTag(), true, tuples, start, end, m.getFlowStyle());
    }

    private static Mark rename(Mark m, String name) {
        return m == null ? null : new Mark(name, m.getIndex(), m.getLine(), m.getColumn(), new int[0], 0);
    }

    /** For tests and messages: the patch as YAML text (marks are not shown). */
    @Override
    public String toString() {
        java.io.StringWriter out = new java.io.StringWriter();
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        new org.yaml.snakeyaml.Yaml(new org.yaml.snakeyaml.constructor.SafeConstructor(new org.yaml.snakeyaml.LoaderOptions()),
                new org.yaml.snakeyaml.representer.Representer(options), options,
                new org.yaml.snakeyaml.LoaderOptions(), new LeanResolver()).serialize(root(), out);
        return out.toString();
    }
}
