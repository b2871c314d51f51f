package org.e2eereview.model;

import java.util.Map;

/**
 * Where an element was written: the element itself and each of its fields.
 * A field that was not written (a default) falls back to the element.
 */
public record Source(Location at, Map<String, Location> fields) {

    /** @param fields locations by field name; the caller hands over a map that no longer changes */
    public Source {
        java.util.Objects.requireNonNull(fields);
    }

    public static Source at(Location at) {
        return new Source(at, Map.of());
    }

    public Location of(String field) {
        return fields.getOrDefault(field, at);
    }

    /**
     * Where one item of a list field was written, when it was written apart from the list (a proposal's patch adding
     * to a list the model wrote: {@code compels+}); else where the field was.
     */
    public Location of(String field, String item) {
        Location at = fields.get(itemKey(field, item));
        return at != null ? at : of(field);
    }

    /** The key under which a loader keeps an item's location apart from its field's. */
    public static String itemKey(String field, String item) {
        return field + "[" + item + "]";
    }

    /** True when the field was written in the file rather than defaulted. */
    public boolean written(String field) {
        return fields.containsKey(field);
    }
}
