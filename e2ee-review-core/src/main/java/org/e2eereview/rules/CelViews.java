package org.e2eereview.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import org.e2eereview.analysis.Access;
import org.e2eereview.analysis.Analysis;
import org.e2eereview.analysis.Holding;
import org.e2eereview.analysis.Reading;
import org.e2eereview.analysis.Route;
import org.e2eereview.analysis.Safeguarded;
import org.e2eereview.analysis.Step;
import org.e2eereview.model.Component;
import org.e2eereview.model.Conversation;
import org.e2eereview.model.Data;
import org.e2eereview.model.Feature;
import org.e2eereview.model.Flow;
import org.e2eereview.model.Key;
import org.e2eereview.model.Model;
import org.e2eereview.model.ModelEnum;
import org.e2eereview.model.Party;

/**
 * The views rule conditions see, one per element kind, and the indexes they are computed from.
 * Field names are snake_case (CEL identifiers cannot contain dashes); values are strings, booleans,
 * integers and lists, with vocabulary values spelt as in YAML ("suppressible").
 */
final class CelViews {

    record HolderView(Holding holding, Key key) {
    }

    record ReaderView(Reading reading, Data data) {
    }

    // ---- view types ----

    static final ViewType<HolderView> HOLDER = new ViewType<HolderView>("holder", "A party that holds or can obtain a key.")
            .text("party", "The party.", (v, h) -> h.holding().party())
            .text("party_kind", "Its kind.", (v, h) -> v.partyKind(h.holding().party()))
            .text("route", "How: holds-key, recovers-key or targeted-update.", (v, h) -> h.holding().route().id())
            .texts("through", "The parties it compels to get the key, in order; empty when it holds it itself.",
                    (v, h) -> h.holding().through())
            .text("condition", "When: always, by-default, opt-in, on-organisation-decision, on-legal-order, with-device or on-fallback.",
                    (v, h) -> h.holding().condition().yamlName())
            .bool("unwrapped", "True when it gets the key only by unwrapping it with another key it holds.",
                    (v, h) -> h.holding().unwrappedWith() != null)
            .bool("outside", "True when it is not a member of every conversation whose content the key protects.",
                    (v, h) -> v.outside(h.holding().party(), v.conversationsProtectedBy(h.key().id())));

    static final ViewType<ReaderView> READER = new ViewType<ReaderView>("reader", "A party that can read a data item.")
            .text("party", "The party.", (v, r) -> r.reading().party())
            .text("party_kind", "Its kind.", (v, r) -> v.partyKind(r.reading().party()))
            .text("route", "How it reads: runs-component, holds-key, recovers-key, adds-member, adds-device, "
                    + "substitutes-keys, targeted-update or learns-derived.", (v, r) -> r.reading().route().id())
            .text("condition", "When: always, by-default, opt-in, on-organisation-decision, on-legal-order, with-device or on-fallback.",
                    (v, r) -> r.reading().condition().yamlName())
            .texts("through", "The parties it compels to read, in order; empty when it reads by itself.",
                    (v, r) -> r.reading().through())
            .texts("through_kinds", "Their kinds.", (v, r) -> r.reading().through().stream().map(v::partyKind)
                    .distinct().toList())
            .bool("detectable", "True when a declared safeguard makes this reading visible, though it does not prevent it.",
                    (v, r) -> r.reading().detectable())
            .texts("lowered_by", "Safeguards that make it visible.", (v, r) -> safeguardNames(r.reading().lowering()))
            .bool("outside", "True when it is not a member of every conversation the data belongs to.",
                    (v, r) -> v.outside(r.reading().party(), v.conversationsOfData(r.data().id())));

    /** One reading inside an access finding: a route to one content item, and when it applies. */
    static final ViewType<Reading> READING = new ViewType<Reading>("reading", "One way an outside party reads content.")
            .text("route", "How: see reader.route.", (v, r) -> r.route().id())
            .text("data", "The content item read.", (v, r) -> r.data())
            .text("condition", "When: always, by-default, opt-in, on-organisation-decision, on-legal-order, with-device or on-fallback.",
                    (v, r) -> r.condition().yamlName())
            .bool("detectable", "True when a declared safeguard makes it visible, though it does not prevent it.",
                    (v, r) -> r.detectable())
            .texts("lowered_by", "Safeguards that make it visible.", (v, r) -> safeguardNames(r.lowering()))
            .texts("through", "Parties compelled on the way, in order.", (v, r) -> r.through())
            .texts("through_kinds", "Their kinds.", (v, r) -> r.through().stream().map(v::partyKind).distinct().toList());

    static final ViewType<Access> ACCESS = new ViewType<Access>("access",
                    "A party outside a conversation that can read its content (an access finding).")
            .text("party", "The party.", (v, a) -> a.party())
            .text("party_kind", "Its kind.", (v, a) -> v.partyKind(a.party()))
            .texts("routes", "How it reads (see reader.route).", (v, a) -> routeIds(a.readings(), false))
            .texts("unconditional_routes", "Routes that work for every user, with no opt-in, order or fallback needed.",
                    (v, a) -> routeIds(a.readings(), true))
            .bool("partial", "True when it only reads data derived from the content.", (v, a) -> a.partial())
            .bool("systemic", "True when a route exists for every user.", (v, a) -> a.systemic())
            .text("condition", "When, at best: always, by-default, opt-in, on-organisation-decision, on-legal-order, with-device or on-fallback.",
                    (v, a) -> a.condition().yamlName())
            .texts("through", "Parties it compels on the way.", (v, a) -> a.through())
            .texts("through_kinds", "Their kinds.", (v, a) -> a.through().stream().map(v::partyKind).distinct().toList())
            .views("readings", READING, "Each route to each content item, best first.", (v, a) -> a.readings())
            .bool("detectable", "True when a declared safeguard would make every one of its readings visible.",
                    (v, a) -> a.detectable())
            .texts("undetectable_routes", "Routes with a reading no declared safeguard would show.",
                    (v, a) -> undetectableRoutes(a.readings()))
            .texts("lowered_by", "Safeguards that make some reading visible.", (v, a) -> safeguardNames(a.lowering()))
            .bool("holds_content_key", "True when it holds a key that opens the content itself, not a backup of it: "
                            + "itself, or handed over on a power that passes keys; not what a party that holds one decrypts for it.",
                    (v, a) -> a.readings().stream().anyMatch(r -> r.route() == Route.HOLDS_KEY
                            && !v.throughBackup(r) && v.holdsKeyOn(a.party(), r)));

    /**
     * A party outside a conversation whose readings of it no weakening finding explains: what the
     * catch-all rule inspects, after every other rule has run.
     *
     * @param readings the readings left unexplained, best first
     */
    record Outsider(String conversation, String party, List<Reading> readings, List<String> unassessed) {
        String id() {
            return conversation + "/" + party;
        }

