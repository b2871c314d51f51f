package org.e2eereview.analysis;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.e2eereview.model.Component;
import org.e2eereview.model.Conversation;
import org.e2eereview.model.Conversation.Membership;
import org.e2eereview.model.Conversation.Verification;
import org.e2eereview.model.Data;
import org.e2eereview.model.Flow;
import org.e2eereview.model.Key;
import org.e2eereview.model.Model;
import org.e2eereview.model.Party;

/**
 * Works out who can read what, to a fixpoint, keeping for every fact the chain of model
 * statements that proves it. Facts are derived breadth-first, so the chain kept for each is
 * among the shortest.
 *
 * <ul>
 * <li>Parties hold keys stored on components they run; an outer key gives the keys it protects;
 * all of a key's sources give the key; a guessable recovery secret without an enforced guess limit
 * gives the key to whoever keeps the wrapped copy.</li>
 * <li>Parties read data that is readable at a component they run (created there, or carried there
 * with transport protection only), data that a key they hold protects, and data contained in
 * what they read.</li>
 * <li>The party running a conversation's membership or device list, or its key directory, reads
 * the conversation when members could not notice a change.</li>
 * <li>The supplier of a client that can target updates without transparency gets what the client
 * has.</li>
 * <li>A party with lawful access gets what the parties it compels can get, by the powers it has.</li>
 * </ul>
 */
public final class AccessAnalysis {

    private static final Map<Party.Power, Set<Route>> POWERS = new EnumMap<>(Party.Power.class);

    static {
        POWERS.put(Party.Power.DATA_DISCLOSURE, EnumSet.of(Route.RUNS_COMPONENT, Route.HOLDS_KEY, Route.RECOVERS_KEY));
        POWERS.put(Party.Power.KEY_DISCLOSURE, EnumSet.noneOf(Route.class)); // handled on keys
        POWERS.put(Party.Power.ADD_PARTICIPANT, EnumSet.of(Route.ADDS_MEMBER, Route.ADDS_DEVICE, Route.SUBSTITUTES_KEYS));
        POWERS.put(Party.Power.TARGETED_UPDATE, EnumSet.of(Route.TARGETED_UPDATE));
        POWERS.put(Party.Power.TECHNICAL_CAPABILITY, EnumSet.complementOf(EnumSet.of(Route.LEARNS_DERIVED)));
    }

    private record Compeller(String party, List<Party.Power> powers, Party.LawfulAccess access) {
        boolean coversKeys() {
            return powers.contains(Party.Power.KEY_DISCLOSURE) || powers.contains(Party.Power.TECHNICAL_CAPABILITY);
        }

        boolean covers(Route route) {
            for (Party.Power p : powers) {
                if (POWERS.get(p).contains(route)) return true;
            }
            return false;
        }
    }

    private final Model model;
    private final Map<String, List<Key>> keysProtectingKey = new HashMap<>();
    private final Map<String, List<Key>> keysDerivedFrom = new HashMap<>();
    private final Map<String, List<String>> derivedFromData = new HashMap<>();
    private final Map<String, List<Compeller>> compellers = new HashMap<>();

    private final Map<String, Map<String, Holding>> holdings = new HashMap<>();
    private final Map<String, Map<Target, EnumMap<Route, Reading>>> readings = new HashMap<>();
    private final Map<String, Flow.Occurs> dataCondition = new HashMap<>();

    /** What a reading is about: a data item, everywhere or only inside one conversation. */
    record Target(String data, String conversation) {
    }
    private final Map<String, Map<String, Reading>> plaintext = new HashMap<>();
    private final List<Safeguarded> safeguards = new ArrayList<>();
    private final ArrayDeque<Object> work = new ArrayDeque<>();

    /** A client whose supplier can target updates, found while seeding, applied once the rest is known. */
    private record Targetable(Component client, Evidence evidence) {
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
        return new Analysis(model, a.holdings, a.readings, a.plaintext, a.safeguards);
    }

