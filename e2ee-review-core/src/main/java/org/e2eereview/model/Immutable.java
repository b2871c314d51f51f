package org.e2eereview.model;

import java.util.List;

/** What records hold is fixed when they are made: a review is read by reports, diffs and other threads. */
public final class Immutable {

    private Immutable() {
    }

    /** The list as an unmodifiable copy (no copy when it is one already); null stays null. */
    public static <T> List<T> copy(List<T> list) {
        return list == null ? null : List.copyOf(list);
    }
}
