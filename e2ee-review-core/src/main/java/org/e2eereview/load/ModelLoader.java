package org.e2eereview.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import org.e2eereview.model.Acceptance;
import org.e2eereview.model.Baseline;
import org.e2eereview.model.Code;
import org.e2eereview.model.Component;
import org.e2eereview.model.Conversation;
import org.e2eereview.model.Data;
import org.e2eereview.model.Feature;
import org.e2eereview.model.Flow;
import org.e2eereview.model.Key;
import org.e2eereview.model.Location;
import org.e2eereview.model.Model;
import org.e2eereview.model.Party;
import org.e2eereview.model.Submission;
import org.e2eereview.model.SystemInfo;

/**
 * Loads a model file strictly: every problem in the file is reported, located, in one pass,
 * and a {@link Model} is returned only when there are none.
 */
public final class ModelLoader {

    private static final String EMPTY_MODEL = "empty model: expected a mapping that starts with 'e2ee-review: 1'";

    /** Loads a file; its path as given is the name used in every location. */
    public Model load(Path path) throws InputException {
        return parse(path.toString(), read(path));
    }

    /** Loads a baseline file (review --baseline FILE) as strictly as a model. */
    public Baseline loadBaseline(Path path) throws InputException {
        return parseBaseline(path.toString(), read(path));
    }

    public Baseline parseBaseline(String name, byte[] bytes) throws InputException {
        List<Problem> problems = new ArrayList<>();
        Fields fields = YamlReader.read(name, bytes, problems,
                "empty baseline: expected a mapping that starts with 'e2ee-review-baseline: 1'", events -> {
                    Checker checker = new Checker(events, problems);
                    Fields f = checker.root(ModelFormat.BASELINE, "the baseline",
                            "the top level must be a mapping (e2ee-review-baseline: 1, accepted:)");
                    checker.finish();
                    return f;
                });
        if (fields != null && problems.isEmpty() && fields.integer("e2ee-review-baseline") != 1) {
            problems.add(new Problem(fields.source().of("e2ee-review-baseline"), "baseline format version "
                    + fields.integer("e2ee-review-baseline") + ": this release of e2ee-review reads version 1"));
        }
        if (fields == null || !problems.isEmpty()) throw new InputException(problems);
        return new Baseline(name, Digests.sha256(bytes), List.copyOf(elements(fields.map("accepted"),
                ModelLoader::acceptance).values()));
    }

    private static byte[] read(Path path) throws InputException {
        String name = path.toString();
        byte[] bytes;
        try {
            if (Files.isDirectory(path)) throw fileProblem(name, "is a directory, not a model file");
            long size = Files.size(path);
            if (size > YamlReader.MAX_BYTES) {
                throw new InputException(List.of(new Problem(new Location(name, 1, 1), YamlReader.tooLarge(size))));
            }
            bytes = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw fileProblem(name, "no such file");
        } catch (AccessDeniedException e) {
            throw fileProblem(name, "permission denied");
        } catch (IOException e) {
            throw fileProblem(name, "cannot read: " + e.getMessage());
        }
        return bytes;
    }

    private static InputException fileProblem(String name, String message) {
        return new InputException(List.of(new Problem(new Location(name, 0, 0), message)));
    }

    /** Parses model text; {@code name} is used in locations. */
    public Model parse(String name, byte[] bytes) throws InputException {
        return build(name, bytes, checked(name, bytes));
    }

    /** The model's fields, checked. */
    private static Fields checked(String name, byte[] bytes) throws InputException {
        List<Problem> problems = new ArrayList<>();
        Fields fields = YamlReader.read(name, bytes, problems, EMPTY_MODEL, events -> check(events, problems), null);
        if (fields == null || !problems.isEmpty()) throw new InputException(problems);
        return fields;
    }

    /**
     * Parses model text with patches applied, checked as strictly as a model file: each value
     * keeps the file and line it was written at, in the model or in a patch. The digest is the
     * model file's.
     */
    public Model parse(String name, byte[] bytes, List<YamlPatch> patches) throws InputException {
        List<Problem> problems = new ArrayList<>();
        Fields fields = YamlReader.readPatched(name, bytes, patches, problems, events -> check(events, problems));
        if (fields == null || !problems.isEmpty()) throw new InputException(problems);
        return build(name, bytes, fields);
    }

    /**
     * The model parsed again with patches applied, from the text it carries: its file is not read again.
     * The digest and the text stay the model's own.
     */
    public Model parse(Model model, List<YamlPatch> patches) throws InputException {
        return parse(model.file(), model.text().getBytes(StandardCharsets.UTF_8), patches);
    }

