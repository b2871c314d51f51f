package org.e2eereview.analysis;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.e2eereview.model.Conversation;
import org.e2eereview.model.Model;

/** The result of {@link AccessAnalysis}: who holds which key, who reads what, and how. */
public final class Analysis {

    private final Model model;
    private final Map<String, Map<String, Holding>> holdings;
    private final Map<String, Map<AccessAnalysis.Target, Map<AccessAnalysis.Slot, Reading>>> readings;
    private final Map<String, Map<String, Reading>> plaintext;
    private final Map<String, List<Safeguarded>> safeguards = new LinkedHashMap<>();
    /** By data item, then by party (sorted); the items themselves are looked up, never walked in order. */
    private final Map<String, Map<String, List<Reading>>> readersByData = new java.util.HashMap<>();
    private final Map<String, Map<String, Holding>> holdersByKey = new java.util.HashMap<>();
    private final Map<String, Set<String>> keyPlaces;

    Analysis(Model model, Map<String, Map<String, Holding>> holdings,
             Map<String, Map<AccessAnalysis.Target, Map<AccessAnalysis.Slot, Reading>>> readings,
             Map<String, Map<String, Reading>> plaintext,
             List<Safeguarded> safeguards, Map<String, Set<String>> keyPlaces) {
        this.model = model;
        this.keyPlaces = keyPlaces;
        this.holdings = holdings;
        this.readings = readings;
        this.plaintext = plaintext;
        for (Safeguarded s : safeguards) this.safeguards.computeIfAbsent(s.element(), x -> new ArrayList<>()).add(s);
        readings.forEach((party, byTarget) -> byTarget.forEach((target, byRoute) -> {
            List<Reading> rs = readersByData.computeIfAbsent(target.data(), x -> new TreeMap<>())
                    .computeIfAbsent(party, x -> new ArrayList<>());
            rs.addAll(byRoute.values());
        }));
        readersByData.values().forEach(byParty -> byParty.values().forEach(rs -> rs.sort(AccessAnalysis.shortestFirst())));
        holdings.forEach((party, byKey) -> byKey.forEach((key, h) -> holdersByKey
                .computeIfAbsent(key, x -> new TreeMap<>()).put(party, h)));
    }

    public Model model() {
        return model;
    }

    /**
     * Parties that can read a data item, each with its readings, shortest evidence first, sorted by
     * party. Readings limited to one conversation say so in {@link Reading#conversation()}.
     */
    public Map<String, List<Reading>> readers(String data) {
        return Collections.unmodifiableMap(readersByData.getOrDefault(data, Map.of()));
    }

    /** Parties that hold or can obtain a key. Sorted by party. */
    public Map<String, Holding> holders(String key) {
        return Collections.unmodifiableMap(holdersByKey.getOrDefault(key, Map.of()));
    }

    /**
     * Components where a usable copy of a key is, in the order found: where it is generated or
     * stored, where a flow brings it without end-to-end protection, and, for a derived key, where all
     * of its sources are. The parties that run them are among its {@link #holders}.
     */
    public Set<String> keyPlaces(String key) {
        return Collections.unmodifiableSet(keyPlaces.getOrDefault(key, Set.of()));
    }

    /** Data readable at a component (created there, or carried there unprotected). */
    public Set<String> readableAt(String component) {
        return Collections.unmodifiableSet(plaintext.getOrDefault(component, Map.of()).keySet());
    }

    /** Safeguards the model declares for an element, and the routes they close. */
    public List<Safeguarded> safeguards(String element) {
        return Collections.unmodifiableList(safeguards.getOrDefault(element, List.of()));
    }

    public Collection<List<Safeguarded>> allSafeguards() {
        return Collections.unmodifiableCollection(safeguards.values());
    }

    /**
     * The access findings of a conversation: each party that is not a member but can read its
     * content, sorted by party id, with one reading per route (the shortest), shortest first.
     */
    public List<Access> access(String conversationId) {
        return accessCache.computeIfAbsent(conversationId, this::computeAccess);
    }

    private final Map<String, List<Access>> accessCache = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * Parties outside a conversation that receive its content only because a member chose to report
     * it: a member's disclosure, not a reader of the conversation. Sorted by party.
     */
    public List<Access> disclosures(String conversationId) {
        access(conversationId);
        return disclosureCache.get(conversationId);
    }

