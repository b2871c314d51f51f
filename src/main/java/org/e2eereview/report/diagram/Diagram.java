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
import org.e2eereview.model.Flow;
import org.e2eereview.model.Key;
import org.e2eereview.model.Model;
import org.e2eereview.model.Party;
import org.e2eereview.review.Review;

/**
 * What the diagram shows, whatever draws it: parties as boxes holding the components they run,
 * the keys those components store, the flows between components and the legal powers between
 * parties. Every element on an evidence chain by which someone outside a conversation reads it is
 * marked, and each such reader says what it reads, so the routes stand out in words as well as in
 * colour. Ids and labels are model text, not yet escaped for any medium.
 */
public record Diagram(List<Node> nodes, List<Edge> edges) {

    public enum Shape { PARTY, COMPONENT, KEY }

    public enum EdgeKind { FLOW, STORES, COMPELS }

    /**
     * @param parent the party box it sits in, or null at the top
     * @param reads  for a party outside a conversation that can read it: the conversations it reads
     */
    public record Node(String id, String label, String detail, Shape shape, String parent, boolean onRoute,
                       List<String> reads) {
    }

    public record Edge(String from, String to, String label, EdgeKind kind, boolean onRoute) {
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

        List<Node> nodes = new ArrayList<>();
        for (Party p : m.parties().values()) {
            nodes.add(new Node(p.id(), p.id(), kind(p.kind().yamlName()), Shape.PARTY, null, onRoute.contains(p.id()),
                    List.copyOf(reads.getOrDefault(p.id(), Set.of()))));
        }
        for (Component c : m.components().values()) {
            nodes.add(new Node(c.id(), c.id(), kind(c.kind().yamlName()), Shape.COMPONENT, c.runBy(),
                    onRoute.contains(c.id()), List.of()));
        }
        List<Edge> edges = new ArrayList<>();
        for (Key k : m.keys().values()) {
            String parent = k.storedOn().isEmpty() ? null : m.components().get(k.storedOn().get(0)).runBy();
            for (String on : k.storedOn()) {
                if (!m.components().get(on).runBy().equals(parent)) parent = null;
            }
            nodes.add(new Node(k.id(), k.id(), kind(k.kind().yamlName()) + " key", Shape.KEY, parent,
                    onRoute.contains(k.id()), List.of()));
            for (String on : k.storedOn()) {
                edges.add(new Edge(on, k.id(), "stores", EdgeKind.STORES, onRoute.contains(on) && onRoute.contains(k.id())));
            }
        }
        for (Flow f : m.flows().values()) {
            edges.add(new Edge(f.from(), f.to(), f.id(), EdgeKind.FLOW, onRoute.contains(f.id())));
        }
        for (Party p : m.parties().values()) {
            if (p.lawfulAccess() == null) continue;
            for (String target : p.lawfulAccess().compels()) {
                edges.add(new Edge(p.id(), target, "compels", EdgeKind.COMPELS, compelled.contains(p.id() + "→" + target)));
            }
        }
        return new Diagram(List.copyOf(nodes), List.copyOf(edges));
    }

    private static String kind(String yamlName) {
        return yamlName.replace('-', ' ');
    }

    /** The components a party box holds, and the keys placed in it, in model order. */
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
