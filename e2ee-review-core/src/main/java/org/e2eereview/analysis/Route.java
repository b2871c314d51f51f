package org.e2eereview.analysis;

import java.util.Locale;

/** How a party comes to read data. */
public enum Route {
    RUNS_COMPONENT("runs a component where it is readable", true),
    HOLDS_KEY("holds a key that protects it", true),
    RECOVERS_KEY("can recover a key that protects it by guessing a user's secret", true),
    ADDS_MEMBER("can add a member to the conversation without members noticing", true),
    ADDS_DEVICE("can add a device to a member's account without members noticing", true),
    SUBSTITUTES_KEYS("can serve members keys that they cannot check", true),
    TARGETED_UPDATE("can ship a modified client to chosen users", false),
    FEATURE_RESULT("receives it from a feature that hands it over without a member choosing to", true),
    LEARNS_DERIVED("reads data derived from it", true),
    MEMBER_DISCLOSURE("receives it when a member chooses to report it", true),
    ENCLAVE_IMAGE("can run a new image of an attested enclave that clients would accept, which reads what enters it", true),
    HARDWARE_ROOT("makes the hardware an attested enclave's trust rests on (a forged attestation, side channels)", true);

    private final String description;
    private final boolean systemic;
    private final String id;

    Route(String description, boolean systemic) {
        this.description = description;
        this.systemic = systemic;
        this.id = name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public String description() {
        return description;
    }

    /** Whether the capability behind this route exists for every user, even if used against few. */
    public boolean systemic() {
        return systemic;
    }

    /** Whether reading by this route is a member's own choice to disclose, not an outside reader. */
    public boolean disclosure() {
        return this == MEMBER_DISCLOSURE;
    }

    /** The name used in rules and JSON: {@code adds-member}. */
    public String id() {
        return id;
    }
}
