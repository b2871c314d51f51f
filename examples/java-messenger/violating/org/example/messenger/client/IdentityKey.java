package org.example.messenger.client;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;

import javax.crypto.KeyAgreement;

/** The user's long-term identity key pair. Its private half must never leave the phone. */
public final class IdentityKey {

    private final KeyPair pair;

    private IdentityKey(KeyPair pair) {
        this.pair = pair;
    }

    public static IdentityKey generate() throws GeneralSecurityException {
        return new IdentityKey(KeyPairGenerator.getInstance("X25519").generateKeyPair());
    }

    public PublicKey publicKey() {
        return pair.getPublic();
    }

    /** The secret shared with a contact, from which the session key is derived. */
    byte[] agree(PublicKey contact) throws GeneralSecurityException {
        KeyAgreement agreement = KeyAgreement.getInstance("X25519");
        agreement.init(pair.getPrivate());
        agreement.doPhase(contact, true);
        return agreement.generateSecret();
    }
}
