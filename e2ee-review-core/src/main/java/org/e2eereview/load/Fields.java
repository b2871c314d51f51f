package org.e2eereview.load;

import java.time.LocalDate;
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

    private final ObjectSpec spec;
    private final Location at;
    private final Object[] values;
    /** Per field, where its value starts and where its key does (see {@link YamlEvents#position}); 0 when not written. */
    private final long[] written;
    private TextSpan[] spans;
    private Map<String, Long> itemsElsewhere;
    /**
     * The element made from these fields, for the model file {@code assess} patches: an element a patch
     * leaves as it was is this one again. Set once, before the fields are shared.
     */
    private Object made;

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

    Fields(ObjectSpec spec, Location at) {
        this.spec = spec;
        this.at = at;
        this.values = new Object[spec.size()];
        this.written = new long[2 * spec.size()];
    }

    Object made() {
        return made;
    }

    void made(Object element) {
        made = element;
    }

    /** Records field {@code index} as written; {@code value} is null when it was written wrongly. */
    void put(int index, Object value, long valueAt, long keyAt) {
        values[index] = value;
        written[2 * index] = valueAt;
        written[2 * index + 1] = keyAt;
    }

    /** Where items of a list field were written, for those written in another file than the list (see {@link Checker}). */
    void itemsElsewhere(int index, Map<String, Long> items) {
        if (itemsElsewhere == null) itemsElsewhere = new java.util.HashMap<>();
        for (Map.Entry<String, Long> e : items.entrySet()) {
            itemsElsewhere.put(Source.itemKey(spec.field(index).name(), e.getKey()), e.getValue());
        }
    }

    boolean written(int index) {
        return written[2 * index + 1] != 0;
    }

    int keyLine(int index) {
        return YamlEvents.line(written[2 * index + 1]);
    }

    void span(int index, TextSpan span) {
        if (spans == null) spans = new TextSpan[values.length];
        spans[index] = span;
    }

    /**
     * The location of the character at {@code offset} inside a text field's value, exact for
     * one-line scalars and for block scalars (| and >); the field's start when not known.
     */
    public Location position(String field, int offset) {
        int i = spec.indexOf(field);
        TextSpan span = spans == null || i < 0 ? null : spans[i];
        return span == null ? at(field) : span.position(offset);
    }

    public Location at() {
        return at;
    }

    public Location at(String field) {
        int i = spec.indexOf(field);
        return i < 0 || values[i] == null ? at : YamlEvents.location(at.file(), written[2 * i]);
    }

    public boolean has(String field) {
        return value(field) != null;
    }

    /** Where the element and each of its fields were written; locations are made when asked for. */
    public Source source() {
        long[] valueAt = new long[values.length];
        for (int i = 0; i < values.length; i++) {
            if (values[i] != null) valueAt[i] = written[2 * i];
        }
        return new Source(at, new FieldLocations(spec, at.file(), valueAt, itemsElsewhere));
    }

    private Object value(String field) {
        int i = spec.indexOf(field);
        return i < 0 ? null : values[i];
    }

    public String text(String field) {
        return (String) value(field);
    }

    public boolean bool(String field) {
        return Boolean.TRUE.equals(value(field));
    }

    public boolean bool(String field, boolean otherwise) {
        Object v = value(field);
        return v == null ? otherwise : (Boolean) v;
    }

    public Integer integer(String field) {
        return (Integer) value(field);
    }

    public LocalDate date(String field) {
        return (LocalDate) value(field);
    }

    public <E extends Enum<E>> E choice(String field, E otherwise) {
        @SuppressWarnings("unchecked")
        E v = (E) value(field);
        return v == null ? otherwise : v;
    }

    @SuppressWarnings("unchecked")
    public <T> List<T> list(String field) {
        Object v = value(field);
        return v == null ? List.of() : (List<T>) v;
    }

    public Fields obj(String field) {
        return (Fields) value(field);
    }

    @SuppressWarnings("unchecked")
    public Map<String, Fields> map(String field) {
        Object v = value(field);
        return v == null ? Map.of() : (Map<String, Fields>) v;
    }
}
