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

    /** True when the field was written in the file rather than defaulted. */
    public boolean written(String field) {
        return fields.containsKey(field);
    }
}
