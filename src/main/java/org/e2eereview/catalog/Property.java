package org.e2eereview.catalog;

import org.e2eereview.model.ModelEnum;

/** The properties end-to-end encryption is meant to give, which a weakening breaks. */
public enum Property implements ModelEnum {
    CONFIDENTIALITY("Only the members of a conversation can read its content."),
    FORWARD_SECRECY("A key compromised today does not expose past messages."),
    POST_COMPROMISE_SECURITY("After a compromise, the protocol heals and later messages are safe again."),
    MEMBERSHIP_AUTHENTICITY("Members know exactly who else is in the conversation."),
    ENDPOINT_AUTHENTICATION("Members can check that keys belong to the people they claim to."),
    SOFTWARE_INTEGRITY("The client does what everyone's copy of it does; it cannot be swapped for one user."),
    METADATA_PRIVACY("Who talks to whom, and when, stays private."),
    DENIABILITY("A message cannot be proven to a third party to come from its sender.");

    private final String description;

    Property(String description) {
        this.description = description;
    }

    @Override
    public String description() {
        return description;
    }
}
