package org.e2eereview.model;

import java.util.Map;

/**
 * A loaded, checked model: every reference resolves and every id is unique across
 * all element maps. Maps keep the order of the file.
 *
 * @param sha256     digest of the file's bytes, so a report names exactly what it reviewed
 * @param submission the submitting organisation's narrative, or null
 * @param code       where the team's code logs, serialises and does cryptography, or null
 * @param text       the model file's text as read (without any patch applied): what reports show as the model
 *                   and what-ifs patch, so that nothing reads the file again after it may have changed
 */
public record Model(String file, String sha256, int formatVersion, SystemInfo system, Map<String, Party> parties,
                    Map<String, Component> components, Map<String, Key> keys, Map<String, Data> data,
                    Map<String, Conversation> conversations, Map<String, Flow> flows, Map<String, Feature> features,
                    Map<String, Acceptance> accepted, Submission submission, Code code, String text) {

    public static final int FORMAT_VERSION = 1;

    /** Total number of elements, the size measure used in benchmarks and summaries. */
    public int size() {
        return parties.size() + components.size() + keys.size() + data.size() + conversations.size()
                + flows.size() + features.size();
    }

}
