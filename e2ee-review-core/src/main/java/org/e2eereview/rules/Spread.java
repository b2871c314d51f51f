package org.e2eereview.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.function.Supplier;

/**
 * The work of reviewing a large design spread over every core: a loop whose chunks the calling thread
 * and one helper per other core take in turn ({@link #forEach}), and a value made on a helper while the
 * caller does something else ({@link #aside}). The live page reviews on every save, and a rule judging
 * ten thousand elements is most of a review (docs/performance.md). A helper busy with another review
 * is not waited for: the caller does the work itself and withdraws the request.
 */
public final class Spread {

    /** Below this many items a loop runs on the calling thread alone: handing over would cost more. */
    static final int MIN_ITEMS = 512;
    /** Chunks per thread: small enough that a slow chunk does not leave the other threads idle. */
    private static final int CHUNKS_PER_THREAD = 8;
    private static final int WAITING = 0;
    private static final int STARTED = 1;
    private static final int WITHDRAWN = 2;

    private Spread() {
    }

    /** Helpers, started when a large design first needs them. */
    private static final class Pool {
        static final int HELPERS = Math.max(0, Runtime.getRuntime().availableProcessors() - 1);
        static final ExecutorService EXECUTOR = HELPERS == 0 ? null : Executors.newFixedThreadPool(HELPERS, r -> {
            Thread t = new Thread(r, "e2ee-review: spread");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Runs {@code body} for every index below {@code n}, each once, on this thread and, when
     * {@code n} is at least {@link #MIN_ITEMS}, on helpers; returns when every index is done. What
     * {@code body} writes is visible to the caller then. The first failure stops the loop and is
     * thrown here as it was.
     */
    static void forEach(int n, IntConsumer body) {
        if (n < MIN_ITEMS || Pool.HELPERS == 0) {
            for (int i = 0; i < n; i++) body.accept(i);
            return;
        }
        AtomicInteger next = new AtomicInteger();
        int chunk = Math.max(16, n / (CHUNKS_PER_THREAD * (Pool.HELPERS + 1)));
        Runnable work = () -> {
            try {
                for (int start; (start = next.getAndAdd(chunk)) < n; ) {
                    int end = Math.min(n, start + chunk);
                    for (int i = start; i < end; i++) body.accept(i);
                }
            } catch (RuntimeException | Error e) {
                next.set(n);
                throw e;
            }
        };
        // A helper starts only if the caller has not withdrawn it: a FutureTask cancelled while it runs
        // would let the caller go on before the helper's chunk is done.
        List<AtomicInteger> states = new ArrayList<>(Pool.HELPERS);
        List<Future<?>> helpers = new ArrayList<>(Pool.HELPERS);
        for (int h = 0; h < Pool.HELPERS; h++) {
            AtomicInteger state = new AtomicInteger(WAITING);
            states.add(state);
            helpers.add(Pool.EXECUTOR.submit(() -> {
                if (state.compareAndSet(WAITING, STARTED)) work.run();
            }));
        }
        Throwable failed = null;
        try {
            work.run();
        } catch (RuntimeException | Error e) {
            failed = e;
        }
        boolean interrupted = false;
        for (int h = 0; h < helpers.size(); h++) {
            if (states.get(h).compareAndSet(WAITING, WITHDRAWN)) continue; // never started: nothing to wait for
            Future<?> f = helpers.get(h);
            while (true) {
                try {
                    f.get();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true; // the helper's chunk must finish before its results are read
                } catch (ExecutionException e) {
                    if (failed == null) failed = e.getCause();
                    break;
                }
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
        if (failed instanceof RuntimeException e) throw e;
        if (failed instanceof Error e) throw e;
        if (failed != null) throw new IllegalStateException(failed);
    }

    /** A value being made on a helper, or made by whoever asks for it first if no helper has started it. */
    public static final class Aside<T> {
        private final Supplier<T> work;
        private final AtomicInteger state = new AtomicInteger(WAITING);
        private final FutureTask<T> task;

        private Aside(Supplier<T> work) {
            this.work = work;
            this.task = new FutureTask<>(work::get);
        }

        /** The value, with what went wrong making it thrown here as it was. */
        public T get() {
            if (state.compareAndSet(WAITING, WITHDRAWN)) return work.get();
            boolean interrupted = false;
            try {
                while (true) {
                    try {
                        return task.get();
                    } catch (InterruptedException e) {
                        interrupted = true; // it is being made: waiting is shorter than making it again
                    } catch (ExecutionException e) {
                        if (e.getCause() instanceof RuntimeException x) throw x;
                        if (e.getCause() instanceof Error x) throw x;
                        throw new IllegalStateException(e.getCause());
                    }
                }
            } finally {
                if (interrupted) Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Starts making a value on a helper while the caller goes on with something else, when it is made
     * of at least {@link #MIN_ITEMS} items (a small design's is made when asked for, on the caller's
     * thread); a value no helper has started when it is asked for is made by the caller, so nothing
     * waits on a helper that is busy elsewhere. {@code work} must not depend on what the caller does
     * meanwhile.
     */
    public static <T> Aside<T> aside(int items, Supplier<T> work) {
        Aside<T> out = new Aside<>(work);
        if (items >= MIN_ITEMS && Pool.HELPERS > 0) {
            Pool.EXECUTOR.execute(() -> {
                if (out.state.compareAndSet(WAITING, STARTED)) out.task.run();
            });
        }
        return out;
    }
}
