package org.e2eereview.analysis;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.e2eereview.model.Component;
import org.e2eereview.model.Conversation;
import org.e2eereview.model.Conversation.Membership;
import org.e2eereview.model.Conversation.Verification;
import org.e2eereview.model.Data;
import org.e2eereview.model.Feature;
import org.e2eereview.model.Flow;
import org.e2eereview.model.Key;
import org.e2eereview.model.Model;
import org.e2eereview.model.Party;
import org.e2eereview.model.Safeguard;
import org.e2eereview.model.Source;

/**
 * Works out who can read what, to a fixpoint, keeping for every fact the chain of model
 * statements that proves it. Facts are derived breadth-first, so the chain kept for each is
 * among the shortest.
 *
 * <ul>
 * <li>Parties hold keys stored on components they run, or carried to them outside end-to-end
 * encryption; an outer key gives the keys it protects; all of a key's sources give the key; a
 * guessable recovery secret without an enforced guess limit gives the key to whoever keeps the
 * wrapped copy.</li>
 * <li>Parties read data that is readable at a component they run (created there, or carried there
 * with transport protection only), data that a key they hold protects, data contained in what they
 * read, and what features hand them.</li>
 * <li>The party running a conversation's membership or device list, or its key directory, reads
 * the conversation unless a safeguard prevents it; safeguards that only make a change visible
 * leave the reading in place and are kept with it.</li>
 * <li>The supplier of a client that can target updates gets what the client has.</li>
 * <li>A party with lawful access gets what the parties it compels can get, by the powers it has,
 * on a legal order.</li>
 * </ul>
 * Nothing is credited from what the model leaves unwritten.
 */
public final class AccessAnalysis {

    /**
     * Each power, one meaning (docs/model.md has the same table): the routes by which what the
     * compelled party reads passes to the authority as a reading, and those by which a key it holds
     * passes as a key the authority then holds. A route needs its own power: key-disclosure gives no
     * targeted update, which the compelled party would have to build and ship.
     */
    private static final Map<Party.Power, Set<Route>> READS = new EnumMap<>(Party.Power.class);
    private static final Map<Party.Power, Set<Route>> KEYS = new EnumMap<>(Party.Power.class);

    static {
        READS.put(Party.Power.DATA_DISCLOSURE, EnumSet.of(Route.RUNS_COMPONENT, Route.HOLDS_KEY, Route.RECOVERS_KEY,
                Route.FEATURE_RESULT, Route.MEMBER_DISCLOSURE, Route.LEARNS_DERIVED));
        READS.put(Party.Power.KEY_DISCLOSURE, EnumSet.noneOf(Route.class));
        READS.put(Party.Power.DECRYPTION, EnumSet.of(Route.HOLDS_KEY, Route.RECOVERS_KEY));
        READS.put(Party.Power.ADD_PARTICIPANT, EnumSet.of(Route.ADDS_MEMBER, Route.ADDS_DEVICE, Route.SUBSTITUTES_KEYS));
        READS.put(Party.Power.TARGETED_UPDATE, EnumSet.of(Route.TARGETED_UPDATE));
        READS.put(Party.Power.TECHNICAL_CAPABILITY, EnumSet.allOf(Route.class));
        KEYS.put(Party.Power.DATA_DISCLOSURE, EnumSet.noneOf(Route.class));
        KEYS.put(Party.Power.KEY_DISCLOSURE, EnumSet.of(Route.HOLDS_KEY, Route.RECOVERS_KEY));
        KEYS.put(Party.Power.DECRYPTION, EnumSet.noneOf(Route.class));
        KEYS.put(Party.Power.ADD_PARTICIPANT, EnumSet.noneOf(Route.class));
        KEYS.put(Party.Power.TARGETED_UPDATE, EnumSet.of(Route.TARGETED_UPDATE));
        KEYS.put(Party.Power.TECHNICAL_CAPABILITY, EnumSet.allOf(Route.class));
    }

    /** What powers give, for docs/model.md's table. */
    public static Set<Route> readsGivenBy(Party.Power power) {
        return java.util.Collections.unmodifiableSet(READS.get(power));
    }

    /** Which held keys a power passes on, for docs/model.md's table. */
    public static Set<Route> keysGivenBy(Party.Power power) {
        return java.util.Collections.unmodifiableSet(KEYS.get(power));
    }

    private record Compeller(String party, List<Party.Power> powers, Party.LawfulAccess access, Flow.Occurs condition) {
        boolean coversKey(Route route) {
            for (Party.Power p : powers) {
                if (KEYS.get(p).contains(route)) return true;
            }
            return false;
        }

        boolean covers(Route route) {
            for (Party.Power p : powers) {
                if (READS.get(p).contains(route)) return true;
            }
            return false;
        }
    }

    private final Model model;
    private final Map<String, List<Key>> keysDerivedFrom = new HashMap<>();
    private final Map<String, List<String>> derivedFromData = new HashMap<>();
    private final Map<String, List<Compeller>> compellers = new HashMap<>();
    /** Reports a member chooses to send: reading what they contain is the member's disclosure. */
    private final Set<String> memberDisclosed = new HashSet<>();
    /**
     * Data made from other data (derived from it, or containing it) said to be created on a
     * component: it exists there once what it is made from is readable there, and under the same
     * condition, so a summary made in a vendor's cloud from messages an opt-in flow brings is read
     * only by those who opt in.
     */
    private final Map<String, List<Data>> derivedCreatedOn = new HashMap<>();

    private final Map<String, Map<String, Holding>> holdings = new HashMap<>();
    private final Map<String, Map<Target, Map<Slot, Reading>>> readings = new HashMap<>();

    /**
     * Where a reading is kept: one per route and origin (see {@link Reading#origin}), and per item whose contents give
     * it: two backups under one key each hold the messages, and each backup's finding cites its own chain to them.
     */
    record Slot(Route route, String origin, String via) {
    }

    /** The item a reading came through by what it contains, where it did (see {@link Slot#via}). */
    private final Map<Reading, String> viaOf = new java.util.IdentityHashMap<>();
    private final Map<String, Flow.Occurs> dataCondition = new HashMap<>();
    private final Map<String, List<Flow>> carriedBy = new HashMap<>();

