package org.e2eereview.model;

import java.util.Map;

/**
 * The kinds of named element a model holds, each in its own top-level map of the model file, in the
 * order the format lists them. The loader says by it which elements a reference may name, a rule
 * inspects the elements of one kind, and the diagram draws three of them.
 */
public enum ElementKind {
    PARTY("parties", "party"),
    COMPONENT("components", "component"),
    KEY("keys", "key"),
    DATA("data", "data item"),
    CONVERSATION("conversations", "conversation"),
    FLOW("flows", "flow"),
    FEATURE("features", "feature");

    private final String field;
    private final String noun;

    ElementKind(String field, String noun) {
        this.field = field;
        this.noun = noun;
    }

    /** The model file's top-level field that holds the elements of this kind. */
    public String field() {
        return field;
    }

    /** How messages name one element of this kind: "a data item". */
    public String noun() {
        return noun;
    }

    /** The elements of this kind in a model, by id, in the order of the file. */
    public Map<String, ? extends Element> in(Model m) {
        return switch (this) {
            case PARTY -> m.parties();
            case COMPONENT -> m.components();
            case KEY -> m.keys();
            case DATA -> m.data();
            case CONVERSATION -> m.conversations();
            case FLOW -> m.flows();
            case FEATURE -> m.features();
        };
    }
}
