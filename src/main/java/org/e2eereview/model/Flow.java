package org.e2eereview.model;

import java.util.List;

/**
 * Data or keys moving from one component to another.
 *
 * @param carries data or key ids
 * @param stage   when, relative to end-to-end encryption, the flow takes what it carries
 * @param occurs  whether the flow always happens or only by default, by choice, by order or on fallback
 */
public record Flow(String id, String from, String to, List<String> carries, Protection protection, Stage stage,
                   Occurs occurs, String purpose, String description, Source source) implements Element {

    public Flow {
        carries = List.copyOf(carries);
    }

    public enum Protection implements ModelEnum {
        END_TO_END("Encrypted under the keys that protect what is carried (see keys.protects): readable only where those keys are."),
        TRANSPORT("Encrypted on the wire only (e.g. TLS): readable by the receiving component."),
        NONE("Not encrypted: readable on the wire and by the receiving component.");

        private final String description;

        Protection(String description) {
            this.description = description;
        }

        @Override
        public String description() {
            return description;
        }
    }

    public enum Stage implements ModelEnum {
        AFTER_ENCRYPTION("Taken as end-to-end encryption leaves it (the usual case)."),
        BEFORE_ENCRYPTION("Taken on the sender's device before end-to-end encryption is applied."),
        AFTER_DECRYPTION("Taken on the recipient's device after end-to-end decryption.");

        private final String description;

        Stage(String description) {
            this.description = description;
        }

        @Override
        public String description() {
            return description;
        }
    }

    public enum Occurs implements ModelEnum {
        ALWAYS("Happens for every user, with no way to turn it off."),
        BY_DEFAULT("Happens unless the user turns it off."),
        OPT_IN("Happens only for users who turn it on."),
        ON_LEGAL_ORDER("Happens only when a warrant or legal order requires it."),
        ON_FALLBACK("Happens only when end-to-end encryption cannot be used.");

        private final String description;

        Occurs(String description) {
            this.description = description;
        }

        @Override
        public String description() {
            return description;
        }
    }
}
