package org.e2eereview.load;

import java.util.Set;

import org.e2eereview.model.Acceptance;
import org.e2eereview.model.Component;
import org.e2eereview.model.Conversation;
import org.e2eereview.model.Data;
import org.e2eereview.model.ElementKind;
import org.e2eereview.model.Feature;
import org.e2eereview.model.Flow;
import org.e2eereview.model.Key;
import org.e2eereview.model.ModelEnum;
import org.e2eereview.model.Party;

/**
 * The model format, version 1: the one description from which the loader checks files,
 * the JSON Schema is generated and docs/model.md is generated. Change a field here and
 * all three follow.
 */
public final class ModelFormat {

    public static final String ID_PATTERN = "^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$";
    public static final String FINDING_ID_PATTERN = "^[A-Z][A-Z0-9-]*@[A-Za-z0-9_.,@/-]+$";

    /** A finding id whose element part may hold '*' (any run of characters); the rule part stays exact. */
    public static final String BASELINE_ID_PATTERN = "^[A-Z][A-Z0-9-]*@[A-Za-z0-9_.,@/*-]+$";

    /** One segment of a code pattern: a Java identifier in which '*' stands for one or more characters. */
    private static final String CODE_SEGMENT =
            "(?:[A-Za-z_][A-Za-z0-9_]*(?:\\*[A-Za-z0-9_]+)*\\*?|\\*(?:[A-Za-z0-9_]+\\*)*[A-Za-z0-9_]*)";
    /**
     * A package or class pattern as ArchUnit writes them: segments joined by '.', or by '..' for any
     * number of packages in between. Written so that ArchUnit's package matcher accepts whatever it matches.
     */
    public static final String CODE_PATTERN =
            "^(?:\\.\\.)?" + CODE_SEGMENT + "(?:\\.\\.?" + CODE_SEGMENT + ")*(?:\\.\\.)?$";

    private ModelFormat() {
    }

    private static final FieldType TEXT = new FieldType.Text();
    private static final FieldType BOOL = new FieldType.Bool();

    private static final FieldType CODE = new FieldType.ListOf(new FieldType.Formatted("Java code pattern",
            CODE_PATTERN,
            "com.acme.server.. (a package and its subpackages) or com.acme.client.IdentityKey (a class)"));

    private static FieldType choice(Class<? extends ModelEnum> e) {
        return new FieldType.Choice(e);
    }

    private static FieldType choices(Class<? extends ModelEnum> e) {
        return new FieldType.ListOf(choice(e));
    }

    private static FieldType ref(ElementKind target) {
        return new FieldType.Ref(Set.of(target));
    }

    private static FieldType refs(ElementKind... targets) {
        return new FieldType.ListOf(new FieldType.Ref(Set.of(targets)));
    }

    private static FieldType obj(ObjectSpec spec) {
        return new FieldType.Obj(spec);
    }

    private static FieldType elements(ObjectSpec spec) {
        return new FieldType.IdMap(spec, ID_PATTERN,
                "an id: letters, digits, '-', '_' or '.', starting with a letter or digit, at most 64 characters");
    }

    public static final ObjectSpec SYSTEM = ObjectSpec.of("system", "The system under review.")
            .required("name", TEXT, "Name of the system, as reports title it.")
            .optional("version", TEXT, "Version or date of the design described.")
            .optional("claims-end-to-end", BOOL,
                    "Whether the service is presented to its users as end-to-end encrypted. A provider that can "
                            + "read content weighs more heavily when this is true.", "false")
            .optional("description", TEXT, "Free text.");

    public static final ObjectSpec LAWFUL_ACCESS = ObjectSpec.of("lawful-access",
                    "Legal powers a party holds over other parties, e.g. a warrant served on the provider.")
            .required("compels", refs(ElementKind.PARTY), "Parties this party can legally require to act.")
            .required("powers", choices(Party.Power.class), "What it can require of them.")
            .optional("legal-basis", TEXT, "The law that grants the power, e.g. \"IPA 2016 s253\".");

