package org.e2eereview.load;

import java.util.concurrent.atomic.AtomicInteger;

/** A class a hostile model names in a YAML tag: it counts any instantiation, which must never happen. */
public final class Canary {

    public static final AtomicInteger INSTANCES = new AtomicInteger();

    public Canary(String note) {
        INSTANCES.incrementAndGet();
    }
}