    private void index() {
        for (Key k : model.keys().values()) {
            for (String src : k.derivedFrom()) keysDerivedFrom.computeIfAbsent(src, x -> new ArrayList<>()).add(k);
        }
        for (Data d : model.data().values()) {
            for (String src : d.derivedFrom()) derivedFromData.computeIfAbsent(d.id(), x -> new ArrayList<>()).add(src);
        }
        for (Flow f : model.flows().values()) {
            for (String item : f.carries()) dataCondition.merge(item, f.occurs(), (a, b) -> better(a, b) ? a : b);
        }
        for (Party p : model.parties().values()) {
            if (p.lawfulAccess() == null) continue;
            for (String target : p.lawfulAccess().compels()) {
                compellers.computeIfAbsent(target, x -> new ArrayList<>())
                        .add(new Compeller(p.id(), p.lawfulAccess().powers(), p.lawfulAccess()));
            }
        }
    }

    // ---- seeding: the facts the model states directly ----

    private void seed() {
        for (Key k : model.keys().values()) seedKey(k);
        for (Data d : model.data().values()) {
            for (String c : d.createdOn()) {
                Step s = new Step(d.id() + " is created on " + c, d.source().of("created-on"));
                readableAt(c, d.id(), Evidence.of(s), Flow.Occurs.ALWAYS);
            }
        }
        for (Flow f : model.flows().values()) {
            if (f.protection() == Flow.Protection.END_TO_END) continue;
            for (String item : f.carries()) {
                if (!model.data().containsKey(item)) {
                    Key k = model.keys().get(item);
                    Party owner = runner(f.to());
                    addKey(owner.id(), k.id(), Route.HOLDS_KEY, Evidence.of(new Step("flow " + f.id() + " carries key "
                            + item + " to " + f.to() + " with " + f.protection().yamlName() + " protection only",
                            f.source().of("protection"))).then(runs(f.to())), null);
                    continue;
                }
                Step s = new Step("flow " + f.id() + " carries " + item + " to " + f.to() + " with "
                        + f.protection().yamlName() + " protection only", f.source().of("protection"));
                readableAt(f.to(), item, Evidence.of(s), f.occurs());
            }
        }
        for (Conversation c : model.conversations().values()) {
            if (c.membership() != null) seedMembership(c, c.membership());
        }
        for (Component c : model.components().values()) seedUpdates(c);
    }

    private void seedKey(Key k) {
        for (String c : placesOf(k)) {
            String field = k.storedOn().contains(c) ? "stored-on" : "generated-on";
            Step s = new Step(k.id() + " is " + field.replace("-on", "") + " on " + c, k.source().of(field));
            addKey(runner(c).id(), k.id(), Route.HOLDS_KEY, Evidence.of(s).then(runs(c)), null);
        }
        Key.Recovery r = k.recovery();
        if (r == null) return;
        boolean limited = r.enforcedBy() != null;
        if (limited) {
            safeguards.add(new Safeguarded("hsm-guess-limits", k.id(), Route.RECOVERS_KEY, "guesses at the "
                    + r.secret().yamlName() + " protecting " + k.id() + " are limited by " + r.enforcedBy(),
                    r.source().of("enforced-by")));
        } else if (r.secret().guessable()) {
            for (String c : r.storedOn()) {
                Step s = new Step(k.id() + " can be recovered from a " + r.secret().yamlName() + " on " + c
                        + ", with no guess limit enforced", r.source().of("secret"));
                addKey(runner(c).id(), k.id(), Route.RECOVERS_KEY, Evidence.of(s).then(runs(c)), null);
            }
        }
    }

