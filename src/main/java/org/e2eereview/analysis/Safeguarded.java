package org.e2eereview.analysis;

import org.e2eereview.model.Location;

/**
 * A safeguard the model declares, and the route it closes for one element. Reports use these
 * to say which safeguard cancelled or lowered a pattern.
 */
public record Safeguarded(String safeguard, String element, Route prevents, String text, Location at) {
}
