package org.e2eereview.analysis;

import org.e2eereview.model.Location;
import org.e2eereview.model.Safeguard;

/**
 * A safeguard the model declares for one element, and the route it bears on: a preventing
 * safeguard closes the route, a detecting one leaves it open but visible. Reports use these to say
 * which safeguard cancelled or lowered a pattern.
 */
public record Safeguarded(Safeguard safeguard, String element, Route route, String text, Location at) {

    public boolean prevents() {
        return safeguard.prevents();
    }

    /** The safeguard's name as models and reports spell it. */
    public String name() {
        return safeguard.yamlName();
    }
}
