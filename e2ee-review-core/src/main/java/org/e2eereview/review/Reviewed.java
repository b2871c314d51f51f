package org.e2eereview.review;

import org.e2eereview.model.Acceptance;
import org.e2eereview.rules.Finding;

/**
 * A finding with the decision recorded about it, if any.
 *
 * @param acceptance the acceptance keyed by the finding's id, or null
 */
public record Reviewed(Finding finding, Acceptance acceptance, Status status) {

    public enum Status {
        /** No acceptance: the finding counts. */
        ACTIVE,
        /** Accepted (or marked false positive, or mitigated elsewhere) and not expired. */
        ACCEPTED,
        /** Its acceptance expired: the finding counts again. */
        EXPIRED;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Whether the finding counts towards the verdict and --fail-on. */
    public boolean counts() {
        return status != Status.ACCEPTED;
    }
}
