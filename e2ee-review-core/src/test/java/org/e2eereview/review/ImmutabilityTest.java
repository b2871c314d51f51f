package org.e2eereview.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.e2eereview.Corpus;
import org.junit.jupiter.api.Test;

/**
 * A review is shared: reports, diffs, assessments and (in one JVM) other reviews read it, so no
 * caller may change what another sees. Every list, set and map reachable through the records of
 * every example's review must refuse changes.
 */
class ImmutabilityTest {

    @Test
    void everyCollectionReachableFromAReviewRefusesChanges() throws Exception {
        Set<String> mutable = new TreeSet<>();
        Map<Object, Boolean> seen = new IdentityHashMap<>();
        for (org.e2eereview.model.Model example : Corpus.reviewed()) {
            Review review = Corpus.reviewer().review(example);
            walk(review, "Review", mutable, seen);
            // The rules and the catalog are shared by every review a reviewer makes.
            walk(review.rules().rules(), "RuleSet.rules", mutable, seen);
            walk(review.rules().ordered(), "RuleSet.ordered", mutable, seen);
            for (var entries : List.of(review.catalog().weakenings(), review.catalog().safetyFeatures(),
                    review.catalog().proposals(), review.catalog().objectives(), review.catalog().references(),
                    review.catalog().safeguards())) {
                walk(entries, "Catalog", mutable, seen);
            }
        }
        assertThat(mutable).as("record components holding a changeable collection").isEmpty();
    }

    private static void walk(Object o, String where, Set<String> mutable, Map<Object, Boolean> seen) throws Exception {
        if (o == null || seen.put(o, Boolean.TRUE) != null) return;
        if (o instanceof Collection<?> c) {
            if (!unmodifiable(o)) mutable.add(where + " (" + o.getClass().getName() + ")");
            for (Object e : new ArrayList<>(c)) walk(e, where + "[]", mutable, seen);
        } else if (o instanceof Map<?, ?> m) {
            if (!unmodifiable(o)) mutable.add(where + " (" + o.getClass().getName() + ")");
            for (Map.Entry<?, ?> e : m.entrySet()) {
                walk(e.getKey(), where + "{key}", mutable, seen);
                walk(e.getValue(), where + "{}", mutable, seen);
            }
        } else if (o.getClass().isRecord() && o.getClass().getName().startsWith("org.e2eereview.")) {
            for (RecordComponent rc : o.getClass().getRecordComponents()) {
                walk(rc.getAccessor().invoke(o), o.getClass().getSimpleName() + "." + rc.getName(), mutable, seen);
            }
        }
    }

    /**
     * The JDK's unmodifiable collections and views, by class (a probe that tried to change one would
     * change it), and a map of ours built on AbstractMap that leaves put unsupported and hands out an
     * unmodifiable entry set (the loader's lazily located fields).
     */
    private static boolean unmodifiable(Object o) throws NoSuchMethodException {
        if (o instanceof java.util.AbstractMap<?, ?> m && o.getClass().getName().startsWith("org.e2eereview.")
                && o.getClass().getMethod("put", Object.class, Object.class).getDeclaringClass()
                        == java.util.AbstractMap.class) {
            return unmodifiable(m.entrySet());
        }
        String name = o.getClass().getName();
        return name.startsWith("java.util.ImmutableCollections$") || name.startsWith("java.util.Collections$Unmodifiable")
                || name.startsWith("java.util.Collections$Empty") || name.startsWith("java.util.Collections$Singleton")
                || name.startsWith("com.google.common.collect.Immutable");
    }
}
