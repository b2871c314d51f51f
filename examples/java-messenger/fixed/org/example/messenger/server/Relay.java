package org.example.messenger.server;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

import org.example.messenger.log.Log;
import org.example.messenger.protocol.Envelope;

/** Keeps envelopes until their recipient fetches them; it sees ciphertext and recipients, never keys. */
public final class Relay {

    private final Map<String, Deque<Envelope>> queues = new HashMap<>();

    public void forward(Envelope envelope) {
        queues.computeIfAbsent(envelope.recipient(), r -> new ArrayDeque<>()).add(envelope);
        Log.info("queued a message for " + envelope.recipient());
    }

    public Envelope fetch(String recipient) {
        Deque<Envelope> queue = queues.get(recipient);
        return queue == null ? null : queue.poll();
    }
}
