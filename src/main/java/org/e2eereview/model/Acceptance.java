package org.e2eereview.model;

import java.time.LocalDate;

/**
 * A reviewed finding, keyed by its stable id. Once {@code until} has passed the
 * finding counts again: acceptances are decisions with an expiry, not silences.
 */
public record Acceptance(String findingId, Status status, String justification, String decidedBy, LocalDate until,
                         Source source) {

    public enum Status implements ModelEnum {
        ACCEPTED("The risk is known and accepted."),
        FALSE_POSITIVE("The finding does not apply to the real system."),
        MITIGATED_ELSEWHERE("A control outside the model handles it.");

        private final String description;

        Status(String description) {
            this.description = description;
        }

        @Override
        public String description() {
            return description;
        }
    }
}
