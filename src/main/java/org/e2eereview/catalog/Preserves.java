package org.e2eereview.catalog;

import org.e2eereview.model.ModelEnum;

/** Whether a public-safety feature keeps end-to-end encryption intact. */
public enum Preserves implements ModelEnum {
    YES("Keeps end-to-end encryption: nobody outside the conversation reads content."),
    CONDITIONAL("Keeps it only under stated conditions; otherwise it becomes a weakening."),
    NO("Works only by weakening end-to-end encryption.");

    private final String description;

    Preserves(String description) {
        this.description = description;
    }

    @Override
    public String description() {
        return description;
    }
}
