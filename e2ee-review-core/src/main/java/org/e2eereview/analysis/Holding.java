package org.e2eereview.analysis;

import java.util.List;

import org.e2eereview.model.Flow;

/**
 * A fact the analysis derived: {@code party} holds or can obtain {@code key}.
 *
 * @param route   {@link Route#HOLDS_KEY}, {@link Route#RECOVERS_KEY} or {@link Route#TARGETED_UPDATE}
 * @param through the parties it compels to get the key, in order; empty when it holds the key itself
 * @param unwrappedWith the outer key it used to unwrap this one, or null when it holds the key itself
 * @param condition the weakest condition along the way (a key released only on a legal order)
 * @param reach     the users it can happen to where a weaker condition took that place (see {@link Reading#reach})
 * @param lowering  safeguards that do not close the route but make its use visible
 * @param origin    the flow, client or stored key whose statement starts the chain, or null (see {@link Reading#origin})
 */
public record Holding(String party, String key, Route route, Evidence evidence, List<String> through,
                      String unwrappedWith, Flow.Occurs condition, Flow.Occurs reach, List<Safeguarded> lowering,
                      String origin) {
}