    private void seedMembership(Conversation c, Membership m) {
        Component manager = model.components().get(m.managedBy());
        if (m.signedByMembers()) {
            safeguards.add(new Safeguarded("member-signed-changes", c.id(), Route.ADDS_MEMBER,
                    "membership changes of " + c.id() + " need a member's signature", m.source().of("signed-by-members")));
        } else if (m.changesShown() == Conversation.ChangesShown.ALWAYS) {
            safeguards.add(new Safeguarded("user-visible-indicators", c.id(), Route.ADDS_MEMBER,
                    "membership changes of " + c.id() + " are always shown to members", m.source().of("changes-shown")));
        } else {
            Evidence e = Evidence.of(new Step("membership of " + c.id() + " is managed by " + manager.id(),
                            m.source().of("managed-by")))
                    .then(runs(manager.id()))
                    .then(new Step("changes are not signed by members", m.source().of("signed-by-members")))
                    .then(new Step("changes-shown: " + m.changesShown().yamlName(), m.source().of("changes-shown")));
            readsConversation(manager.runBy(), c, Route.ADDS_MEMBER, e);
        }

        Component devices = model.components().get(m.devicesManagedBy());
        if (m.deviceListSigned()) {
            safeguards.add(new Safeguarded("signed-device-lists", c.id(), Route.ADDS_DEVICE,
                    "a new device in " + c.id() + " needs a signature from the member's existing device",
                    m.source().of("device-list-signed")));
        } else if (m.deviceChangesShown() == Conversation.ChangesShown.ALWAYS && !m.verification().isEmpty()) {
            safeguards.add(new Safeguarded("user-visible-indicators", c.id(), Route.ADDS_DEVICE,
                    "new devices are shown to members of " + c.id() + ", who can verify them",
                    m.source().of("device-changes-shown")));
        } else {
            Evidence e = Evidence.of(new Step("device lists of " + c.id() + "'s members are managed by " + devices.id(),
                            m.source().of("devices-managed-by")))
                    .then(runs(devices.id()))
                    .then(new Step("device lists are not signed by the members' devices", m.source().of("device-list-signed")))
                    .then(m.deviceChangesShown() != Conversation.ChangesShown.ALWAYS
                            ? new Step("device-changes-shown: " + m.deviceChangesShown().yamlName(),
                                    m.source().of("device-changes-shown"))
                            : new Step("members have no way to verify a new device", m.source().of("verification")));
            readsConversation(devices.runBy(), c, Route.ADDS_DEVICE, e);
        }

        if (m.deviceKeysFrom() == null) return;
        Component directory = model.components().get(m.deviceKeysFrom());
        List<String> checks = new ArrayList<>();
        if (directory.transparency() == Component.Transparency.KEY_TRANSPARENCY_LOG) checks.add("key-transparency");
        for (Verification v : m.verification()) {
            String name = switch (v) {
                case KEY_TRANSPARENCY -> "key-transparency";
                case SAFETY_NUMBERS -> "safety-numbers";
                case KEY_CHANGE_ALERTS -> "key-change-alerts";
                case CONTACT_KEY_VERIFICATION -> "key-transparency";
                case CROSS_SIGNING -> "safety-numbers";
            };
            if (!checks.contains(name)) checks.add(name);
        }
        if (!checks.isEmpty()) {
            for (String check : checks) {
                safeguards.add(new Safeguarded(check, c.id(), Route.SUBSTITUTES_KEYS, "members of " + c.id()
                        + " can check the keys " + directory.id() + " serves", check.equals("key-transparency")
                        && directory.transparency() == Component.Transparency.KEY_TRANSPARENCY_LOG
                        ? directory.source().of("transparency") : m.source().of("verification")));
            }
        } else {
            Evidence e = Evidence.of(new Step("members of " + c.id() + " get each other's keys from " + directory.id(),
                            m.source().of("device-keys-from")))
                    .then(runs(directory.id()))
                    .then(new Step(directory.id() + " has no key transparency", directory.source().of("transparency")))
                    .then(new Step("members have no way to verify keys", m.source().of("verification")));
            readsConversation(directory.runBy(), c, Route.SUBSTITUTES_KEYS, e);
        }
    }

