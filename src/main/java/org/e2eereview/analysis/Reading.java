package org.e2eereview.analysis;

import org.e2eereview.model.Flow;

/**
 * A fact the analysis derived: {@code party} can read {@code data} by {@code route}.
 *
 * @param conversation the only conversation in which the reading applies (membership routes), or null
 *                  when the party reads the data wherever it appears
 * @param through   the party it compels to get there, or null when it gets there itself
 * @param condition the weakest condition along the way: a reading that depends on an opt-in flow
 *                  happens only for users who opt in
 */
public record Reading(String party, String data, String conversation, Route route, Evidence evidence,
                      String through, Flow.Occurs condition) {
}