        boolean partial() {
            return readings.stream().allMatch(r -> r.route() == Route.LEARNS_DERIVED);
        }
    }

    static final ViewType<Outsider> OUTSIDER = new ViewType<Outsider>("outsider",
                    "A party outside a conversation that reads its content by routes no other finding explains.")
            .text("id", "conversation/party.", (v, o) -> o.id())
            .texts("unassessed", "Rules not assessed on the conversation (a field they need is not written): those that "
                    + "might have named this reader.", (v, o) -> o.unassessed())
            .text("conversation", "The conversation.", (v, o) -> o.conversation())
            .text("party", "The party.", (v, o) -> o.party())
            .text("party_kind", "Its kind.", (v, o) -> v.partyKind(o.party()))
            .texts("routes", "How it reads (see reader.route), by the readings left unexplained.",
                    (v, o) -> routeIds(o.readings(), false))
            .text("condition", "When, at best: always, by-default, opt-in, on-organisation-decision, on-legal-order, with-device or on-fallback.",
                    (v, o) -> o.readings().get(0).condition().yamlName())
            .bool("partial", "True when it only reads data derived from the content.", (v, o) -> o.partial())
            .bool("detectable", "True when a declared safeguard would make every unexplained reading visible.",
                    (v, o) -> o.readings().stream().allMatch(Reading::detectable))
            .texts("lowered_by", "Safeguards that make some of these readings visible.", (v, o) -> safeguardNames(
                    o.readings().stream().flatMap(r -> r.lowering().stream()).distinct().toList()))
            .texts("through", "Parties it compels on the way.", (v, o) -> o.readings().stream()
                    .flatMap(r -> r.through().stream()).distinct().sorted().toList())
            .texts("data", "The content it reads.", (v, o) -> o.readings().stream().map(Reading::data).distinct().toList())
            .bool("end_to_end", "Whether the conversation is end-to-end encrypted by default.", (v, o) -> {
                Conversation c = v.model.conversations().get(o.conversation());
                return c.endToEnd().available() && c.endToEnd().byDefault();
            });

    static final ViewType<Model> SYSTEM = new ViewType<Model>("system", "The system as a whole.")
            .text("name", "Name of the system.", (v, m) -> m.system().name())
            .bool("claims_e2ee", "Whether users are told it is end-to-end encrypted.", (v, m) -> m.system().claimsEndToEnd());

    static final ViewType<Party> PARTY = new ViewType<Party>("party", "A party.")
            .text("id", "Its id.", (v, p) -> p.id())
            .text("kind", "Its kind.", (v, p) -> p.kind().yamlName())
            .text("jurisdiction", "Its jurisdiction, or ''.", (v, p) -> p.jurisdiction())
            .bool("has_lawful_access", "Whether it can compel other parties.", (v, p) -> p.lawfulAccess() != null)
            .texts("compels", "Parties it can compel.", (v, p) -> p.lawfulAccess() == null ? List.of() : p.lawfulAccess().compels())
            .texts("powers", "Its powers over them.", (v, p) -> p.lawfulAccess() == null ? List.of()
                    : names(p.lawfulAccess().powers()))
            .texts("reads", "Conversations whose content it can read without being a member (not only data derived "
                    + "from it).", (v, p) -> v.conversationsReadBy(p.id()))
            .texts("reads_unseen", "Conversations whose content it can read without being a member by a route no "
                    + "declared safeguard would show.", (v, p) -> v.conversationsReadUnseenBy(p.id()))
            .texts("reads_unseen_through", "The parties it compels on the way to what it reads so (reads_unseen), in the "
                    + "order of its compels; empty when it reads it itself.", (v, p) -> v.throughUnseen(p))
            .bool("disclosed_to_users", "Whether users are told it can read their content.",
                    (v, p) -> p.disclosedToUsers() != null);

    static final ViewType<Component> COMPONENT = new ViewType<Component>("component", "A component.")
            .text("id", "Its id.", (v, c) -> c.id())
            .text("kind", "Its kind.", (v, c) -> c.kind().yamlName())
            .bool("client", "True for clients and web clients.", (v, c) -> isClient(c))
            .text("run_by", "The party running it.", (v, c) -> c.runBy())
            .text("run_by_kind", "That party's kind.", (v, c) -> v.partyKind(c.runBy()))
            .text("supplied_by", "The party supplying its code.", (v, c) -> c.suppliedBy())
            .text("supplied_by_kind", "That party's kind.", (v, c) -> v.partyKind(c.suppliedBy()))
            .bool("has_updates", "Whether its updates are described.", (v, c) -> c.updates() != null)
            .bool("per_user_targeting", "Whether updates can target chosen users.",
                    (v, c) -> c.updates() != null && c.updates().perUserTargeting())
            .bool("binary_transparency", "Whether builds are published to a checked log.",
                    (v, c) -> c.updates() != null && c.updates().binaryTransparency())
            .bool("reproducible_builds", "Whether builds can be reproduced from source.",
                    (v, c) -> c.updates() != null && c.updates().reproducibleBuilds())
            .text("transparency", "For key directories: none or key-transparency-log.", (v, c) -> c.transparency().yamlName())
            .bool("attested", "True when clients verify its enclave attestation before sending it anything: its operator "
                    + "does not read what enters it.", (v, c) -> c.attested())
            .bool("enclave_unverified", "True for an enclave (kind enclave, or attestation written) whose attestation "
                    + "clients are not written to verify: read as a server of its operator.",
                    (v, c) -> !c.attested() && (c.kind() == Component.Kind.ENCLAVE || c.attestation() != null))
            .bool("measurement_pinned", "True when clients accept only the enclave measurements built into them.",
                    (v, c) -> c.attestation() != null && c.attestation().measurementPinned())
            .bool("image_log", "True when every enclave image is published in a log clients check.",
                    (v, c) -> c.attestation() != null && c.attestation().imageLog())
            .text("hardware_by", "The makers of the enclave's hardware, joined with ', ', or ''.",
                    (v, c) -> c.attestation() == null ? "" : String.join(", ", c.attestation().hardwareBy()))
            .texts("image_readers", "For an attested enclave: parties that could read what enters it (data or keys, "
                    + "content or not) by running a new image clients accept. Sorted.",
                    (v, c) -> v.inside(c.id(), Route.ENCLAVE_IMAGE, false))
            .bool("image_visible", "True when every such reading would be visible (a log of images, reproducible builds).",
                    (v, c) -> v.inside(c.id(), Route.ENCLAVE_IMAGE, true).isEmpty())
            .texts("hardware_readers", "For an attested enclave: the maker of its hardware, as a party that could read "
                    + "what enters it. Sorted.", (v, c) -> v.inside(c.id(), Route.HARDWARE_ROOT, false))
            .texts("readable", "Data readable at it.", (v, c) -> List.copyOf(new TreeSet<>(v.analysis.readableAt(c.id()))))
            .bool("readable_content", "Whether conversation content (not metadata) is readable at it.",
                    (v, c) -> v.analysis.readableAt(c.id()).stream().anyMatch(d -> !v.conversationsOfData(d).isEmpty()))
            .views("readers", READER, "Parties outside a conversation that read its content by a chain that "
                    + "passes through this component.", (v, c) -> v.readersThrough(c.id()));

