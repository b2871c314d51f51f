package org.e2eereview.load;


import org.e2eereview.model.Model;
import org.e2eereview.model.ModelEnum;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The JSON Schema (draft-07, the dialect editors support best) of the model format,
 * generated from {@link ModelFormat} so that it cannot drift from the loader.
 * What a schema cannot say (references resolve, ids are unique) only the loader checks.
 */
public final class JsonSchema {

    public static final String ID = "https://e2ee-review.org/schema/e2ee-review-1.schema.json";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonSchema() {
    }

    /** The schema as pretty-printed JSON with a final newline. */
    public static String text() {
        try {
            return JSON.writeValueAsString(generate()).replace("\r\n", "\n") + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write schema", e);
        }
    }

    public static ObjectNode generate() {
        ObjectNode root = JSON.createObjectNode();
        root.put("$schema", "http://json-schema.org/draft-07/schema#");
        root.put("$id", ID);
        root.put("title", "e2ee-review model, format version " + Model.FORMAT_VERSION);
        describeObject(root, ModelFormat.MODEL);
        ObjectNode defs = root.putObject("definitions");
        for (ObjectSpec spec : ModelFormat.MODEL.reachable()) {
            if (spec != ModelFormat.MODEL) describeObject(defs.putObject(spec.name()), spec);
        }
        return root;
    }

    private static void describeObject(ObjectNode out, ObjectSpec spec) {
        out.put("description", spec.description());
        out.put("type", "object");
        ObjectNode props = out.putObject("properties");
        ArrayNode required = JSON.createArrayNode();
        for (FieldSpec f : spec.fields()) {
            ObjectNode p = props.putObject(f.name());
            String doc = f.description() + (f.defaultText() == null ? "" : " Default: " + f.defaultText() + ".");
            p.put("description", doc);
            type(p, f.type());
            if (f.required()) required.add(f.name());
        }
        if (spec == ModelFormat.MODEL) props.withObject("/e2ee-review").put("const", Model.FORMAT_VERSION);
        if (!required.isEmpty()) out.set("required", required);
        out.put("additionalProperties", false);
    }

    private static void type(ObjectNode p, FieldType type) {
        if (type instanceof FieldType.Text t) {
            p.put("type", "string");
            if (t.nonEmpty()) p.put("pattern", "\\S");
        } else if (type instanceof FieldType.Bool) {
            p.put("type", "boolean");
        } else if (type instanceof FieldType.Int i) {
            p.put("type", "integer");
            p.put("minimum", i.min());
            p.put("maximum", i.max());
        } else if (type instanceof FieldType.Date) {
            p.put("type", "string");
            p.put("pattern", "^[0-9]{4}-[0-9]{2}-[0-9]{2}$");
        } else if (type instanceof FieldType.Formatted f) {
            p.put("type", "string");
            p.put("pattern", f.pattern());
        } else if (type instanceof FieldType.Choice c) {
            p.put("type", "string");
            ArrayNode values = p.putArray("enum");
            ArrayNode docs = p.putArray("enumDescriptions");
            for (ModelEnum e : c.constants()) {
                values.add(e.yamlName());
                docs.add(e.description());
            }
        } else if (type instanceof FieldType.Ref r) {
            p.put("type", "string");
            p.put("pattern", ModelFormat.ID_PATTERN);
            p.put("$comment", "must be " + r.describe());
        } else if (type instanceof FieldType.ListOf l) {
            p.put("type", "array");
            p.put("uniqueItems", true);
            type(p.putObject("items"), l.item());
        } else if (type instanceof FieldType.Obj o) {
            p.put("$ref", "#/definitions/" + o.spec().name());
        } else if (type instanceof FieldType.Patch) {
            p.put("type", "object");
        } else if (type instanceof FieldType.IdMap m) {
            p.put("type", "object");
            p.putObject("propertyNames").put("pattern", m.idPattern());
            p.putObject("additionalProperties").put("$ref", "#/definitions/" + m.spec().name());
        }
    }
}
