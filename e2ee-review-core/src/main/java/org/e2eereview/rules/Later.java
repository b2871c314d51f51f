package org.e2eereview.rules;

import java.util.function.Supplier;

/**
 * A compiled part of a rule that is made ready the first time it is needed, when the build has
 * checked it already: a message part, the readers, a severity-if or evidence condition is needed
 * only once the rule fires, and most rules do not fire on a given model, so a cold run need not
 * ready them (docs/performance.md, "Cold start"). A part the build did not check is compiled when
 * the rule loads, so that its errors are reported there.
 */
final class Later<T> {

    private Supplier<T> make;
    private volatile T value;

    private Later(Supplier<T> make, T value) {
        this.make = make;
        this.value = value;
    }

    static <T> Later<T> now(T value) {
        return new Later<>(null, value);
    }

    static <T> Later<T> when(Supplier<T> make) {
        return new Later<>(make, null);
    }

    /** Read without a lock once made: rules ask for their parts on every element they fire on. */
    T get() {
        T made = value;
        return made != null ? made : make();
    }

    private synchronized T make() {
        if (make != null) {
            value = make.get();
            make = null;
        }
        return value;
    }
}