    static final ViewType<Key> KEY = new ViewType<Key>("key", "A key.")
            .text("id", "Its id.", (v, k) -> k.id())
            .text("kind", "Its kind.", (v, k) -> k.kind().yamlName())
            .text("scope", "Whose data it opens.", (v, k) -> k.scope().yamlName())
            .text("algorithm", "Its algorithm, or ''.", (v, k) -> k.algorithm())
            .text("algorithm_family", "The algorithm in lower case up to the first space or '(': "
                    + "'Skipjack (80-bit)' is 'skipjack'; '' when not stated.", (v, k) -> family(k.algorithm()))
            .texts("stored_on", "Components keeping a copy.", (v, k) -> k.storedOn())
            .texts("protects_keys", "Keys it protects (wraps) directly.",
                    (v, k) -> k.protects().stream().filter(v.model.keys()::containsKey).toList())
            .texts("protects_data_kinds", "Kinds of the data it protects directly.", (v, k) -> v.dataKinds(k.protects()))
            .texts("protects_conversations", "Conversations whose content it protects, directly or through other keys.",
                    (v, k) -> List.copyOf(v.conversationsProtectedBy(k.id())))
            .bool("protects_e2e", "Whether one of those conversations is end-to-end encrypted by default.",
                    (v, k) -> v.conversationsProtectedBy(k.id()).stream().map(v.model.conversations()::get)
                            .anyMatch(c -> c.endToEnd().available() && c.endToEnd().byDefault()))
            .bool("under_all_users_key", "True when a key for every user's data (scope all-users), held off the users' "
                    + "devices, opens this one: wraps it, or something it is derived from.", (v, k) -> v.underAllUsersKey(k.id()))
            .texts("keepers", "Parties other than users that keep it, or a part of it when it is derived from parts kept "
                    + "apart (split escrow): who has it, not who can obtain it by compelling them. Sorted.",
                    (v, k) -> v.keepers(k.id()))
            .bool("split", "True when nobody outside the users keeps it whole: its keepers keep the parts it is derived from.",
                    (v, k) -> !v.keepers(k.id()).isEmpty() && v.analysis.holders(k.id()).values().stream()
                            .noneMatch(h -> h.through().isEmpty() && !"user".equals(v.partyKind(h.party()))))
            .views("holders", HOLDER, "Parties that hold or can obtain it.", (v, k) -> v.holders(k))
            .views("readers", READER, "Parties outside a conversation that read its content by a chain that "
                    + "passes through this key.", (v, k) -> v.readersThrough(k.id()))
            .bool("has_recovery", "Whether it can be recovered from a user secret.", (v, k) -> k.recovery() != null)
            .text("recovery_secret", "The recovery secret's kind, or ''.",
                    (v, k) -> k.recovery() == null ? "" : k.recovery().secret().yamlName())
            .bool("recovery_guessable", "Whether the recovery secret can be guessed (pin, password, none).",
                    (v, k) -> k.recovery() != null && k.recovery().secret().guessable())
            .bool("recovery_limited", "Whether an HSM or enclave limits guesses.",
                    (v, k) -> k.recovery() != null && k.recovery().enforcedBy() != null);

    static final ViewType<Data> DATA = new ViewType<Data>("data", "A data item.")
            .text("id", "Its id.", (v, d) -> d.id())
            .text("kind", "Its kind.", (v, d) -> d.kind().yamlName())
            .bool("metadata", "Whether it is metadata rather than content.", (v, d) -> d.kind().metadata())
            .texts("conversations", "Conversations whose content it is, contains or is derived from.",
                    (v, d) -> List.copyOf(v.conversationsOfData(d.id())))
            .texts("created_on", "Where it is created.", (v, d) -> d.createdOn())
            .texts("contains", "Data it contains.", (v, d) -> d.contains())
            .texts("derived_from", "Data it is derived from.", (v, d) -> d.derivedFrom())
            .text("retention", "How long it is kept, or ''.", (v, d) -> d.retention())
            .text("occurs", "When, at best, a flow carries it: always, by-default, opt-in, ...; '' when no flow does.",
                    (v, d) -> v.occurs(d.id()))
            .bool("opened_by_all_users_key", "Whether a key for every user (scope all-users) opens it, directly or "
                    + "through the keys it wraps or gives.", (v, d) -> v.openedByAllUsersKey(d.id()))
            .text("protection_declared", "The metadata protection some conversation declares that is meant to keep "
                    + "data of this kind from the provider (sealed-sender, encrypted-group-state, private-contact-discovery), "
                    + "or ''.", (v, d) -> v.protectionDeclared(d.kind()))
            .text("protection", "The metadata protection that would keep data of this kind from the provider, declared "
                    + "or not, or ''.", (v, d) -> java.util.Arrays.stream(Conversation.MetadataProtection.values())
                    .filter(p -> p.hides() == d.kind()).map(ModelEnum::yamlName).findFirst().orElse(""))
            .views("readers", READER, "Parties that can read it.", (v, d) -> v.readers(d));

