package org.e2eereview.model;

/**
 * Someone who could obtain data: users, the provider, vendors, authorities.
 *
 * @param lawfulAccess the legal powers this party has over others, or null
 */
public record Party(String id, Kind kind, String name, String jurisdiction, LawfulAccess lawfulAccess,
                    String description, Source source) implements Element {

    public enum Kind implements ModelEnum {
        USER("People using the service; the usual members of conversations."),
        PROVIDER("The organisation that runs the messaging service."),
        CLOUD_VENDOR("A company whose cloud stores data for the service or its users (e.g. a phone platform's backup)."),
        OS_VENDOR("A platform vendor whose services the clients depend on (push notifications, app stores)."),
        LAW_ENFORCEMENT("Police or another investigating authority."),
        INTELLIGENCE_AGENCY("A signals-intelligence or security service."),
        GOVERNMENT("A government body other than police or intelligence, e.g. a regulator."),
        ESCROW_AGENT("An organisation trusted to hold copies of keys for lawful access."),
        CHILD_SAFETY_ORGANISATION("A hotline or NGO that owns hash lists or receives reports (e.g. NCMEC)."),
        PARENT("A parent or guardian of a user."),
        THIRD_PARTY("Any other organisation, e.g. a keyboard, analytics or AI vendor."),
        ATTACKER("An adversary with no legal standing, kept in the model to ask what it could read.");

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
        DATA_DISCLOSURE("Require handing over data the compelled party holds in readable form."),
        KEY_DISCLOSURE("Require handing over keys the compelled party holds or can recover."),
        ADD_PARTICIPANT("Require adding this party to a conversation the compelled party manages (a 'ghost')."),
        TARGETED_UPDATE("Require shipping modified client software to chosen users."),
        TECHNICAL_CAPABILITY("Require building a new capability, e.g. removing protection the provider applies.");

        private final String description;

        Power(String description) {
            this.description = description;
        }

        @Override
        public String description() {
            return description;
        }
    }
}
