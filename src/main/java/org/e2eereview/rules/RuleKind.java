package org.e2eereview.rules;

import org.e2eereview.model.ModelEnum;

public enum RuleKind implements ModelEnum {
    WEAKENING("Flags a design that lets someone outside a conversation read it, or weakens a property of E2EE."),
    SAFETY_FEATURE("Recognises a public-safety feature the design supports.");

    private final String description;

    RuleKind(String description) {
        this.description = description;
    }

    @Override
    public String description() {
        return description;
    }
}
