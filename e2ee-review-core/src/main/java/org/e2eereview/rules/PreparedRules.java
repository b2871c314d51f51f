package org.e2eereview.rules;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.cel.common.types.CelType;

/**
 * The form the bundled rules' CEL expressions ship in, parsed and type-checked when the project is
 * built ({@link Startup#main}) so that a cold run of the command line neither builds CEL's compilers
 * nor checks each expression, which was half of its time (docs/performance.md, "Cold start").
 *
 * <p>An expression is found by the kind of element, the result it must give and its exact text,
 * so a rule changed or added since the build, or a user's rule, is not found and is compiled as
 * before. The whole file counts only while what it was checked with is what is running
 * ({@link #fingerprint}): otherwise it is ignored and every expression is compiled.
 */
final class PreparedRules {

    /** Bumped when the file's layout changes. */
    private static final int LAYOUT = 3;

    record Key(Inspects kind, Cel.Result result, String expression) {
        static final Comparator<Key> ORDER = Comparator.comparing(Key::kind).thenComparing(Key::result)
                .thenComparing(Key::expression);

        // Written out: a record's own equals and hashCode go through method handles, which cost a
        // cold run several milliseconds over the few hundred expressions it looks up.
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && kind == k.kind && result == k.result && expression.equals(k.expression);
        }

        @Override
        public int hashCode() {
            return (kind.hashCode() * 31 + result.hashCode()) * 31 + expression.hashCode();
        }
    }

    /** A checked expression (in {@link CheckedCodec}'s form), or the issues checking it gave. */
    record Entry(byte[] checked, List<Cel.Issue> issues) {
    }

    private PreparedRules() {
    }

    /** The expressions the bytes hold; none when they were checked with another fingerprint, or there is none. */
    static Map<Key, Entry> read(byte[] bytes, String fingerprint) throws IOException {
        DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(bytes));
        if (fingerprint == null || in.readInt() != LAYOUT || !text(in).equals(fingerprint)) return Map.of();
        int n = in.readInt();
        Map<Key, Entry> out = new HashMap<>(n * 2);
        for (int i = 0; i < n; i++) {
            Key key = new Key(Inspects.valueOf(text(in)), Cel.Result.valueOf(text(in)), text(in));
            if (in.readBoolean()) {
                byte[] checked = new byte[in.readInt()];
                in.readFully(checked);
                out.put(key, new Entry(checked, List.of()));
            } else {
                int issues = in.readInt();
                List<Cel.Issue> list = new ArrayList<>(issues);
                for (int j = 0; j < issues; j++) list.add(new Cel.Issue(text(in), in.readInt(), in.readInt()));
                out.put(key, new Entry(null, List.copyOf(list)));
            }
        }
        return out;
    }

    static byte[] write(Map<Key, Entry> entries, String fingerprint) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(LAYOUT);
        text(out, fingerprint);
        Map<Key, Entry> sorted = new TreeMap<>(Key.ORDER);
        sorted.putAll(entries);
        out.writeInt(sorted.size());
        for (var e : sorted.entrySet()) {
            text(out, e.getKey().kind().name());
            text(out, e.getKey().result().name());
            text(out, e.getKey().expression());
            Entry entry = e.getValue();
            out.writeBoolean(entry.checked() != null);
            if (entry.checked() != null) {
                out.writeInt(entry.checked().length);
                out.write(entry.checked());
            } else {
                out.writeInt(entry.issues().size());
                for (Cel.Issue i : entry.issues()) {
                    text(out, i.message());
                    out.writeInt(i.line());
                    out.writeInt(i.column());
                }
            }
        }
        out.flush();
        return bytes.toByteArray();
    }

    /**
     * What a checked expression depends on besides its text: the CEL library that checked it, the
     * form it is kept in, the environment and, for every view, its name and its fields' names and
     * types. Null when the CEL library cannot be told ({@link Cel#library}).
     */
    static String fingerprint() {
        String library = Cel.library();
        if (library == null) return null;
        StringBuilder s = new StringBuilder(library).append('\n')
                .append("kept by CheckedCodec ").append(CheckedCodec.FORM).append('\n')
                .append(Cel.ENVIRONMENT).append('\n');
        for (Inspects kind : Inspects.values()) s.append(kind.name()).append(' ').append(kind.variable()).append(' ')
                .append(kind.view().name()).append('\n');
        List<ViewType<?>> views = new ArrayList<>(CelViews.NESTED_VIEWS);
        views.addAll(CelViews.ELEMENT_VIEWS);
        for (ViewType<?> v : views) {
            s.append(v.celType().name()).append(" {");
            for (ViewType.Field<?> f : v.fields()) s.append(' ').append(f.name()).append(": ").append(describe(f.type()));
            s.append(" }\n");
        }
        // Kept whole rather than digested: a few kilobytes, compared without readying a digest.
        return s.toString();
    }

    private static String describe(CelType t) {
        if (t.parameters().isEmpty()) return t.name();
        StringBuilder s = new StringBuilder(t.name()).append('(');
        for (int i = 0; i < t.parameters().size(); i++) s.append(i == 0 ? "" : ", ").append(describe(t.parameters().get(i)));
        return s.append(')').toString();
    }

    private static String text(DataInputStream in) throws IOException {
        byte[] b = new byte[in.readInt()];
        in.readFully(b);
        return new String(b, StandardCharsets.UTF_8);
    }

    private static void text(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }
}
