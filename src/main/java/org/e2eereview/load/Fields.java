package org.e2eereview.load;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.e2eereview.model.Location;
import org.e2eereview.model.Source;

/**
 * The checked fields of one YAML mapping: values already converted to their types
 * (String, Boolean, Integer, LocalDate, enum constant, List, Fields, Map of Fields),
 * each with the location where it was written.
 */
final class Fields {

    private final Location at;
    private final Map<String, Object> values = new LinkedHashMap<>();
    private final Map<String, Location> locations = new LinkedHashMap<>();

    Fields(Location at) {
        this.at = at;
    }

    void put(String field, Object value, Location where) {
        values.put(field, value);
        locations.put(field, where);
    }

    Location at() {
        return at;
    }

    Location at(String field) {
        return locations.getOrDefault(field, at);
    }

    boolean has(String field) {
        return values.containsKey(field);
    }

    Source source() {
        return new Source(at, locations);
    }

    String text(String field) {
        return (String) values.get(field);
    }

    boolean bool(String field) {
        return Boolean.TRUE.equals(values.get(field));
    }

    boolean bool(String field, boolean otherwise) {
        Object v = values.get(field);
        return v == null ? otherwise : (Boolean) v;
    }

    Integer integer(String field) {
        return (Integer) values.get(field);
    }

    LocalDate date(String field) {
        return (LocalDate) values.get(field);
    }

    <E extends Enum<E>> E choice(String field, E otherwise) {
        @SuppressWarnings("unchecked")
        E v = (E) values.get(field);
        return v == null ? otherwise : v;
    }

    @SuppressWarnings("unchecked")
    <T> List<T> list(String field) {
        Object v = values.get(field);
        return v == null ? List.of() : (List<T>) v;
    }

    Fields obj(String field) {
        return (Fields) values.get(field);
    }

    @SuppressWarnings("unchecked")
    Map<String, Fields> map(String field) {
        Object v = values.get(field);
        return v == null ? Map.of() : (Map<String, Fields>) v;
    }
}
