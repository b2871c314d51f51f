package org.e2eereview.analysis;

import org.e2eereview.model.Location;

/** One link of an evidence chain: a fact, and the place in the model that states it. */
public record Step(String text, Location at) {

    @Override
    public String toString() {
        return at + "  " + text;
    }
}