    static final ViewType<Conversation> CONVERSATION = new ViewType<Conversation>("conversation", "A conversation.")
            .text("id", "Its id.", (v, c) -> c.id())
            .text("kind", "Its kind.", (v, c) -> c.kind().yamlName())
            .texts("members", "Its members.", (v, c) -> c.members())
            .texts("content", "Its content.", (v, c) -> c.content())
            .text("protocol", "Its protocol, or ''.", (v, c) -> c.protocol())
            .bool("e2e_available", "Whether end-to-end encryption exists for it.", (v, c) -> c.endToEnd().available())
            .bool("e2e_default", "Whether end-to-end encryption is on by default.", (v, c) -> c.endToEnd().byDefault())
            .bool("forward_secrecy", "Whether it has forward secrecy.", (v, c) -> c.endToEnd().forwardSecrecy())
            .bool("post_compromise_security", "Whether it has post-compromise security.",
                    (v, c) -> c.endToEnd().postCompromiseSecurity())
            .bool("has_fallback", "Whether it falls back when E2EE cannot be used.",
                    (v, c) -> c.fallback() != null && c.fallback().exists())
            .text("fallback_to", "none, sms or non-e2ee; '' when not written.",
                    (v, c) -> c.fallback() == null ? "" : c.fallback().to().yamlName())
            .bool("fallback_automatic", "Whether the fallback happens without asking.",
                    (v, c) -> c.fallback() != null && c.fallback().automatic())
            .bool("fallback_indicated", "Whether the fallback is shown.", (v, c) -> c.fallback() != null && c.fallback().indicated())
            .bool("has_membership", "Whether membership control is described.", (v, c) -> c.membership() != null)
            .bool("addable", "Whether members can be added at all: not a one-to-one chat or an e-mail.",
                    (v, c) -> c.kind() != Conversation.Kind.ONE_TO_ONE && c.kind() != Conversation.Kind.EMAIL)
            .text("managed_by_party", "The party running the membership component, or ''.",
                    (v, c) -> c.membership() == null || c.membership().managedBy() == null ? ""
                            : v.runner(c.membership().managedBy()))
            .text("managed_by_party_kind", "Its kind, or ''.",
                    (v, c) -> c.membership() == null || c.membership().managedBy() == null ? ""
                            : v.partyKind(v.runner(c.membership().managedBy())))
            .bool("signed_by_members", "Whether changes need a member's signature.",
                    (v, c) -> c.membership() != null && c.membership().signedByMembers())
            .text("changes_shown", "always, suppressible or never; '' when not written.",
                    (v, c) -> c.membership() == null ? "" : name(c.membership().changesShown()))
            .text("device_changes_shown", "always, suppressible or never; '' when not written.",
                    (v, c) -> c.membership() == null ? "" : name(c.membership().deviceChangesShown()))
            .text("unverified_devices", "share, warn or block; '' when not written.",
                    (v, c) -> c.membership() == null ? "" : name(c.membership().unverifiedDevices()))
            .bool("devices_described", "Whether any device field is written (device-list-signed, device-changes-shown, "
                    + "unverified-devices, devices-managed-by).", (v, c) -> c.membership() != null
                    && org.e2eereview.analysis.AccessAnalysis.devicesDescribed(c.membership()))
            .bool("device_list_signed", "Whether new devices need the user's existing device's signature.",
                    (v, c) -> c.membership() != null && c.membership().deviceListSigned())
            .text("device_keys_from", "The key directory, or ''.",
                    (v, c) -> c.membership() == null ? "" : c.membership().deviceKeysFrom())
            .text("directory_transparency", "The key directory's transparency, or ''.", (v, c) -> c.membership() == null
                    || c.membership().deviceKeysFrom() == null ? ""
                    : v.model.components().get(c.membership().deviceKeysFrom()).transparency().yamlName())
            .texts("verification", "How members verify keys.", (v, c) -> c.membership() == null ? List.of()
                    : names(c.membership().verification()))
            .texts("metadata_protection", "Measures hiding metadata.", (v, c) -> names(c.metadataProtection()))
            .views("access", ACCESS, "Parties outside it that can read its content.", (v, c) -> v.access(c.id()))
            .texts("outside_routes", "Routes by which some party outside reads it.",
                    (v, c) -> v.routes(c.id()).get(0))
            .texts("unseen_routes", "Routes with a reading by an outsider that no declared safeguard would show.",
                    (v, c) -> v.routes(c.id()).get(1))
            .texts("visible_routes", "Routes with a reading by an outsider that a declared safeguard would show.",
                    (v, c) -> v.routes(c.id()).get(2))
            .texts("substitution_visible_by", "Safeguards that would show a swapped key, when every key swap would "
                    + "be shown; empty otherwise.", (v, c) -> v.visibleBy(c.id(), Route.SUBSTITUTES_KEYS))
            .bool("provider_reads", "Whether the provider, or someone compelling it, reads its content on a server or "
                    + "with a key, always or by default.", (v, c) -> v.providerReads(c.id()))
            .bool("provider_reads_opt_in", "Whether the provider, or someone compelling it, reads its content on a "
                    + "server or with a key for users who opt in (an assistant on the provider's own servers).",
                    (v, c) -> v.providerReads(c.id(), Flow.Occurs.OPT_IN))
            .bool("provider_reads_for_organisation", "Whether the provider, or someone compelling it, reads its content "
                    + "on a server or with a key on an organisation's decision (a retention policy, a legal hold).",
                    (v, c) -> v.providerReads(c.id(), Flow.Occurs.ON_ORGANISATION_DECISION))
            .bool("provider_keyed", "Whether the provider reads its content by default with a key it holds (not a "
                    + "backup's): it is then not end-to-end encrypted by default, whatever end-to-end declares.",
                    (v, c) -> v.analysis.providerKeyedByDefault(c.id()));

    static final ViewType<Flow> FLOW = new ViewType<Flow>("flow", "A flow.")
            .text("id", "Its id.", (v, f) -> f.id())
            .text("from", "Sending component.", (v, f) -> f.from())
            .text("to", "Receiving component.", (v, f) -> f.to())
            .text("from_kind", "Its kind.", (v, f) -> v.model.components().get(f.from()).kind().yamlName())
            .text("to_kind", "Its kind.", (v, f) -> v.model.components().get(f.to()).kind().yamlName())
            .text("to_party", "Party running the receiver.", (v, f) -> v.runner(f.to()))
            .text("to_party_kind", "Its kind.", (v, f) -> v.partyKind(v.runner(f.to())))
            .bool("from_client", "Whether it leaves a client.", (v, f) -> isClient(v.model.components().get(f.from())))
            .texts("carries", "What it carries.", (v, f) -> f.carries())
            .texts("carries_kinds", "Kinds of the data it carries.", (v, f) -> f.carries().stream()
                    .map(d -> v.model.data().containsKey(d) ? v.model.data().get(d).kind().yamlName() : "key").distinct().toList())
            .bool("carries_content", "Whether it carries conversation content, or data containing or derived from it.",
                    (v, f) -> f.carries().stream().anyMatch(d -> !v.conversationsOfData(d).isEmpty()))
            .bool("carries_keys", "Whether it carries keys.", (v, f) -> f.carries().stream().anyMatch(v.model.keys()::containsKey))
            .text("protection", "end-to-end, transport or none.", (v, f) -> f.protection().yamlName())
            .text("stage", "after-encryption, before-encryption or after-decryption.", (v, f) -> f.stage().yamlName())
            .text("occurs", "always, by-default, opt-in, on-organisation-decision, on-legal-order, with-device or on-fallback.", (v, f) -> f.occurs().yamlName())
            .text("purpose", "Its purpose, or ''.", (v, f) -> f.purpose())
            .bool("to_outsider", "Whether the receiver's party is not a member of every conversation whose content it carries.",
                    (v, f) -> {
                        Set<String> convs = new LinkedHashSet<>();
                        for (String d : f.carries()) convs.addAll(v.conversationsOfData(d));
                        return !convs.isEmpty() && v.outside(v.runner(f.to()), convs);
                    })
            .views("readers", READER, "Parties outside a conversation that read its content by a chain that "
                    + "passes through this flow.", (v, f) -> v.readersThrough(f.id()));

