package org.e2eereview.model;

import java.util.List;

/**
 * A secret key, or a key pair by its private half.
 *
 * @param storedOn    components that keep a usable copy
 * @param protects    data items and other keys encrypted (wrapped) under this key
 * @param derivedFrom keys from which this one can be computed: whoever holds all of them has it
 * @param recovery    how the key can be recovered when the device is lost, or null
 * @param code        Java class patterns of the classes that hold or represent it (for the ArchUnit rules)
 */
public record Key(String id, Kind kind, String generatedOn, List<String> storedOn, List<String> protects,
                  List<String> derivedFrom, Scope scope, String algorithm, Recovery recovery, boolean shownToMembers,
                  List<String> code, String description, Source source) implements Element {

    public Key {
        storedOn = List.copyOf(storedOn);
        protects = List.copyOf(protects);
        derivedFrom = List.copyOf(derivedFrom);
        code = List.copyOf(code);
    }

    public enum Kind implements ModelEnum {
        @Doc("A long-term identity key of a user or device.")
        IDENTITY,
        @Doc("A per-device key, e.g. a linked device's key.")
        DEVICE,
        @Doc("A published one-time or signed pre-key.")
        PREKEY,
        @Doc("A key agreed for a conversation session (e.g. ratchet state).")
        SESSION,
        @Doc("A per-message key.")
        MESSAGE,
        @Doc("A key shared by the members of a group (e.g. a sender key or epoch secret).")
        GROUP,
        @Doc("A key that encrypts backups.")
        BACKUP,
        @Doc("A key or secret used to restore other keys.")
        RECOVERY,
        @Doc("A key that encrypts data at rest on a server or device.")
        STORAGE,
        @Doc("A key of a transport connection (e.g. TLS).")
        TRANSPORT,
        @Doc("A key held so that a non-member can decrypt (lawful-access or escrow).")
        ESCROW,
        @Doc("One key that decrypts data of many users.")
        MASTER,
        @Doc("A key that only signs (e.g. a franking or update-signing key).")
        SIGNING;
    }

    public enum Scope implements ModelEnum {
        @Doc("One message.")
        MESSAGE,
        @Doc("One conversation or session.")
        CONVERSATION,
        @Doc("One device.")
        DEVICE,
        @Doc("All of one user's data.")
        USER,
        @Doc("Data of every user of the system.")
        ALL_USERS;
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
        @Doc("A short numeric PIN: few possibilities, guessable offline.")
        PIN,
        @Doc("A user-chosen password, or a passphrase the user chooses: low entropy in practice.")
        PASSWORD,
        @Doc("A long passphrase or recovery code the system generates (a 24-word phrase, a 48-digit code): infeasible to "
                + "guess. One the user chooses is a password.")
        PASSPHRASE,
        @Doc("A full-strength random key the user keeps (e.g. a 64-digit code).")
        RANDOM_KEY,
        @Doc("No secret: the service can restore the key on its own.")
        NONE;

        /** A secret an attacker with the wrapped copy could guess without a guess limit. */
        public boolean guessable() {
            return this == PIN || this == PASSWORD || this == NONE;
        }
    }
}
