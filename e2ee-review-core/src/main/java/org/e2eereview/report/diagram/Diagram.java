package org.e2eereview.report.diagram;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.e2eereview.analysis.Access;
import org.e2eereview.analysis.Reading;
import org.e2eereview.analysis.Step;
import org.e2eereview.model.Component;
import org.e2eereview.model.ElementKind;
import org.e2eereview.model.Flow;
import org.e2eereview.model.Key;
import org.e2eereview.model.Model;
import org.e2eereview.model.Party;
import org.e2eereview.review.Review;

/**
 * What the diagram shows, whatever draws it: parties as boxes holding the components they run,
 * each component listing the keys it stores, the flows between components and the legal powers
 * between parties. Flows between the same two components are one edge naming them all, so a busy
 * client and server are joined by two labelled edges, not twenty. Every element on an evidence
 * chain by which someone outside a conversation reads it is marked, and each such reader says what
 * it reads, so the routes stand out in words as well as in colour. Ids and labels are model text,
 * not yet escaped for any medium.
 */
public record Diagram(List<Node> nodes, List<Edge> edges) {

    /**
     * Past this many parties, components, keys and flows together the diagram no longer reads as one
     * figure: at 100 it prints on about six A4 pages at 7 pt (the largest example, 42, on two), and
     * its layout grows steeply (ELK ran out of stack at 100,000). A larger model gets the overview of
     * parties and conversations ({@link WhoReads#overview}) instead.
     */
    public static final int DETAIL_LIMIT = 100;

    public enum EdgeKind { FLOW, COMPELS }

    /**
     * @param kind   what it is: a party, a component, or a key no component stores; each medium draws
     *               the three its own way
     * @param parent the party box it sits in, or null at the top
     * @param reads  for a party outside a conversation that can read it: the conversations it reads
     * @param keys   for a component: the keys it stores
     */
    public record Node(String id, String label, String detail, ElementKind kind, String parent, boolean onRoute,
                       List<String> reads, List<Held> keys) {
    }

    /** A key a component stores: drawn inside it, where a separate shape would need an edge. */
    public record Held(String id, String detail, boolean onRoute) {
    }

    /** @param labels the flows it stands for, or the power ("compels") */
    public record Edge(String from, String to, List<String> labels, EdgeKind kind, boolean onRoute) {
    }

    /** Whether the model is small enough for the full diagram. */
    public static boolean detailed(Model m) {
        return elements(m) <= DETAIL_LIMIT;
    }

    /** What the overview says it leaves out, for a model too large for the full diagram; null for one that fits. */
    public static String scope(Model m) {
        if (detailed(m)) return null;
        return String.format(java.util.Locale.ROOT, "This model has %,d parties, components, keys and flows, more than "
                + "the %d the full diagram draws legibly, so this figure shows parties and conversations only",
                elements(m), DETAIL_LIMIT);
    }

    /** What the full diagram would draw: parties, components, keys and flows. */
    public static int elements(Model m) {
        return m.parties().size() + m.components().size() + m.keys().size() + m.flows().size();
    }

    public static Diagram of(Review review) {
        Model m = review.model();
        Set<String> onRoute = new LinkedHashSet<>();
        Map<String, Set<String>> reads = new LinkedHashMap<>();
        Set<String> compelled = new LinkedHashSet<>();
        for (Access a : review.access()) {
            reads.computeIfAbsent(a.party(), x -> new LinkedHashSet<>()).add(a.conversation());
            onRoute.add(a.party());
            for (Reading r : a.readings()) {
                for (Step s : r.evidence().steps()) if (s.element() != null) onRoute.add(s.element());
                for (String p : r.through()) {
                    onRoute.add(p);
                    compelled.add(a.party() + "→" + p);
                }
            }
        }

        Map<String, List<Held>> held = new LinkedHashMap<>();
        List<Node> unstored = new ArrayList<>();
        for (Key k : m.keys().values()) {
            String detail = kind(k.kind().yamlName()) + " key";
            if (k.storedOn().isEmpty()) {
                unstored.add(new Node(k.id(), k.id(), detail, ElementKind.KEY, null, onRoute.contains(k.id()), List.of(),
                        List.of()));
            }
            for (String on : k.storedOn()) {
                held.computeIfAbsent(on, x -> new ArrayList<>()).add(new Held(k.id(), detail, onRoute.contains(k.id())));
            }
        }
        List<Node> nodes = new ArrayList<>();
        for (Party p : m.parties().values()) {
            nodes.add(new Node(p.id(), p.id(), kind(p.kind().yamlName()), ElementKind.PARTY, null, onRoute.contains(p.id()),
                    List.copyOf(reads.getOrDefault(p.id(), Set.of())), List.of()));
        }
        for (Component c : m.components().values()) {
            nodes.add(new Node(c.id(), c.id(), kind(c.kind().yamlName()), ElementKind.COMPONENT, c.runBy(),
                    onRoute.contains(c.id()), List.of(), List.copyOf(held.getOrDefault(c.id(), List.of()))));
        }
        nodes.addAll(unstored);

        Map<Edge, List<String>> merged = new LinkedHashMap<>();
        for (Flow f : m.flows().values()) {
            merged.computeIfAbsent(new Edge(f.from(), f.to(), List.of(), EdgeKind.FLOW, onRoute.contains(f.id())),
                    x -> new ArrayList<>()).add(f.id());
        }
        for (Party p : m.parties().values()) {
            if (p.lawfulAccess() == null) continue;
            for (String target : p.lawfulAccess().compels()) {
                if (target.equals(p.id())) continue;
                merged.put(new Edge(p.id(), target, List.of(), EdgeKind.COMPELS,
                        compelled.contains(p.id() + "→" + target)), List.of("compels"));
            }
        }
        List<Edge> edges = new ArrayList<>();
        merged.forEach((e, labels) -> edges.add(new Edge(e.from(), e.to(), List.copyOf(labels), e.kind(), e.onRoute())));
        return new Diagram(List.copyOf(nodes), List.copyOf(edges));
    }

    private static String kind(String yamlName) {
        return yamlName.replace('-', ' ');
    }

    /** The components a party box holds, in model order. */
    public List<Node> children(String party) {
        return nodes.stream().filter(n -> party.equals(n.parent())).toList();
    }

    public List<Node> topLevel() {
        return nodes.stream().filter(n -> n.parent() == null).toList();
    }

    public boolean anyOnRoute() {
        return nodes.stream().anyMatch(Node::onRoute);
    }
}
