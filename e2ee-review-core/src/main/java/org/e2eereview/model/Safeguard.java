package org.e2eereview.model;

/**
 * Design measures a model can declare against reading routes. Some prevent the route (a change
 * without a member's signature is refused); others only make its use visible (a join is shown, a
 * swapped key shows up in a log), which lowers a finding but does not remove the reader.
 */
public enum Safeguard implements ModelEnum {
    @Doc("Served keys are checked against an append-only, audited log.")
    KEY_TRANSPARENCY(Effect.DETECTS),
    @Doc("Users can compare key fingerprints out of band.")
    SAFETY_NUMBERS(Effect.DETECTS),
    @Doc("Users are warned when a contact's key changes.")
    KEY_CHANGE_ALERTS(Effect.DETECTS),
    @Doc("Clients check contacts' keys automatically against a transparency log and warn on a mismatch.")
    CONTACT_KEY_VERIFICATION(Effect.DETECTS),
    @Doc("Users sign their own devices and the contacts they have verified.")
    CROSS_SIGNING(Effect.DETECTS),
    @Doc("Membership changes take effect only with a member's signature.")
    MEMBER_SIGNED_CHANGES(Effect.PREVENTS),
    @Doc("A new device needs a signature from the user's existing device.")
    SIGNED_DEVICE_LISTS(Effect.PREVENTS),
    @Doc("Clients share keys only with devices their users have verified.")
    VERIFIED_DEVICES_ONLY(Effect.PREVENTS),
    @Doc("Clients share keys with unverified devices but warn their users about them.")
    UNVERIFIED_DEVICE_WARNINGS(Effect.DETECTS),
    @Doc("Recovery secrets are guarded by hardware that limits guesses.")
    HSM_GUESS_LIMITS(Effect.PREVENTS),
    @Doc("Every client build is published to a log that can be checked.")
    BINARY_TRANSPARENCY(Effect.DETECTS),
    @Doc("Anyone can rebuild the client from source and compare.")
    REPRODUCIBLE_BUILDS(Effect.DETECTS),
    @Doc("Keys are deleted after use, so a later compromise does not expose the past.")
    FORWARD_SECRECY(Effect.PREVENTS),
    @Doc("Fresh secrets heal the session after a compromise.")
    POST_COMPROMISE_SECURITY(Effect.PREVENTS),
    @Doc("The server does not learn who sent a message.")
    SEALED_SENDER(Effect.PREVENTS),
    @Doc("Members are shown joins, device changes, messages sent without end-to-end encryption, and who else gets what they send (an archive's banner, a compliance key among the recipients, a notice before a feature sends).")
    USER_VISIBLE_INDICATORS(Effect.DETECTS),
    @Doc("Clients check an enclave's attestation before sending it anything: its operator does not read what enters it.")
    ENCLAVE_ATTESTATION(Effect.PREVENTS),
    @Doc("Clients accept only enclave measurements built into them: a new image takes a client update.")
    MEASUREMENT_PINNING(Effect.PREVENTS),
    @Doc("Every enclave image the operator may run is published in a public, append-only log.")
    IMAGE_TRANSPARENCY(Effect.DETECTS);

    /** What a safeguard does to a route it applies to. */
    public enum Effect implements ModelEnum {
        @Doc("The route cannot be used: the reader is gone.")
        PREVENTS,
        @Doc("The route can still be used, but members or outsiders can see that it was: the reader stays, "
                + "at a lower severity.")
        DETECTS;
    }

    private final Effect effect;

    Safeguard(Effect effect) {
        this.effect = effect;
    }

    public Effect effect() {
        return effect;
    }

    public boolean prevents() {
        return effect == Effect.PREVENTS;
    }
}