    static final ViewType<Feature> FEATURE = new ViewType<Feature>("feature", "A public-safety feature.")
            .text("id", "Its id.", (v, f) -> f.id())
            .text("kind", "Its kind.", (v, f) -> f.kind().yamlName())
            .text("runs_on", "Component it runs on, or ''.", (v, f) -> f.runsOn())
            .text("runs_on_kind", "That component's kind, or ''.",
                    (v, f) -> f.runsOn() == null ? "" : v.model.components().get(f.runsOn()).kind().yamlName())
            .bool("on_client", "Whether it runs on a client.",
                    (v, f) -> f.runsOn() != null && isClient(v.model.components().get(f.runsOn())))
            .texts("inspects", "Data it reads.", (v, f) -> f.inspects())
            .texts("inspects_kinds", "Kinds of that data.", (v, f) -> f.inspects().stream()
                    .map(d -> v.model.data().get(d).kind().yamlName()).distinct().toList())
            .bool("inspects_content", "Whether it reads content of an end-to-end encrypted conversation, or data derived from it.",
                    (v, f) -> f.inspects().stream().anyMatch(v::isEncryptedContent))
            .bool("inspects_metadata_only", "Whether everything it reads is metadata.",
                    (v, f) -> !f.inspects().isEmpty() && f.inspects().stream().allMatch(d -> v.model.data().get(d).kind().metadata()))
            .text("method", "hash-match, classifier, behavioural-signals or human-review; ''.",
                    (v, f) -> f.method() == null ? "" : f.method().yamlName())
            .texts("hash_list_from_kinds", "Kinds of parties supplying hash lists.",
                    (v, f) -> f.hashListFrom().stream().map(v::partyKind).distinct().toList())
            .bool("hash_list_auditable", "Whether the hash list can be audited.", (v, f) -> f.hashListAuditable())
            .texts("results_to", "Parties learning its results.", (v, f) -> f.resultsTo())
            .texts("results_to_kinds", "Their kinds.", (v, f) -> f.resultsTo().stream().map(v::partyKind).distinct().toList())
            .text("initiated_by", "member, automatic, provider or authority; ''.",
                    (v, f) -> f.initiatedBy() == null ? "" : f.initiatedBy().yamlName())
            .texts("discloses", "Data it hands over.", (v, f) -> f.discloses())
            .bool("discloses_content", "Whether what it hands over is or contains conversation content.",
                    (v, f) -> f.discloses().stream().anyMatch(d -> !v.conversationsOfData(d).isEmpty()))
            .bool("franking", "Whether reports are franked.", (v, f) -> f.franking())
            .integer("context_messages", "Messages a report adds.", (v, f) -> f.contextMessages())
            .bool("user_informed", "Whether the user is told.", (v, f) -> f.userInformed())
            .integer("forward_limit", "Forwarding limit, 0 if none.", (v, f) -> f.forwardLimit())
            .bool("counter_in_ciphertext", "Whether the forward counter is end-to-end encrypted.", (v, f) -> f.counterInCiphertext())
            .text("applies_to", "Whose data it applies to, or ''.", (v, f) -> f.appliesTo() == null ? "" : f.appliesTo().yamlName())
            .integer("threshold", "Matches needed before anything is revealed, 0 if none.", (v, f) -> f.threshold())
            .bool("requires_provider_assistance", "Whether the provider must build something.",
                    (v, f) -> f.requiresProviderAssistance())
            .views("readers", READER, "Parties outside a conversation that learn about its content from this "
                    + "feature (not members' own reports).", (v, f) -> v.readersThrough(f.id()));

    static final List<ViewType<?>> ELEMENT_VIEWS = List.of(PARTY, COMPONENT, KEY, DATA, CONVERSATION, FLOW, FEATURE,
            OUTSIDER, SYSTEM);
    static final List<ViewType<?>> NESTED_VIEWS = List.of(HOLDER, READER, READING, ACCESS);

    // ---- indexes ----

    final Model model;
    final Analysis analysis;
    private final Map<String, Set<String>> conversationsOfData;
    private final Map<String, List<String>> contentOf;
    private final Map<String, Set<String>> conversationsOfKey;
    /** What does not depend on the readings hidden, shared by the views that hide some: found once a review. */
    private final Shared shared;

    /*
     * Rules judge the elements of a large design on more than one thread (RuleEngine): what is found
     * lazily here is kept in concurrent maps and made once by Later. Each is a function of the model and
     * the analysis (and, outside Shared, of what is hidden).
     */
    private static final class Shared {
        final Map<String, Set<String>> keysOpened = new ConcurrentHashMap<>();
        final Later<Map<String, List<Key>>> derivedFrom;
        final Later<Set<String>> openedByAllUsersKey;
        final Later<Set<String>> underAllUsersKey;
        final Later<Map<String, Flow.Occurs>> occurs;
        final Later<Map<Data.Kind, String>> declared;

        Shared(CelViews views) {
            derivedFrom = Later.when(views::findDerivedFrom);
            openedByAllUsersKey = Later.when(views::findOpenedByAllUsersKey);
            underAllUsersKey = Later.when(views::findUnderAllUsersKey);
            occurs = Later.when(views::findOccurs);
            declared = Later.when(views::findDeclared);
        }
    }
    private final Map<String, List<Access>> access = new ConcurrentHashMap<>();
    /**
     * What other findings already explain, hidden from the rule at hand; or null.
     */
    private final Set<ReadKey> hidden;

    CelViews(Model model, Analysis analysis) {
        this(Indexes.of(model), analysis);
    }

    /** Views over an analysis of the model the indexes were made from. */
    CelViews(Indexes indexes, Analysis analysis) {
        this.model = indexes.model();
        this.analysis = analysis;
        this.hidden = null;
        this.conversationsOfKey = new ConcurrentHashMap<>();
        this.shared = new Shared(this);
        this.conversationsOfData = indexes.conversationsOfData();
        this.contentOf = indexes.contentOf();
    }

    /**
     * What the views look up of the model alone, made before the analysis is (on another core, while
     * the analysis is made): the conversations each data item belongs to, and those that list it as content.
     */
    record Indexes(Model model, Map<String, Set<String>> conversationsOfData, Map<String, List<String>> contentOf) {

        static Indexes of(Model model) {
            Map<String, Set<String>> conversationsOfData = new HashMap<>();
            Map<String, List<String>> contentOf = new HashMap<>();
            for (Conversation c : model.conversations().values()) {
                for (String d : c.content()) {
                    if (!model.data().get(d).kind().metadata()) {
                        conversationsOfData.computeIfAbsent(d, x -> new TreeSet<>()).add(c.id());
                        contentOf.computeIfAbsent(d, x -> new ArrayList<>()).add(c.id());
                    }
                }
            }
            // Containers and derivatives belong to the conversations of what they hold, to a fixpoint.
            boolean changed = true;
            while (changed) {
                changed = false;
                for (Data d : model.data().values()) {
                    Set<String> mine = conversationsOfData.computeIfAbsent(d.id(), x -> new TreeSet<>());
                    for (String src : d.contains()) changed |= mine.addAll(conversationsOfData.getOrDefault(src, Set.of()));
                    for (String src : d.derivedFrom()) changed |= mine.addAll(conversationsOfData.getOrDefault(src, Set.of()));
                }
            }
            return new Indexes(model, conversationsOfData, contentOf);
        }
    }

