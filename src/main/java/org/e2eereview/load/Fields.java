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
    private Map<String, TextSpan> spans;

    /**
     * Where a text value's characters sit in the source, for mapping a position inside the
     * value (an error in an expression, say) back to the file. Kept only for rules and catalog.
     */
    record TextSpan(String file, String[] lines, int line, int column, char style) {

        /** 1-based location of the character at {@code offset} of the value. */
        Location position(int offset) {
            if (style == '|' || style == '>') return blockPosition(offset);
            int shift = style == '"' || style == '\'' ? 1 : 0;
            // A one-line plain or quoted scalar: the value follows the source character for character.
            return new Location(file, line + 1, column + 1 + shift + offset);
        }

        private Location blockPosition(int offset) {
            int first = line + 1;
            while (first < lines.length && lines[first].isBlank()) first++;
            if (first >= lines.length) return new Location(file, line + 1, column + 1);
            int indent = lines[first].length() - lines[first].stripLeading().length();
            int remaining = offset;
            for (int i = first; i < lines.length; i++) {
                String content = lines[i].length() > indent ? lines[i].substring(indent) : "";
                if (!lines[i].isBlank() && lines[i].length() - lines[i].stripLeading().length() < indent) break;
                if (remaining <= content.length()) return new Location(file, i + 1, indent + 1 + remaining);
                remaining -= content.length() + 1; // the newline or the space folding put in its place
            }
            return new Location(file, first + 1, indent + 1);
        }
    }

    Fields(Location at) {
        this.at = at;
    }

    void put(String field, Object value, Location where) {
        values.put(field, value);
        locations.put(field, where);
    }

    void span(String field, TextSpan span) {
        if (spans == null) spans = new LinkedHashMap<>();
        spans.put(field, span);
    }

    /**
     * The location of the character at {@code offset} inside a text field's value, exact for
     * one-line scalars and for block scalars (| and >); the field's start when not known.
     */
    public Location position(String field, int offset) {
        TextSpan span = spans == null ? null : spans.get(field);
        return span == null ? at(field) : span.position(offset);
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
        return new Source(at, java.util.Collections.unmodifiableMap(locations));
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
