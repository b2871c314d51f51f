package org.e2eereview.model;

import java.util.List;

/**
 * Something that can be read: message content, what is derived from it, metadata, backups.
 *
 * @param createdOn   components where the data comes into being in readable form
 * @param derivedFrom data this is computed from (a hash, a verdict, a preview); reading it tells
 *                    something about the source but does not reveal it whole
 * @param contains    data carried whole inside this item (a backup contains messages):
 *                    reading this reads them
 * @param retention   how long it is kept where it is stored, in the author's words (e.g. "90 days")
 */
public record Data(String id, Kind kind, List<String> createdOn, List<String> derivedFrom, List<String> contains,
                   String retention, String description, Source source) implements Element {

    public Data {
        createdOn = List.copyOf(createdOn);
        derivedFrom = List.copyOf(derivedFrom);
        contains = List.copyOf(contains);
    }

    public enum Kind implements ModelEnum {
        MESSAGE_CONTENT("Text of messages."),
        ATTACHMENT("Photos, videos, files and voice notes."),
        CALL_MEDIA("Audio and video of calls."),
        LINK("URLs inside messages."),
        LINK_PREVIEW("Title, summary and image fetched for a link."),
        NOTIFICATION_PAYLOAD("What a push notification carries."),
        CONTENT_HASH("A hash or perceptual hash computed from content."),
        CLASSIFIER_VERDICT("The output of a classifier run on content."),
        SAFETY_VOUCHER("An encrypted match report attached to uploaded content."),
        VISUAL_DERIVATIVE("A low-resolution version of an image, made for human review."),
        MESSAGE_FINGERPRINT("An identifier of a message kept to trace who sent it first."),
        FRANKING_TAG("A commitment to a message that lets a report be verified."),
        FORWARD_COUNTER("How often a message has been forwarded."),
        REPORT("What a user report sends to the provider."),
        BACKUP("A backup of message history or keys."),
        METADATA("Who talks to whom, when, from where."),
        GROUP_METADATA("Group names, member lists, invite links."),
        PROFILE("Profile name, photo and status."),
        CONTACT_LIST("A user's address book."),
        KEYSTROKES("What a user types, as a keyboard sees it."),
        TELEMETRY("Analytics, crash reports and logs."),
        OTHER("Anything not covered above.");

        private final String description;

        Kind(String description) {
            this.description = description;
        }

        @Override
        public String description() {
            return description;
        }

        /** Data about communication rather than its content: exposing it is a metadata question. */
        public boolean metadata() {
            return this == METADATA || this == GROUP_METADATA || this == PROFILE || this == CONTACT_LIST
                    || this == TELEMETRY;
        }
    }
}
