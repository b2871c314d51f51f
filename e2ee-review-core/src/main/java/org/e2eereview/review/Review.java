package org.e2eereview.review;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.e2eereview.analysis.Access;
import org.e2eereview.analysis.Analysis;
import org.e2eereview.analysis.Safeguarded;
import org.e2eereview.catalog.Catalog;
import org.e2eereview.catalog.Severity;
import org.e2eereview.model.Acceptance;
import org.e2eereview.model.Baseline;
import org.e2eereview.model.Conversation;
import org.e2eereview.model.Immutable;
import org.e2eereview.model.Model;
import org.e2eereview.rules.Finding;
import org.e2eereview.rules.RuleSet;
import org.e2eereview.rules.RuleEngine.NotAssessed;

/**
 * The result of reviewing one model: who can read each conversation, the weakenings found,
 * the safety features recognised, how the design stands against each public-safety objective,
 * what could not be assessed, and the digests that let anyone re-run it.
 *
 * @param rules             the rules in force, whose metadata reports cite
 * @param access            access findings, conversation by conversation in model order
 * @param disclosures       parties that receive content only when a member chooses to report it
 * @param notAssessed       rules left unjudged on an element because a field they need is not written
 * @param notes             the model's likely slips, each located: flows that carry what their source never has,
 *                          features no rule recognised
 * @param unusedAcceptances acceptances that match no finding (stale ids): the model's by id, then the
 *                          baseline's in file order
 * @param baseline          the baseline the findings were also decided by, or null
 */
