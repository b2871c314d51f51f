package org.e2eereview.diff;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.e2eereview.model.ElementKind;
import org.e2eereview.model.Location;
import org.e2eereview.model.Model;
import org.e2eereview.model.Source;

/**
 * Every field a model writes, by where it is written and by its place in the model
 * ({@code conversations.group-chat.membership} and the field's name), with its value.
 *
 * <p>A review lists a safeguard only while a route it bears on is open, located at the field that
 * declares it; whether the other model writes that same field with the same value tells a safeguard
 * declared all along from one the change wrote. Records are walked by their components, so that a
 * field added to the model format needs nothing here.
 */
final class Declarations {

    /**
     * A written field: the record holding it, its name as the model spells it, its value, and the element
     * it is written in ({@code conversations.group-chat}).
     */
    record Field(String holder, String name, Object value, String element) {

        Field(String holder, String name, Object value) {
            this(holder, name, value, null);
        }
    }

    private final Map<Location, Field> byLocation = new HashMap<>();
    /** A field's place: the record holding it and the field's name. */
    private record Place(String holder, String name) {
    }

    private final Map<Place, Field> byPlace = new HashMap<>();

    /** The declarations of the model this one was patched from, for the elements the two share; or null. */
    private final Declarations under;
    /** The elements whose fields {@link #under} no longer tells: changed or gone. */
    private final java.util.Set<String> replaced = new java.util.HashSet<>();

    private Declarations(Declarations under) {
        this.under = under;
    }

    static Declarations of(Model m) {
        Declarations d = new Declarations(null);
        for (ElementKind k : ElementKind.values()) {
            k.in(m).forEach((id, e) -> d.walk(e, k.field() + "." + id, k.field() + "." + id));
        }
        return d;
    }

    /**
     * The declarations of a model made from another ({@code from}, declaring {@code declared}): an element
     * the two share, the same object, writes what it wrote there, and only the others are walked. A patched
     * model shares most of a large design's elements, whose fields are hundreds of thousands.
     */
    static Declarations of(Model m, Model from, Declarations declared) {
        Declarations d = new Declarations(declared);
        for (ElementKind k : ElementKind.values()) {
            Map<String, ?> now = k.in(m);
            Map<String, ?> was = k.in(from);
            now.forEach((id, e) -> {
                if (was.get(id) == e) return;
                String place = k.field() + "." + id;
                d.replaced.add(place);
                d.walk(e, place, place);
            });
            was.keySet().forEach(id -> {
                if (!now.containsKey(id)) d.replaced.add(k.field() + "." + id);
            });
        }
        return d;
    }

    /** The field written at a location, or null when none is. */
    Field at(Location at) {
        Field f = byLocation.get(at);
        return f != null || under == null ? f : kept(under.at(at));
    }

    /** A field of the model patched from, if its element is one this model shares; else null. */
    private Field kept(Field f) {
        return f == null || replaced.contains(f.element()) ? null : f;
    }

    /** Every written field, in no particular order. */
    java.util.Collection<Field> fields() {
        if (under == null) return byLocation.values();
        java.util.List<Field> out = new java.util.ArrayList<>(byLocation.values());
        for (Field f : under.fields()) if (kept(f) != null) out.add(f);
        return out;
    }

    /** Whether this model writes the field with the same value at the same place. */
    boolean writes(Field f) {
        Place place = new Place(f.holder(), f.name());
        Field mine = byPlace.get(place);
        if (mine == null && under != null) mine = kept(under.byPlace.get(place));
        return mine != null && Objects.equals(mine.value(), f.value());
    }

    private void walk(Object value, String place, String element) {
        // A child's place is spelled only where something can be written below it: a large design has
        // hundreds of thousands of plain values, each of which would otherwise get a string of its own.
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> {
                if (holds(v)) walk(v, place + "." + k, element);
            });
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) if (holds(list.get(i))) walk(list.get(i), place + "." + i, element);
        } else if (isRecord(value)) {
            Record r = (Record) value;
            Map<String, Object> components = components(r);
            for (var e : components.entrySet()) if (holds(e.getValue())) walk(e.getValue(), place + "." + e.getKey(), element);
            if (components.get("source") instanceof Source s) {
                for (var e : s.fields().entrySet()) {
                    // A field no component is named after (end-to-end's "default" is byDefault) is judged
                    // by everything its record holds: a change beside it then counts as a change to it.
                    String name = camel(e.getKey());
                    Object v = components.containsKey(name) ? plain(components.get(name)) : plain(r);
                    Field f = new Field(place, e.getKey(), v, element);
                    byLocation.put(e.getValue(), f);
                    byPlace.put(new Place(place, e.getKey()), f);
                }
            }
        }
    }

    /** Whether a value can hold written fields: a record other than a location, or a map or list of them. */
    private static boolean holds(Object value) {
        return value instanceof Map<?, ?> || value instanceof List<?> || isRecord(value);
    }

    private static boolean isRecord(Object value) {
        return value instanceof Record && !(value instanceof Source) && !(value instanceof Location);
    }

    /** A value without where it was written, so that two models that write it alike compare equal. */
    private static Object plain(Object value) {
        if (value instanceof Source || value instanceof Location) return null;
        if (value instanceof Record r) {
            Map<String, Object> out = new HashMap<>();
            components(r).forEach((k, v) -> out.put(k, plain(v)));
            return out;
        }
        if (value instanceof List<?> list) return list.stream().map(Declarations::plain).toList();
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> out = new HashMap<>();
            map.forEach((k, v) -> out.put(k, plain(v)));
            return out;
        }
        return value;
    }

    private static Map<String, Object> components(Record r) {
        Map<String, Object> out = new HashMap<>();
        for (RecordComponent c : COMPONENTS.get(r.getClass())) {
            try {
                out.put(c.getName(), c.getAccessor().invoke(r));
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("reading " + c, e);
            }
        }
        return out;
    }

    /** Each record class's components, asked of the JDK once: it makes them anew on every call. */
    private static final ClassValue<RecordComponent[]> COMPONENTS = new ClassValue<>() {
        @Override
        protected RecordComponent[] computeValue(Class<?> type) {
            return type.getRecordComponents();
        }
    };

    /** The component that holds a field: "changes-shown" is changesShown. */
    static String camel(String field) {
        return CAMEL.computeIfAbsent(field, Declarations::camelOf);
    }

    /** The format's field names are few, and every field of every element is walked: each is spelt once. */
    private static final Map<String, String> CAMEL = new java.util.concurrent.ConcurrentHashMap<>();

    private static String camelOf(String field) {
        StringBuilder out = new StringBuilder(field.length());
        boolean upper = false;
        for (char c : field.toCharArray()) {
            if (c == '-') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return out.toString();
    }
}