    private void seedUpdates(Component c) {
        if (c.kind() != Component.Kind.CLIENT && c.kind() != Component.Kind.WEB_CLIENT) return;
        Component.Updates u = c.updates();
        boolean transparent = u != null && (u.binaryTransparency() || u.reproducibleBuilds());
        if (transparent) {
            safeguards.add(new Safeguarded(u.binaryTransparency() ? "binary-transparency" : "reproducible-builds",
                    c.id(), Route.TARGETED_UPDATE, "builds of " + c.id() + " can be checked by outsiders",
                    u.source().of(u.binaryTransparency() ? "binary-transparency" : "reproducible-builds")));
            return;
        }
        boolean targetable = c.kind() == Component.Kind.WEB_CLIENT || (u != null && u.perUserTargeting());
        if (!targetable) return;
        Step first = c.kind() == Component.Kind.WEB_CLIENT && (u == null || !u.perUserTargeting())
                ? new Step(c.id() + " is a web client: its code is served anew on each visit", c.source().of("kind"))
                : new Step(c.suppliedBy() + " can ship an update of " + c.id() + " to chosen users",
                        u.source().of("per-user-targeting"));
        Evidence e = Evidence.of(first)
                .then(new Step(c.id() + " is supplied by " + c.suppliedBy(), c.source().of("supplied-by")))
                .then(new Step("no binary transparency or reproducible builds", c.source().of("updates")));
        targetableClients.add(new Targetable(c, e));
    }

    /** What the supplier of a targetable client gets: the client's keys and readable data. */
    private void applyUpdates() {
        if (targetableClients.isEmpty()) return;
        Map<String, List<Key>> keysOn = new HashMap<>();
        for (Key k : model.keys().values()) {
            for (String c : placesOf(k)) keysOn.computeIfAbsent(c, x -> new ArrayList<>()).add(k);
        }
        for (Targetable t : targetableClients) {
            Component c = t.client();
            Evidence e = t.evidence();
            for (Key k : keysOn.getOrDefault(c.id(), List.of())) {
                {
                    addKey(c.suppliedBy(), k.id(), Route.TARGETED_UPDATE,
                            e.then(new Step(k.id() + " is on " + c.id(), k.source().of("stored-on"))), null);
                }
            }
            Map<String, Reading> there = plaintext.getOrDefault(c.id(), Map.of());
            for (Reading r : List.copyOf(there.values())) {
                addRead(c.suppliedBy(), new Target(r.data(), null), Route.TARGETED_UPDATE, e.then(r.evidence()), null,
                        r.condition());
            }
        }
    }

    // ---- the fixpoint ----

