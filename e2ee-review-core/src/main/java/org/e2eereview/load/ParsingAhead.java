package org.e2eereview.load;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.StreamEndEvent;
import org.yaml.snakeyaml.parser.Parser;

/**
 * SnakeYAML's parser run ahead on a thread of its own, handing its events over in batches, so that a
 * large model is scanned on one core while it is checked on another: scanning is two thirds of reading
 * a large model. The events, and the error that ends them if any, come out in the same order as from
 * the parser itself; the error is thrown where the parser would have thrown it, after the last event
 * before it. Closing stops the thread wherever it is.
 */
final class ParsingAhead implements Parser, AutoCloseable {

    /*
     * Batches large enough that the checker, faster than the parser, seldom waits for the next: each
     * wait parks its thread and each hand-over wakes it, which at 256 events a batch cost a tenth of
     * reading a large model (docs/performance.md).
     */
    private static final int BATCH = 2048;
    /** Batches parsed and not yet checked: enough to ride out a pause, a bound on memory. */
    private static final int AHEAD = 32;

    private final BlockingQueue<Object> batches = new ArrayBlockingQueue<>(AHEAD);
    private final Thread thread;
    private Event[] batch = new Event[0];
    private int next;
    /** Whether the last batch, the one ending with the end of the stream, has been taken. */
    private boolean ended;

    ParsingAhead(Parser parser) {
        thread = new Thread(() -> run(parser), "yaml-parser");
        thread.setDaemon(true);
        thread.start();
    }

    private void run(Parser parser) {
        Event[] out = new Event[BATCH];
        int n = 0;
        try {
            try {
                Event e;
                do {
                    e = parser.getEvent();
                    out[n++] = e;
                    if (n == BATCH) {
                        batches.put(out);
                        out = new Event[BATCH];
                        n = 0;
                    }
                } while (!(e instanceof StreamEndEvent));
                batches.put(java.util.Arrays.copyOf(out, n));
            } catch (RuntimeException | StackOverflowError e) {
                batches.put(java.util.Arrays.copyOf(out, n));
                batches.put(e);
            }
        } catch (InterruptedException e) {
            // Closed: nobody reads on.
        }
    }

    @Override
    public Event getEvent() {
        Event e = peekEvent();
        next++;
        return e;
    }

    @Override
    public Event peekEvent() {
        while (next == batch.length) {
            if (ended) return null; // as SnakeYAML's parser, past the end of the stream
            Object item;
            try {
                item = batches.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new YAMLException("interrupted while reading");
            }
            if (item instanceof RuntimeException e) throw e;
            if (item instanceof Error e) throw e;
            batch = (Event[]) item;
            next = 0;
            ended = batch.length > 0 && batch[batch.length - 1] instanceof StreamEndEvent;
        }
        return batch[next];
    }

    @Override
    public boolean checkEvent(Event.ID choice) {
        return peekEvent().is(choice);
    }

    @Override
    public void close() {
        thread.interrupt();
    }
}