    public static final ObjectSpec PARTY = ObjectSpec.of("party",
                    "Someone who could obtain data: users, the provider, vendors, authorities.")
            .required("kind", choice(Party.Kind.class), "What sort of party this is.")
            .optional("name", TEXT, "Display name.")
            .optional("jurisdiction", TEXT, "Where the party is subject to law, e.g. an ISO country code (GB, US) or EU.")
            .optional("lawful-access", obj(LAWFUL_ACCESS), "Legal powers over other parties.")
            .optional("disclosed-to-users", TEXT,
                    "Where users are told that this party can read their content, e.g. \"terms of use, s. 4\". "
                            + "Reports say so; it does not lower a finding (an acceptance does).")
            .optional("description", TEXT, "Free text.");

    public static final ObjectSpec UPDATES = ObjectSpec.of("updates",
                    "How a component's code reaches it. A safeguard that is not written is not credited.")
            .optional("per-user-targeting", BOOL,
                    "Whether the supplier can ship a different build to chosen users.", "false")
            .optional("binary-transparency", BOOL,
                    "Whether every build is published to a public log that clients or third parties check.", "false")
            .optional("reproducible-builds", BOOL,
                    "Whether anyone can rebuild the published binary from source and compare.", "false");

    public static final ObjectSpec ATTESTATION = ObjectSpec.of("attestation",
                    "For a component that runs in an attested enclave (SGX, SEV-SNP, TDX, Nitro, a confidential VM): "
                            + "how clients check it before they send it anything. A safeguard that is not written is "
                            + "not credited.")
            .required("verified-by-clients", BOOL,
                    "Whether clients check the enclave's attestation (its measurement, signed by the hardware) and "
                            + "send nothing to one they do not accept. Only then is what enters it not read by its "
                            + "operator; without it the enclave is a server of the party that runs it.")
            .optional("hardware-by", refs(ElementKind.PARTY),
                    "The parties whose hardware the enclave's trust rests on: the maker of the processor whose keys "
                            + "sign the attestation, and of any accelerator inside it (a GPU). The roots of trust, "
                            + "whom the review names as able to read what the enclave holds; not written, that check "
                            + "is not assessed.", "[]")
            .optional("measurement-pinned", BOOL,
                    "Whether clients accept only measurements built into them, so that a new image takes a client "
                            + "update: the operator cannot switch the image by itself.", "false")
            .optional("image-log", BOOL,
                    "Whether every image the operator may run is published in a public, append-only log that "
                            + "clients check: a new image is then visible to anyone watching, not prevented.", "false")
            .optional("reproducible-builds", BOOL,
                    "Whether anyone can rebuild the image from its source and compare the measurement.", "false");

    public static final ObjectSpec COMPONENT = ObjectSpec.of("component",
                    "Software or hardware that handles data, run by one party, its code supplied by another.")
            .required("kind", choice(Component.Kind.class), "What sort of component this is.")
            .optional("name", TEXT, "Display name.")
            .required("run-by", ref(ElementKind.PARTY), "The party that operates it and can see what it processes.")
            .optional("supplied-by", ref(ElementKind.PARTY), "The party that ships its code and updates.", "the run-by party")
            .optional("updates", obj(UPDATES),
                    "How its code is updated. For a client, not written means targeted updates are not assessed; a "
                            + "web-client's code is served anew on each visit either way.")
            .optional("transparency", choice(Component.Transparency.class),
                    "For key-directory components only: how users can check the keys it serves.", "none")
            .optional("attestation", obj(ATTESTATION),
                    "For a component that runs in an attested enclave: how clients check it (docs/modelling.md, "
                            + "\"An attested enclave\"). Not on clients.")
            .optional("code", CODE,
                    "The Java packages and classes that implement it: com.acme.server.. is that package and its "
                            + "subpackages, com.acme.client.IdentityKey one class, '*' any part of a name. Only the "
                            + "ArchUnit rules read it (docs/archunit.md).", "[]")
            .optional("description", TEXT, "Free text.");

    public static final ObjectSpec RECOVERY = ObjectSpec.of("recovery",
                    "How a key can be restored from a secret the user knows when the device is lost.")
            .required("secret", choice(Key.Secret.class), "What the user needs to restore the key.")
            .required("stored-on", refs(ElementKind.COMPONENT),
                    "Components that keep the copy of the key wrapped under the secret.")
            .optional("enforced-by", ref(ElementKind.COMPONENT),
                    "An hsm or enclave component that limits guesses at the secret. Without it, whoever holds "
                            + "the wrapped copy can guess a weak secret offline. A copy stored-on anything but an hsm or "
                            + "enclave is noted: the limit holds for it only if opening it needs this component too.")
            .optional("guess-limit", new FieldType.Int(1, 1_000_000),
                    "Wrong guesses allowed before the copy is destroyed; requires enforced-by.",
                    "limited but not stated when enforced-by is written, otherwise unlimited");

