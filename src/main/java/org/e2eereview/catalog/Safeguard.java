package org.e2eereview.catalog;

import org.e2eereview.model.Doc;
import org.e2eereview.model.ModelEnum;

/** Design measures that cancel or lower weakening patterns; a review says which one did. */
public enum Safeguard implements ModelEnum {
    @Doc("Served keys are checked against an append-only, audited log.")
    KEY_TRANSPARENCY,
    @Doc("Users can compare key fingerprints out of band.")
    SAFETY_NUMBERS,
    @Doc("Users are warned when a contact's key changes.")
    KEY_CHANGE_ALERTS,
    @Doc("Membership changes take effect only with a member's signature.")
    MEMBER_SIGNED_CHANGES,
    @Doc("A new device needs a signature from the user's existing device.")
    SIGNED_DEVICE_LISTS,
    @Doc("Recovery secrets are guarded by hardware that limits guesses.")
    HSM_GUESS_LIMITS,
    @Doc("Every client build is published to a log that can be checked.")
    BINARY_TRANSPARENCY,
    @Doc("Anyone can rebuild the client from source and compare.")
    REPRODUCIBLE_BUILDS,
    @Doc("Keys are deleted after use, so a later compromise does not expose the past.")
    FORWARD_SECRECY,
    @Doc("Fresh secrets heal the session after a compromise.")
    POST_COMPROMISE_SECURITY,
    @Doc("The server does not learn who sent a message.")
    SEALED_SENDER,
    @Doc("Members are shown joins, device changes and unencrypted messages.")
    USER_VISIBLE_INDICATORS;

}
