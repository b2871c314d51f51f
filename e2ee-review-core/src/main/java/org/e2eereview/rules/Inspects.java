package org.e2eereview.rules;

import org.e2eereview.model.ModelEnum;

/** The kind of element a rule looks at; its condition sees the element under this name. */
public enum Inspects implements ModelEnum {
    PARTY("Each party.", CelViews.PARTY),
    COMPONENT("Each component.", CelViews.COMPONENT),
    KEY("Each key.", CelViews.KEY),
    DATA("Each data item.", CelViews.DATA),
    CONVERSATION("Each conversation, with its access findings.", CelViews.CONVERSATION),
    FLOW("Each flow.", CelViews.FLOW),
    FEATURE("Each public-safety feature.", CelViews.FEATURE),
    OUTSIDER("Each party outside a conversation that reads it by routes no other finding explains; "
            + "rules of this kind run after all others.", CelViews.OUTSIDER),
    SYSTEM("The system as a whole, once.", CelViews.SYSTEM);

    private final String description;
    private final ViewType<?> view;

    Inspects(String description, ViewType<?> view) {
        this.description = description;
        this.view = view;
    }

    @Override
    public String description() {
        return description;
    }

    ViewType<?> view() {
        return view;
    }

    /** The variable name in conditions. */
    public String variable() {
        return yamlName();
    }
}