    /**
     * A model file read and composed once, to be parsed with one set of patches after another:
     * {@code assess} applies every proposal to the same file, which then is not read again for each.
     */
    public static final class Base {
        private final String name;
        private final String sha256;
        private final String text;
        private final org.yaml.snakeyaml.nodes.Node node;
        /** The file's ids, when its elements were checked as its tree was kept; else null. */
        private final Map<String, Checker.Declared> ids;
        private final Map<String, String> names;

        private Base(String name, String sha256, String text, org.yaml.snakeyaml.nodes.Node node) {
            this(name, sha256, text, node, null, Map.of());
        }

        private Base(String name, String sha256, String text, org.yaml.snakeyaml.nodes.Node node,
                     Map<String, Checker.Declared> ids, Map<String, String> names) {
            this.name = name;
            this.sha256 = sha256;
            this.text = text;
            this.node = node;
            this.ids = ids;
            this.names = names;
        }

        org.yaml.snakeyaml.nodes.Node node() {
            return node;
        }

        /**
         * Lets go of the fields of every element no patch to be applied goes into ({@link YamlPatch#entries}),
         * keeping each as the checker found it: a patched model takes those as they were, and a large design's
         * tree is otherwise held, for every proposal, mostly for elements none of them changes. A patch that
         * goes into an element let go is refused with an {@link IllegalStateException}.
         */
        public void keepOnly(Map<String, java.util.Set<String>> entries) {
            if (!(node instanceof org.yaml.snakeyaml.nodes.MappingNode top)) return;
            for (org.yaml.snakeyaml.nodes.NodeTuple section : top.getValue()) {
                if (!(section.getKeyNode() instanceof org.yaml.snakeyaml.nodes.ScalarNode k)
                        || !(section.getValueNode() instanceof org.yaml.snakeyaml.nodes.MappingNode elements)) continue;
                java.util.Set<String> kept = entries.getOrDefault(k.getValue(), java.util.Set.of());
                for (org.yaml.snakeyaml.nodes.NodeTuple e : elements.getValue()) {
                    if (e.getValueNode() instanceof KnownNode n && !kept.contains(n.known.id())) n.prune();
                }
            }
        }
    }

    /**
     * Reads a model file's text for {@link #parse(Base, List)}. The caller parses the same file with
     * {@link #parse(String, byte[])} too and reports that parse's problems first, so the text is composed
     * without being read through the model's checks again; what is not YAML is still refused here.
     */
    public Base base(String name, byte[] bytes) throws InputException {
        List<Problem> problems = new ArrayList<>();
        org.yaml.snakeyaml.nodes.Node node = YamlReader.composeParsed(name, bytes, problems);
        if (node == null || !problems.isEmpty()) {
            if (problems.isEmpty()) problems.add(new Problem(new Location(name, 1, 1), "empty model"));
            throw new InputException(problems);
        }
        return new Base(name, Digests.sha256(bytes), new String(bytes, StandardCharsets.UTF_8), node);
    }

    /** A model parsed, and its file's node tree for {@link #parse(Base, List)}, made from the same read. */
    public record Parsed(Model model, Base base) {
    }

    /**
     * Parses model text as {@link #parse(String, byte[])} does, keeping the file's node tree as the checker
     * reads it: {@code assess} patches it for every proposal, and the file is scanned once, not once more
     * for the tree (a second of a 100k-element model's time, and a tree three times this one's size).
     */
    public Parsed parseKeepingTree(String name, byte[] bytes) throws InputException {
        TreeTap[] tap = new TreeTap[1];
        Checker[] checker = new Checker[1];
        List<Problem> problems = new ArrayList<>();
        Fields fields = YamlReader.read(name, bytes, problems, EMPTY_MODEL, events -> {
            checker[0] = new Checker(events, problems);
            checker[0].remember();
            return check(checker[0]);
        }, parser -> tap[0] = new TreeTap(parser));
        if (fields == null || !problems.isEmpty()) throw new InputException(problems);
        Model model = build(name, bytes, fields);
        // A model that parses was read to its end: the checker reads every node of the document.
        org.yaml.snakeyaml.nodes.Node root = tap[0].root();
        if (root == null) throw new IllegalStateException("the model parsed but its tree was not read whole");
        // Each element's node becomes one that carries the element as checked and made: a patched model
        // takes the elements a patch leaves alone from them, without reading them again.
        Map<String, Map<String, Checker.Known>> remembered = checker[0].remembered();
        for (org.yaml.snakeyaml.nodes.NodeTuple section : ((org.yaml.snakeyaml.nodes.MappingNode) root).getValue()) {
            String field = ((org.yaml.snakeyaml.nodes.ScalarNode) section.getKeyNode()).getValue();
            Map<String, Checker.Known> checked = remembered.get(field);
            if (checked == null || !(section.getValueNode() instanceof org.yaml.snakeyaml.nodes.MappingNode elements)) continue;
            Map<String, ?> built = elementsOf(model, field);
            List<org.yaml.snakeyaml.nodes.NodeTuple> tuples = elements.getValue();
            for (int i = 0; i < tuples.size(); i++) {
                org.yaml.snakeyaml.nodes.NodeTuple t = tuples.get(i);
                if (!(t.getKeyNode() instanceof org.yaml.snakeyaml.nodes.ScalarNode key)
                        || !(t.getValueNode() instanceof org.yaml.snakeyaml.nodes.MappingNode value)) continue;
                Checker.Known k = checked.get(key.getValue());
                if (k == null) continue;
                k.fields().made(built.get(k.id()));
                tuples.set(i, new org.yaml.snakeyaml.nodes.NodeTuple(key, new KnownNode(value, key, k)));
            }
        }
        return new Parsed(model, new Base(name, model.sha256(), model.text(), root, checker[0].ids(),
                Map.copyOf(checker[0].names())));
    }