    public static final ObjectSpec KEY = ObjectSpec.of("key",
                    "A secret key, or a key pair by its private half: where it lives and what it protects.")
            .required("kind", choice(Key.Kind.class), "What sort of key this is.")
            .optional("generated-on", ref(ElementKind.COMPONENT), "Component where the key is created.")
            .optional("stored-on", refs(ElementKind.COMPONENT),
                    "Components that keep a usable copy. Whoever runs them holds the key.", "[]")
            .optional("protects", refs(ElementKind.DATA, ElementKind.KEY),
                    "Data and other keys encrypted under this key. A key that protects a key forms a "
                            + "hierarchy: holding the outer key gives the inner one.", "[]")
            .optional("derived-from", refs(ElementKind.KEY),
                    "Keys this one is computed from: whoever holds all of them can compute it.", "[]")
            .optional("scope", choice(Key.Scope.class), "Whose data the key opens.", "conversation")
            .optional("algorithm", TEXT, "Algorithm, e.g. X25519, AES-256-GCM, RSA-1024, 3DES.")
            .optional("recovery", obj(RECOVERY), "How the key can be restored from a user secret.")
            .optional("shown-to-members", BOOL,
                    "Whether members are shown that its holders can read them, e.g. a compliance key listed among "
                            + "a message's recipients: those readings stay, and are visible.", "false")
            .optional("code", CODE,
                    "The Java classes that hold or represent the key, as code patterns: the ArchUnit rules let only "
                            + "the code of components that hold the key use them, and keep them apart from logging, "
                            + "telemetry and serialisation (docs/archunit.md).", "[]")
            .optional("description", TEXT, "Free text.");

    public static final ObjectSpec DATA_ITEM = ObjectSpec.of("data",
                    "Something that can be read: message content, what is derived from it, metadata, backups.")
            .required("kind", choice(Data.Kind.class), "What sort of data this is.")
            .optional("created-on", refs(ElementKind.COMPONENT), "Components where it comes into being in readable form.", "[]")
            .optional("derived-from", refs(ElementKind.DATA),
                    "Data it is computed from that tells something about the source without showing it (a hash, "
                            + "a classifier verdict, a count). An excerpt, a preview or a low-resolution copy shows "
                            + "the source: write contains. A notification payload, visual derivative or report derived "
                            + "from content is read as showing it; a franking tag as showing nothing.", "[]")
            .optional("contains", refs(ElementKind.DATA),
                    "Data carried inside it, whole or in part (a backup contains messages, a notification preview "
                            + "contains the message it shows): reading it reads them.", "[]")
            .optional("guessable", BOOL,
                    "Whether it has few enough possible values (phone numbers, short codes, PINs) that a hash of it "
                            + "can be reversed by hashing them all: a hash derived from it is then read as showing it.",
                    "true for contact-list, false otherwise")
            .optional("retention", TEXT, "How long it is kept where it is stored, e.g. \"90 days\".")
            .optional("description", TEXT, "Free text.");

    public static final ObjectSpec END_TO_END = ObjectSpec.of("end-to-end",
                    "End-to-end encryption of a conversation and its protocol properties.")
            .optional("available", BOOL, "Whether end-to-end encryption exists for this conversation at all.", "true")
            .required("default", BOOL, "Whether it is on without the user doing anything.")
            .optional("forward-secrecy", BOOL,
                    "Whether keys are deleted after use so that a later key compromise does not expose past "
                            + "messages. Naming a protocol that has it (the Signal protocol, MLS) states it.", "false")
            .optional("post-compromise-security", BOOL,
                    "Whether the protocol heals after a key compromise by mixing in fresh secrets.", "false");

    public static final ObjectSpec FALLBACK = ObjectSpec.of("fallback",
                    "What happens when end-to-end encryption cannot be used for a message.")
            .required("to", choice(Conversation.FallbackTarget.class),
                    "What the message falls back to; none when it never leaves end-to-end encryption.")
            .optional("automatic", BOOL, "Whether it falls back without asking the user.", "false")
            .optional("indicated", BOOL, "Whether the user can see that a message was not end-to-end encrypted.",
                    "false");

