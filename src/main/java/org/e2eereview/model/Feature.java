package org.e2eereview.model;

import java.util.List;

/**
 * A public-safety feature the design declares. Which fields matter depends on the kind;
 * docs/model.md says which. Whether a feature preserves end-to-end encryption is not
 * declared here: the review works it out from where it runs, what it reads and who
 * learns the result.
 *
 * @param runsOn     component where it runs, or null
 * @param inspects   data it reads
 * @param resultsTo  parties who learn its results; empty when nobody but the user does
 * @param discloses  data it hands over when it acts (a report, a disclosure)
 */
public record Feature(String id, Kind kind, String runsOn, List<String> inspects, Method method,
                      List<String> hashListFrom, boolean hashListAuditable, List<String> resultsTo,
                      Initiator initiatedBy, List<String> discloses, boolean franking, Integer contextMessages,
                      boolean userInformed, Integer forwardLimit, boolean counterInCiphertext, AppliesTo appliesTo,
                      Integer threshold, boolean requiresProviderAssistance, String legalBasis, String description,
                      Source source) implements Element {

    public Feature {
        inspects = List.copyOf(inspects);
        hashListFrom = List.copyOf(hashListFrom);
        resultsTo = List.copyOf(resultsTo);
        discloses = List.copyOf(discloses);
    }

    public enum Kind implements ModelEnum {
        USER_REPORTING("A member reports messages to the provider (with franking, verifiably)."),
        METADATA_ABUSE_DETECTION("Detecting abuse from behaviour and registration signals, not content."),
        CONTENT_SCANNING("Matching or classifying content, on a device or a server."),
        FORWARDING_LIMITS("Limits on how widely a message can be forwarded."),
        CONTACT_CONTROLS("Message requests, blocking, consent before being added to groups."),
        SAFETY_NOTICES("Warnings to users about risky contacts, from metadata."),
        LAWFUL_DISCLOSURE("Handing over data the provider holds under legal process."),
        ACCOUNT_ENFORCEMENT("Bans, appeals, referrals and transparency reporting."),
        EXCEPTIONAL_ACCESS("Access to content for authorities: escrow, ghost participants, decryptable backups."),
        ORIGINATOR_TRACING("Naming the first sender of a message."),
        ENDPOINT_ACCESS("Access through a seized or targeted device, outside the service design.");

        private final String description;

        Kind(String description) {
            this.description = description;
        }

        @Override
        public String description() {
            return description;
        }
    }

    public enum Method implements ModelEnum {
        HASH_MATCH("Compares hashes (exact or perceptual) against a list of known items."),
        CLASSIFIER("A machine-learning classifier."),
        BEHAVIOURAL_SIGNALS("Signals such as send rate, account age, group joins."),
        HUMAN_REVIEW("People look at the material.");

        private final String description;

        Method(String description) {
            this.description = description;
        }

        @Override
        public String description() {
            return description;
        }
    }

    public enum Initiator implements ModelEnum {
        MEMBER("A member of the conversation chooses to act."),
        AUTOMATIC("Software acts without anyone choosing to."),
        PROVIDER("The provider acts."),
        AUTHORITY("An authority acts, e.g. with a warrant.");

        private final String description;

        Initiator(String description) {
            this.description = description;
        }

        @Override
        public String description() {
            return description;
        }
    }

    public enum AppliesTo implements ModelEnum {
        ALL_USERS("Every user, with no way to opt out."),
        OPT_IN("Only users who turn it on."),
        MINORS("Only accounts of children."),
        CLOUD_UPLOADS("Only content the user uploads to a cloud service."),
        TARGETED_USERS("Only users named in a legal order.");

        private final String description;

        AppliesTo(String description) {
            this.description = description;
        }

        @Override
        public String description() {
            return description;
        }
    }
}