    /** A top-level map of the model's elements by the field it is written under. */
    private static Map<String, ?> elementsOf(Model model, String field) {
        org.e2eereview.model.ElementKind kind = Checker.elementKind(field);
        if (kind != null) return kind.in(model);
        return field.equals("accepted") ? model.accepted() : Map.of();
    }

    /**
     * As {@link #parse(String, byte[], List)}, over a file read once. An element the patches leave as it
     * was is the one parsed from the file, neither checked nor made again: most of a large design.
     */
    public Model parse(Base base, List<YamlPatch> patches) throws InputException {
        List<Problem> problems = new ArrayList<>();
        Fields fields = YamlReader.readPatched(base.name, base.text, base.node, patches, problems, events -> {
            Checker checker = new Checker(events, problems);
            if (base.ids != null) checker.knowing(base.ids, base.names);
            return check(checker);
        });
        if (fields == null || !problems.isEmpty()) throw new InputException(problems);
        return build(base.name, base.sha256, base.text, fields, true);
    }

    private static Fields check(YamlEvents events, List<Problem> problems) {
        return check(new Checker(events, problems));
    }

    private static Fields check(Checker checker) {
        Fields f = checker.root(ModelFormat.MODEL, "the model",
                "the top level must be a mapping (e2ee-review: 1, system:, parties:, ...)");
        if (f == null) return null;
        checker.resolveReferences();
        new CrossChecks(checker).check(f);
        checker.finish();
        return f;
    }

    private static Model build(String name, byte[] bytes, Fields f) {
        return build(name, Digests.sha256(bytes), new String(bytes, StandardCharsets.UTF_8), f);
    }

    private static Model build(String name, String sha256, String text, Fields f) {
        return build(name, sha256, text, f, false);
    }

    /** The model; with {@code made}, each element already made from its fields is taken as it was made. */
    private static Model build(String name, String sha256, String text, Fields f, boolean made) {
        Fields sys = f.obj("system");
        return new Model(name, sha256, f.integer("e2ee-review"),
                new SystemInfo(sys.text("name"), sys.text("version"), sys.bool("claims-end-to-end"),
                        sys.text("description"), sys.source()),
                elements(f.map("parties"), ModelLoader::party, made),
                elements(f.map("components"), ModelLoader::component, made),
                elements(f.map("keys"), ModelLoader::key, made),
                elements(f.map("data"), ModelLoader::data, made),
                elements(f.map("conversations"), ModelLoader::conversation, made),
                elements(f.map("flows"), ModelLoader::flow, made),
                elements(f.map("features"), ModelLoader::feature, made),
                elements(f.map("accepted"), ModelLoader::acceptance, made),
                submission(f.obj("submission")), code(f.obj("code")), text);
    }

    private static Code code(Fields c) {
        return c == null ? null : new Code(c.list("logging"), c.list("telemetry"), c.list("serialisation"),
                c.list("crypto-primitives"), c.source());
    }

    private static Submission submission(Fields s) {
        return s == null ? null : new Submission(s.text("title"), s.text("addressee"), s.text("reference"),
                s.text("organisation"), s.text("contact"), s.text("model-url"), s.text("summary"), s.text("design"),
                s.text("public-safety"), s.text("capabilities"), s.text("closing"), s.source());
    }

    private static <T> Map<String, T> elements(Map<String, Fields> raw, BiFunction<String, Fields, T> make) {
        return elements(raw, make, false);
    }

    @SuppressWarnings("unchecked")
    private static <T> Map<String, T> elements(Map<String, Fields> raw, BiFunction<String, Fields, T> make,
                                               boolean made) {
        Map<String, T> out = new LinkedHashMap<>(raw.size() * 4 / 3 + 1);
        raw.forEach((id, fields) -> {
            T before = made ? (T) fields.made() : null;
            out.put(id, before != null ? before : make.apply(id, fields));
        });
        return Collections.unmodifiableMap(out);
    }

