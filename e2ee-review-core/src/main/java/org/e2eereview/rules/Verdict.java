package org.e2eereview.rules;

import org.e2eereview.model.Doc;
import org.e2eereview.model.ModelEnum;

/** What a recognised safety feature does to end-to-end encryption in this design. */
public enum Verdict implements ModelEnum {
    @Doc("Serves public safety without anyone outside a conversation reading it.")
    PRESERVES,
    @Doc("Serves public safety only through a weakening pattern.")
    WEAKENS;

}
