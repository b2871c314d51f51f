package org.example.messenger.log;

import java.util.logging.Logger;

/** The messenger's one way to write logs. */
public final class Log {

    private static final Logger LOGGER = Logger.getLogger("messenger");

    private Log() {
    }

    public static void info(String message) {
        LOGGER.info(message);
    }
}
