package org.e2eereview.analysis;

import java.util.List;

import org.e2eereview.model.Flow;
import org.e2eereview.model.Immutable;

/**
 * A fact the analysis derived: {@code party} can read {@code data} by {@code route}.
 *
 * @param conversation the only conversation in which the reading applies (membership routes), or null
 *                  when the party reads the data wherever it appears
 * @param through   the parties it compels to get there, in order; empty when it gets there itself
 * @param condition the weakest condition along the way: a reading that depends on an opt-in flow
 *                  happens only for users who opt in
 * @param reach     the users it can happen to, where a weaker condition took the place of that in
 *                  {@code condition}: {@link Flow.Occurs#OPT_IN} for an authority that compels a provider to hand
 *                  over an opt-in backup (its condition is on a legal order, and only for users who opted in),
 *                  {@link Flow.Occurs#BY_DEFAULT}, else {@link Flow.Occurs#ALWAYS} (every user)
 * @param lowering  safeguards that leave the route open but make its use visible to members or
 *                  outsiders; empty when nothing would show it
 * @param origin    the flow, feature, client or stored key whose statement starts the chain, where several of
 *                  them could each give the same reading (two scanners reporting to one authority, an escrowed
 *                  device key beside an employer's compliance key): each keeps its own, so that a finding about
 *                  either names its readers by its own chain; null for other starts
 */
public record Reading(String party, String data, String conversation, Route route, Evidence evidence,
                      List<String> through, Flow.Occurs condition, Flow.Occurs reach, List<Safeguarded> lowering,
                      String origin) {

    public Reading {
        through = Immutable.copy(through);
        lowering = Immutable.copy(lowering);
    }

    /** Whether a declared safeguard would make this reading visible. */
    public boolean detectable() {
        return !lowering.isEmpty();
    }

    /**
     * The reading's condition in words for a conversation's reader: where one member's opt-in opens it,
     * that the other members' content goes too, unless the chain goes through what only that member
     * types (keystrokes), which takes nobody else's messages.
     */
    public String conditionWords(java.util.function.Predicate<String> keystrokes) {
        String words = condition.words() + (narrowed() ? ", " + reach.words() : "");
        if (choice() != Flow.Occurs.OPT_IN || throughAny(keystrokes)) return words;
        return narrowed() ? condition.words() + ", " + reach.wordsForConversation() : condition.wordsForConversation();
    }

    /** Whether the chain cites an element the test picks out (what only one member types, say). */
    public boolean throughAny(java.util.function.Predicate<String> elements) {
        for (Step s : evidence.steps()) if (s.element() != null && elements.test(s.element())) return true;
        return false;
    }

    /**
     * The users' choice it depends on, as its condition or as its reach under a legal order: {@link Flow.Occurs#OPT_IN}
     * or {@link Flow.Occurs#BY_DEFAULT}; null where none does.
     */
    public Flow.Occurs choice() {
        Flow.Occurs c = narrowed() ? reach : condition;
        return c == Flow.Occurs.OPT_IN || c == Flow.Occurs.BY_DEFAULT ? c : null;
    }

    /** Whether fewer users than all are reached than its condition says: a legal order for an opt-in backup. */
    public boolean narrowed() {
        return reach != Flow.Occurs.ALWAYS && reach != condition;
    }

    /** Whether the chain cites a fact about the given element. */
    public boolean passesThrough(String element) {
        return evidence.mentions(element);
    }
}