    private void run() {
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

    private void readableAt(String component, String data, Evidence e, Flow.Occurs condition) {
        Map<String, Reading> there = plaintext.computeIfAbsent(component, x -> new LinkedHashMap<>());
        Reading existing = there.get(data);
        if (existing != null && !better(condition, existing.condition())) return;
        Party runner = runner(component);
        Reading r = new Reading(runner.id(), data, null, Route.RUNS_COMPONENT, e, null, condition);
        there.put(data, r);
        addRead(runner.id(), new Target(data, null), Route.RUNS_COMPONENT, e.then(runs(component)), null, condition);
    }

    private void readsConversation(String party, Conversation c, Route route, Evidence e) {
        for (String d : c.content()) {
            addRead(party, new Target(d, c.id()), route, e.then(new Step(c.id() + " carries " + d,
                    c.source().of("content"))), null, Flow.Occurs.ALWAYS);
        }
    }

    private void addKey(String party, String key, Route route, Evidence e, String through) {
        addKey(party, key, route, e, through, null);
    }

    private void addKey(String party, String key, Route route, Evidence e, String through, String unwrappedWith) {
        Map<String, Holding> held = holdings.computeIfAbsent(party, x -> new HashMap<>());
        if (held.containsKey(key)) return;
        Holding h = new Holding(party, key, route, e, through, unwrappedWith);
        held.put(key, h);
        work.add(h);
    }

    private void processKey(Holding h) {
        Key k = model.keys().get(h.key());
        for (String target : k.protects()) {
            Step s = new Step(k.id() + " protects " + target, k.source().of("protects"));
            if (model.keys().containsKey(target)) {
                addKey(h.party(), target, h.route(), h.evidence().then(s), h.through(), k.id());
            } else {
                addRead(h.party(), new Target(target, null), h.route(), h.evidence().then(s), h.through(),
                        dataCondition.getOrDefault(target, Flow.Occurs.ALWAYS));
            }
        }
        for (Key derived : keysDerivedFrom.getOrDefault(k.id(), List.of())) {
            Map<String, Holding> held = holdings.get(h.party());
            if (!derived.derivedFrom().stream().allMatch(held::containsKey)) continue;
            Evidence e = null;
            for (String src : derived.derivedFrom()) e = e == null ? held.get(src).evidence() : e.then(held.get(src).evidence());
            addKey(h.party(), derived.id(), h.route(), e.then(new Step(derived.id() + " is derived from "
                    + String.join(" and ", derived.derivedFrom()), derived.source().of("derived-from"))), h.through());
        }
        for (Compeller c : compellers.getOrDefault(h.party(), List.of())) {
            if (!c.coversKeys()) continue;
            addKey(c.party(), h.key(), h.route(), compel(c, h.party()).then(h.evidence()), h.party(), h.unwrappedWith());
        }
    }

    private void addRead(String party, Target target, Route route, Evidence e, String through,
                         Flow.Occurs condition) {
        EnumMap<Route, Reading> byRoute = readings.computeIfAbsent(party, x -> new HashMap<>())
                .computeIfAbsent(target, x -> new EnumMap<>(Route.class));
        Reading existing = byRoute.get(route);
        if (existing != null && !better(condition, existing.condition())) return;
        Reading r = new Reading(party, target.data(), target.conversation(), route, e, through, condition);
        byRoute.put(route, r);
        work.add(r);
    }

    private void processRead(Reading r) {
        Data d = model.data().get(r.data());
        for (String inner : d.contains()) {
            addRead(r.party(), new Target(inner, r.conversation()), r.route(), r.evidence().then(new Step(d.id() + " contains " + inner,
                    d.source().of("contains"))), r.through(), r.condition());
        }
        for (String source : derivedFromData.getOrDefault(d.id(), List.of())) {
            addRead(r.party(), new Target(source, r.conversation()), Route.LEARNS_DERIVED, r.evidence().then(new Step(d.id() + " is derived from "
                    + source, d.source().of("derived-from"))), r.through(), r.condition());
        }
        if (r.route() == Route.LEARNS_DERIVED) return;
        for (Compeller c : compellers.getOrDefault(r.party(), List.of())) {
            if (c.covers(r.route())) {
                addRead(c.party(), new Target(r.data(), r.conversation()), r.route(),
                        compel(c, r.party()).then(r.evidence()), r.party(), r.condition());
            }
        }
    }

    private final Map<String, Evidence> compelSteps = new HashMap<>();

    /** The step "L can compel P (powers)": the same for every fact passed on, so made once per pair. */
    private Evidence compel(Compeller c, String target) {
        return compelSteps.computeIfAbsent(c.party() + "\u0000" + target, k -> compelStep(c, target));
    }

    private Evidence compelStep(Compeller c, String target) {
        String powers = String.join(", ", c.powers().stream().map(Party.Power::yamlName).toList());
        String basis = c.access().legalBasis() == null ? "" : " under " + c.access().legalBasis();
        return Evidence.of(new Step(c.party() + " can compel " + target + " (" + powers + ")" + basis,
                c.access().source().of("compels")));
    }

    /** Components that hold a usable copy of a key: where it is stored and where it is generated. */
    private static Set<String> placesOf(Key k) {
        Set<String> places = new java.util.LinkedHashSet<>(k.storedOn());
        if (k.generatedOn() != null) places.add(k.generatedOn());
        return places;
    }

    /** A reading under a weaker condition (always beats by-default beats opt-in ...) replaces the old one. */
    private static boolean better(Flow.Occurs candidate, Flow.Occurs existing) {
        return candidate.ordinal() < existing.ordinal();
    }

    private Party runner(String component) {
        return model.parties().get(model.components().get(component).runBy());
    }

    private Step runs(String component) {
        Component c = model.components().get(component);
        return new Step(component + " is run by " + c.runBy(), c.source().of("run-by"));
    }

    static Comparator<Reading> shortestFirst() {
        return Comparator.<Reading>comparingInt(r -> r.condition().ordinal())
                .thenComparingInt(r -> r.evidence().length()).thenComparingInt(r -> r.route().ordinal())
                .thenComparing(Reading::data);
    }
}
