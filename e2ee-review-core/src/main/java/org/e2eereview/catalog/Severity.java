package org.e2eereview.catalog;

import org.e2eereview.model.Doc;
import org.e2eereview.model.ModelEnum;

/** How bad a finding is; ordered from worst to least. */
public enum Severity implements ModelEnum {
    @Doc("Anyone outside the conversation can read content, silently or at scale.")
    CRITICAL,
    @Doc("Content is exposed under a realistic condition, or a key protection is missing.")
    HIGH,
    @Doc("Weakens a property that matters, with limits.")
    MEDIUM,
    @Doc("A minor weakness or a trade-off.")
    LOW,
    @Doc("Worth knowing; not a weakness by itself.")
    INFO;

    /** One step less severe; info stays info. */
    public Severity lower() {
        return this == INFO ? INFO : values()[ordinal() + 1];
    }

    /** True when this severity is as bad as {@code other} or worse. */
    public boolean atLeast(Severity other) {
        return ordinal() <= other.ordinal();
    }
}
