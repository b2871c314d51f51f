package org.e2eereview.catalog;

import org.e2eereview.model.Doc;
import org.e2eereview.model.ModelEnum;

/** The properties end-to-end encryption is meant to give, which a weakening breaks. */
public enum Property implements ModelEnum {
    @Doc("Only the members of a conversation can read its content.")
    CONFIDENTIALITY,
    @Doc("A key compromised today does not expose past messages.")
    FORWARD_SECRECY,
    @Doc("After a compromise, the protocol heals and later messages are safe again.")
    POST_COMPROMISE_SECURITY,
    @Doc("Members know exactly who else is in the conversation.")
    MEMBERSHIP_AUTHENTICITY,
    @Doc("Members can check that keys belong to the people they claim to.")
    ENDPOINT_AUTHENTICATION,
    @Doc("The client does what everyone's copy of it does; it cannot be swapped for one user.")
    SOFTWARE_INTEGRITY,
    @Doc("Who talks to whom, and when, stays private.")
    METADATA_PRIVACY,
    @Doc("A message cannot be proven to a third party to come from its sender.")
    DENIABILITY;

}
