package org.e2eereview.load;

import java.util.AbstractMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.e2eereview.model.Location;

/**
 * The locations of an element's written fields as a read-only map, kept as one long per field
 * and turned into {@link Location}s only when asked: most are never asked for, and a model keeps
 * one per value.
 */
final class FieldLocations extends AbstractMap<String, Location> {

    private final ObjectSpec spec;
    private final String file;
    private final long[] positions;
    /** Locations already asked for: evidence asks for the same few fields again and again. */
    private Location[] made;

    /** Items of list fields written in another file than their list, by {@link org.e2eereview.model.Source#itemKey}; null when none. */
    private final Map<String, Long> items;

    FieldLocations(ObjectSpec spec, String file, long[] positions, Map<String, Long> items) {
        this.spec = spec;
        this.file = file;
        this.positions = positions;
        this.items = items == null ? null : Map.copyOf(items);
    }

    /**
     * A field's location, or an item's ({@link org.e2eereview.model.Source#itemKey}) where it was written in another file than its list. Items are
     * found by key only, never walked: the entries are the fields.
     */
    @Override
    public Location get(Object key) {
        if (items != null && key instanceof String k && items.containsKey(k)) return YamlEvents.location(file, items.get(k));
        int i = key instanceof String s ? spec.indexOf(s) : -1;
        if (i < 0 || positions[i] == 0) return null;
        if (made == null) made = new Location[positions.length];
        Location at = made[i];
        if (at == null) made[i] = at = YamlEvents.location(file, positions[i]);
        return at;
    }

    /** One look-up, not {@link Map}'s two: every step of evidence asks for a field that may be unwritten. */
    @Override
    public Location getOrDefault(Object key, Location defaultValue) {
        Location at = get(key);
        return at == null ? defaultValue : at;
    }

    @Override
    public boolean containsKey(Object key) {
        int i = key instanceof String s ? spec.indexOf(s) : -1;
        return i >= 0 && positions[i] != 0;
    }

    @Override
    public Set<Entry<String, Location>> entrySet() {
        Map<String, Location> all = new LinkedHashMap<>();
        for (int i = 0; i < positions.length; i++) {
            if (positions[i] != 0) all.put(spec.field(i).name(), YamlEvents.location(file, positions[i]));
        }
        return java.util.Collections.unmodifiableMap(all).entrySet();
    }
}
