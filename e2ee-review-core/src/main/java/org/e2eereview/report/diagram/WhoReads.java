package org.e2eereview.report.diagram;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.e2eereview.analysis.Access;
import org.e2eereview.model.Conversation;
import org.e2eereview.model.Flow;
import org.e2eereview.model.Model;
import org.e2eereview.model.Party;
import org.e2eereview.review.Review;

/**
 * Who outside a conversation can read it, small enough for a summary: parties on one side,
 * conversations on the other, and an edge from each outside reader to what it reads saying when
 * (always, by default, on a legal order, ...) in words, colour and line pattern. Conversations with
 * the same readers under the same conditions share a box, so a model of thousands of conversations
 * still gives a handful of boxes. The overview that stands in for the full diagram of a large model
 * is the same figure with every party, the members' edges, and conversations told apart by kind and
 * members too. Names are model text, not yet escaped for any medium.
 *
 * @param parties       party boxes, in the order they are drawn
 * @param conversations conversation boxes, those read most readily first; the last may be the
 *                      conversations no outsider reads
 * @param notes         what the figure leaves out, in words
 */
public record WhoReads(List<Box> parties, List<Box> conversations, List<Link> links, boolean members,
                       List<String> notes) {

    /** Beyond this many boxes on a side, boxes are merged (parties by kind) or left out (conversations). */
    static final int MAX_BOXES = 12;
    /** Names a box spells out before it counts the rest. */
    static final int NAMED = 3;

    /**
     * @param names  the parties or conversations it stands for, in model order
     * @param detail their kind, or how many of which kinds
     * @param reader for a party box: whether it reads some conversation from outside
     */
    public record Box(List<String> names, int count, String detail, boolean reader) {

        /** "chat-0, chat-1, chat-2 and 5,552 more". */
        public String label() {
            String shown = String.join(", ", names);
            return count > names.size() ? shown + " and " + String.format(java.util.Locale.ROOT, "%,d", count - names.size())
                    + " more" : shown;
        }
    }

    /**
     * An edge from a party box to a conversation box.
     *
     * @param when    when the party reads it (the most readily of its routes); null for a member's edge
     * @param through the parties it compels on the way, for routes that apply then
     * @param partial whether it reads only data derived from the content
     * @param noticed whether every way it reads then could be noticed by members or outsiders who check
     * @param plain   whether in the consultation submission's words, which its text and table use too
     */
    public record Link(int party, int conversation, Flow.Occurs when, List<String> through, boolean partial,
                       boolean noticed, boolean plain) {

        /** The edge's label: "on a legal order, through whatsapp"; empty for a member's edge. */
        public String words() {
            if (when == null) return "";
            return condition() + (through.isEmpty() ? "" : ", through " + String.join(", ", through))
                    + (partial ? plain ? ", only a match or a fingerprint of the content" : ", derived data only" : "");
        }

        /**
         * When, and whether it could be noticed, as the key says it after "reads": a reading that could be
         * noticed is never "always" or "at any time" alone, as the text never says it is.
         */
        public String condition() {
            if (when == null) return "";
            String words = plain ? when.plainWords() : when.words();
            if (!noticed) return words;
            return (plain && when == Flow.Occurs.ALWAYS ? "" : words + ", ") + "only in ways that could be noticed";
        }
    }

    /** Outside readers and the conversations they read, with the conversations nobody outside reads in one box. */
    public static WhoReads readers(Review review) {
        return readers(review, false);
    }

    /**
     * @param byName the parties and conversations by the names the model gives them, for a reader who
     *               knows no ids (the consultation submission); else by id, as the review page gives them
     */
    public static WhoReads readers(Review review, boolean byName) {
        return readers(review, byName, java.util.function.UnaryOperator.identity());
    }

    /**
     * As {@link #readers(Review, boolean)}, with the parties an edge's label names written as they read inside its
     * sentence ("on a legal order, through the ministry", not "through The ministry").
     */
    public static WhoReads readers(Review review, boolean byName, java.util.function.UnaryOperator<String> inSentence) {
        Model m = review.model();
        Set<String> readers = new LinkedHashSet<>();
        for (Conversation c : m.conversations().values()) {
            for (Access a : review.analysis().access(c.id())) readers.add(a.party());
        }
        List<Party> shown = m.parties().values().stream().filter(p -> readers.contains(p.id())).toList();
        return build(review, shown, false, byName, inSentence);
    }

    /** Every party and conversation: what stands in for the full diagram when a model is too large for it. */
    public static WhoReads overview(Review review) {
        return build(review, List.copyOf(review.model().parties().values()), true, false,
                java.util.function.UnaryOperator.identity());
    }

    private static WhoReads build(Review review, List<Party> parties, boolean members, boolean byName,
                                  java.util.function.UnaryOperator<String> inSentence) {
        Model m = review.model();
        java.util.function.Function<String, String> partyName = id -> {
            Party p = m.parties().get(id);
            return byName && p != null && p.name() != null ? p.name() : id;
        };
        java.util.function.Function<Conversation, String> conversationName = c -> byName && c.name() != null ? c.name() : c.id();
        List<String> notes = new ArrayList<>();
        if (members && Diagram.scope(m) != null) notes.add(Diagram.scope(m));
        // Party boxes: one per party, or past the limit one per kind (readers and the rest apart).
        Map<String, String> boxOf = new LinkedHashMap<>();
        Map<String, List<String>> partyGroups = new LinkedHashMap<>();
        Map<String, Boolean> readerGroup = new LinkedHashMap<>();
        Set<String> reading = new LinkedHashSet<>();
        for (Conversation c : m.conversations().values()) {
            for (Access a : review.analysis().access(c.id())) reading.add(a.party());
        }
        boolean byKind = parties.size() > MAX_BOXES;
        for (Party p : parties) {
            String key = byKind ? p.kind().yamlName() + (reading.contains(p.id()) ? " reader" : "") : p.id();
            boxOf.put(p.id(), key);
            partyGroups.computeIfAbsent(key, k -> new ArrayList<>()).add(p.id());
            readerGroup.put(key, reading.contains(p.id()));
        }
        List<String> partyKeys = List.copyOf(partyGroups.keySet());
        Map<String, Integer> partyIndex = new LinkedHashMap<>();
        for (int i = 0; i < partyKeys.size(); i++) partyIndex.put(partyKeys.get(i), i);
        if (byKind) {
            notes.add(String.format(java.util.Locale.ROOT, "%,d parties, one box per kind", parties.size()));
        }

        // Conversation boxes: those with the same edges (and, in the overview, kind and members) share one.
        Map<Group, List<Conversation>> groups = new LinkedHashMap<>();
        for (Conversation c : m.conversations().values()) {
            Set<Edge> edges = new LinkedHashSet<>();
            for (Access a : review.analysis().access(c.id())) {
                Integer party = partyIndex.get(boxOf.get(a.party()));
                if (party == null) continue;
                // The readiest way nobody would notice, and a readier one that could be noticed apart, so that
                // neither hides the other.
                Flow.Occurs silent = a.readings().stream().filter(r -> !r.detectable()).map(r -> r.condition())
                        .min(Comparator.naturalOrder()).orElse(null);
                for (Flow.Occurs when : new Flow.Occurs[] {silent, a.condition()}) {
                    boolean noticed = when != silent;
                    if (when == null || noticed && silent != null && silent.ordinal() <= when.ordinal()) continue;
                    List<String> through = a.readings().stream().filter(r -> r.condition() == when)
                            .filter(r -> r.detectable() == noticed).flatMap(r -> r.through().stream()).distinct()
                            .sorted().map(partyName).map(inSentence).toList();
                    edges.add(new Edge(party, when, through, a.partial(), noticed));
                }
            }
            Set<Integer> memberBoxes = new java.util.TreeSet<>();
            if (members) {
                for (String p : c.members()) {
                    Integer party = partyIndex.get(boxOf.get(p));
                    if (party != null) memberBoxes.add(party);
                }
            }
            List<Edge> sorted = edges.stream().sorted(Comparator.comparingInt(Edge::party)
                    .thenComparing(e -> e.when().ordinal()).thenComparing(e -> String.join(",", e.through()))
                    .thenComparing(Edge::partial).thenComparing(Edge::noticed)).toList();
            groups.computeIfAbsent(new Group(sorted, memberBoxes, members ? c.kind().yamlName() : ""),
                    k -> new ArrayList<>()).add(c);
        }

        // The most readily read first; conversations nobody outside reads last.
        List<Group> order = new ArrayList<>(groups.keySet());
        order.sort(Comparator.comparingInt(Group::readiest));
        if (order.size() > MAX_BOXES) {
            List<Group> left = order.subList(MAX_BOXES, order.size());
            int conversations = left.stream().mapToInt(k -> groups.get(k).size()).sum();
            notes.add(String.format(java.util.Locale.ROOT, "%,d more boxes (%,d conversations) not drawn; "
                    + "the table lists every reader", left.size(), conversations));
            order = order.subList(0, MAX_BOXES);
        }

        List<Box> conversationBoxes = new ArrayList<>();
        List<Link> links = new ArrayList<>();
        for (Group g : order) {
            List<Conversation> cs = groups.get(g);
            int index = conversationBoxes.size();
            Set<String> kinds = new LinkedHashSet<>();
            for (Conversation c : cs) kinds.add(c.kind().yamlName());
            // "2 conversations: one-to-one and group": a reader took "one-to-one, group" for a list of names.
            List<String> k = List.copyOf(kinds);
            String said = k.size() == 1 ? k.get(0) : String.join(", ", k.subList(0, k.size() - 1)) + " and " + k.get(k.size() - 1);
            String detail = cs.size() == 1 ? said
                    : String.format(java.util.Locale.ROOT, "%,d conversations: %s", cs.size(), said);
            if (g.edges().isEmpty() && !members) detail = "read by members only; " + detail;
            conversationBoxes.add(new Box(cs.stream().limit(NAMED).map(conversationName).toList(), cs.size(), detail,
                    false));
            for (Edge e : g.edges()) links.add(new Link(e.party(), index, e.when(), e.through(), e.partial(), e.noticed(), byName));
            for (int p : g.members()) links.add(new Link(p, index, null, List.of(), false, false, byName));
        }

        List<Box> partyBoxes = new ArrayList<>();
        for (String key : partyKeys) {
            List<String> ids = partyGroups.get(key);
            Party first = m.parties().get(ids.get(0));
            String kind = first.kind().yamlName().replace('-', ' ');
            String detail = ids.size() == 1 ? kind : String.format(java.util.Locale.ROOT, "%,d parties: %s", ids.size(), kind);
            partyBoxes.add(new Box(ids.stream().limit(NAMED).map(partyName).toList(), ids.size(), detail, readerGroup.get(key)));
        }
        return new WhoReads(List.copyOf(partyBoxes), List.copyOf(conversationBoxes), List.copyOf(links), members,
                List.copyOf(notes));
    }

    private record Edge(int party, Flow.Occurs when, List<String> through, boolean partial, boolean noticed) {
    }

    private record Group(List<Edge> edges, Set<Integer> members, String kind) {

        int readiest() {
            return edges.stream().mapToInt(e -> e.when().ordinal()).min().orElse(Integer.MAX_VALUE);
        }
    }

    /** The conditions its edges show, in the order of how readily they apply. */
    public List<Flow.Occurs> conditions() {
        return links.stream().map(Link::when).filter(java.util.Objects::nonNull).distinct().sorted().toList();
    }
}
