package org.e2eereview.model;

import java.util.List;

/**
 * A chat, group or call: who is entitled to read it, what it carries, and how it is protected.
 *
 * @param members  the parties entitled to read its content; anyone else who can is a finding
 * @param fallback what happens when end-to-end encryption is unavailable, or null for no fallback
 */
public record Conversation(String id, Kind kind, String name, List<String> members, List<String> content,
                           String protocol, EndToEnd endToEnd, Fallback fallback, Membership membership,
                           List<MetadataProtection> metadataProtection, String description, Source source)
        implements Element {

    public Conversation {
        members = List.copyOf(members);
        content = List.copyOf(content);
        metadataProtection = List.copyOf(metadataProtection);
    }

    public enum Kind implements ModelEnum {
        ONE_TO_ONE("A conversation between two users."),
        GROUP("A conversation among many users."),
        CALL("A voice or video call."),
        CHANNEL("A broadcast to subscribers."),
        EMAIL("Messages by e-mail.");

        private final String description;

        Kind(String description) {
            this.description = description;
        }

        @Override
        public String description() {
            return description;
        }
    }

    /**
     * @param available whether end-to-end encryption exists for this conversation at all
     * @param byDefault whether it is on without the user doing anything
     */
    public record EndToEnd(boolean available, boolean byDefault, boolean forwardSecrecy,
                           boolean postCompromiseSecurity, Source source) {
    }

    public record Fallback(FallbackTarget to, boolean automatic, boolean indicated, Source source) {
    }

    public enum FallbackTarget implements ModelEnum {
        SMS("Plain SMS or MMS through the carrier."),
        NON_E2EE("The provider's own channel without end-to-end encryption.");

        private final String description;

        FallbackTarget(String description) {
            this.description = description;
        }

        @Override
        public String description() {
            return description;
        }
    }

    /**
     * Who decides who is in the conversation, and what members can see and check.
     *
     * @param managedBy        component that keeps the member list and hands out changes
     * @param signedByMembers  changes take effect only with a member's signature (e.g. MLS commits)
     * @param deviceChangesShown whether members see a member's new device
     * @param devicesManagedBy component that keeps each user's device list
     * @param deviceListSigned a new device is accepted only when signed by the user's existing device
     * @param deviceKeysFrom   key directory that serves members' device keys, or null
     */
    public record Membership(String managedBy, boolean signedByMembers, ChangesShown changesShown,
                             ChangesShown deviceChangesShown, String devicesManagedBy, boolean deviceListSigned, String deviceKeysFrom,
                             List<Verification> verification, Source source) {
        public Membership {
            verification = List.copyOf(verification);
        }
    }

    public enum ChangesShown implements ModelEnum {
        ALWAYS("Every member and device change is shown to all members; the server cannot hide it."),
        SUPPRESSIBLE("Changes are normally shown, but the server can flag a change to be hidden."),
        NEVER("Changes are not shown.");

        private final String description;

        ChangesShown(String description) {
            this.description = description;
        }

        @Override
        public String description() {
            return description;
        }
    }

    public enum Verification implements ModelEnum {
        SAFETY_NUMBERS("Users can compare fingerprints (safety numbers, QR codes) out of band."),
        KEY_CHANGE_ALERTS("Users are warned when a contact's key changes."),
        KEY_TRANSPARENCY("Clients check served keys against a key transparency log."),
        CONTACT_KEY_VERIFICATION("Clients automatically verify contacts' keys (e.g. iMessage Contact Key Verification)."),
        CROSS_SIGNING("Users sign their own devices and verified contacts (e.g. Matrix cross-signing).");

        private final String description;

        Verification(String description) {
            this.description = description;
        }

        @Override
        public String description() {
            return description;
        }
    }

    public enum MetadataProtection implements ModelEnum {
        SEALED_SENDER("The sender's identity is inside the encrypted envelope; the server does not see it."),
        ENCRYPTED_GROUP_STATE("Group names and member lists are stored encrypted; the server cannot read them."),
        PRIVATE_CONTACT_DISCOVERY("Contact discovery happens without the server learning the address book.");

        private final String description;

        MetadataProtection(String description) {
            this.description = description;
        }

        @Override
        public String description() {
            return description;
        }
    }
}
