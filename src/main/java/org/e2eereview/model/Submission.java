package org.e2eereview.model;

/**
 * The submitting organisation's own words for a consultation submission, each rendered at the head
 * of its section; any may be absent. The review never reads them.
 */
public record Submission(String organisation, String contact, String summary, String design, String publicSafety,
                         String capabilities, String closing, Source source) {
}
