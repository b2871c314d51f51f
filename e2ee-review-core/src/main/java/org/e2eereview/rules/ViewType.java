package org.e2eereview.rules;

import java.util.AbstractMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

import com.google.common.collect.ImmutableSet;

import dev.cel.common.types.CelType;
import dev.cel.common.types.ListType;
import dev.cel.common.types.SimpleType;
import dev.cel.common.types.StructType;

/**
 * What a rule condition sees of one kind of thing: named, typed fields computed from the model
 * and the analysis. The same declaration gives CEL its types (so conditions are checked when
 * rules load) and the values at run time (computed only when a condition reads them).
 *
 * @param <T> what the view is computed from
 */
final class ViewType<T> {

    record Field<T>(String name, CelType type, String description, BiFunction<CelViews, T, Object> value) {
    }

    private final String name;
    private final String description;
    private final Map<String, Field<T>> fields = new LinkedHashMap<>();
    private StructType type;

    ViewType(String name, String description) {
        this.name = name;
        this.description = description;
    }

    String name() {
        return name;
    }

    String description() {
        return description;
    }

    List<Field<T>> fields() {
        return List.copyOf(fields.values());
    }

    ViewType<T> text(String field, String doc, BiFunction<CelViews, T, String> f) {
        return add(field, SimpleType.STRING, doc, (v, t) -> orEmpty(f.apply(v, t)));
    }

    ViewType<T> bool(String field, String doc, BiFunction<CelViews, T, Boolean> f) {
        return add(field, SimpleType.BOOL, doc, f::apply);
    }

    ViewType<T> integer(String field, String doc, BiFunction<CelViews, T, Integer> f) {
        return add(field, SimpleType.INT, doc, (v, t) -> {
            Integer i = f.apply(v, t);
            return i == null ? 0L : (long) i;
        });
    }

    ViewType<T> texts(String field, String doc, BiFunction<CelViews, T, List<String>> f) {
        return add(field, ListType.create(SimpleType.STRING), doc, f::apply);
    }

    <U> ViewType<T> views(String field, ViewType<U> of, String doc, BiFunction<CelViews, T, List<U>> f) {
        return add(field, ListType.create(of.celType()), doc,
                (v, t) -> {
                    List<U> items = f.apply(v, t);
                    Object[] out = new Object[items.size()];
                    for (int i = 0; i < out.length; i++) out[i] = of.view(v, items.get(i));
                    return List.of(out);
                });
    }

    private ViewType<T> add(String field, CelType celType, String doc, BiFunction<CelViews, T, Object> f) {
        fields.put(field, new Field<>(field, celType, doc, f));
        type = null;
        return this;
    }

    StructType celType() {
        if (type == null) {
            Map<String, CelType> types = fields.values().stream()
                    .collect(Collectors.toMap(Field::name, Field::type, (a, b) -> a, LinkedHashMap::new));
            type = StructType.create("e2ee." + name, ImmutableSet.copyOf(types.keySet()),
                    f -> Optional.ofNullable(types.get(f)));
        }
        return type;
    }

    /** A map that computes each field the first time a condition reads it. */
    Map<String, Object> view(CelViews views, T subject) {
        return new Lazy<>(this, views, subject);
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    /** Field positions by name, so that a view keeps its computed values in an array. */
    private Map<String, Integer> index() {
        Map<String, Integer> known = index;
        if (known == null) {
            Map<String, Integer> m = new HashMap<>();
            int i = 0;
            for (String f : fields.keySet()) m.put(f, i++);
            index = known = m;
        }
        return known;
    }

    /** Views are made on every thread that judges elements; the types are shared by all. */
    private volatile Map<String, Integer> index;

    private static final class Lazy<T> extends AbstractMap<String, Object> {
        private final ViewType<T> type;
        private final CelViews views;
        private final T subject;
        private final Map<String, Integer> index;
        private final Object[] computed;

        Lazy(ViewType<T> type, CelViews views, T subject) {
            this.type = type;
            this.views = views;
            this.subject = subject;
            this.index = type.index();
            this.computed = new Object[index.size()];
        }

        @Override
        public Object get(Object key) {
            Integer i = index.get(key);
            if (i == null) return null;
            Object v = computed[i];
            if (v == null) {
                v = type.fields.get(key).value().apply(views, subject);
                computed[i] = v;
            }
            return v;
        }

        @Override
        public boolean containsKey(Object key) {
            return type.fields.containsKey(key);
        }

        @Override
        public Set<Entry<String, Object>> entrySet() {
            Map<String, Object> all = new LinkedHashMap<>();
            for (String f : type.fields.keySet()) all.put(f, get(f));
            return all.entrySet();
        }
    }
}
