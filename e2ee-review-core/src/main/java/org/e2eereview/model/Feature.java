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
        @Doc("A member reports messages to the provider (with franking, verifiably).")
        USER_REPORTING,
        @Doc("Detecting abuse from behaviour and registration signals, not content.")
        METADATA_ABUSE_DETECTION,
        @Doc("Matching or classifying content, on a device or a server.")
        CONTENT_SCANNING,
        @Doc("Limits on how widely a message can be forwarded.")
        FORWARDING_LIMITS,
        @Doc("Message requests, blocking, consent before being added to groups.")
        CONTACT_CONTROLS,
        @Doc("Warnings to users about risky contacts, from metadata.")
        SAFETY_NOTICES,
        @Doc("Handing over data the provider holds under legal process.")
        LAWFUL_DISCLOSURE,
        @Doc("Bans, appeals, referrals and transparency reporting.")
        ACCOUNT_ENFORCEMENT,
        @Doc("Access to content for authorities: escrow, ghost participants, decryptable backups.")
        EXCEPTIONAL_ACCESS,
        @Doc("Naming the first sender of a message.")
        ORIGINATOR_TRACING,
        @Doc("Access through a seized or targeted device, outside the service design.")
        ENDPOINT_ACCESS;
    }

    public enum Method implements ModelEnum {
        @Doc("Compares hashes (exact or perceptual) against a list of known items.")
        HASH_MATCH,
        @Doc("A machine-learning classifier.")
        CLASSIFIER,
        @Doc("Signals such as send rate, account age, group joins.")
        BEHAVIOURAL_SIGNALS,
        @Doc("People look at the material.")
        HUMAN_REVIEW;
    }

    public enum Initiator implements ModelEnum {
        @Doc("A member of the conversation chooses to act.")
        MEMBER,
        @Doc("Software acts without anyone choosing to.")
        AUTOMATIC,
        @Doc("The provider acts.")
        PROVIDER,
        @Doc("An authority acts, e.g. with a warrant.")
        AUTHORITY;
    }

    public enum AppliesTo implements ModelEnum {
        @Doc("Every user, with no way to opt out.")
        ALL_USERS,
        @Doc("Only users who turn it on.")
        OPT_IN,
        @Doc("Only accounts of children.")
        MINORS,
        @Doc("Only content the user uploads to a cloud service.")
        CLOUD_UPLOADS,
        @Doc("Only users named in a legal order.")
        TARGETED_USERS;
    }
}
