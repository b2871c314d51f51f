package org.e2eereview.model;

import java.util.List;

/**
 * A chat, group or call: who is entitled to read it, what it carries, and how it is protected.
 *
 * @param members  the parties entitled to read its content; anyone else who can is a finding
 * @param fallback what happens when end-to-end encryption is unavailable, or null when not written
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
        @Doc("A chat or call between two people: nobody can be added to it.")
        ONE_TO_ONE,
        @Doc("A conversation among many users.")
        GROUP,
        @Doc("A voice or video call that others can join (a call between two people is one-to-one).")
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
        /** Whether messages can leave end-to-end encryption at all. */
        public boolean exists() {
            return to != FallbackTarget.NONE;
        }
    }

    public enum FallbackTarget implements ModelEnum {
        @Doc("There is no fallback: a message that cannot be end-to-end encrypted is not sent.")
        NONE,
        @Doc("Plain SMS or MMS through the carrier.")
        SMS,
        @Doc("The provider's own channel without end-to-end encryption.")
        NON_E2EE;
    }

    /**
     * Who decides who is in the conversation, and what members can see and check. Whatever is not
     * written is null and credits nothing.
     *
     * @param managedBy        component that keeps the member list and hands out changes, or null
     * @param signedByMembers  changes take effect only with a member's signature (e.g. MLS commits)
     * @param changesShown     whether members see member changes, or null when not written
     * @param deviceChangesShown whether members see a member's new device, or null when not written
     * @param devicesManagedBy component that keeps each user's device list (managedBy unless written), or null
     * @param deviceListSigned a new device is accepted only when signed by the user's existing device
     * @param unverifiedDevices what clients do with a device nobody has verified, or null when not written
     * @param deviceKeysFrom   key directory that serves members' device keys, or null
     */
    public record Membership(String managedBy, boolean signedByMembers, ChangesShown changesShown,
                             ChangesShown deviceChangesShown, String devicesManagedBy, boolean deviceListSigned,
                             UnverifiedDevices unverifiedDevices, String deviceKeysFrom,
                             List<Verification> verification, Source source) {
        public Membership {
            verification = List.copyOf(verification);
        }
    }

    public enum ChangesShown implements ModelEnum {
        @Doc("Every change is shown to all members; the server cannot hide it. Visible, not prevented.")
        ALWAYS,
        @Doc("Changes are normally shown, but the server can flag a change to be hidden.")
        SUPPRESSIBLE,
        @Doc("Changes are not shown.")
        NEVER;
    }

    public enum UnverifiedDevices implements ModelEnum {
        @Doc("Clients encrypt to every listed device, verified or not, without telling their users.")
        SHARE,
        @Doc("Clients encrypt to unverified devices too, but show a warning next to them.")
        WARN,
        @Doc("Clients encrypt only to devices their users have verified.")
        BLOCK;
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

        /**
         * The kind of data it keeps from the provider: the review checks the claim against who reads such
         * data. Null for sealed sender: no data kind is the sender's identity alone (metadata also covers
         * what sealed sender leaves the server: recipient, time, size), so that claim is not assessed.
         */
        public Data.Kind hides() {
            return switch (this) {
                case SEALED_SENDER -> null;
                case ENCRYPTED_GROUP_STATE -> Data.Kind.GROUP_METADATA;
                case PRIVATE_CONTACT_DISCOVERY -> Data.Kind.CONTACT_LIST;
            };
        }
    }
}