    private static Party party(String id, Fields f) {
        Fields la = f.obj("lawful-access");
        Party.LawfulAccess access = la == null ? null
                : new Party.LawfulAccess(la.list("compels"), la.list("powers"), la.text("legal-basis"), la.source());
        return new Party(id, f.choice("kind", null), f.text("name"), f.text("jurisdiction"), access,
                f.text("disclosed-to-users"), f.text("description"), f.source());
    }

    private static Component component(String id, Fields f) {
        Fields u = f.obj("updates");
        Component.Updates updates = u == null ? null
                : new Component.Updates(u.bool("per-user-targeting"), u.bool("binary-transparency"),
                        u.bool("reproducible-builds"), u.source());
        String runBy = f.text("run-by");
        Fields a = f.obj("attestation");
        Component.Attestation attestation = a == null ? null
                : new Component.Attestation(a.bool("verified-by-clients"), a.bool("measurement-pinned"),
                        a.bool("image-log"), a.bool("reproducible-builds"), a.list("hardware-by"), a.source());
        return new Component(id, f.choice("kind", null), f.text("name"), runBy,
                f.has("supplied-by") ? f.text("supplied-by") : runBy, updates,
                f.choice("transparency", Component.Transparency.NONE), attestation, f.list("code"),
                f.text("description"), f.source());
    }

    private static Key key(String id, Fields f) {
        Fields r = f.obj("recovery");
        Key.Recovery recovery = r == null ? null
                : new Key.Recovery(r.choice("secret", null), r.list("stored-on"), r.text("enforced-by"),
                        r.integer("guess-limit"), r.source());
        return new Key(id, f.choice("kind", null), f.text("generated-on"), f.list("stored-on"), f.list("protects"),
                f.list("derived-from"), f.choice("scope", Key.Scope.CONVERSATION), f.text("algorithm"), recovery,
                f.bool("shown-to-members"), f.list("code"), f.text("description"), f.source());
    }

    private static Data data(String id, Fields f) {
        Data.Kind kind = f.choice("kind", null);
        return new Data(id, kind, f.list("created-on"), f.list("derived-from"), f.list("contains"),
                f.bool("guessable", kind == Data.Kind.CONTACT_LIST), f.text("retention"), f.text("description"),
                f.source());
    }

    private static Conversation conversation(String id, Fields f) {
        Fields e = f.obj("end-to-end");
        Conversation.EndToEnd e2e = new Conversation.EndToEnd(e.bool("available", true), e.bool("default"),
                e.bool("forward-secrecy"), e.bool("post-compromise-security"), e.source());
        Fields fb = f.obj("fallback");
        Conversation.Fallback fallback = fb == null ? null
                : new Conversation.Fallback(fb.choice("to", null), fb.bool("automatic"), fb.bool("indicated"),
                        fb.source());
        Fields m = f.obj("membership");
        Conversation.Membership membership = m == null ? null
                : new Conversation.Membership(m.text("managed-by"), m.bool("signed-by-members"),
                        m.choice("changes-shown", null), m.choice("device-changes-shown", null),
                        m.has("devices-managed-by") ? m.text("devices-managed-by") : m.text("managed-by"),
                        m.bool("device-list-signed"), m.choice("unverified-devices", null),
                        m.text("device-keys-from"), m.list("verification"), m.source());
        return new Conversation(id, f.choice("kind", Conversation.Kind.ONE_TO_ONE), f.text("name"),
                f.list("members"), f.list("content"), f.text("protocol"), e2e, fallback, membership,
                f.list("metadata-protection"), f.text("description"), f.source());
    }

    private static Flow flow(String id, Fields f) {
        return new Flow(id, f.text("from"), f.text("to"), f.list("carries"), f.choice("protection", null),
                f.choice("stage", Flow.Stage.AFTER_ENCRYPTION), f.choice("occurs", Flow.Occurs.ALWAYS),
                f.bool("shown-to-members"), f.text("relay"), f.text("purpose"), f.text("description"), f.source());
    }

    private static Feature feature(String id, Fields f) {
        return new Feature(id, f.choice("kind", null), f.text("runs-on"), f.list("inspects"),
                f.choice("method", null), f.list("hash-list-from"), f.bool("hash-list-auditable"),
                f.list("results-to"), f.choice("initiated-by", null), f.list("discloses"), f.bool("franking"),
                f.has("context-messages") ? f.integer("context-messages") : Integer.valueOf(0),
                f.bool("user-informed"), f.integer("forward-limit"), f.bool("counter-in-ciphertext"),
                f.choice("applies-to", null), f.integer("threshold"), f.bool("requires-provider-assistance"),
                f.text("legal-basis"), f.text("description"), f.source());
    }

    private static Acceptance acceptance(String id, Fields f) {
        return new Acceptance(id, f.choice("status", null), f.text("justification"), f.text("decided-by"),
                f.date("until"), f.source());
    }
}
