package org.e2eereview.load;

import java.util.Locale;

/** "Did you mean" for misspelt field names, ids and enum values. */
public final class Suggest {

    private Suggest() {
    }

    /** The closest candidate within a small edit distance, or null. Ties go to the first candidate. */
    public static String closest(String input, Iterable<String> candidates) {
        String lower = input.toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String c : candidates) {
            int d = distance(lower, c.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                best = c;
                bestDistance = d;
            }
        }
        int allowed = Math.max(1, Math.min(3, input.length() / 3));
        if (best != null && bestDistance <= allowed) return best;
        // A word of a longer name ("push" for "push-service"): too far by letters, but the one meant.
        String word = null;
        for (String c : candidates) {
            String l = c.toLowerCase(Locale.ROOT);
            if (!l.startsWith(lower + "-") && !l.endsWith("-" + lower)) continue;
            if (word != null) return null;
            word = c;
        }
        return word;
    }

    /** The suffix " (did you mean 'x'?)" or "". */
    public static String hint(String input, Iterable<String> candidates) {
        String c = closest(input, candidates);
        return c == null ? "" : " (did you mean '" + c + "'?)";
    }

    /** Optimal string alignment distance: Levenshtein plus swaps of neighbours, the commonest typo. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) d[i][0] = i;
        for (int j = 0; j <= b.length(); j++) d[0][j] = j;
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