    private final Map<String, List<Access>> disclosureCache = new java.util.concurrent.ConcurrentHashMap<>();

    /** Every reading of conversation content whose evidence cites a fact about the element, in a fixed order. */
    public List<Reading> through(String element) {
        if (throughIndex == null) {
            // Only readings of what conversations list as content are ever asked about.
            Set<String> content = new HashSet<>();
            for (Conversation c : model.conversations().values()) content.addAll(c.content());
            List<String> byId = new ArrayList<>(content);
            byId.sort(null);
            // Most elements are on some chain: sized for all of them, it is never rehashed.
            Map<String, List<Reading>> index = new java.util.HashMap<>(model.size() * 4 / 3 + 16);
            for (String data : byId) {
                Map<String, List<Reading>> byParty = readersByData.get(data);
                if (byParty == null) continue;
                for (List<Reading> rs : byParty.values()) {
                    for (Reading r : rs) {
                        r.evidence().forEachElement(named -> {
                            List<Reading> at = index.computeIfAbsent(named, x -> new ArrayList<>());
                            // A chain may name an element twice; it passes through it once.
                            if (at.isEmpty() || at.get(at.size() - 1) != r) at.add(r);
                        });
                    }
                }
            }
            throughIndex = index;
        }
        return Collections.unmodifiableList(throughIndex.getOrDefault(element, List.of()));
    }

    private volatile Map<String, List<Reading>> throughIndex;

    /** The reading's condition in words, as "who can read" says it (see {@link Reading#conditionWords}). */
    public String conditionWords(Reading r) {
        return r.conditionWords(this::keystrokes);
    }

    /**
     * Whether the chain goes through what only one member types (keystrokes): that member's choice then takes nobody
     * else's messages.
     */
    public boolean throughKeystrokes(Reading r) {
        return r.throughAny(this::keystrokes);
    }

    private boolean keystrokes(String id) {
        org.e2eereview.model.Data d = model.data().get(id);
        return d != null && d.kind() == org.e2eereview.model.Data.Kind.KEYSTROKES;
    }

    /** Whether a reading's chain goes through a backup: holding the key of a backup is not holding the content key. */
    public boolean throughBackup(Reading r) {
        for (Step s : r.evidence().steps()) {
            org.e2eereview.model.Data d = s.element() == null ? null : model.data().get(s.element());
            if (d != null && d.kind() == org.e2eereview.model.Data.Kind.BACKUP) return true;
        }
        return false;
    }

    /**
     * Whether the provider reads a conversation's content by default with a key it holds or generates
     * (directly, or through another party it holds the key for), not a backup's: whatever the model
     * declares, the conversation is then not end-to-end encrypted by default.
     */
    public boolean providerKeyedByDefault(String conversationId) {
        for (Access a : access(conversationId)) {
            for (Reading r : a.readings()) {
                if (r.route() != Route.HOLDS_KEY || !r.through().isEmpty()) continue;
                if (r.condition() != org.e2eereview.model.Flow.Occurs.ALWAYS
                        && r.condition() != org.e2eereview.model.Flow.Occurs.BY_DEFAULT) continue;
                org.e2eereview.model.Party p = model.parties().get(a.party());
                if (p != null && p.kind() == org.e2eereview.model.Party.Kind.PROVIDER && !throughBackup(r)) return true;
            }
        }
        return false;
    }

    /** Access and disclosures of a conversation come from the same readings, so both are made in one pass. */
    private List<Access> computeAccess(String conversationId) {
        List<Access> disclosed = new ArrayList<>();
        List<Access> out = collect(conversationId, disclosed);
        disclosureCache.put(conversationId, List.copyOf(disclosed));
        return out;
    }

    /**
     * The access findings of a conversation made only of the readings a filter keeps: each party's best
     * remaining reading per route, so that leaving one content item out shows how the party reads the
     * others. Not cached.
     */
    public List<Access> access(String conversationId, java.util.function.Predicate<Reading> keep) {
        return collect(conversationId, new ArrayList<>(), keep);
    }

    private List<Access> collect(String conversationId, List<Access> disclosuresOut) {
        return collect(conversationId, disclosuresOut, r -> true);
    }