    public static final ObjectSpec MEMBERSHIP = ObjectSpec.of("membership",
                    "Who decides who is in a conversation and on which devices, and how members check keys. "
                            + "A safeguard that is not written is not credited.")
            .optional("managed-by", ref(ElementKind.COMPONENT),
                    "Component that keeps the member list and hands out changes; whoever runs it controls "
                            + "membership unless changes are signed by members. Needed for groups, calls and "
                            + "channels; a one-to-one chat has no members to add.")
            .optional("signed-by-members", BOOL,
                    "Whether a change takes effect only with a current member's signature, so the managing "
                            + "component cannot add anyone by itself (e.g. MLS commits, Signal group admins).",
                    "false")
            .optional("changes-shown", choice(Conversation.ChangesShown.class),
                    "Whether members see who joins and leaves.", "not credited")
            .optional("device-changes-shown", choice(Conversation.ChangesShown.class),
                    "Whether members see a new device added to another member's account.", "not credited")
            .optional("devices-managed-by", ref(ElementKind.COMPONENT),
                    "Component that keeps each member's device list. Devices are judged only when this or another "
                            + "device field (device-list-signed, device-changes-shown, unverified-devices) is written.",
                    "the managed-by component")
            .optional("device-list-signed", BOOL,
                    "Whether a new device is accepted only with a signature from the user's existing device.",
                    "false")
            .optional("unverified-devices", choice(Conversation.UnverifiedDevices.class),
                    "What members' clients do with a device nobody has verified: share keys with it silently, "
                            + "share and warn, or block it until verified.", "not credited")
            .optional("device-keys-from", ref(ElementKind.COMPONENT), "Key directory that serves members' device keys.")
            .optional("verification", choices(Conversation.Verification.class),
                    "How members can check each other's keys.", "[]");

    public static final ObjectSpec CONVERSATION = ObjectSpec.of("conversation",
                    "A chat, group or call: who is entitled to read it, what it carries, how it is protected.")
            .optional("kind", choice(Conversation.Kind.class), "What sort of conversation.", "one-to-one")
            .optional("name", TEXT, "Display name.")
            .required("members", refs(ElementKind.PARTY),
                    "Parties entitled to read its content. Any other party that can read it is a finding.")
            .required("content", refs(ElementKind.DATA), "Data exchanged in it.")
            .optional("protocol", TEXT, "Protocol name, e.g. signal-protocol, mls, megolm, mtproto, openpgp.")
            .required("end-to-end", obj(END_TO_END), "End-to-end encryption and its properties.")
            .optional("fallback", obj(FALLBACK),
                    "Fallback when end-to-end encryption cannot be used; fallback: { to: none } when there is none. "
                            + "Not written, the fallback check is not assessed.")
            .optional("membership", obj(MEMBERSHIP),
                    "Who controls membership and devices, and how members verify keys. Not written, those checks are "
                            + "not assessed.")
            .optional("metadata-protection", choices(Conversation.MetadataProtection.class),
                    "Measures that hide metadata from the provider.", "[]")
            .optional("description", TEXT, "Free text.");

    public static final ObjectSpec FLOW = ObjectSpec.of("flow", "Data or keys moving from one component to another.")
            .required("from", ref(ElementKind.COMPONENT), "Sending component.")
            .required("to", ref(ElementKind.COMPONENT), "Receiving component.")
            .required("carries", refs(ElementKind.DATA, ElementKind.KEY), "Data items and keys it carries.")
            .required("protection", choice(Flow.Protection.class), "How what it carries is protected.")
            .optional("stage", choice(Flow.Stage.class),
                    "When, relative to end-to-end encryption, it takes what it carries.", "after-encryption")
            .optional("occurs", choice(Flow.Occurs.class),
                    "Whether it happens always, by default, only by the user's choice, only under a legal order, "
                            + "or only on fallback.", "always")
            .optional("shown-to-members", BOOL,
                    "Whether members are shown that it happens, e.g. a banner that the organisation archives the "
                            + "chat: what it gives its receiver stays readable, and visible.", "false")
            .optional("relay", ref(ElementKind.COMPONENT),
                    "A relay run by someone else that the flow passes through (Oblivious HTTP): the relay sees who "
                            + "sends but not what, the receiver what but not who. Only a relay run by another party "
                            + "than the receiver separates the two.")
            .optional("purpose", TEXT, "Why the flow exists, e.g. backup, push, telemetry.")
            .optional("description", TEXT, "Free text.");

