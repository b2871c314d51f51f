package org.e2eereview.archunit;

import java.util.HashSet;
import java.util.Set;

import org.e2eereview.analysis.AccessAnalysis;
import org.e2eereview.analysis.Analysis;
import org.e2eereview.model.Key;
import org.e2eereview.model.Model;

/**
 * The components where a usable copy of each key exists, as the access analysis finds them
 * ({@link Analysis#keyPlaces}), and so the components whose code may use crypto primitives.
 */
final class KeyPlaces {

    private final Analysis analysis;
    private final Set<String> cryptoAllowed = new HashSet<>();

    KeyPlaces(Model model) {
        analysis = AccessAnalysis.analyze(model);
        for (Key k : model.keys().values()) {
            cryptoAllowed.addAll(analysis.keyPlaces(k.id()));
            // The hsm or enclave that enforces guess limits works with the key it guards.
            if (k.recovery() != null && k.recovery().enforcedBy() != null) cryptoAllowed.add(k.recovery().enforcedBy());
        }
    }

    /** Components that hold the key, in the model's order of discovery. */
    Set<String> holding(String key) {
        return analysis.keyPlaces(key);
    }

    /** Whether the component's code may use crypto primitives: it holds a key or enforces a key's recovery. */
    boolean mayUseCrypto(String component) {
        return cryptoAllowed.contains(component);
    }
}
