package org.example.messenger.client;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.SecureRandom;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.example.messenger.log.Log;
import org.example.messenger.protocol.Envelope;
import org.example.messenger.server.Relay;

/** Encrypts each message on the phone, under a key agreed with the recipient, and hands it to the relay. */
public final class Client {

    private final IdentityKey identity;
    private final Relay relay;
    private final SecureRandom random = new SecureRandom();

    public Client(IdentityKey identity, Relay relay) {
        this.identity = identity;
        this.relay = relay;
    }

    public void send(String recipient, PublicKey recipientKey, String text) throws GeneralSecurityException {
        byte[] sessionKey = MessageDigest.getInstance("SHA-256").digest(identity.agree(recipientKey));
        byte[] nonce = new byte[12];
        random.nextBytes(nonce);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(sessionKey, "AES"), new GCMParameterSpec(128, nonce));
        relay.forward(new Envelope(recipient, nonce, cipher.doFinal(text.getBytes(StandardCharsets.UTF_8))));
        Log.info("sent a message to " + recipient);
    }
}
