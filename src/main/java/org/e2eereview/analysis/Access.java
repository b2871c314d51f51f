package org.e2eereview.analysis;

import java.util.List;

/**
 * An access finding: a party that is not a member of a conversation but can read its content.
 *
 * @param readings one reading per route and content item, shortest evidence first
 * @param partial  true when the party only reads data derived from the content (a hash, a verdict)
 */
public record Access(String conversation, String party, List<Reading> readings, boolean partial) {

    /** Whether any route exists for every user (systemic), rather than per targeted user. */
    public boolean systemic() {
        return readings.stream().anyMatch(r -> r.route().systemic());
    }

    public List<Route> routes() {
        return readings.stream().map(Reading::route).distinct().toList();
    }

    /** The shortest evidence chain among the readings. */
    public Reading best() {
        return readings.get(0);
    }
}
