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
        @Doc("A conversation between two users.")
        ONE_TO_ONE,
        @Doc("A conversation among many users.")
        GROUP,
        @Doc("A voice or video call.")
        CALL,
        @Doc("A broadcast to subscribers.")
        CHANNEL,
        @Doc("Messages by e-mail.")
        EMAIL;
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
        @Doc("Plain SMS or MMS through the carrier.")
        SMS,
        @Doc("The provider's own channel without end-to-end encryption.")
        NON_E2EE;
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
        @Doc("Every member and device change is shown to all members; the server cannot hide it.")
        ALWAYS,
        @Doc("Changes are normally shown, but the server can flag a change to be hidden.")
        SUPPRESSIBLE,
        @Doc("Changes are not shown.")
        NEVER;
    }

    public enum Verification implements ModelEnum {
        @Doc("Users can compare fingerprints (safety numbers, QR codes) out of band.")
        SAFETY_NUMBERS,
        @Doc("Users are warned when a contact's key changes.")
        KEY_CHANGE_ALERTS,
        @Doc("Clients check served keys against a key transparency log.")
        KEY_TRANSPARENCY,
        @Doc("Clients automatically verify contacts' keys (e.g. iMessage Contact Key Verification).")
        CONTACT_KEY_VERIFICATION,
        @Doc("Users sign their own devices and verified contacts (e.g. Matrix cross-signing).")
        CROSS_SIGNING;
    }

    public enum MetadataProtection implements ModelEnum {
        @Doc("The sender's identity is inside the encrypted envelope; the server does not see it.")
        SEALED_SENDER,
        @Doc("Group names and member lists are stored encrypted; the server cannot read them.")
        ENCRYPTED_GROUP_STATE,
        @Doc("Contact discovery happens without the server learning the address book.")
        PRIVATE_CONTACT_DISCOVERY;
    }
}
