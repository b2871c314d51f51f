package org.e2eereview.load;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The files other than the one being read that a model's text can come from: a model with a
 * proposal's patch applied holds nodes of both, and each field must say which file and line it was
 * written at. Positions are packed into a long throughout the loader (see
 * {@link YamlEvents#position}); the top byte names the source here, 0 meaning the file being read.
 * An interning table: a name gets a number once and keeps it, so a position means the same file for
 * the life of the process.
 */
final class Sources {

    static final int MAX = 255;
    private static final String PREFIX = "e2ee-review source ";

    private static final Map<String, Integer> NUMBERS = new HashMap<>();
    private static final List<String> NAMES = new ArrayList<>(List.of(""));

    private Sources() {
    }

    /** The mark name that events from this file carry; registers the file on first use. */
    static synchronized String markName(String file) {
        if (!NUMBERS.containsKey(file)) {
            if (NAMES.size() > MAX) throw new IllegalStateException("more than " + MAX + " patch source files");
            NUMBERS.put(file, NAMES.size());
            NAMES.add(file);
        }
        return PREFIX + NUMBERS.get(file);
    }

    /** The source number of a mark name: 0 for the file being read. */
    static int number(String markName) {
        if (markName == null || !markName.startsWith(PREFIX)) return 0;
        // Read in place: every value a patch sets asks, for every element it is bound to.
        int n = 0;
        for (int i = PREFIX.length(); i < markName.length(); i++) n = n * 10 + (markName.charAt(i) - '0');
        return n;
    }

    static synchronized String file(int number) {
        return NAMES.get(number);
    }
}
