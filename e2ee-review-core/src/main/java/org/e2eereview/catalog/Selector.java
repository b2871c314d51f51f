package org.e2eereview.catalog;

import org.e2eereview.model.Doc;
import org.e2eereview.model.ModelEnum;

/**
 * The elements of a team's model that a proposal's patch binds to, by what they are rather than by
 * name, so that one proposal applies to any design. `assess` computes each from the model.
 */
public enum Selector implements ModelEnum {
    @Doc("Parties of kind provider: who runs the service. Where there are several and only some of them supply or run "
            + "a client, those.")
    PROVIDERS,
    @Doc("Clients (apps and web clients) whose code a provider supplies; where a provider supplies none (a contractor "
            + "builds the app the provider's users run), the users' clients whose supplier the model names.")
    PROVIDER_CLIENTS,
    @Doc("The parties that supply the code of those clients: whom an authority compels to ship a modified app. The "
            + "provider, unless another party builds its app.")
    CLIENT_SUPPLIERS,
    @Doc("Of those clients, the apps installed on a device (kind client), not web clients: what a device's own unlock "
            + "protects.")
    PROVIDER_APPS,
    @Doc("Servers a provider runs.")
    PROVIDER_SERVERS,
    @Doc("End-to-end encrypted conversations to which members can be added, whose membership a component run by a provider manages.")
    MANAGED_CONVERSATIONS,
    @Doc("Conversations, of any kind, whose content is end-to-end encrypted.")
    ENCRYPTED_CONVERSATIONS,
    @Doc("What members of an end-to-end encrypted conversation write and send: its content items of kind "
            + "message-content, attachment, link or link-preview. Not call media, forward counters or metadata.")
    MESSAGE_CONTENT,
    @Doc("The audio and video of end-to-end encrypted calls: content items of kind call-media.")
    CALL_MEDIA,
    @Doc("Every content item of an end-to-end encrypted conversation that is not metadata: message content, call "
            + "media and what is derived from them, as the conversation lists them.")
    CONVERSATION_CONTENT,
    @Doc("Keys that directly protect the content of an end-to-end encrypted conversation.")
    CONTENT_KEYS,
    @Doc("Law-enforcement and intelligence parties that can compel a provider, or a party that runs the service's servers or supplies its clients.")
    AUTHORITIES,
    @Doc("Parties of kind os-vendor: who makes the users' devices and their operating systems.")
    DEVICE_MAKERS;
}
