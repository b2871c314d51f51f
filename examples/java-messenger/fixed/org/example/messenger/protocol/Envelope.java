package org.example.messenger.protocol;

/** What the relay sees of a message: who it is for, and ciphertext. */
public record Envelope(String recipient, byte[] nonce, byte[] ciphertext) {
}