    /** The same views with the readings of some party-and-conversation pairs hidden. */
    private CelViews(CelViews base, Set<ReadKey> hidden) {
        this.model = base.model;
        this.analysis = base.analysis;
        this.conversationsOfData = base.conversationsOfData;
        this.contentOf = base.contentOf;
        this.conversationsOfKey = base.conversationsOfKey;
        this.shared = base.shared;
        this.hidden = hidden;
    }

    CelViews hiding(Set<ReadKey> reads) {
        return reads.isEmpty() ? this : new CelViews(this, reads);
    }

    Set<String> conversationsOfData(String data) {
        return conversationsOfData.getOrDefault(data, Set.of());
    }

    /**
     * The conversations in whose access a reading counts: those that list its data as content,
     * where its party is not a member, within the reading's own conversation if it has one.
     */
    List<String> accessConversations(Reading r) {
        if (r.route().disclosure()) return List.of();
        List<String> out = new ArrayList<>(1);
        for (String c : contentOf.getOrDefault(r.data(), List.of())) {
            if (r.conversation() != null && !r.conversation().equals(c)) continue;
            if (model.conversations().get(c).members().contains(r.party())) continue;
            out.add(c);
        }
        return out;
    }

    /** Whether a reading counts in some access and another finding explains it in every one. */
    boolean hidden(Reading r) {
        if (hidden == null) return false;
        List<String> convs = accessConversations(r);
        if (convs.isEmpty()) return false;
        for (String c : convs) if (!hidden.contains(new ReadKey(r.party(), c, r.data()))) return false;
        return true;
    }

    /**
     * Conversations whose content a key opens, through every key it wraps and every key derived
     * from what it gives. Walked as a closure rather than by recursion, so that keys wrapping each
     * other give every one of them the same whole answer, whatever order the model writes them in.
     */
    Set<String> conversationsProtectedBy(String key) {
        Set<String> cached = conversationsOfKey.get(key);
        if (cached != null) return cached;
        Set<String> out = new TreeSet<>();
        for (String k : keysOpenedBy(key)) {
            for (String t : model.keys().get(k).protects()) {
                if (!model.keys().containsKey(t)) out.addAll(conversationsOfData(t));
            }
        }
        conversationsOfKey.put(key, out);
        return out;
    }

    /** The key and every key its holder gets from it: those it wraps, and those derived from what it gives. */
    Set<String> keysOpenedBy(String key) {
        Set<String> known = shared.keysOpened.get(key);
        if (known != null) return known;
        Set<String> seen = new java.util.LinkedHashSet<>();
        java.util.Deque<String> todo = new java.util.ArrayDeque<>();
        seen.add(key);
        todo.add(key);
        while (!todo.isEmpty()) {
            String k = todo.poll();
            for (String t : model.keys().get(k).protects()) {
                if (model.keys().containsKey(t) && seen.add(t)) todo.add(t);
            }
            for (Key d : derivedFrom().getOrDefault(k, List.of())) {
                if (!seen.contains(d.id()) && seen.containsAll(d.derivedFrom())) {
                    seen.add(d.id());
                    todo.add(d.id());
                }
            }
        }
        Set<String> opened = java.util.Collections.unmodifiableSet(seen);
        shared.keysOpened.put(key, opened);
        return opened;
    }

    /** Keys derived from each key. */
    private Map<String, List<Key>> derivedFrom() {
        return shared.derivedFrom.get();
    }

    private Map<String, List<Key>> findDerivedFrom() {
        Map<String, List<Key>> out = new HashMap<>();
        for (Key k : model.keys().values()) {
            for (String src : k.derivedFrom()) out.computeIfAbsent(src, x -> new ArrayList<>()).add(k);
        }
        return out;
    }

    /** See the key view's keepers: direct holders, else the keepers of the parts it is derived from. */
    List<String> keepers(String key) {
        Set<String> out = new TreeSet<>();
        Set<String> seen = new java.util.HashSet<>();
        java.util.Deque<String> todo = new java.util.ArrayDeque<>(List.of(key));
        while (!todo.isEmpty()) {
            String k = todo.poll();
            if (!seen.add(k)) continue;
            boolean kept = false;
            for (Holding h : analysis.holders(k).values()) {
                // A supplier that could ship a modified client to get the key does not keep it: a newcomer's escrow
                // finding said a key was "kept outside it by" the app's contractor as well as by the archive.
                if (h.through().isEmpty() && !"user".equals(partyKind(h.party())) && h.route() != Route.TARGETED_UPDATE) {
                    out.add(h.party());
                    kept = true;
                }
            }
            if (!kept) todo.addAll(model.keys().get(k).derivedFrom());
        }
        return List.copyOf(out);
    }

    /**
     * Whether a key for every user's data, held outside the users' devices, opens this key (wraps it
     * or something it is derived from): a finding about it then belongs to that key, its root.
     */
    boolean underAllUsersKey(String key) {
        return shared.underAllUsersKey.get().contains(key);
    }

    private Set<String> findUnderAllUsersKey() {
        Set<String> out = new java.util.HashSet<>();
        for (Key k : model.keys().values()) {
            if (k.scope() != Key.Scope.ALL_USERS || k.kind() == Key.Kind.SIGNING) continue;
            boolean heldOutside = analysis.holders(k.id()).values().stream()
                    .anyMatch(h -> !"user".equals(partyKind(h.party())));
            if (!heldOutside) continue;
            for (String opened : keysOpenedBy(k.id())) if (!opened.equals(k.id())) out.add(opened);
        }
        return out;
    }

    List<Access> access(String conversation) {
        return access.computeIfAbsent(conversation, c -> {
            List<Access> all = analysis.access(c);
            if (hidden == null) return all;
            boolean touched = false;
            for (Access a : all) {
                for (Reading r : a.readings()) touched |= hidden.contains(new ReadKey(a.party(), c, r.data()));
            }
            // What another finding explains is left out, and the party's best reading of the rest put back.
            return touched ? analysis.access(c, r -> !hidden.contains(new ReadKey(r.party(), c, r.data()))) : all;
        });
    }

    /** Readings of conversation content, by outsiders, whose chain passes through an element. */
    List<ReaderView> readersThrough(String element) {
        List<ReaderView> out = new ArrayList<>();
        for (Reading r : through(element)) {
            if (accessConversations(r).isEmpty() || hidden(r)) continue;
            out.add(new ReaderView(r, model.data().get(r.data())));
        }
        return out;
    }

