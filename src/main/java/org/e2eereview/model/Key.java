package org.e2eereview.model;

import java.util.List;

/**
 * A secret key, or a key pair by its private half.
 *
 * @param storedOn    components that keep a usable copy
 * @param protects    data items and other keys encrypted (wrapped) under this key
 * @param derivedFrom keys from which this one can be computed: whoever holds all of them has it
 * @param recovery    how the key can be recovered when the device is lost, or null
 */
public record Key(String id, Kind kind, String generatedOn, List<String> storedOn, List<String> protects,
                  List<String> derivedFrom, Scope scope, String algorithm, Recovery recovery, String description,
                  Source source) implements Element {

    public Key {
        storedOn = List.copyOf(storedOn);
        protects = List.copyOf(protects);
        derivedFrom = List.copyOf(derivedFrom);
    }

    public enum Kind implements ModelEnum {
        IDENTITY("A long-term identity key of a user or device."),
        DEVICE("A per-device key, e.g. a linked device's key."),
        PREKEY("A published one-time or signed pre-key."),
        SESSION("A key agreed for a conversation session (e.g. ratchet state)."),
        MESSAGE("A per-message key."),
        GROUP("A key shared by the members of a group (e.g. a sender key or epoch secret)."),
        BACKUP("A key that encrypts backups."),
        RECOVERY("A key or secret used to restore other keys."),
        STORAGE("A key that encrypts data at rest on a server or device."),
        TRANSPORT("A key of a transport connection (e.g. TLS)."),
        ESCROW("A key held so that a non-member can decrypt (lawful-access or escrow)."),
        MASTER("One key that decrypts data of many users."),
        SIGNING("A key that only signs (e.g. a franking or update-signing key).");

        private final String description;

        Kind(String description) {
            this.description = description;
        }

        @Override
        public String description() {
            return description;
        }
    }

    public enum Scope implements ModelEnum {
        MESSAGE("One message."),
        CONVERSATION("One conversation or session."),
        DEVICE("One device."),
        USER("All of one user's data."),
        ALL_USERS("Data of every user of the system.");

        private final String description;

        Scope(String description) {
            this.description = description;
        }

        @Override
        public String description() {
            return description;
        }
    }

    /**
     * Recovery of a key from a secret the user knows.
     *
     * @param storedOn   where the recoverable (secret-wrapped) copy of the key is kept
     * @param enforcedBy HSM or enclave that limits guesses, or null
     * @param guessLimit guesses allowed before the copy is destroyed; null when not stated (limited if enforcedBy is set)
     */
    public record Recovery(Secret secret, List<String> storedOn, String enforcedBy, Integer guessLimit,
                           Source source) {
        public Recovery {
            storedOn = List.copyOf(storedOn);
        }
    }

    public enum Secret implements ModelEnum {
        PIN("A short numeric PIN: few possibilities, guessable offline."),
        PASSWORD("A user-chosen password: low entropy in practice."),
        PASSPHRASE("A long generated passphrase or recovery code: infeasible to guess."),
        RANDOM_KEY("A full-strength random key the user keeps (e.g. a 64-digit code)."),
        NONE("No secret: the service can restore the key on its own.");

        private final String description;

        Secret(String description) {
            this.description = description;
        }

        @Override
        public String description() {
            return description;
        }

        /** A secret an attacker with the wrapped copy could guess without a guess limit. */
        public boolean guessable() {
            return this == PIN || this == PASSWORD || this == NONE;
        }
    }
}
