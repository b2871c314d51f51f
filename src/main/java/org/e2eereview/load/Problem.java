package org.e2eereview.load;

import org.e2eereview.model.Location;

/** One thing wrong with an input file, printed as {@code file:line:col: message}. */
public record Problem(Location location, String message) implements Comparable<Problem> {

    @Override
    public int compareTo(Problem o) {
        int c = location.compareTo(o.location);
        return c != 0 ? c : message.compareTo(o.message);
    }

    @Override
    public String toString() {
        return location + ": " + message;
    }
}