    public static final ObjectSpec FEATURE = ObjectSpec.of("feature",
                    "A public-safety feature the design declares. Whether it preserves end-to-end encryption is "
                            + "worked out by the review, not declared.")
            .required("kind", choice(Feature.Kind.class), "What sort of feature.")
            .optional("runs-on", ref(ElementKind.COMPONENT), "Component where it runs.")
            .optional("inspects", refs(ElementKind.DATA), "Data it reads.", "[]")
            .optional("method", choice(Feature.Method.class), "How it inspects (content-scanning, abuse detection).")
            .optional("hash-list-from", refs(ElementKind.PARTY), "For hash matching: who supplies the list of hashes.", "[]")
            .optional("hash-list-auditable", BOOL,
                    "For hash matching: whether outsiders can check what the list contains (e.g. a published "
                            + "root hash).", "false")
            .optional("results-to", refs(ElementKind.PARTY),
                    "Parties who learn its results. Empty when nobody but the user does.", "[]")
            .optional("initiated-by", choice(Feature.Initiator.class), "Who sets it off.")
            .optional("discloses", refs(ElementKind.DATA), "Data it hands over when it acts (a report, a disclosure).", "[]")
            .optional("franking", BOOL,
                    "For user reporting: whether reported messages carry a cryptographic commitment the provider "
                            + "can check (message franking).", "false")
            .optional("context-messages", new FieldType.Int(0, 10_000),
                    "For user reporting: how many recent messages a report includes besides the reported one.",
                    "0")
            .optional("user-informed", BOOL, "Whether the user is told what it sends, before it sends it.", "false")
            .optional("forward-limit", new FieldType.Int(1, 1_000_000),
                    "For forwarding limits: how many chats a message can be forwarded to at once.")
            .optional("counter-in-ciphertext", BOOL,
                    "For forwarding limits: whether the forward count travels inside the end-to-end encrypted "
                            + "message rather than being tracked by the server.", "false")
            .optional("applies-to", choice(Feature.AppliesTo.class), "Whose data it applies to.")
            .optional("threshold", new FieldType.Int(1, 1_000_000),
                    "Matches needed before anything is revealed (e.g. threshold secret sharing).")
            .optional("requires-provider-assistance", BOOL,
                    "For endpoint access: whether the provider must build or ship something for it to work.",
                    "false")
            .optional("legal-basis", TEXT, "The law it answers to, e.g. \"OSA 2023 s121\".")
            .optional("description", TEXT, "Free text.");

    public static final ObjectSpec ACCEPTANCE = ObjectSpec.of("acceptance",
                    "A reviewed finding, keyed by its stable id. After 'until' the finding counts again.")
            .required("status", choice(Acceptance.Status.class), "The decision.")
            .required("justification", new FieldType.Text(true),
                    "Why: required and not empty, so that no finding is silenced without a reason.")
            .required("decided-by", new FieldType.Text(true), "Who decided: a person or a team, not empty.")
            .optional("until", new FieldType.Date(), "Date after which the finding counts again.", "no expiry");

    public static final ObjectSpec SUBMISSION = ObjectSpec.of("submission",
                    "The consultation submission's particulars and the submitting organisation's own words "
                            + "(review --format submission-md|submission-html|submission-pdf). The texts are "
                            + "CommonMark (paragraphs, lists, emphasis, links); each opens its section as the "
                            + "organisation's own prose. Raw HTML shows as the text it is, images as their "
                            + "description, and only http, https and mailto links are kept. The review itself never "
                            + "reads them.")
            .optional("title", TEXT, "The document's title.", "Submission on end-to-end encryption and public safety: "
                    + "the system's name")
            .optional("addressee", TEXT, "Who it is addressed to, e.g. the ministry or the consultation's office.")
            .optional("reference", TEXT, "The consultation's reference, as its call for evidence gives it.")
            .optional("organisation", TEXT, "Who submits, as the first page names it.")
            .optional("contact", TEXT, "Where to reply, printed under the organisation.")
            .optional("model-url", TEXT, "Where readers can get this model, named in the annex on reproducing the "
                    + "document.", "readers are told to ask the organisation")
            .optional("summary", TEXT, "Opens the summary, before what the review computed.")
            .optional("design", TEXT, "Opens the section on the design and its end-to-end guarantees.")
            .optional("public-safety", TEXT, "Opens the section on the statement's first ask: public safety the "
                    + "design supports.")
            .optional("capabilities", TEXT, "Opens the section on the second ask: access to content and the "
                    + "proposals.")
            .optional("closing", TEXT, "Closes the body of the document, before the annexes.");