public record Review(Model model, Analysis analysis, Catalog catalog, RuleSet rules, List<Reviewed> weakenings,
                     List<Reviewed> safetyFeatures, List<Access> access, List<Access> disclosures,
                     List<ObjectiveAssessment> objectives, List<Safeguarded> safeguards, List<NotAssessed> notAssessed,
                     List<Note> notes, List<Acceptance> unusedAcceptances, Baseline baseline, String toolVersion, String rulesDigest,
                     String catalogDigest) {

    public Review {
        weakenings = Immutable.copy(weakenings);
        safetyFeatures = Immutable.copy(safetyFeatures);
        access = Immutable.copy(access);
        disclosures = Immutable.copy(disclosures);
        objectives = Immutable.copy(objectives);
        safeguards = Immutable.copy(safeguards);
        notAssessed = Immutable.copy(notAssessed);
        notes = Immutable.copy(notes);
        unusedAcceptances = Immutable.copy(unusedAcceptances);
    }

    /** What the review concludes, in one word. */
    public enum Verdict {
        /** A conversation kind is not end-to-end encrypted by default, and a finding about it counts. */
        NOT_END_TO_END_BY_DEFAULT("NOT END-TO-END ENCRYPTED BY DEFAULT"),
        /** A counted weakening is critical or high. */
        WEAKENED("WEAKENED"),
        /** No counted weakening is critical or high. */
        NOT_WEAKENED("NO WEAKENING AT HIGH OR ABOVE");

        private final String text;

        Verdict(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    /** A located remark about the model that is not a finding: likely a slip in writing it. */
    public record Note(org.e2eereview.model.Location at, String message) {
    }

    /**
     * Why an acceptance decides nothing: its rule does not exist (a typo, or a rule since renamed),
     * or it matches no finding of that rule.
     */
    public String whyUnused(Acceptance a) {
        String rule = a.findingId().substring(0, a.findingId().indexOf('@'));
        if (rules.rules().containsKey(rule)) return "matches no finding; remove it or fix its id";
        // Only weakenings count, so only they are worth deciding about.
        List<String> weakening = rules.rules().values().stream()
                .filter(r -> r.kind() == org.e2eereview.rules.RuleKind.WEAKENING).map(r -> r.id()).sorted().toList();
        String hint = org.e2eereview.load.Suggest.hint(rule, weakening);
        if (hint.isEmpty()) {
            List<String> longer = weakening.stream().filter(id -> id.startsWith(rule)).toList();
            if (!longer.isEmpty()) hint = " (did you mean '" + String.join("' or '", longer) + "'?)";
        }
        return "names no rule '" + rule + "'" + hint + "; see e2ee-review rules";
    }

    /** Counted (not accepted) weakenings per severity, every severity present. */
    public Map<Severity, Integer> counts() {
        Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
        for (Severity s : Severity.values()) counts.put(s, 0);
        for (Reviewed r : weakenings) {
            if (r.counts()) counts.merge(r.finding().severity(), 1, Integer::sum);
        }
        return counts;
    }

    /** "2 critical, 1 high, 0 medium, 5 low, 1 info": the counted findings, as every report says them. */
    public String countsInWords() {
        Map<Severity, Integer> counts = counts();
        List<String> out = new ArrayList<>();
        for (Severity s : Severity.values()) out.add(counts.get(s) + " " + s.yamlName());
        return String.join(", ", out);
    }

    public Verdict verdict() {
        if (!notEndToEndByDefault().isEmpty()) return Verdict.NOT_END_TO_END_BY_DEFAULT;
        return weakened() ? Verdict.WEAKENED : Verdict.NOT_WEAKENED;
    }

    /**
     * Conversations without end-to-end encryption by default about which a counted finding at high or
     * above remains: only an acceptance with a justification takes one off this list. The headline is
     * computed, not declared: a conversation the provider reads by default with a key it holds is on
     * it whatever its end-to-end field says ({@link #contradicted}).
     */
    public List<String> notEndToEndByDefault() {
        // One pass over the weakenings, not one per conversation: a large design has thousands of each.
        java.util.Set<String> counted = new java.util.HashSet<>();
        for (Reviewed r : weakenings) {
            if (!r.counts() || !r.finding().severity().atLeast(Severity.HIGH)) continue;
            counted.add(r.finding().element());
            for (var x : r.finding().reads()) counted.add(x.conversation());
        }
        List<String> out = new ArrayList<>();
        for (Conversation c : model.conversations().values()) {
            if (c.endToEnd().available() && c.endToEnd().byDefault() && !analysis.providerKeyedByDefault(c.id())) continue;
            if (counted.contains(c.id())) out.add(c.id());
        }
        return out;
    }

    /**
     * Conversations the model declares end-to-end encrypted by default whose content the provider reads by
     * default with a key it holds: the declaration, and any end-to-end claim, is contradicted.
     */
    public List<String> contradicted() {
        List<String> out = new ArrayList<>();
        for (Conversation c : model.conversations().values()) {
            if (c.endToEnd().available() && c.endToEnd().byDefault() && analysis.providerKeyedByDefault(c.id())) {
                out.add(c.id());
            }
        }
        return out;
    }

    /**
     * The conversations behind the NOT END-TO-END ENCRYPTED BY DEFAULT verdict, each with why where the
     * model declares otherwise: "meeting (declared end-to-end by default, but the provider holds its keys)".
     */
    public List<String> notEndToEndByDefaultSaid() {
        java.util.Set<String> contradicted = new java.util.HashSet<>(contradicted());
        return notEndToEndByDefault().stream().map(c -> contradicted.contains(c)
                ? c + " (declared end-to-end by default, but the provider holds its keys)" : c).toList();
    }

    /** Whether a counted weakening is critical or high: the design weakens end-to-end encryption. */
    public boolean weakened() {
        return failsAt(Severity.HIGH);
    }

    /** Whether a counted weakening is at or above the threshold; null threshold never fails. */
    public boolean failsAt(Severity threshold) {
        return threshold != null && weakenings.stream()
                .anyMatch(r -> r.counts() && r.finding().severity().atLeast(threshold));
    }

    /**
     * Which weakening findings name each reader, found in one pass over the findings: for a report,
     * which asks it of every reader (thousands in a large model).
     */
    public Explaining explainingEveryReader() {
        Map<String, Map<String, List<Finding>>> byReader = new java.util.HashMap<>();
        for (Reviewed r : weakenings) {
            java.util.Set<List<String>> named = new java.util.HashSet<>();
            for (Finding.Read read : r.finding().reads()) {
                if (named.add(List.of(read.conversation(), read.party()))) {
                    byReader.computeIfAbsent(read.conversation(), c -> new java.util.HashMap<>())
                            .computeIfAbsent(read.party(), x -> new ArrayList<>()).add(r.finding());
                }
            }
        }
        return new Explaining(byReader);
    }

    /** The weakening findings that name a party as reading a conversation, in the order of the findings. */
    public static final class Explaining {
        private final Map<String, Map<String, List<Finding>>> byReader;

        private Explaining(Map<String, Map<String, List<Finding>>> byReader) {
            this.byReader = byReader;
        }

        public List<Finding> of(String conversation, String party) {
            return java.util.Collections.unmodifiableList(
                    byReader.getOrDefault(conversation, Map.of()).getOrDefault(party, List.of()));
        }
    }

    /** The weakening findings that name a party as reading a conversation. */
    public List<Finding> explaining(String conversation, String party) {
        return explainingEveryReader().of(conversation, party);
    }

}
