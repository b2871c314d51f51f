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
public final class Fields {

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

    public Location at() {
        return at;
    }

    public Location at(String field) {
        return locations.getOrDefault(field, at);
    }

    public boolean has(String field) {
        return values.containsKey(field);
    }

    public Source source() {
        return new Source(at, locations);
    }

    public String text(String field) {
        return (String) values.get(field);
    }

    public boolean bool(String field) {
        return Boolean.TRUE.equals(values.get(field));
    }

    public boolean bool(String field, boolean otherwise) {
        Object v = values.get(field);
        return v == null ? otherwise : (Boolean) v;
    }

    public Integer integer(String field) {
        return (Integer) values.get(field);
    }

    public LocalDate date(String field) {
        return (LocalDate) values.get(field);
    }

    public <E extends Enum<E>> E choice(String field, E otherwise) {
        @SuppressWarnings("unchecked")
        E v = (E) values.get(field);
        return v == null ? otherwise : v;
    }

    @SuppressWarnings("unchecked")
    public <T> List<T> list(String field) {
        Object v = values.get(field);
        return v == null ? List.of() : (List<T>) v;
    }

    public Fields obj(String field) {
        return (Fields) values.get(field);
    }

    @SuppressWarnings("unchecked")
    public Map<String, Fields> map(String field) {
        Object v = values.get(field);
        return v == null ? Map.of() : (Map<String, Fields>) v;
    }
}
