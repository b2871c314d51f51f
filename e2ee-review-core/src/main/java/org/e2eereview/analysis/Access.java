package org.e2eereview.analysis;

import java.util.List;

import org.e2eereview.model.Flow;

/**
 * An access finding: a party that is not a member of a conversation but can read its content.
 *
 * @param readings one reading per route and content item, shortest evidence first
 * @param partial  true when the party only reads data derived from the content (a hash, a verdict)
 */
public record Access(String conversation, String party, List<Reading> readings, boolean partial) {

    /*
     * Loops rather than streams: a diff and a report ask these of every reader of every conversation of
     * every patched design, and a large design's submission allocated a gigabyte in stream pipelines here.
     */

    /** Whether any route exists for every user (systemic), rather than per targeted user. */
    public boolean systemic() {
        for (Reading r : readings) if (r.route().systemic()) return true;
        return false;
    }

    /** The routes of its readings, each once, in the order of the readings. */
    public List<Route> routes() {
        List<Route> out = new java.util.ArrayList<>(2);
        for (Reading r : readings) if (!out.contains(r.route())) out.add(r.route());
        return java.util.Collections.unmodifiableList(out);
    }

    /** The shortest evidence chain among the readings. */
    public Reading best() {
        return readings.get(0);
    }

    /** When, at best, the party can read: the weakest condition over its readings. */
    public Flow.Occurs condition() {
        Flow.Occurs best = Flow.Occurs.ON_FALLBACK;
        for (Reading r : readings) if (r.condition().ordinal() < best.ordinal()) best = r.condition();
        return best;
    }

    /** Whom, at best, it reaches under that condition: the widest reach of the readings with the weakest condition. */
    public Flow.Occurs reach() {
        Flow.Occurs best = condition();
        Flow.Occurs reach = Flow.Occurs.ON_FALLBACK;
        for (Reading r : readings) if (r.condition() == best && r.reach().ordinal() < reach.ordinal()) reach = r.reach();
        return reach;
    }

    /** Whether every reading would be visible to members or outsiders: none goes unnoticed. */
    public boolean detectable() {
        for (Reading r : readings) if (!r.detectable()) return false;
        return true;
    }

    /** Parties compelled on the way, each once, sorted. */
    public List<String> through() {
        return readings.stream().flatMap(r -> r.through().stream()).distinct().sorted().toList();
    }

    /** Safeguards that make some reading visible, each once, in order. */
    public List<Safeguarded> lowering() {
        java.util.Set<Safeguarded> out = new java.util.LinkedHashSet<>();
        for (Reading r : readings) out.addAll(r.lowering());
        return List.copyOf(out);
    }
}
