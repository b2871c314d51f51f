package org.e2eereview.load;

import java.util.Comparator;
import java.util.Set;
import java.util.stream.Collectors;

/** The element maps of a model; a reference names which of them it may point into. */
public enum Collection {
    PARTIES("parties", "party"),
    COMPONENTS("components", "component"),
    KEYS("keys", "key"),
    DATA("data", "data item"),
    CONVERSATIONS("conversations", "conversation"),
    FLOWS("flows", "flow"),
    FEATURES("features", "feature");

    private final String field;
    private final String noun;

    Collection(String field, String noun) {
        this.field = field;
        this.noun = noun;
    }

    /** The top-level field that holds this collection. */
    public String field() {
        return field;
    }

    public String noun() {
        return noun;
    }

    static String describe(Set<Collection> targets) {
        return targets.stream().sorted(Comparator.naturalOrder()).map(c -> "a " + c.noun)
                .collect(Collectors.joining(" or "));
    }
}
