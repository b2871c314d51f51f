package org.e2eereview.catalog;

import org.e2eereview.model.ModelEnum;

/** How bad a finding is; ordered from worst to least. */
public enum Severity implements ModelEnum {
    CRITICAL("Anyone outside the conversation can read content, silently or at scale."),
    HIGH("Content is exposed under a realistic condition, or a key protection is missing."),
    MEDIUM("Weakens a property that matters, with limits."),
    LOW("A minor weakness or a trade-off."),
    INFO("Worth knowing; not a weakness by itself.");

    private final String description;

    Severity(String description) {
        this.description = description;
    }

    @Override
    public String description() {
        return description;
    }

    /** True when this severity is as bad as {@code other} or worse. */
    public boolean atLeast(Severity other) {
        return ordinal() <= other.ordinal();
    }
}
