package org.e2eereview.load;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A mapping in the model format: its fields, in the order the docs present them. */
public final class ObjectSpec {

    private final String name;
    private final String description;
    /** Field positions by name, in the order the fields were declared. */
    private final Map<String, Integer> indexes = new LinkedHashMap<>();
    private FieldSpec[] byIndex = new FieldSpec[0];

    private ObjectSpec(String name, String description) {
        this.name = name;
        this.description = description;
    }

    public static ObjectSpec of(String name, String description) {
        return new ObjectSpec(name, description);
    }

    public String name() {
        return name;
    }

    public String description() {
        return description;
    }

    public List<FieldSpec> fields() {
        return List.of(byIndex);
    }

    public FieldSpec field(String fieldName) {
        Integer i = indexes.get(fieldName);
        return i == null ? null : byIndex[i];
    }

    int size() {
        return byIndex.length;
    }

    FieldSpec field(int index) {
        return byIndex[index];
    }

    /**
     * The field's position in the spec, or -1. Callers name fields with literals, the same
     * strings the spec was built from, so comparing identities first finds them without hashing.
     */
    int indexOf(String fieldName) {
        FieldSpec[] all = byIndex;
        for (int i = 0; i < all.length; i++) {
            if (all[i].name() == fieldName) return i;
        }
        Integer i = indexes.get(fieldName);
        return i == null ? -1 : i;
    }

    public Set<String> fieldNames() {
        return java.util.Collections.unmodifiableSet(indexes.keySet());
    }

    public ObjectSpec required(String field, FieldType type, String description) {
        return add(new FieldSpec(field, type, true, description, null));
    }

    public ObjectSpec optional(String field, FieldType type, String description) {
        return add(new FieldSpec(field, type, false, description, null));
    }

    public ObjectSpec optional(String field, FieldType type, String description, String defaultText) {
        return add(new FieldSpec(field, type, false, description, defaultText));
    }

    private ObjectSpec add(FieldSpec f) {
        if (indexes.putIfAbsent(f.name(), byIndex.length) != null) {
            throw new IllegalStateException("field declared twice: " + name + "." + f.name());
        }
        byIndex = Arrays.copyOf(byIndex, byIndex.length + 1);
        byIndex[byIndex.length - 1] = f;
        return this;
    }

    /** Every object spec reachable from this one, this one first, each once. */
    public List<ObjectSpec> reachable() {
        List<ObjectSpec> out = new ArrayList<>();
        collect(this, out);
        return out;
    }

    private static void collect(ObjectSpec spec, List<ObjectSpec> out) {
        if (out.contains(spec)) return;
        out.add(spec);
        for (FieldSpec f : spec.byIndex) {
            FieldType t = f.type() instanceof FieldType.ListOf l ? l.item() : f.type();
            if (t instanceof FieldType.Obj o) collect(o.spec(), out);
            if (t instanceof FieldType.IdMap m) collect(m.spec(), out);
        }
    }
}
