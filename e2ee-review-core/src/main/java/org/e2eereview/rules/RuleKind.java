package org.e2eereview.rules;

import org.e2eereview.model.Doc;
import org.e2eereview.model.ModelEnum;

public enum RuleKind implements ModelEnum {
    @Doc("Flags a design that lets someone outside a conversation read it, or weakens a property of E2EE.")
    WEAKENING,
    @Doc("Recognises a public-safety feature the design supports.")
    SAFETY_FEATURE;

}
