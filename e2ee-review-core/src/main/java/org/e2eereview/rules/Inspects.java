package org.e2eereview.rules;

import org.e2eereview.model.ElementKind;
import org.e2eereview.model.ModelEnum;

/**
 * What a rule looks at; its condition sees it under this name. Most are the elements of one
 * {@link ElementKind}; an outsider (a party with a conversation it reads) and the system as a whole
 * are no element of the model, which is why this is not ElementKind itself.
 */
public enum Inspects implements ModelEnum {
    PARTY(ElementKind.PARTY, "Each party.", CelViews.PARTY),
    COMPONENT(ElementKind.COMPONENT, "Each component.", CelViews.COMPONENT),
    KEY(ElementKind.KEY, "Each key.", CelViews.KEY),
    DATA(ElementKind.DATA, "Each data item.", CelViews.DATA),
    CONVERSATION(ElementKind.CONVERSATION, "Each conversation, with its access findings.", CelViews.CONVERSATION),
    FLOW(ElementKind.FLOW, "Each flow.", CelViews.FLOW),
    FEATURE(ElementKind.FEATURE, "Each public-safety feature.", CelViews.FEATURE),
    OUTSIDER(null, "Each party outside a conversation that reads it by routes no other finding explains; "
            + "rules of this kind run after all others.", CelViews.OUTSIDER),
    SYSTEM(null, "The system as a whole, once.", CelViews.SYSTEM);

    private final ElementKind element;
    private final String description;
    private final ViewType<?> view;

    Inspects(ElementKind element, String description, ViewType<?> view) {
        this.element = element;
        this.description = description;
        this.view = view;
    }

    /** The kind of model element it looks at, one at a time; null for outsiders and the system. */
    public ElementKind element() {
        return element;
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
