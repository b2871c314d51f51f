package org.e2eereview.rules;

/**
 * One party reading one content item of one conversation: what a finding explains, and what a view
 * hides from the rules that finding explains. A record, so that two are the same by their fields and a
 * name that holds a separator cannot pass for another pair.
 */
record ReadKey(String party, String conversation, String data) {
}
