package org.e2eereview.analysis;

/**
 * A party reading a conversation, as a key: a review has at most one {@link Access} per pair, and
 * the rules and the diff match readings and accesses by it.
 */
public record ReaderKey(String party, String conversation) {
}
