package org.e2eereview.catalog;

import org.e2eereview.model.ModelEnum;

/** Design measures that cancel or lower weakening patterns; a review says which one did. */
public enum Safeguard implements ModelEnum {
    KEY_TRANSPARENCY("Served keys are checked against an append-only, audited log."),
    SAFETY_NUMBERS("Users can compare key fingerprints out of band."),
    KEY_CHANGE_ALERTS("Users are warned when a contact's key changes."),
    MEMBER_SIGNED_CHANGES("Membership changes take effect only with a member's signature."),
    SIGNED_DEVICE_LISTS("A new device needs a signature from the user's existing device."),
    HSM_GUESS_LIMITS("Recovery secrets are guarded by hardware that limits guesses."),
    BINARY_TRANSPARENCY("Every client build is published to a log that can be checked."),
    REPRODUCIBLE_BUILDS("Anyone can rebuild the client from source and compare."),
    FORWARD_SECRECY("Keys are deleted after use, so a later compromise does not expose the past."),
    POST_COMPROMISE_SECURITY("Fresh secrets heal the session after a compromise."),
    SEALED_SENDER("The server does not learn who sent a message."),
    USER_VISIBLE_INDICATORS("Members are shown joins, device changes and unencrypted messages.");

    private final String description;

    Safeguard(String description) {
        this.description = description;
    }

    @Override
    public String description() {
        return description;
    }
}
