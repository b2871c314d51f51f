package org.e2eereview.model;

/**
 * Someone who could obtain data: users, the provider, vendors, authorities.
 *
 * @param lawfulAccess the legal powers this party has over others, or null
 * @param disclosedToUsers where users are told that this party can read their content, or null
 */
public record Party(String id, Kind kind, String name, String jurisdiction, LawfulAccess lawfulAccess,
                    String disclosedToUsers, String description, Source source) implements Element {

    public enum Kind implements ModelEnum {
        @Doc("People using the service; the usual members of conversations.")
        USER,
        @Doc("The organisation that runs the messaging service.")
        PROVIDER,
        @Doc("A company whose cloud stores data for the service or its users (e.g. a phone platform's backup).")
        CLOUD_VENDOR,
        @Doc("A platform vendor whose services the clients depend on (push notifications, app stores).")
        OS_VENDOR,
        @Doc("Police or another investigating authority.")
        LAW_ENFORCEMENT,
        @Doc("A signals-intelligence or security service.")
        INTELLIGENCE_AGENCY,
        @Doc("A government body other than police or intelligence, e.g. a regulator.")
        GOVERNMENT,
        @Doc("An organisation trusted to hold copies of keys for lawful access.")
        ESCROW_AGENT,
        @Doc("A hotline or NGO that owns hash lists or receives reports (e.g. NCMEC).")
        CHILD_SAFETY_ORGANISATION,
        @Doc("A parent or guardian of a user.")
        PARENT,
        @Doc("An employer or other organisation that provides the service to its members and sets its policy (retention, legal hold), usually through an administrator. Its power over the vendor, written as lawful-access, acts on the organisation's decision, not on a legal order.")
        ORGANISATION,
        @Doc("A company that makes hardware others rely on, e.g. the maker of the processor whose enclave attestation clients check.")
        HARDWARE_VENDOR,
        @Doc("Any other organisation, e.g. a keyboard, analytics or AI vendor.")
        THIRD_PARTY,
        @Doc("An adversary with no legal standing, kept in the model to ask what it could read.")
        ATTACKER;
    }

    /**
     * What a party can legally require of others, e.g. police serving a warrant on the provider.
     */
    public record LawfulAccess(java.util.List<String> compels, java.util.List<Power> powers, String legalBasis,
                               Source source) {
        public LawfulAccess {
            compels = java.util.List.copyOf(compels);
            powers = java.util.List.copyOf(powers);
        }
    }

    public enum Power implements ModelEnum {
        @Doc("Require handing over data the compelled party holds in readable form (what it reads on its components, with keys it holds or recovers, from features, from members' reports).")
        DATA_DISCLOSURE,
        @Doc("Require handing over keys the compelled party holds or can recover, and so what they open. The authority then holds them itself.")
        KEY_DISCLOSURE,
        @Doc("Require the compelled party to decrypt, with keys it holds or can recover, data the authority brings (a seized device, intercepted traffic) and hand over the result, not the keys: the authority reads what those keys open, on a legal order, but holds no key.")
        DECRYPTION,
        @Doc("Require adding this party to a conversation, or a device to a member's account, or a key of its choosing to what the compelled party's directory serves (a 'ghost').")
        ADD_PARTICIPANT,
        @Doc("Require shipping modified client software to chosen users: what those clients hold and read, keys included.")
        TARGETED_UPDATE,
        @Doc("Require building a new capability, e.g. removing protection the provider applies: everything the compelled party could do by any route, keys included.")
        TECHNICAL_CAPABILITY;
    }
}