    /**
     * Readings whose chain passes through an element; for a feature, also through what it hands over,
     * since whoever receives that learns it because of the feature. Each once, in order.
     */
    List<Reading> through(String element) {
        org.e2eereview.model.Feature f = model.features().get(element);
        if (f == null || f.discloses().isEmpty()) return analysis.through(element);
        Set<String> elements = new LinkedHashSet<>();
        elements.add(element);
        java.util.Deque<String> todo = new java.util.ArrayDeque<>(f.discloses());
        while (!todo.isEmpty()) {
            String d = todo.poll();
            if (elements.add(d)) todo.addAll(model.data().get(d).contains());
        }
        Set<Reading> out = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        List<Reading> ordered = new ArrayList<>();
        for (String e : elements) for (Reading r : analysis.through(e)) if (out.add(r)) ordered.add(r);
        return ordered;
    }

    List<ReaderView> readers(Data d) {
        List<ReaderView> out = new ArrayList<>();
        for (List<Reading> rs : analysis.readers(d.id()).values()) {
            for (Reading r : rs) if (!hidden(r)) out.add(new ReaderView(r, d));
        }
        return out;
    }

    /** Holders of a key, less those whose reading of what the key opens another finding explains. */
    List<HolderView> holders(Key k) {
        List<HolderView> out = new ArrayList<>();
        for (Holding h : analysis.holders(k.id()).values()) {
            if (hidden != null && !readingsByHolder(h, k).isEmpty()
                    && readingsByHolder(h, k).stream().allMatch(this::hidden)) continue;
            out.add(new HolderView(h, k));
        }
        return out;
    }

    /**
     * What holding a key lets a party read: its readings, by the route it holds the key by, of the
     * conversations the key opens, those whose chain passes through the key where there are any. A
     * conversation's access keeps one reading per route, which may come by another key (an escrowed
     * device key beside an employer's compliance key): each key's finding names the way in through it.
     * Where no chain passes through the key (a key unwrapped by one found first), the access's reading
     * is matched by conversation.
     */
    List<Reading> readingsByHolder(Holding h, Key k) {
        List<Reading> out = new ArrayList<>();
        for (String c : conversationsProtectedBy(k.id())) {
            int from = out.size();
            for (String data : model.conversations().get(c).content()) {
                for (Reading r : analysis.readers(data).getOrDefault(h.party(), List.of())) {
                    if (r.route() == h.route() && (r.conversation() == null || r.conversation().equals(c))
                            && r.passesThrough(k.id()) && accessConversations(r).contains(c)) out.add(r);
                }
            }
            if (out.size() > from) continue;
            for (Access a : analysis.access(c)) {
                if (!a.party().equals(h.party())) continue;
                for (Reading r : a.readings()) if (r.route() == h.route()) out.add(r);
            }
        }
        return out;
    }

    /**
     * Whether the party holds a key its reading's chain opens the content with: the police that can only have what an
     * archive's operator decrypts handed over (data-disclosure) holds no key, and was said to "already hold such a key".
     */
    boolean holdsKeyOn(String party, Reading r) {
        for (org.e2eereview.analysis.Step s : r.evidence().steps()) {
            if (s.element() != null && model.keys().containsKey(s.element())
                    && analysis.holders(s.element()).containsKey(party)) return true;
        }
        return false;
    }

    boolean throughBackup(Reading r) {
        return analysis.throughBackup(r);
    }

    private final Map<String, List<List<String>>> routes = new ConcurrentHashMap<>();

    /**
     * Route ids of a conversation's outside readings, each once, in route order: all of them, those
     * no safeguard would show, and those one would; made in one pass.
     */
    List<List<String>> routes(String conversation) {
        return routes.computeIfAbsent(conversation, c -> {
            java.util.EnumSet<Route> all = java.util.EnumSet.noneOf(Route.class);
            java.util.EnumSet<Route> unseen = java.util.EnumSet.noneOf(Route.class);
            java.util.EnumSet<Route> visible = java.util.EnumSet.noneOf(Route.class);
            for (Access a : access(c)) {
                for (Reading r : a.readings()) {
                    all.add(r.route());
                    (r.detectable() ? visible : unseen).add(r.route());
                }
            }
            return List.of(ids(all), ids(unseen), ids(visible));
        });
    }

    private static List<String> ids(java.util.Set<Route> routes) {
        List<String> out = new ArrayList<>(routes.size());
        for (Route r : routes) out.add(r.id());
        return out;
    }

    /** The safeguards that would show every reading by a route, or nothing when one would go unseen. */
    List<String> visibleBy(String conversation, Route route) {
        Set<Safeguarded> all = new java.util.LinkedHashSet<>();
        for (Access a : access(conversation)) {
            for (Reading r : a.readings()) {
                if (r.route() != route) continue;
                if (!r.detectable()) return List.of();
                all.addAll(r.lowering());
            }
        }
        return safeguardNames(List.copyOf(all));
    }

    /**
     * Parties that read what is inside an attested enclave (data readable there, keys kept there) by
     * a route of its own: a new image, or its hardware; only those no safeguard would show, if asked.
     */
    List<String> inside(String component, Route route, boolean unseenOnly) {
        Set<String> out = new TreeSet<>();
        for (String d : analysis.readableAt(component)) {
            for (List<Reading> rs : analysis.readers(d).values()) {
                for (Reading r : rs) {
                    if (r.route() == route && r.through().isEmpty() && (!unseenOnly || !r.detectable())
                            && r.passesThrough(component)) out.add(r.party());
                }
            }
        }
        for (Key k : model.keys().values()) {
            for (Holding h : analysis.holders(k.id()).values()) {
                if (h.route() == route && h.through().isEmpty() && (!unseenOnly || h.lowering().isEmpty())
                        && h.evidence().mentions(component)) out.add(h.party());
            }
        }
        return List.copyOf(out);
    }

    String occurs(String data) {
        Flow.Occurs o = shared.occurs.get().get(data);
        return o == null ? "" : o.yamlName();
    }

    private Map<String, Flow.Occurs> findOccurs() {
        Map<String, Flow.Occurs> out = new HashMap<>();
        for (Flow f : model.flows().values()) {
            for (String item : f.carries()) out.merge(item, f.occurs(), (a, b) -> a.ordinal() <= b.ordinal() ? a : b);
        }
        return out;
    }

    boolean openedByAllUsersKey(String data) {
        // Found once for every data item: one master key opens thousands of keys in a large design.
        return shared.openedByAllUsersKey.get().contains(data);
    }

