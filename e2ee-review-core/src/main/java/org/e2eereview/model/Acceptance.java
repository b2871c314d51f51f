package org.e2eereview.model;

import java.time.LocalDate;

/**
 * A reviewed finding, keyed by its stable id. Once {@code until} has passed the
 * finding counts again: acceptances are decisions with an expiry, not silences.
 */
public record Acceptance(String findingId, Status status, String justification, String decidedBy, LocalDate until,
                         Source source) {

    public enum Status implements ModelEnum {
        @Doc("The risk is known and accepted.")
        ACCEPTED,
        @Doc("The finding does not apply to the real system.")
        FALSE_POSITIVE,
        @Doc("A control outside the model handles it.")
        MITIGATED_ELSEWHERE;
    }
}