    /**
     * When a key's holder has the ciphertext of what the key protects. Where the model takes it to a
     * component the holder (or a party it compels) runs, under the best condition of those flows: a
     * backup file brought to the vendor only from a seized phone is had only then. Where no flow does,
     * the ciphertext is taken to be obtainable wherever it travels, under the best condition of any
     * flow that carries it (always, if none does).
     */
    private Flow.Occurs had(String item, Holding h) {
        Flow.Occurs toHolder = null;
        for (Flow f : carriedBy.getOrDefault(item, List.of())) {
            String runner = runner(f.to()).id();
            if (!runner.equals(h.party()) && !h.through().contains(runner)) continue;
            if (toHolder == null || better(f.occurs(), toHolder)) toHolder = f.occurs();
        }
        return toHolder != null ? toHolder : dataCondition.getOrDefault(item, Flow.Occurs.ALWAYS);
    }

    /** What a reading is about: a data item, everywhere or only inside one conversation. */
    record Target(String data, String conversation) {
    }

    private final Map<String, Map<String, Reading>> plaintext = new HashMap<>();
    private final List<Safeguarded> safeguards = new ArrayList<>();
    private final ArrayDeque<Object> work = new ArrayDeque<>();
    /**
     * Derived readings that are facts in their own right (what a feature reports), rather than
     * consequences of reading their source: only these pass to a compelling party as derived data;
     * the others follow when the source itself is passed on.
     */
    private final Set<Reading> reported = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());

    /** A client whose supplier can target updates, found while seeding, applied once the rest is known. */
    private record Targetable(Component client, Evidence evidence, List<Safeguarded> lowering) {
    }

    private final List<Targetable> targetableClients = new ArrayList<>();

    private AccessAnalysis(Model model) {
        this.model = model;
    }

    public static Analysis analyze(Model model) {
        AccessAnalysis a = new AccessAnalysis(model);
        a.index();
        a.seed();
        a.run();
        a.deriveKeyPlaces();
        return new Analysis(model, a.holdings, a.readings, a.plaintext, a.safeguards, a.keyPlaces);
    }

    private void index() {
        for (Key k : byId(model.keys())) {
            for (String src : k.derivedFrom()) keysDerivedFrom.computeIfAbsent(src, x -> new ArrayList<>()).add(k);
        }
        for (Data d : byId(model.data())) {
            for (String src : d.derivedFrom()) derivedFromData.computeIfAbsent(d.id(), x -> new ArrayList<>()).add(src);
            if (d.kind() == Data.Kind.REPORT) memberDisclosed.add(d.id());
        }
        for (Feature f : byId(model.features())) {
            for (String d : f.discloses()) {
                if (f.initiatedBy() == Feature.Initiator.MEMBER) memberDisclosed.add(d);
            }
        }
        for (Feature f : byId(model.features())) {
            // A report sent without a member choosing to is not the member's disclosure.
            if (f.initiatedBy() != Feature.Initiator.MEMBER) f.discloses().forEach(memberDisclosed::remove);
        }
        for (Flow f : byId(model.flows())) {
            for (String item : f.carries()) {
                dataCondition.merge(item, f.occurs(), (a, b) -> better(a, b) ? a : b);
                carriedBy.computeIfAbsent(item, x -> new ArrayList<>()).add(f);
            }
        }
        for (Party p : byId(model.parties())) {
            if (p.lawfulAccess() == null) continue;
            for (String target : p.lawfulAccess().compels()) {
                // An organisation's power over its vendor is its own decision, not a legal order.
                Flow.Occurs when = p.kind() == Party.Kind.ORGANISATION ? Flow.Occurs.ON_ORGANISATION_DECISION
                        : Flow.Occurs.ON_LEGAL_ORDER;
                compellers.computeIfAbsent(target, x -> new ArrayList<>())
                        .add(new Compeller(p.id(), p.lawfulAccess().powers(), p.lawfulAccess(), when));
            }
        }
    }

    /**
     * A section's elements in id order, not the order they are written in: facts are found
     * breadth-first and the first chain found is kept, so the same model written in another order
     * must be walked in the same order to give the same chains.
     */
    @SuppressWarnings("unchecked")
    private <T> List<T> byId(Map<String, T> section) {
        // Sorted once per section: the analysis walks some sections several times.
        return (List<T>) sortedSections.computeIfAbsent(section, s -> {
            List<String> ids = new ArrayList<>(section.keySet());
            if (!(section instanceof java.util.SortedMap)) ids.sort(null);
            List<T> out = new ArrayList<>(ids.size());
            for (String id : ids) out.add(section.get(id));
            return out;
        });
    }

    private final Map<Map<String, ?>, List<?>> sortedSections = new java.util.IdentityHashMap<>();

    private Map<String, Flow> inUse;

    /**
     * For a server-side component that receives anything only under a condition (an assistant sent
     * messages only by users who opt in), the flow into it under the best condition: what is made
     * there is made only then. Null when it is in use always, receives nothing, or is a client.
     */
    private Flow inUse(String component) {
        if (inUse == null) {
            inUse = new HashMap<>();
            Set<String> always = new HashSet<>();
            for (Flow f : byId(model.flows())) {
                if (f.occurs() == Flow.Occurs.ALWAYS) always.add(f.to());
                Flow best = inUse.get(f.to());
                if (best == null || better(f.occurs(), best.occurs())) inUse.put(f.to(), f);
            }
            always.forEach(inUse::remove);
        }
        Component c = model.components().get(component);
        if (c.kind() == Component.Kind.CLIENT || c.kind() == Component.Kind.WEB_CLIENT) return null;
        return inUse.get(component);
    }

    private Step inUseStep(String component, Flow f) {
        return step(component + " receives anything only " + f.occurs().words() + " (flow " + f.id()
                + ", occurs: " + f.occurs().yamlName() + ")", f.source(), "occurs", f.id());
    }

    // ---- seeding: the facts the model states directly ----

    private void seed() {
        for (Key k : byId(model.keys())) seedKey(k);
        for (Data d : byId(model.data())) {
            for (String c : d.createdOn()) {
                if (d.derivedFrom().isEmpty() && d.contains().isEmpty()) {
                    Step s = step(d.id() + " is created on " + c, d.source(), "created-on", d.id());
                    Flow inUse = inUse(c);
                    readableAt(c, d.id(), inUse == null ? Evidence.of(s) : Evidence.of(s).then(inUseStep(c, inUse)),
                            inUse == null ? When.ALWAYS : When.of(inUse.occurs()), List.of(), null);
                } else {
                    derivedCreatedOn.computeIfAbsent(c, x -> new ArrayList<>()).add(d);
                }
            }
        }
        for (Flow f : byId(model.flows())) seedFlow(f);
        for (Conversation c : byId(model.conversations())) {
            if (c.membership() != null) seedMembership(c, c.membership());
        }
        for (Feature f : byId(model.features())) seedFeature(f);
        for (Component c : byId(model.components())) seedUpdates(c);
    }

    private void seedFlow(Flow f) {
        if (f.protection() == Flow.Protection.END_TO_END) return;
        String protection = f.protection() == Flow.Protection.NONE ? "no protection" : "transport protection only";
        boolean keys = f.carries().stream().anyMatch(model.keys()::containsKey);
        boolean data = f.carries().stream().anyMatch(model.data()::containsKey);
        List<Safeguarded> shownKey = shown(f.shownToMembers() && keys, f.id(), Route.HOLDS_KEY,
                "members are shown that flow " + f.id() + " takes what it carries to " + f.to(), f.source());
        List<Safeguarded> shownData = shown(f.shownToMembers() && data, f.id(), Route.RUNS_COMPONENT,
                "members are shown that flow " + f.id() + " takes what it carries to " + f.to(), f.source());
        for (String item : f.carries()) {
            Step s = step("flow " + f.id() + " carries " + item + " to " + f.to() + " with " + protection,
                    f.source(), "protection", f.id());
            if (model.keys().containsKey(item)) {
                keyPlaces.computeIfAbsent(item, x -> new LinkedHashSet<>()).add(f.to());
                for (At at : at(f.to(), Route.HOLDS_KEY)) {
                    addKey(at.party(), item, at.route(), Evidence.of(s).then(at.how()), List.of(), null,
                            When.of(f.occurs()), with(shownKey, at.lowering()), f.id());
                }
            } else {
                readableAt(f.to(), item, Evidence.of(s), When.of(f.occurs()), shownData, f.id());
            }
        }
    }

    /**
     * The safeguard "members are shown it" on a route, as a flow, a key or a feature declares it: the
     * same on every route, so a visible reading is lowered alike however it comes about.
     */
    private List<Safeguarded> shown(boolean declared, String element, Route route, String text, Source source) {
        if (!declared) return List.of();
        String field = source.written("user-informed") ? "user-informed" : "shown-to-members";
        Safeguarded s = new Safeguarded(Safeguard.USER_VISIBLE_INDICATORS, element, route, text, source.of(field));
        safeguards.add(s);
        return List.of(s);
    }

    private void seedKey(Key k) {
        keyPlaces.computeIfAbsent(k.id(), x -> new LinkedHashSet<>()).addAll(placesOf(k));
        List<Safeguarded> shown = shown(k.shownToMembers(), k.id(), Route.HOLDS_KEY,
                "members are shown that whoever holds " + k.id() + " can read what it opens", k.source());
        for (String c : placesOf(k)) {
            String field = k.storedOn().contains(c) ? "stored-on" : "generated-on";
            Step s = step(k.id() + " is " + field.replace("-on", "") + " on " + c, k.source(), field, k.id());
            for (At at : at(c, Route.HOLDS_KEY)) {
                // The key is the reading's origin: two keys that each open the same content (an employer's
                // compliance key and an escrowed device key) are two ways in, each kept with its own chain.
                addKey(at.party(), k.id(), at.route(), Evidence.of(s).then(at.how()), List.of(), null,
                        When.ALWAYS, with(shown, at.lowering()), k.id());
            }
        }
        Key.Recovery r = k.recovery();
        if (r == null) return;
        if (r.enforcedBy() != null) {
            safeguards.add(new Safeguarded(Safeguard.HSM_GUESS_LIMITS, k.id(), Route.RECOVERS_KEY, "guesses at the "
                    + r.secret().yamlName() + " protecting " + k.id() + " are limited by " + r.enforcedBy(),
                    r.source().of("enforced-by")));
            // A guess limit an attested enclave keeps is only as good as the enclave: a new image, or its
            // hardware, could lift it and guess a short secret from the wrapped copy.
            if (r.secret().guessable() && model.components().get(r.enforcedBy()).attested()) {
                Step s = step(k.id() + " can be recovered from a " + r.secret().yamlName() + " whose guesses "
                        + r.enforcedBy() + " limits", r.source(), "enforced-by", k.id());
                for (At at : at(r.enforcedBy(), Route.RECOVERS_KEY)) {
                    addKey(at.party(), k.id(), at.route(), Evidence.of(s).then(at.how()), List.of(), null,
                            When.ALWAYS, at.lowering(), null);
                }
            }
        } else if (r.secret().guessable()) {
            String how = r.secret() == Key.Secret.NONE ? " without any secret" : " from a " + r.secret().yamlName()
                    + ", with no guess limit enforced";
            for (String c : r.storedOn()) {
                Step s = step(k.id() + " can be recovered on " + c + how, r.source(), "secret", k.id());
                for (At at : at(c, Route.RECOVERS_KEY)) {
                    addKey(at.party(), k.id(), at.route(), Evidence.of(s).then(at.how()), List.of(), null,
                            When.ALWAYS, at.lowering(), null);
                }
            }
        }
    }

    private void seedMembership(Conversation c, Membership m) {
        if (addable(c) && m.managedBy() != null) seedJoins(c, m);
        if (m.devicesManagedBy() != null && devicesDescribed(m)) seedDevices(c, m);
        if (m.deviceKeysFrom() != null) seedDirectory(c, m);
    }

    /**
     * Whether the model says anything about members' devices: the device route is judged only then,
     * since a device list managed by default by the membership server says nothing either way.
     */
    public static boolean devicesDescribed(Membership m) {
        Source s = m.source();
        return s.written("devices-managed-by") || s.written("device-list-signed") || s.written("device-changes-shown")
                || s.written("unverified-devices");
    }

    /** Nobody can be added to a conversation between two fixed people or to an e-mail its sender addresses. */
    static boolean addable(Conversation c) {
        return c.kind() != Conversation.Kind.ONE_TO_ONE && c.kind() != Conversation.Kind.EMAIL;
    }

    private void seedJoins(Conversation c, Membership m) {
        Component manager = model.components().get(m.managedBy());
        Source src = m.source();
        if (m.signedByMembers()) {
            safeguards.add(new Safeguarded(Safeguard.MEMBER_SIGNED_CHANGES, c.id(), Route.ADDS_MEMBER,
                    "a change to the members of " + c.id() + " needs a member's signature",
                    src.of("signed-by-members")));
            return;
        }
        List<Safeguarded> lowering = new ArrayList<>();
        Evidence e = Evidence.of(step("membership of " + c.id() + " is managed by " + manager.id(), src, "managed-by", c.id()))
                .then(runs(manager.id()))
                .then(unlessWritten("changes are not signed by members", src, "signed-by-members", c.id()));
        if (m.changesShown() == Conversation.ChangesShown.ALWAYS) {
            Safeguarded shown = new Safeguarded(Safeguard.USER_VISIBLE_INDICATORS, c.id(), Route.ADDS_MEMBER,
                    "every join to " + c.id() + " is shown to its members", src.of("changes-shown"));
            safeguards.add(shown);
            lowering.add(shown);
        } else {
            e = e.then(step(m.changesShown() == null ? "whether joins are shown is not written, so no notice is credited"
                    : "changes-shown: " + m.changesShown().yamlName(), src, "changes-shown", c.id()));
        }
        readsConversation(manager.runBy(), c, Route.ADDS_MEMBER, e, lowering);
    }

    private void seedDevices(Conversation c, Membership m) {
        Component devices = model.components().get(m.devicesManagedBy());
        Source src = m.source();
        if (m.deviceListSigned()) {
            safeguards.add(new Safeguarded(Safeguard.SIGNED_DEVICE_LISTS, c.id(), Route.ADDS_DEVICE,
                    "a new device in " + c.id() + " needs a signature from the member's existing device",
                    src.of("device-list-signed")));
            return;
        }
        if (m.unverifiedDevices() == Conversation.UnverifiedDevices.BLOCK) {
            safeguards.add(new Safeguarded(Safeguard.VERIFIED_DEVICES_ONLY, c.id(), Route.ADDS_DEVICE,
                    "members' clients in " + c.id() + " encrypt only to devices their users have verified",
                    src.of("unverified-devices")));
            return;
        }
        List<Safeguarded> lowering = new ArrayList<>();
        Evidence e = Evidence.of(step("device lists of " + c.id() + "'s members are managed by " + devices.id(), src,
                        src.written("devices-managed-by") ? "devices-managed-by" : "managed-by", c.id()))
                .then(runs(devices.id()))
                .then(unlessWritten("a new device needs no signature from the member's existing device", src,
                        "device-list-signed", c.id()));
        if (m.deviceChangesShown() == Conversation.ChangesShown.ALWAYS) {
            Safeguarded shown = new Safeguarded(Safeguard.USER_VISIBLE_INDICATORS, c.id(), Route.ADDS_DEVICE,
                    "a new device in " + c.id() + " is shown to the other members", src.of("device-changes-shown"));
            safeguards.add(shown);
            lowering.add(shown);
        }
        Component directory = m.deviceKeysFrom() == null ? null : model.components().get(m.deviceKeysFrom());
        if (directory != null && directory.transparency() == Component.Transparency.KEY_TRANSPARENCY_LOG) {
            // A new device's key is served by the directory, so it appears in the log clients check.
            Safeguarded logged = new Safeguarded(Safeguard.KEY_TRANSPARENCY, c.id(), Route.ADDS_DEVICE,
                    "a new device's key in " + c.id() + " is published in " + directory.id()
                            + "'s key transparency log", directory.source().of("transparency"));
            safeguards.add(logged);
            lowering.add(logged);
        }
        if (m.unverifiedDevices() == Conversation.UnverifiedDevices.WARN) {
            Safeguarded warned = new Safeguarded(Safeguard.UNVERIFIED_DEVICE_WARNINGS, c.id(), Route.ADDS_DEVICE,
                    "members of " + c.id() + " are warned about devices nobody has verified",
                    src.of("unverified-devices"));
            safeguards.add(warned);
            lowering.add(warned);
        }
        if (lowering.isEmpty()) {
            e = e.then(m.deviceChangesShown() == null && m.unverifiedDevices() == null
                    ? step("whether members see or are warned about a new device is not written, so nothing is credited",
                            src, "device-changes-shown", c.id())
                    : m.unverifiedDevices() == Conversation.UnverifiedDevices.SHARE
                    ? step("members' clients share keys with unverified devices without a warning", src,
                            "unverified-devices", c.id())
                    : step("device-changes-shown: " + (m.deviceChangesShown() == null ? "not written"
                            : m.deviceChangesShown().yamlName()), src, "device-changes-shown", c.id()));
        }
        readsConversation(devices.runBy(), c, Route.ADDS_DEVICE, e, lowering);
    }

    private void seedDirectory(Conversation c, Membership m) {
        Component directory = model.components().get(m.deviceKeysFrom());
        Source src = m.source();
        List<Safeguarded> lowering = new ArrayList<>();
        if (directory.transparency() == Component.Transparency.KEY_TRANSPARENCY_LOG) {
            lowering.add(new Safeguarded(Safeguard.KEY_TRANSPARENCY, c.id(), Route.SUBSTITUTES_KEYS,
                    directory.id() + " publishes every key it serves in a key transparency log",
                    directory.source().of("transparency")));
        }
        for (Verification v : m.verification()) {
            Safeguard s = switch (v) {
                case KEY_TRANSPARENCY -> Safeguard.KEY_TRANSPARENCY;
                case SAFETY_NUMBERS -> Safeguard.SAFETY_NUMBERS;
                case KEY_CHANGE_ALERTS -> Safeguard.KEY_CHANGE_ALERTS;
                case CONTACT_KEY_VERIFICATION -> Safeguard.CONTACT_KEY_VERIFICATION;
                case CROSS_SIGNING -> Safeguard.CROSS_SIGNING;
            };
            if (lowering.stream().anyMatch(x -> x.safeguard() == s)) continue;
            lowering.add(new Safeguarded(s, c.id(), Route.SUBSTITUTES_KEYS, "members of " + c.id()
                    + " can check keys by " + VERIFICATION_TEXT.get(v), src.of("verification")));
        }
        safeguards.addAll(lowering);
        Evidence e = Evidence.of(step("members of " + c.id() + " get each other's keys from " + directory.id(), src,
                        "device-keys-from", c.id()))
                .then(runs(directory.id()));
        if (lowering.isEmpty()) {
            e = e.then(step(directory.id() + " has no key transparency", directory.source(), "transparency", directory.id()))
                    .then(step("members have no way to verify keys", src, "verification", c.id()));
        }
        readsConversation(directory.runBy(), c, Route.SUBSTITUTES_KEYS, e, lowering);
    }

    private static final Map<Verification, String> VERIFICATION_TEXT = new EnumMap<>(Map.of(
            Verification.SAFETY_NUMBERS, "comparing safety numbers",
            Verification.KEY_CHANGE_ALERTS, "the warnings shown when a contact's key changes",
            Verification.KEY_TRANSPARENCY, "looking served keys up in a key transparency log",
            Verification.CONTACT_KEY_VERIFICATION, "automatic contact key verification",
            Verification.CROSS_SIGNING, "cross-signing"));

    private static final Set<Feature.Kind> LEGAL_FEATURES = EnumSet.of(Feature.Kind.LAWFUL_DISCLOSURE,
            Feature.Kind.EXCEPTIONAL_ACCESS, Feature.Kind.ENDPOINT_ACCESS);
    private static final Set<Party.Kind> AUTHORITIES = EnumSet.of(Party.Kind.LAW_ENFORCEMENT,
            Party.Kind.INTELLIGENCE_AGENCY, Party.Kind.GOVERNMENT);

    private void seedFeature(Feature f) {
        if (f.resultsTo().isEmpty()) return;
        Flow.Occurs condition = switch (f.appliesTo() == null ? Feature.AppliesTo.ALL_USERS : f.appliesTo()) {
            case OPT_IN -> Flow.Occurs.OPT_IN;
            case TARGETED_USERS -> Flow.Occurs.ON_LEGAL_ORDER;
            default -> f.initiatedBy() == Feature.Initiator.AUTHORITY ? Flow.Occurs.ON_LEGAL_ORDER : Flow.Occurs.ALWAYS;
        };
        String where = f.runsOn() == null ? "" : " on " + f.runsOn();
        // A member's own report is that member's disclosure, told or not: nothing to show.
        boolean told = f.userInformed() && f.initiatedBy() != Feature.Initiator.MEMBER;
        List<Safeguarded> shownDerived = shown(told, f.id(), Route.LEARNS_DERIVED,
                "the user whose device runs " + f.id() + " is told what it sends before it sends it (the other members "
                        + "are not)", f.source());
        List<Safeguarded> shownResult = shown(told, f.id(), Route.FEATURE_RESULT,
                "the user whose device runs " + f.id() + " is told what it sends before it sends it (the other members "
                        + "are not)", f.source());
        for (String party : f.resultsTo()) {
            Party.Kind kind = model.parties().get(party).kind();
            if (kind == Party.Kind.USER) continue;
            // What such features give an authority, it gives on a legal order.
            When when = LEGAL_FEATURES.contains(f.kind()) && AUTHORITIES.contains(kind)
                    ? When.of(condition).and(Flow.Occurs.ON_LEGAL_ORDER) : When.of(condition);
            Step to = step("its results go to " + party, f.source(), "results-to", f.id());
            // What a feature finds goes out only when a member chooses to send it, where the member starts it
            // (a child alerting a parent): that member's disclosure, not a reading of everyone's content.
            boolean chosen = f.initiatedBy() == Feature.Initiator.MEMBER;
            for (String d : f.inspects()) {
                if (model.data().get(d).kind().metadata()) continue;
                Evidence e = Evidence.of(step("feature " + f.id() + where + " inspects " + d
                        + (chosen ? " and a member chooses to send what it finds" : ""), f.source(), "inspects",
                        f.id())).then(to);
                Reading r = addRead(party, new Target(d, null), chosen ? Route.MEMBER_DISCLOSURE : Route.LEARNS_DERIVED, e,
                        List.of(), when, chosen ? List.of() : shownDerived, f.id());
                if (r != null && !chosen) reported.add(r);
            }
            for (String d : f.discloses()) {
                boolean member = f.initiatedBy() == Feature.Initiator.MEMBER;
                Evidence e = Evidence.of(step("feature " + f.id() + where + " hands over " + d
                        + (member ? " when a member chooses to" : ""), f.source(), "discloses", f.id())).then(to);
                addRead(party, new Target(d, null), member ? Route.MEMBER_DISCLOSURE : Route.FEATURE_RESULT, e,
                        List.of(), when, member ? List.of() : shownResult, f.id());
            }
        }
    }

    private void seedUpdates(Component c) {
        if (c.kind() != Component.Kind.CLIENT && c.kind() != Component.Kind.WEB_CLIENT) return;
        Component.Updates u = c.updates();
        boolean web = c.kind() == Component.Kind.WEB_CLIENT;
        boolean targetable = web || (u != null && u.perUserTargeting());
        if (!targetable) return;
        List<Safeguarded> lowering = new ArrayList<>();
        if (u != null && u.binaryTransparency()) {
            lowering.add(new Safeguarded(Safeguard.BINARY_TRANSPARENCY, c.id(), Route.TARGETED_UPDATE,
                    "every build of " + c.id() + " is published in a log that can be checked",
                    u.source().of("binary-transparency")));
        }
        if (u != null && u.reproducibleBuilds()) {
            lowering.add(new Safeguarded(Safeguard.REPRODUCIBLE_BUILDS, c.id(), Route.TARGETED_UPDATE,
                    "builds of " + c.id() + " can be reproduced from source and compared",
                    u.source().of("reproducible-builds")));
        }
        safeguards.addAll(lowering);
        Step first = web && (u == null || !u.perUserTargeting())
                ? step(c.id() + " is a web client: its code is served anew on each visit", c.source(), "kind", c.id())
                : step(c.suppliedBy() + " can ship an update of " + c.id() + " to chosen users", u.source(),
                        "per-user-targeting", c.id());
        Evidence e = Evidence.of(first)
                .then(step(c.id() + " is supplied by " + c.suppliedBy(), c.source(), "supplied-by", c.id()));
        if (lowering.isEmpty()) {
            e = e.then(u == null
                    ? step("no binary transparency or reproducible builds (updates not written: no safeguard credited)",
                            c.source(), "kind", c.id())
                    : step("no binary transparency or reproducible builds", u.source(), "binary-transparency", c.id()));
        }
        targetableClients.add(new Targetable(c, e, lowering));
    }

    /** What the supplier of a targetable client gets: the client's keys and readable data. */
    private void applyUpdates() {
        if (targetableClients.isEmpty()) return;
        Map<String, List<Key>> keysOn = new HashMap<>();
        for (Key k : byId(model.keys())) {
            for (String c : placesOf(k)) keysOn.computeIfAbsent(c, x -> new ArrayList<>()).add(k);
        }
        for (Targetable t : targetableClients) {
            Component c = t.client();
            Evidence e = t.evidence();
            for (Key k : keysOn.getOrDefault(c.id(), List.of())) {
                addKey(c.suppliedBy(), k.id(), Route.TARGETED_UPDATE,
                        e.then(step(k.id() + " is on " + c.id(), k.source(), "stored-on", k.id())), List.of(), null,
                        When.ALWAYS, t.lowering(), c.id());
            }
            Map<String, Reading> there = plaintext.getOrDefault(c.id(), Map.of());
            for (Reading r : List.copyOf(there.values())) {
                addRead(c.suppliedBy(), new Target(r.data(), null), Route.TARGETED_UPDATE, e.then(r.evidence()),
                        List.of(), When.of(r), t.lowering(), c.id());
            }
        }
    }

    // ---- the fixpoint ----

    private void run() {
        drain();
        createUnreachedDerived();
        drain();
        applyUpdates();
        drain();
    }

    private void drain() {
        while (!work.isEmpty()) {
            Object next = work.poll();
            if (next instanceof Holding h) processKey(h);
            else processRead((Reading) next);
        }
    }

    private void readableAt(String component, String data, Evidence e, When condition, List<Safeguarded> lowering,
                            String origin) {
        Map<String, Reading> there = plaintext.computeIfAbsent(component, x -> new LinkedHashMap<>());
        Reading existing = there.get(data);
        boolean improves = existing == null || condition.betterThan(When.of(existing));
        Party runner = runner(component);
        if (improves) {
            there.put(data, new Reading(runner.id(), data, null, Route.RUNS_COMPONENT, e, List.of(), condition.condition(),
                    condition.reach(), lowering, origin));
        }
        // A second flow bringing the same data still gives its own reading (see Reading#origin).
        Reading added = null;
        for (At at : at(component, Route.RUNS_COMPONENT)) {
            Reading r = addRead(at.party(), new Target(data, null), at.route(), e.then(at.how()), List.of(), condition,
                    with(lowering, at.lowering()), origin);
            if (r != null) added = r;
        }
        if (added == null && !improves) return;
        for (Data made : derivedCreatedOn.getOrDefault(component, List.of())) {
            if (!made.derivedFrom().contains(data) && !made.contains().contains(data)) continue;
            readableAt(component, made.id(), e.then(step(made.id() + " is made from " + data + " on " + component,
                    made.source(), "created-on", made.id())), condition, lowering, origin);
        }
    }

    /** Derived data said to be created where its sources never become readable is taken at its word. */
    private void createUnreachedDerived() {
        derivedCreatedOn.forEach((component, items) -> {
            for (Data d : items) {
                if (plaintext.getOrDefault(component, Map.of()).containsKey(d.id())) continue;
                Step s = step(d.id() + " is created on " + component, d.source(), "created-on", d.id());
                Flow inUse = inUse(component);
                readableAt(component, d.id(), inUse == null ? Evidence.of(s) : Evidence.of(s).then(inUseStep(component, inUse)),
                        inUse == null ? When.ALWAYS : When.of(inUse.occurs()), List.of(), null);
            }
        });
    }

    private void readsConversation(String party, Conversation c, Route route, Evidence e, List<Safeguarded> lowering) {
        for (String d : c.content()) {
            addRead(party, new Target(d, c.id()), route, e.then(step(c.id() + " carries " + d, c.source(), "content",
                    c.id())), List.of(), When.ALWAYS, List.copyOf(lowering), null);
        }
    }

    private void addKey(String party, String key, Route route, Evidence e, List<String> through, String unwrappedWith,
                        When condition, List<Safeguarded> lowering, String origin) {
        Map<String, Holding> held = holdings.computeIfAbsent(party, x -> new HashMap<>());
        Holding existing = held.get(key);
        if (existing != null && !condition.betterThan(When.of(existing))) return;
        Holding h = new Holding(party, key, route, e, through, unwrappedWith, condition.condition(), condition.reach(),
                lowering, origin);
        held.put(key, h);
        work.add(h);
    }

    private void processKey(Holding h) {
        if (holdings.get(h.party()).get(h.key()) != h) return; // replaced by a holding under a weaker condition
        Key k = model.keys().get(h.key());
        for (String target : k.protects()) {
            Step s = step(k.id() + " protects " + target, k.source(), "protects", k.id());
            if (model.keys().containsKey(target)) {
                // As for data: a wrapped key the model moves only under a condition is had only then.
                addKey(h.party(), target, h.route(), h.evidence().then(s), h.through(), k.id(),
                        When.of(h).and(had(target, h)), h.lowering(), h.origin());
            } else {
                addRead(h.party(), new Target(target, null), h.route(), h.evidence().then(s), h.through(),
                        When.of(h).and(had(target, h)), h.lowering(), h.origin());
            }
        }
        for (Key derived : keysDerivedFrom.getOrDefault(k.id(), List.of())) {
            Map<String, Holding> held = holdings.get(h.party());
            if (!derived.derivedFrom().stream().allMatch(held::containsKey)) continue;
            Evidence e = null;
            Set<String> through = new LinkedHashSet<>();
            When condition = When.ALWAYS;
            for (String src : derived.derivedFrom()) {
                Holding part = held.get(src);
                e = e == null ? part.evidence() : e.then(part.evidence());
                through.addAll(part.through());
                condition = condition.and(When.of(part));
            }
            addKey(h.party(), derived.id(), h.route(), e.then(step(derived.id() + " is derived from "
                            + String.join(" and ", derived.derivedFrom()), derived.source(), "derived-from", derived.id())),
                    List.copyOf(through), null, condition, h.lowering(), h.origin());
        }
        for (Compeller c : compellers.getOrDefault(h.party(), List.of())) {
            if (!c.coversKey(h.route())) continue;
            addKey(c.party(), h.key(), h.route(), compel(c, h.party()).then(h.evidence()), throughAlso(h.party(), h.through()),
                    h.unwrappedWith(), When.of(h).and(c.condition()), h.lowering(), h.origin());
        }
    }

    /** Records a reading unless one as good is known; returns the new reading, or null. */
    private Reading addRead(String party, Target target, Route route, Evidence e, List<String> through,
                            When condition, List<Safeguarded> lowering, String origin) {
        return addRead(party, target, route, e, through, condition, lowering, origin, null);
    }

    private Reading addRead(String party, Target target, Route route, Evidence e, List<String> through,
                            When condition, List<Safeguarded> lowering, String origin, String via) {
        Map<Slot, Reading> bySlot = readings.computeIfAbsent(party, x -> new HashMap<>())
                .computeIfAbsent(target, x -> new HashMap<>(4));
        Slot slot = new Slot(route, origin, via);
        Reading existing = bySlot.get(slot);
        if (existing != null && !condition.betterThan(When.of(existing))) return null;
        Reading r = new Reading(party, target.data(), target.conversation(), route, e, through, condition.condition(),
                condition.reach(), lowering, origin);
        bySlot.put(slot, r);
        if (via != null) viaOf.put(r, via);
        work.add(r);
        return r;
    }

    private void processRead(Reading r) {
        Data d = model.data().get(r.data());
        String via = viaOf.get(r);
        boolean disclosed = memberDisclosed.contains(d.id());
        for (String inner : d.contains()) {
            Route route = disclosed && r.route() != Route.LEARNS_DERIVED ? Route.MEMBER_DISCLOSURE : r.route();
            addRead(r.party(), new Target(inner, r.conversation()), route, r.evidence().then(step(d.id() + " contains "
                    + inner, d.source(), "contains", d.id())), r.through(), When.of(r), r.lowering(), r.origin(), d.id());
        }
        if (!d.kind().revealsNothing()) {
            for (String source : derivedFromData.getOrDefault(d.id(), List.of())) {
                // A hash of something with few possible values is reversed by hashing them all.
                boolean guessed = !d.kind().revealsSource() && model.data().get(source).guessable();
                boolean reveals = d.kind().revealsSource() || guessed;
                String how = guessed ? ", which is guessable: trying every value reverses it"
                        : reveals ? " and shows it" : "";
                // What a member chose to send stays that member's disclosure, whatever it is derived from.
                Route route = r.route() == Route.MEMBER_DISCLOSURE || reveals ? r.route() : Route.LEARNS_DERIVED;
                addRead(r.party(), new Target(source, r.conversation()), route,
                        r.evidence().then(step(d.id() + " is derived from " + source + how,
                                d.source(), "derived-from", d.id())), r.through(), When.of(r), r.lowering(), r.origin(), via);
            }
        }
        if (r.route() == Route.LEARNS_DERIVED && !reported.contains(r)) return;
        for (Compeller c : compellers.getOrDefault(r.party(), List.of())) {
            if (c.covers(r.route())) {
                Reading passed = addRead(c.party(), new Target(r.data(), r.conversation()), r.route(),
                        compel(c, r.party()).then(r.evidence()), throughAlso(r.party(), r.through()),
                        When.of(r).and(c.condition()), r.lowering(), r.origin(), via);
                if (passed != null && reported.contains(r)) reported.add(passed);
            }
        }
    }

    private static List<String> throughAlso(String party, List<String> through) {
        if (through.contains(party)) return through;
        List<String> out = new ArrayList<>(through.size() + 1);
        out.add(party);
        out.addAll(through);
        return List.copyOf(out);
    }

    /** Who compels whom: the key of the step that says so. */
    private record Compelling(String compeller, String target) {
    }

    private final Map<Compelling, Evidence> compelSteps = new HashMap<>();

    /** The step "L can compel P (powers)": the same for every fact passed on, so made once per pair. */
    private Evidence compel(Compeller c, String target) {
        return compelSteps.computeIfAbsent(new Compelling(c.party(), target), k -> compelStep(c, target));
    }

    private Evidence compelStep(Compeller c, String target) {
        // Powers written in another file than the model's list of them (a proposal's powers+) are said to be the
        // proposal's: cited at the model's line, "(data-disclosure, key-disclosure) under US law" read as the model's.
        Source source = c.access().source();
        String list = source.of("powers").file();
        List<String> own = new ArrayList<>();
        List<String> added = new ArrayList<>();
        for (Party.Power p : c.powers()) {
            (source.of("powers", p.yamlName()).file().equals(list) ? own : added).add(p.yamlName());
        }
        String powers = String.join(", ", own) + (added.isEmpty() ? "" : (own.isEmpty() ? "" : "; ")
                + String.join(", ", added) + ", added by the proposal");
        String basis = c.access().legalBasis() == null ? "" : " under " + c.access().legalBasis();
        return Evidence.of(new Step(c.party() + " can compel " + target + " (" + powers + ")" + basis,
                c.access().source().of("compels", target), c.party()));
    }

    /**
     * Where each key is usable, component by component: where it is generated or stored, where a flow
     * brings it without end-to-end protection, and, for a derived key, wherever all of its sources
     * are. A wrapped copy (a recovery store, a key under another key) is not usable where it lies.
     */
    private final Map<String, Set<String>> keyPlaces = new LinkedHashMap<>();

    /** A derived key is wherever all of its sources are; sources may be derived too, hence the fixpoint. */
    private void deriveKeyPlaces() {
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Key k : byId(model.keys())) {
                if (k.derivedFrom().isEmpty()) continue;
                Set<String> common = new LinkedHashSet<>(keyPlaces.getOrDefault(k.derivedFrom().get(0), Set.of()));
                for (String src : k.derivedFrom()) common.retainAll(keyPlaces.getOrDefault(src, Set.of()));
                changed |= keyPlaces.computeIfAbsent(k.id(), x -> new LinkedHashSet<>()).addAll(common);
            }
        }
    }

    /** Components that hold a usable copy of a key: where it is stored and where it is generated. */
    private static Set<String> placesOf(Key k) {
        Set<String> places = new LinkedHashSet<>(k.storedOn());
        if (k.generatedOn() != null) places.add(k.generatedOn());
        return places;
    }

    /** A reading under a weaker condition (always beats by-default beats opt-in ...) replaces the old one. */
    private static boolean better(Flow.Occurs candidate, Flow.Occurs existing) {
        return candidate.ordinal() < existing.ordinal();
    }

    /**
     * A reading's condition with the users it reaches: the condition alone loses who is reached when a weaker one
     * takes its place (an authority's legal order for a backup only users who opt in have made), so the reach is
     * kept beside it, the weakest of the conditions that say who (by default, opt in) along the way.
     */
    record When(Flow.Occurs condition, Flow.Occurs reach) {
        static final When ALWAYS = new When(Flow.Occurs.ALWAYS, Flow.Occurs.ALWAYS);
        private static final java.util.EnumMap<Flow.Occurs, When> OF = new java.util.EnumMap<>(Flow.Occurs.class);

        static {
            for (Flow.Occurs o : Flow.Occurs.values()) {
                OF.put(o, new When(o, o == Flow.Occurs.BY_DEFAULT || o == Flow.Occurs.OPT_IN ? o : Flow.Occurs.ALWAYS));
            }
        }

        static When of(Flow.Occurs condition) {
            return OF.get(condition);
        }

        static When of(Reading r) {
            return r.reach() == Flow.Occurs.ALWAYS ? of(r.condition()) : new When(r.condition(), r.reach());
        }

        static When of(Holding h) {
            return h.reach() == Flow.Occurs.ALWAYS ? of(h.condition()) : new When(h.condition(), h.reach());
        }

        /** Both must hold. */
        When and(When o) {
            Flow.Occurs c = weaker(condition, o.condition);
            Flow.Occurs r = weaker(reach, o.reach);
            return c == condition && r == reach ? this : c == o.condition && r == o.reach ? o : new When(c, r);
        }

        When and(Flow.Occurs o) {
            return and(of(o));
        }

        /** A weaker condition, or the same reaching more users, replaces the old reading. */
        boolean betterThan(When o) {
            return better(condition, o.condition) || condition == o.condition && better(reach, o.reach);
        }
    }

    /** The weaker of two conditions: a reading needs both to hold. */
    static Flow.Occurs weaker(Flow.Occurs a, Flow.Occurs b) {
        return a.ordinal() >= b.ordinal() ? a : b;
    }

    /** Who has what is on a component, by which route, how that is shown, and what would show its use. */
    private record At(String party, Route route, Evidence how, List<Safeguarded> lowering) {
    }

    private final Map<String, List<At>> atCache = new HashMap<>();

    /**
     * Who has what is on a component: whoever runs it, by the route given; for an attested enclave,
     * whose attestation clients verify, not its operator, but whoever can ship it an image clients
     * accept (unless they pin its measurement) and the maker of its hardware, the root of its trust.
     */
    private List<At> at(String component, Route route) {
        Component c = model.components().get(component);
        if (!c.attested()) return List.of(new At(runner(component).id(), route, Evidence.of(runs(component)), List.of()));
        return atCache.computeIfAbsent(component, x -> attestedAt(c));
    }

    private List<At> attestedAt(Component c) {
        Component.Attestation a = c.attestation();
        Source src = a.source();
        List<At> out = new ArrayList<>();
        safeguards.add(new Safeguarded(Safeguard.ENCLAVE_ATTESTATION, c.id(), Route.RUNS_COMPONENT, "clients verify "
                + "the attestation of " + c.id() + " before sending it anything", src.of("verified-by-clients")));
        Step verified = step("clients verify the attestation of " + c.id() + " before sending it anything, so "
                + c.runBy() + ", which runs it, does not read what enters it", src, "verified-by-clients", c.id());
        if (a.measurementPinned()) {
            safeguards.add(new Safeguarded(Safeguard.MEASUREMENT_PINNING, c.id(), Route.ENCLAVE_IMAGE,
                    "clients accept only the measurements of " + c.id() + " built into them",
                    src.of("measurement-pinned")));
            if (a.reproducibleBuilds()) {
                safeguards.add(new Safeguarded(Safeguard.REPRODUCIBLE_BUILDS, c.id(), Route.ENCLAVE_IMAGE,
                        "images of " + c.id() + " can be rebuilt from source and compared", src.of("reproducible-builds")));
            }
        } else {
            List<Safeguarded> lowering = new ArrayList<>();
            if (a.imageLog()) {
                lowering.add(new Safeguarded(Safeguard.IMAGE_TRANSPARENCY, c.id(), Route.ENCLAVE_IMAGE,
                        "every image of " + c.id() + " is published in a log clients check", src.of("image-log")));
            }
            if (a.reproducibleBuilds()) {
                lowering.add(new Safeguarded(Safeguard.REPRODUCIBLE_BUILDS, c.id(), Route.ENCLAVE_IMAGE,
                        "images of " + c.id() + " can be rebuilt from source and compared",
                        src.of("reproducible-builds")));
            }
            safeguards.addAll(lowering);
            Evidence how = Evidence.of(verified)
                    .then(unlessWritten("clients accept a new image of " + c.id() + " without a client update "
                            + "(measurement not pinned)", src, "measurement-pinned", c.id()))
                    .then(step(c.id() + "'s images are supplied by " + c.suppliedBy(), c.source(),
                            c.source().written("supplied-by") ? "supplied-by" : "run-by", c.id()));
            if (lowering.isEmpty()) {
                how = how.then(unlessWritten("no log of its images", src, "image-log", c.id()));
            }
            out.add(new At(c.suppliedBy(), Route.ENCLAVE_IMAGE, how, List.copyOf(lowering)));
        }
        for (String maker : a.hardwareBy()) {
            out.add(new At(maker, Route.HARDWARE_ROOT, Evidence.of(verified).then(step(c.id()
                    + " runs on hardware made by " + maker + ", whose keys sign its attestation", src,
                    "hardware-by", c.id())), List.of()));
        }
        return List.copyOf(out);
    }

    private static List<Safeguarded> with(List<Safeguarded> a, List<Safeguarded> b) {
        if (b.isEmpty()) return a;
        if (a.isEmpty()) return b;
        List<Safeguarded> out = new ArrayList<>(a);
        out.addAll(b);
        return List.copyOf(out);
    }

    private Party runner(String component) {
        return model.parties().get(model.components().get(component).runBy());
    }

    private Step runs(String component) {
        Component c = model.components().get(component);
        if (c.attestation() != null) {
            // An enclave nobody checks is a server of whoever runs it; the chain says so.
            return new Step(component + " is run by " + c.runBy() + " (it runs in an enclave, but clients do not verify "
                    + "its attestation: read as a server of " + c.runBy() + ")", c.source().of("run-by"), component);
        }
        if (c.kind() == Component.Kind.ENCLAVE) {
            return new Step(component + " is run by " + c.runBy() + " (an enclave, but no attestation that clients verify "
                    + "is written: read as a server of " + c.runBy() + ")", c.source().of("run-by"), component);
        }
        return new Step(component + " is run by " + c.runBy(), c.source().of("run-by"), component);
    }

    private static Step step(String text, Source source, String field, String element) {
        return new Step(text, source.of(field), element);
    }

    /** A step that rests on a field's default when the field is not written, and says so. */
    private static Step unlessWritten(String text, Source source, String field, String element) {
        return new Step(source.written(field) ? text : text + " (" + field + " not written: no safeguard credited)",
                source.of(field), element);
    }

    static Comparator<Reading> shortestFirst() {
        return SHORTEST_FIRST;
    }

    /** Made once: readings are compared for every conversation's access, and building it each time showed. */
    private static final Comparator<Reading> SHORTEST_FIRST = Comparator.<Reading>comparingInt(r -> r.condition().ordinal())
            .thenComparingInt(r -> r.reach().ordinal())
            .thenComparingInt(r -> r.lowering().isEmpty() ? 0 : 1)
            .thenComparingInt(r -> r.evidence().length()).thenComparingInt(r -> r.route().ordinal())
            .thenComparing(Reading::data)
            .thenComparing(Reading::origin, Comparator.nullsFirst(Comparator.naturalOrder()));
}