    private Set<String> findOpenedByAllUsersKey() {
        Set<String> out = new java.util.HashSet<>();
        for (Key k : model.keys().values()) {
            if (k.scope() != Key.Scope.ALL_USERS || k.kind() == Key.Kind.SIGNING) continue;
            for (String opened : keysOpenedBy(k.id())) out.addAll(model.keys().get(opened).protects());
        }
        return out;
    }

    String protectionDeclared(Data.Kind kind) {
        return shared.declared.get().getOrDefault(kind, "");
    }

    private Map<Data.Kind, String> findDeclared() {
        Map<Data.Kind, String> out = new java.util.EnumMap<>(Data.Kind.class);
        for (Conversation c : model.conversations().values()) {
            for (Conversation.MetadataProtection p : c.metadataProtection()) {
                if (p.hides() != null) out.putIfAbsent(p.hides(), p.yamlName());
            }
        }
        return out;
    }

    boolean providerReads(String conversation) {
        return providerReads(conversation, Flow.Occurs.BY_DEFAULT);
    }

    /** Whether the provider, or someone through it, reads on a server or with a key, under the condition or better. */
    boolean providerReads(String conversation, Flow.Occurs atWorst) {
        for (Access a : access(conversation)) {
            boolean provider = "provider".equals(partyKind(a.party()));
            for (Reading r : a.readings()) {
                if (r.route() != Route.RUNS_COMPONENT && r.route() != Route.HOLDS_KEY) continue;
                if (r.condition().ordinal() > atWorst.ordinal()) continue;
                if (provider || r.through().stream().anyMatch(t -> "provider".equals(partyKind(t)))) return true;
            }
        }
        return false;
    }

    /** Conversations whose content a party reads by a route nothing declared would show (not only derived data). */
    List<String> conversationsReadUnseenBy(String party) {
        return byParty(true).getOrDefault(party, List.of());
    }

    /**
     * The parties a party compels on the way to the content it reads unseen, in the order it lists them: a contractor
     * whose data holds no content was named among those it reads "through".
     */
    List<String> throughUnseen(Party p) {
        if (p.lawfulAccess() == null) return List.of();
        Set<String> through = new HashSet<>();
        for (String c : conversationsReadUnseenBy(p.id())) {
            for (Access a : access(c)) {
                if (!a.party().equals(p.id())) continue;
                for (Reading r : a.readings()) {
                    if (!r.detectable() && r.route() != Route.LEARNS_DERIVED) through.addAll(r.through());
                }
            }
        }
        return p.lawfulAccess().compels().stream().filter(through::contains).toList();
    }

    /** Conversations whose content a party reads (not only derived data). */
    List<String> conversationsReadBy(String party) {
        return byParty(false).getOrDefault(party, List.of());
    }

    /** Conversations read per party, and those read unseen: made together, set together. */
    private record ByParty(Map<String, List<String>> all, Map<String, List<String>> unseen) {
    }

    /** Made from this view's access, which leaves out what is hidden: not shared with other views. */
    private final Later<ByParty> byParty = Later.when(this::findByParty);

    private Map<String, List<String>> byParty(boolean unseen) {
        ByParty known = byParty.get();
        return unseen ? known.unseen() : known.all();
    }

    /** Conversations read, per party, by id: one pass over every conversation's access. */
    private ByParty findByParty() {
        Map<String, List<String>> all = new HashMap<>();
        Map<String, List<String>> hiddenOnes = new HashMap<>();
        for (String c : model.conversations().keySet()) {
            for (Access a : access(c)) {
                if (a.partial()) continue;
                all.computeIfAbsent(a.party(), x -> new ArrayList<>()).add(c);
                boolean anyUnseen = false;
                for (Reading r : a.readings()) {
                    if (!r.detectable() && r.route() != Route.LEARNS_DERIVED) anyUnseen = true;
                }
                if (anyUnseen) hiddenOnes.computeIfAbsent(a.party(), x -> new ArrayList<>()).add(c);
            }
        }
        // By id: what rules say of them must not depend on the order the model writes them in.
        all.values().forEach(java.util.Collections::sort);
        hiddenOnes.values().forEach(java.util.Collections::sort);
        return new ByParty(all, hiddenOnes);
    }

    boolean outside(String party, Set<String> conversations) {
        for (String c : conversations) {
            if (!model.conversations().get(c).members().contains(party)) return true;
        }
        return false;
    }

    boolean isEncryptedContent(String data) {
        for (String c : conversationsOfData(data)) {
            Conversation conv = model.conversations().get(c);
            if (conv.endToEnd().available()) return true;
        }
        return false;
    }

    String runner(String component) {
        return model.components().get(component).runBy();
    }

    String partyKind(String party) {
        Party p = party == null ? null : model.parties().get(party);
        return p == null ? "" : p.kind().yamlName();
    }

    static String family(String algorithm) {
        if (algorithm == null) return "";
        String a = algorithm.strip().toLowerCase(java.util.Locale.ROOT);
        int cut = a.length();
        for (int i = 0; i < a.length(); i++) {
            if (a.charAt(i) == ' ' || a.charAt(i) == '(') {
                cut = i;
                break;
            }
        }
        return a.substring(0, cut);
    }

    static boolean isClient(Component c) {
        return c.kind() == Component.Kind.CLIENT || c.kind() == Component.Kind.WEB_CLIENT;
    }

    /** Route ids of readings, each once, in order; only routes that need no opt-in, order or fallback if asked. */
    static List<String> routeIds(List<Reading> readings, boolean unconditionalOnly) {
        List<String> out = new ArrayList<>(readings.size());
        for (Reading r : readings) {
            if (unconditionalOnly && r.condition() != Flow.Occurs.ALWAYS) continue;
            String id = r.route().id();
            if (!out.contains(id)) out.add(id);
        }
        return out;
    }

    /** Kinds of the data items among {@code ids} (keys are skipped), each once, in order. */
    List<String> dataKinds(List<String> ids) {
        List<String> out = new ArrayList<>(ids.size());
        for (String id : ids) {
            Data d = model.data().get(id);
            if (d != null && !out.contains(d.kind().yamlName())) out.add(d.kind().yamlName());
        }
        return out;
    }

    static String name(ModelEnum value) {
        return value == null ? "" : value.yamlName();
    }

    static List<String> safeguardNames(List<Safeguarded> safeguards) {
        List<String> out = new ArrayList<>(safeguards.size());
        for (Safeguarded s : safeguards) if (!out.contains(s.name())) out.add(s.name());
        return out;
    }

    /** Route ids with a reading that nothing declared would show, each once, in order. */
    static List<String> undetectableRoutes(List<Reading> readings) {
        List<String> out = new ArrayList<>();
        for (Reading r : readings) {
            if (!r.detectable() && !out.contains(r.route().id())) out.add(r.route().id());
        }
        return out;
    }

    static List<String> names(List<? extends ModelEnum> values) {
        return values.stream().map(ModelEnum::yamlName).toList();
    }
}
