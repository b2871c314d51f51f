package org.e2eereview.model;

import java.util.List;

/**
 * Reviewed findings kept beside a model rather than in it (review --baseline FILE): decisions a
 * team took about today's findings, each with its reason, who took it and until when. An entry's
 * id may hold {@code *} in its element part ({@code KEY-ESCROW@backup-*}), so that one decision
 * can cover a family of elements; the rule part is always exact, so a baseline never silences a
 * rule it does not name.
 *
 * @param entries in file order, each keyed ({@link Acceptance#findingId()}) by an id or a pattern
 */
public record Baseline(String file, String sha256, List<Acceptance> entries) {

    public Baseline {
        entries = List.copyOf(entries);
    }

    /**
     * The entry that decides a finding: the one written with its exact id, else the pattern with the
     * most written (non-wildcard) characters, the first in the file on a tie; null when none matches.
     */
    public Acceptance match(String findingId) {
        Acceptance best = null;
        int bestWeight = -1;
        for (Acceptance a : entries) {
            if (!matches(a.findingId(), findingId)) continue;
            int weight = a.findingId().indexOf('*') < 0 ? Integer.MAX_VALUE
                    : a.findingId().length() - (int) a.findingId().chars().filter(c -> c == '*').count();
            if (weight > bestWeight) {
                best = a;
                bestWeight = weight;
            }
        }
        return best;
    }

    /** Whether an entry's id, where each {@code *} stands for any run of characters, names the finding. */
    public static boolean matches(String pattern, String findingId) {
        // Greedy matching that returns to the last '*' only: at most |pattern| x |id| steps, whatever the stars.
        int p = 0;
        int s = 0;
        int star = -1;
        int resume = 0;
        while (s < findingId.length()) {
            if (p < pattern.length() && pattern.charAt(p) == '*') {
                star = p++;
                resume = s;
            } else if (p < pattern.length() && pattern.charAt(p) == findingId.charAt(s)) {
                p++;
                s++;
            } else if (star >= 0) {
                p = star + 1;
                s = ++resume;
            } else {
                return false;
            }
        }
        while (p < pattern.length() && pattern.charAt(p) == '*') p++;
        return p == pattern.length();
    }
}