    private List<Access> collect(String conversationId, List<Access> disclosuresOut,
                                 java.util.function.Predicate<Reading> keep) {
        Conversation c = model.conversations().get(conversationId);
        Set<String> members = new HashSet<>(c.members());
        Map<String, Map<Route, Reading>> byParty = new TreeMap<>();
        Map<String, Map<Route, Reading>> disclosedBy = new TreeMap<>();
        // What each party reads itself, and what it learns only derived from: learning about an item adds
        // nothing for a party that reads that item, or reads what it learns it from (the link previews a key
        // opens, whose links it then learns), but something for one that reads only another item (the links a
        // preview server sees are not the photos a scanner reports on).
        Map<String, Map<String, Own>> readItself = new HashMap<>();
        Map<String, List<Reading>> derived = new HashMap<>();
        for (String data : c.content()) {
            if (model.data().get(data).kind().metadata()) continue;
            readers(data).forEach((party, rs) -> {
                if (members.contains(party)) return;
                for (Reading r : rs) {
                    if (r.conversation() != null && !r.conversation().equals(conversationId)) continue;
                    if (!keep.test(r)) continue;
                    if (r.route() == Route.LEARNS_DERIVED) {
                        derived.computeIfAbsent(party, x -> new ArrayList<>()).add(r);
                        continue;
                    }
                    if (!r.route().disclosure()) {
                        readItself.computeIfAbsent(party, x -> new HashMap<>()).merge(data, Own.of(r), Own::readier);
                    }
                    Map<Route, Reading> routes = (r.route().disclosure() ? disclosedBy : byParty)
                            .computeIfAbsent(party, x -> new EnumMap<>(Route.class));
                    Reading old = routes.get(r.route());
                    if (old == null || AccessAnalysis.shortestFirst().compare(r, old) < 0) routes.put(r.route(), r);
                }
            });
        }
        derived.forEach((party, rs) -> {
            Map<String, Own> itself = readItself.getOrDefault(party, Map.of());
            Reading best = null;
            for (Reading r : rs) {
                Own own = itself.get(r.data());
                if ((own != null && own.outdoes(r)) || learntFromWhatItReads(r, itself)) continue;
                if (best == null || AccessAnalysis.shortestFirst().compare(r, best) < 0) best = r;
            }
            if (best != null) byParty.computeIfAbsent(party, x -> new EnumMap<>(Route.class)).put(Route.LEARNS_DERIVED, best);
        });
        disclosedBy.forEach((party, routes) -> disclosuresOut.add(accessOf(conversationId, party, routes)));
        List<Access> out = new ArrayList<>();
        byParty.forEach((party, routes) -> out.add(accessOf(conversationId, party, routes)));
        return List.copyOf(out);
    }

    /**
     * A party's own readings of an item, as far as they decide whether learning about it adds anything: nothing where
     * one is as ready and as unseen as the learning. A
     * scanner that reports at any time, unseen, adds to an authority that reads the same content only on a legal
     * order through an employer's legal hold, with a banner shown (a newcomer's design: "nobody new" was false).
     */
    private record Own(int any, int unseen) {
        /** The readiest condition of its readings of an item, and of those no safeguard would show (max when none). */
        static Own of(Reading r) {
            int c = r.condition().ordinal();
            return new Own(c, r.lowering().isEmpty() ? c : Integer.MAX_VALUE);
        }

        Own readier(Own o) {
            return new Own(Math.min(any, o.any), Math.min(unseen, o.unseen));
        }

        boolean outdoes(Reading derived) {
            int c = derived.condition().ordinal();
            return derived.lowering().isEmpty() ? unseen <= c : any <= c;
        }
    }

    private static boolean learntFromWhatItReads(Reading r, Map<String, Own> itself) {
        for (Map.Entry<String, Own> e : itself.entrySet()) {
            if (r.evidence().mentions(e.getKey()) && e.getValue().outdoes(r)) return true;
        }
        return false;
    }

    private static Access accessOf(String conversation, String party, Map<Route, Reading> routes) {
        boolean partial = routes.keySet().stream().allMatch(r -> r == Route.LEARNS_DERIVED);
        List<Reading> rs = routes.values().stream().sorted(AccessAnalysis.shortestFirst()).toList();
        return new Access(conversation, party, rs, partial);
    }


}
