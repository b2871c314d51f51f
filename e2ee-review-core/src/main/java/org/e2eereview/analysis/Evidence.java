package org.e2eereview.analysis;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * An evidence chain, from how a party got hold of something to the conclusion. Chains share
 * their beginnings (a persistent list), so extending one by a step costs one object, which keeps
 * the fixpoint linear in the number of facts derived.
 */
public final class Evidence {

    private final Step step;
    private final Evidence previous;
    private final int length;

    private Evidence(Step step, Evidence previous) {
        this.step = step;
        this.previous = previous;
        this.length = previous == null ? 1 : previous.length + 1;
    }

    public static Evidence of(Step step) {
        return new Evidence(step, null);
    }

    public Evidence then(Step next) {
        return new Evidence(next, this);
    }

    /** This chain followed by every step of {@code rest}. */
    public Evidence then(Evidence rest) {
        Evidence out = this;
        for (Step s : rest.steps()) out = out.then(s);
        return out;
    }

    /** Whether a step of the chain states a fact about the element. */
    public boolean mentions(String element) {
        for (Evidence e = this; e != null; e = e.previous) {
            if (element.equals(e.step.element())) return true;
        }
        return false;
    }

    /** Calls back with the element of each step that names one, last step first. */
    void forEachElement(java.util.function.Consumer<String> action) {
        for (Evidence e = this; e != null; e = e.previous) {
            if (e.step.element() != null) action.accept(e.step.element());
        }
    }

    public int length() {
        return length;
    }


    /** The steps in order, first to last. */
    public List<Step> steps() {
        List<Step> out = new ArrayList<>(length);
        for (Evidence e = this; e != null; e = e.previous) out.add(e.step);
        Collections.reverse(out);
        return out;
    }

    @Override
    public String toString() {
        return steps().toString();
    }
}
