package org.e2eereview.load;

import java.util.stream.Collectors;

import org.e2eereview.model.ModelEnum;

/**
 * The field reference of docs/model.md, generated from {@link ModelFormat}: one table per
 * mapping, one row per field, then every vocabulary with its meaning.
 */
public final class FormatReference {

    public static final String BEGIN = "<!-- BEGIN GENERATED REFERENCE: do not edit by hand; see FormatDocsTest -->";
    public static final String END = "<!-- END GENERATED REFERENCE -->";

    private FormatReference() {
    }

    public static String markdown() {
        StringBuilder out = new StringBuilder(tables(ModelFormat.MODEL.reachable()));
        out.append("\n### Vocabularies\n");
        for (ObjectSpec spec : ModelFormat.MODEL.reachable()) {
            for (FieldSpec f : spec.fields()) {
                FieldType t = f.type() instanceof FieldType.ListOf l ? l.item() : f.type();
                if (t instanceof FieldType.Choice c) {
                    out.append("\n#### `").append(spec.name()).append('.').append(f.name()).append("`\n\n");
                    for (ModelEnum e : c.constants()) {
                        out.append("- `").append(e.yamlName()).append("`: ").append(e.description()).append('\n');
                    }
                }
            }
        }
        return out.toString();
    }

    /** One table per mapping reachable from the given ones, each once, in that order. */
    public static String tables(java.util.List<ObjectSpec> roots) {
        java.util.List<ObjectSpec> specs = new java.util.ArrayList<>();
        for (ObjectSpec root : roots) for (ObjectSpec s : root.reachable()) if (!specs.contains(s)) specs.add(s);
        StringBuilder out = new StringBuilder();
        for (ObjectSpec spec : specs) {
            out.append("\n### `").append(spec.name()).append("`\n\n").append(spec.description()).append("\n\n");
            out.append("| field | type | required | meaning |\n|---|---|---|---|\n");
            for (FieldSpec f : spec.fields()) {
                out.append("| `").append(f.name()).append("` | ").append(typeText(f.type())).append(" | ")
                        .append(f.required() ? "yes" : "no, default " + (f.defaultText() == null ? "none"
                                : "`" + f.defaultText() + "`"))
                        .append(" | ").append(f.description().replace("|", "\\|")).append(" |\n");
            }
        }
        return out.toString();
    }

    private static String typeText(FieldType t) {
        if (t instanceof FieldType.Text x) return x.nonEmpty() ? "non-empty string" : "string";
        if (t instanceof FieldType.Bool) return "boolean";
        if (t instanceof FieldType.Int i) return "integer " + i.min() + ".." + i.max();
        if (t instanceof FieldType.Date) return "date";
        if (t instanceof FieldType.Formatted f) return f.name();
        if (t instanceof FieldType.Choice c) return c.names().stream().collect(Collectors.joining(" \\| "));
        if (t instanceof FieldType.Ref r) return r.describe().replace("the id of ", "id of ");
        if (t instanceof FieldType.ListOf l) return "list of " + typeText(l.item());
        if (t instanceof FieldType.Obj o) return "[`" + o.spec().name() + "`](#" + o.spec().name() + ")";
        if (t instanceof FieldType.Patch) return "patch";
        FieldType.IdMap m = (FieldType.IdMap) t;
        return "map of id to [`" + m.spec().name() + "`](#" + m.spec().name() + ")";
    }
}
