package org.e2eereview.analysis;

/**
 * A fact the analysis derived: {@code party} holds or can obtain {@code key}.
 *
 * @param route   {@link Route#HOLDS_KEY}, {@link Route#RECOVERS_KEY} or {@link Route#TARGETED_UPDATE}
 * @param through the party it compels to get the key, or null
 * @param unwrappedWith the outer key it used to unwrap this one, or null when it holds the key itself
 */
public record Holding(String party, String key, Route route, Evidence evidence, String through, String unwrappedWith) {
}
