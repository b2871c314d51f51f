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
                   Occurs occurs, boolean shownToMembers, String relay, String purpose, String description,
                   Source source) implements Element {

    public Flow {
        carries = List.copyOf(carries);
    }

    public enum Protection implements ModelEnum {
        @Doc("Encrypted under the keys that protect what is carried (see keys.protects): readable only where those keys are.")
        END_TO_END,
        @Doc("Encrypted on the wire only (e.g. TLS): readable by the receiving component.")
        TRANSPORT,
        @Doc("Not encrypted: readable by the receiving component and by anyone on the path (model the path's operator as a component to have it named).")
        NONE;
    }

    public enum Stage implements ModelEnum {
        @Doc("Taken as end-to-end encryption leaves it (the usual case).")
        AFTER_ENCRYPTION,
        @Doc("Taken on the sender's device before end-to-end encryption is applied.")
        BEFORE_ENCRYPTION,
        @Doc("Taken on the recipient's device after end-to-end decryption.")
        AFTER_DECRYPTION;
    }

    public enum Occurs implements ModelEnum {
        @Doc("Happens for every user, with no way to turn it off.")
        ALWAYS,
        @Doc("Happens unless the user turns it off.")
        BY_DEFAULT,
        @Doc("Happens only for users who turn it on.")
        OPT_IN,
        @Doc("Happens only when the organisation that provides the service to its members (an employer) decides it, e.g. a retention policy or a legal hold set by its administrator.")
        ON_ORGANISATION_DECISION,
        @Doc("Happens only when a warrant or legal order requires it.")
        ON_LEGAL_ORDER,
        @Doc("Happens only with the user's device in someone else's hands (seized or stolen), e.g. reading a secret off a phone.")
        WITH_DEVICE,
        @Doc("Happens only when end-to-end encryption cannot be used.")
        ON_FALLBACK;

        /**
         * The condition in words for a reading of a conversation: where one member's choice opens it, that
         * the other members' content goes with theirs, without the others choosing it.
         */
        public String wordsForConversation() {
            return this == OPT_IN ? "for users who opt in, and the other members' content too, though those members did not opt in"
                    : words();
        }

        /** The condition in words, as reports say it: "for users who opt in". */
        public String words() {
            return switch (this) {
                case ALWAYS -> "always";
                case BY_DEFAULT -> "by default";
                case OPT_IN -> "for users who opt in";
                case ON_ORGANISATION_DECISION -> "on the organisation's decision";
                case ON_LEGAL_ORDER -> "on a legal order";
                case WITH_DEVICE -> "with the device in hand";
                case ON_FALLBACK -> "on fallback";
            };
        }

        /**
         * The condition as the consultation submission says it to a reader who knows no tool, in its
         * text, its table and its figure alike: "at any time", "for users who opt in". The text may
         * name what is opted into ("for users who opt in to the chat backup"), so the words end where
         * that can follow.
         */
        public String plainWords() {
            return switch (this) {
                case ALWAYS -> "at any time";
                case BY_DEFAULT -> "unless users opt out";
                case OPT_IN -> "for users who opt in";
                case ON_ORGANISATION_DECISION -> "when the organisation that provides the service to its members decides";
                case ON_LEGAL_ORDER -> "on a legal order";
                case WITH_DEVICE -> "with a user's device in hand";
                case ON_FALLBACK -> "when end-to-end encryption cannot be used";
            };
        }
    }
}
