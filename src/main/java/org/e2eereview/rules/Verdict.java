package org.e2eereview.rules;

import org.e2eereview.model.ModelEnum;

/** What a recognised safety feature does to end-to-end encryption in this design. */
public enum Verdict implements ModelEnum {
    PRESERVES("Serves public safety without anyone outside a conversation reading it."),
    WEAKENS("Serves public safety only through a weakening pattern.");

    private final String description;

    Verdict(String description) {
        this.description = description;
    }

    @Override
    public String description() {
        return description;
    }
}