    public static final ObjectSpec CODE_SINKS = ObjectSpec.of("code",
                    "Where the team's Java code logs, reports telemetry, serialises and does cryptography, as code "
                            + "patterns, for the ArchUnit rules (docs/archunit.md). The review itself never reads it.")
            .optional("logging", CODE, "Code that writes logs, e.g. org.slf4j.., java.util.logging..; key classes and "
                    + "this code must not depend on each other.", "[]")
            .optional("telemetry", CODE, "Code that reports metrics, traces or crashes, e.g. io.opentelemetry..; key "
                    + "classes and this code must not depend on each other.", "[]")
            .optional("serialisation", CODE, "Code that turns objects into bytes or text, e.g. "
                    + "com.fasterxml.jackson.., java.io.Serializable; key classes and this code must not depend on "
                    + "each other.", "[]")
            .optional("crypto-primitives", CODE, "Crypto libraries besides javax.crypto and java.security's key "
                    + "generation, e.g. org.bouncycastle..: only key classes and the code of components that hold a "
                    + "key may use them.", "[]");

    public static final ObjectSpec MODEL = ObjectSpec.of("model",
                    "An e2ee-review model: the architecture of a messaging system.")
            .required("e2ee-review", new FieldType.Int(1, Integer.MAX_VALUE),
                    "Version of the model format. This release reads version 1.")
            .required("system", obj(SYSTEM), "The system under review.")
            .required("parties", elements(PARTY), "Everyone who could obtain data, keyed by id.")
            .required("components", elements(COMPONENT), "Software and hardware, keyed by id.")
            .optional("keys", elements(KEY), "Keys, keyed by id.", "{}")
            .optional("data", elements(DATA_ITEM), "Data items, keyed by id.", "{}")
            .required("conversations", elements(CONVERSATION), "Conversations, keyed by id.")
            .optional("flows", elements(FLOW), "Flows between components, keyed by id.", "{}")
            .optional("features", elements(FEATURE), "Public-safety features, keyed by id.", "{}")
            .optional("accepted", new FieldType.IdMap(ACCEPTANCE, FINDING_ID_PATTERN,
                    "a finding id: RULE-ID@element-ids, e.g. GHOST-PARTICIPANT@group-chat"),
                    "Reviewed findings, keyed by finding id.", "{}")
            .optional("submission", obj(SUBMISSION), "Narrative for the consultation submission.")
            .optional("code", obj(CODE_SINKS), "Where the team's code logs, reports telemetry, serialises and does "
                    + "cryptography, for the ArchUnit rules.");

    /** The fields of one element of a kind, as the model file's map of that kind holds them. */
    public static ObjectSpec element(ElementKind kind) {
        return ((FieldType.IdMap) MODEL.field(kind.field()).type()).spec();
    }

    /** A baseline file (review --baseline FILE): reviewed findings kept beside the model. */
    public static final ObjectSpec BASELINE = ObjectSpec.of("baseline",
                    "Reviewed findings kept beside a model (review --baseline FILE), in the model's 'accepted' form.")
            .required("e2ee-review-baseline", new FieldType.Int(1, Integer.MAX_VALUE),
                    "Version of the baseline format. This release reads version 1.")
            .required("accepted", new FieldType.IdMap(ACCEPTANCE, BASELINE_ID_PATTERN,
                    "a finding id, RULE-ID@element-ids, where '*' in the element part stands for any run of "
                            + "characters, e.g. KEY-ESCROW@backup-*"),
                    "Reviewed findings, keyed by finding id or pattern.");
}
