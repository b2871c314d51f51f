package org.e2eereview.model;

/**
 * The submitting organisation's own words and the document's particulars for a consultation
 * submission; any may be absent. The texts are CommonMark, each rendered at the head of its section
 * as the organisation's own prose. The review never reads them.
 *
 * @param title     the document's title; absent, reports make one from the system's name
 * @param addressee who the submission is addressed to (the ministry, the consultation's office)
 * @param reference the consultation's reference, as its call for evidence gives it
 * @param modelUrl  where readers can get the model the document was computed from
 */
public record Submission(String title, String addressee, String reference, String organisation, String contact,
                         String modelUrl, String summary, String design, String publicSafety, String capabilities,
                         String closing, Source source) {
}
