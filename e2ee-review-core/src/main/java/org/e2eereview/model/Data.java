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
 * @param guessable   few enough possible values (phone numbers, short codes) that a hash of it can be
 *                    reversed by trying them all: whoever reads a hash of it reads it
 * @param retention   how long it is kept where it is stored, in the author's words (e.g. "90 days")
 */
public record Data(String id, Kind kind, List<String> createdOn, List<String> derivedFrom, List<String> contains,
                   boolean guessable, String retention, String description, Source source) implements Element {

    public Data {
        createdOn = List.copyOf(createdOn);
        derivedFrom = List.copyOf(derivedFrom);
        contains = List.copyOf(contains);
    }

    public enum Kind implements ModelEnum {
        @Doc("Text of messages.")
        MESSAGE_CONTENT,
        @Doc("Photos, videos, files and voice notes.")
        ATTACHMENT,
        @Doc("Audio and video of calls.")
        CALL_MEDIA,
        @Doc("URLs inside messages.")
        LINK,
        @Doc("Title, summary and image fetched for a link.")
        LINK_PREVIEW,
        @Doc("What a push notification carries.")
        NOTIFICATION_PAYLOAD,
        @Doc("A hash or perceptual hash computed from content.")
        CONTENT_HASH,
        @Doc("The output of a classifier run on content.")
        CLASSIFIER_VERDICT,
        @Doc("An encrypted match report attached to uploaded content.")
        SAFETY_VOUCHER,
        @Doc("A low-resolution version of an image, made for human review.")
        VISUAL_DERIVATIVE,
        @Doc("An identifier of a message kept to trace who sent it first.")
        MESSAGE_FINGERPRINT,
        @Doc("A commitment to a message that lets a report be verified.")
        FRANKING_TAG,
        @Doc("How often a message has been forwarded.")
        FORWARD_COUNTER,
        @Doc("What a user report sends to the provider.")
        REPORT,
        @Doc("A backup of message history or keys.")
        BACKUP,
        @Doc("Who talks to whom, when, from where.")
        METADATA,
        @Doc("Group names, member lists, invite links.")
        GROUP_METADATA,
        @Doc("Profile name, photo and status.")
        PROFILE,
        @Doc("A user's address book.")
        CONTACT_LIST,
        @Doc("What a user types, as a keyboard sees it.")
        KEYSTROKES,
        @Doc("Analytics, crash reports and logs.")
        TELEMETRY,
        @Doc("Anything not covered above.")
        OTHER;

        /**
         * Whether reading data of this kind that is derived from content reveals the content itself: a
         * notification payload, a visual derivative or a report is an excerpt or a copy, not a summary.
         */
        public boolean revealsSource() {
            return this == NOTIFICATION_PAYLOAD || this == VISUAL_DERIVATIVE || this == REPORT || this == KEYSTROKES
                    || this == MESSAGE_CONTENT || this == ATTACHMENT || this == CALL_MEDIA || this == BACKUP;
        }

        /** Whether it reveals nothing about its source to whoever lacks the key: a commitment, such as a franking tag. */
        public boolean revealsNothing() {
            return this == FRANKING_TAG;
        }

        /** Data about communication rather than its content: exposing it is a metadata question. */
        public boolean metadata() {
            return this == METADATA || this == GROUP_METADATA || this == PROFILE || this == CONTACT_LIST
                    || this == TELEMETRY;
        }
    }
}
