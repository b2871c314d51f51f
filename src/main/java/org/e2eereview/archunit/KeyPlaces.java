package org.e2eereview.archunit;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.e2eereview.model.Flow;
import org.e2eereview.model.Key;
import org.e2eereview.model.Model;

/**
 * The components where a usable copy of each key exists, by the facts the access analysis starts
 * from, at the level of components rather than parties: where the key is generated and stored, where
 * a flow delivers it without end-to-end protection, and where every key it is derived from is.
 * A wrapped copy (a recovery store, a key under another key) is not usable there, so does not count.
 */
final class KeyPlaces {

    private final Map<String, Set<String>> places = new LinkedHashMap<>();
    private final Set<String> cryptoAllowed = new HashSet<>();

    KeyPlaces(Model model) {
        for (Key k : model.keys().values()) {
            Set<String> at = new LinkedHashSet<>(k.storedOn());
            if (k.generatedOn() != null) at.add(k.generatedOn());
            places.put(k.id(), at);
        }
        for (Flow f : model.flows().values()) {
            if (f.protection() == Flow.Protection.END_TO_END) continue;
            for (String item : f.carries()) {
                Set<String> at = places.get(item);
                if (at != null) at.add(f.to());
            }
        }
        derive(model);
        places.values().forEach(cryptoAllowed::addAll);
        for (Key k : model.keys().values()) {
            // The hsm or enclave that enforces guess limits works with the key it guards.
            if (k.recovery() != null && k.recovery().enforcedBy() != null) cryptoAllowed.add(k.recovery().enforcedBy());
        }
    }

    /** A derived key is wherever all of its sources are; sources may be derived too, hence the fixpoint. */
    private void derive(Model model) {
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Key k : model.keys().values()) {
                if (k.derivedFrom().isEmpty()) continue;
                Set<String> common = new LinkedHashSet<>(places.get(k.derivedFrom().get(0)));
                for (String src : k.derivedFrom()) common.retainAll(places.get(src));
                changed |= places.get(k.id()).addAll(common);
            }
        }
    }

    /** Components that hold the key, in the model's order of discovery. */
    Set<String> holding(String key) {
        return places.getOrDefault(key, Set.of());
    }

    /** Whether the component's code may use crypto primitives: it holds a key or enforces a key's recovery. */
    boolean mayUseCrypto(String component) {
        return cryptoAllowed.contains(component);
    }
}
