package org.e2eereview.model;

import java.util.List;

/**
 * Where the team's Java code logs, reports telemetry, serialises and does cryptography, as
 * package or class patterns. Only the ArchUnit rules read it; the review never does.
 *
 * @param cryptoPrimitives crypto libraries besides javax.crypto and java.security's key generation
 */
public record Code(List<String> logging, List<String> telemetry, List<String> serialisation,
                   List<String> cryptoPrimitives, Source source) {

    public Code {
        logging = List.copyOf(logging);
        telemetry = List.copyOf(telemetry);
        serialisation = List.copyOf(serialisation);
        cryptoPrimitives = List.copyOf(cryptoPrimitives);
    }
}
