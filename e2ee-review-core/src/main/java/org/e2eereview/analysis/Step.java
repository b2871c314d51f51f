package org.e2eereview.analysis;

import org.e2eereview.model.Location;

/**
 * One link of an evidence chain: a fact, the place in the model that states it, and the element
 * it is about, so that a finding can tell whether a reading passes through the element it names.
 */
public record Step(String text, Location at, String element) {

    @Override
    public String toString() {
        return at + "  " + text;
    }
}
