package org.e2eereview.report.diagram;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.e2eereview.model.ElementKind;

import org.eclipse.elk.alg.layered.options.LayeredMetaDataProvider;
import org.eclipse.elk.alg.layered.options.LayeredOptions;
import org.eclipse.elk.core.RecursiveGraphLayoutEngine;
import org.eclipse.elk.core.data.LayoutMetaDataService;
import org.eclipse.elk.core.math.ElkPadding;
import org.eclipse.elk.core.math.KVector;
import org.eclipse.elk.core.options.CoreOptions;
import org.eclipse.elk.core.options.Direction;
import org.eclipse.elk.core.options.EdgeLabelPlacement;
import org.eclipse.elk.core.options.HierarchyHandling;
import org.eclipse.elk.core.options.SizeConstraint;
import org.eclipse.elk.core.util.BasicProgressMonitor;
import org.eclipse.elk.graph.ElkBendPoint;
import org.eclipse.elk.graph.ElkEdge;
import org.eclipse.elk.graph.ElkEdgeSection;
import org.eclipse.elk.graph.ElkLabel;
import org.eclipse.elk.graph.ElkNode;
import org.eclipse.elk.graph.util.ElkGraphUtil;

/**
 * The diagram as inline SVG, laid out by Eclipse ELK's layered algorithm in the JVM: no script, no
 * font or stylesheet from outside, so the page works offline and prints as it shows. Shapes are
 * sized from the bundled font's real widths, and each line of text is held to its measured width,
 * so no label leaves its shape. Routes by which an outsider reads a conversation are red, thick and
 * dashed, and their elements carry a warning sign and words; a legend says so.
 *
 * <p>Edges are handed to ELK all pointing one way through the party boxes (an order chosen so that
 * as few flows as possible point back) and drawn with the arrowhead at their real end: ELK would
 * otherwise break each cycle between two boxes (a client sending to a server that delivers back)
 * by routing one edge around the outside of both, around the whole figure.
 */
public final class SvgDiagram {

    private static final double FONT = 12;
    private static final double SMALL = 11;
    private static final double LINE = 15;
    private static final double SMALL_LINE = 14;
    /** Where long lines (what a reader reads, the flows an edge stands for) wrap. */
    private static final double MAX_TEXT = 240;
    private static final double PILL = SMALL_LINE + 6;
    private static final String INK = "#1f1f1f";
    private static final String MUTED = "#5f6368";
    static final String ROUTE = MermaidDiagram.ROUTE_STROKE;
    static final String ROUTE_FILL = MermaidDiagram.ROUTE_FILL;

    static {
        LayoutMetaDataService.getInstance().registerLayoutMetaDataProviders(new LayeredMetaDataProvider());
    }

    private SvgDiagram() {
    }

    /** The diagram at its natural size, and for print on A4 pages at 7 pt or more; ids in it start with {@code id}. */
    public static Drawn render(Diagram d, String title, String id) {
        return Drawn.of(figure(d, title), id);
    }

    static Canvas.Figure figure(Diagram d, String title) {
        ElkNode root = ElkGraphUtil.createGraph();
        root.setProperty(CoreOptions.ALGORITHM, LayeredOptions.ALGORITHM_ID);
        root.setProperty(CoreOptions.DIRECTION, Direction.RIGHT);
        root.setProperty(CoreOptions.HIERARCHY_HANDLING, HierarchyHandling.INCLUDE_CHILDREN);
        root.setProperty(CoreOptions.SPACING_NODE_NODE, 24.0);
        root.setProperty(LayeredOptions.SPACING_NODE_NODE_BETWEEN_LAYERS, 48.0);
        root.setProperty(LayeredOptions.SPACING_EDGE_NODE_BETWEEN_LAYERS, 20.0);
        root.setProperty(LayeredOptions.SPACING_EDGE_EDGE_BETWEEN_LAYERS, 12.0);
        root.setProperty(CoreOptions.SPACING_EDGE_EDGE, 12.0);
        root.setProperty(CoreOptions.SPACING_EDGE_LABEL, 4.0);
        root.setProperty(CoreOptions.RANDOM_SEED, 1);
        Map<String, ElkNode> placed = new HashMap<>();
        Map<ElkNode, Diagram.Node> shown = new HashMap<>();
        for (Diagram.Node n : d.topLevel()) place(root, n, d, placed, shown);
        Map<String, Integer> rank = order(d);
        Map<ElkEdge, Diagram.Edge> edges = new LinkedHashMap<>();
        Map<ElkEdge, Boolean> reversed = new HashMap<>();
        for (Diagram.Edge e : d.edges()) {
            boolean back = rank.get(e.from()) > rank.get(e.to());
            ElkEdge edge = ElkGraphUtil.createSimpleEdge(placed.get(back ? e.to() : e.from()),
                    placed.get(back ? e.from() : e.to()));
            List<String> lines = edgeLines(e);
            ElkLabel label = ElkGraphUtil.createLabel(String.join("\n", lines), edge);
            label.setDimensions(widest(lines, SMALL, false), lines.size() * SMALL_LINE);
            label.setProperty(CoreOptions.EDGE_LABELS_PLACEMENT, EdgeLabelPlacement.CENTER);
            edges.put(edge, e);
            reversed.put(edge, back);
        }
        new RecursiveGraphLayoutEngine().layout(root, new BasicProgressMonitor());

        List<String> legend = legend(d.edges().stream().anyMatch(e -> e.kind() == Diagram.EdgeKind.COMPELS));
        double legendHeight = legend.size() * LINE + 16;
        double width = Math.max(root.getWidth(), 64 + widest(legend, FONT, false));
        double height = root.getHeight() + legendHeight;
        return new Canvas.Figure(width, height, title, SMALL, (svg, id) -> {
            svg.append("<defs>").append(marker(id + "-arrow", MUTED)).append(marker(id + "-arrow-route", ROUTE))
                    .append("</defs>\n");
            for (ElkNode n : root.getChildren()) node(svg, n, 0, 0, shown);
            for (Map.Entry<ElkEdge, Diagram.Edge> e : edges.entrySet()) {
                edge(svg, id, e.getKey(), e.getValue(), reversed.get(e.getKey()));
            }
            legend(svg, root.getHeight() + 8, legend);
        });
    }

    private static void place(ElkNode parent, Diagram.Node n, Diagram d, Map<String, ElkNode> placed,
                              Map<ElkNode, Diagram.Node> shown) {
        ElkNode node = ElkGraphUtil.createNode(parent);
        placed.put(n.id(), node);
        shown.put(node, n);
        List<String> lines = lines(n);
        double w = 16 + Math.max(Canvas.width(lines.get(0), FONT, true), widest(lines.subList(1, lines.size()), FONT, false));
        List<Diagram.Node> children = n.kind() == ElementKind.PARTY ? d.children(n.id()) : List.of();
        if (children.isEmpty()) {
            double pills = 0;
            for (Diagram.Held k : n.keys()) {
                w = Math.max(w, 16 + 16 + Canvas.width(pill(k), SMALL, false));
                pills += PILL + 4;
            }
            node.setDimensions(Math.max(w, 64), lines.size() * LINE + 12 + pills);
        } else {
            node.setProperty(CoreOptions.PADDING, new ElkPadding(lines.size() * LINE + 14, 12, 12, 12));
            node.setProperty(CoreOptions.NODE_SIZE_MINIMUM, new KVector(w, 0));
            node.setProperty(CoreOptions.NODE_SIZE_CONSTRAINTS, EnumSet.of(SizeConstraint.MINIMUM_SIZE));
            for (Diagram.Node c : children) place(node, c, d, placed, shown);
        }
    }

    /**
     * A rank per node such that as few edges as possible go from a higher rank to a lower: the party
     * boxes in an order that leaves the fewest flows pointing back (Eades, Lin and Smyth's greedy
     * heuristic, weighing each edge by the flows it stands for), then within each box its components
     * in the same way. Every node of a box ranks between the box and the next one.
     */
    static Map<String, Integer> order(Diagram d) {
        Map<String, String> top = new HashMap<>();
        for (Diagram.Node n : d.nodes()) top.put(n.id(), n.parent() == null ? n.id() : n.parent());
        Map<String, Integer> rank = new HashMap<>();
        List<String> tops = d.topLevel().stream().map(Diagram.Node::id).toList();
        for (String t : greedy(tops, d.edges(), e -> top.get(e.from()), e -> top.get(e.to()))) {
            rank.put(t, rank.size());
            List<String> children = d.children(t).stream().map(Diagram.Node::id).toList();
            Set<String> inside = Set.copyOf(children);
            List<Diagram.Edge> within = d.edges().stream()
                    .filter(e -> inside.contains(e.from()) && inside.contains(e.to())).toList();
            for (String c : greedy(children, within, Diagram.Edge::from, Diagram.Edge::to)) rank.put(c, rank.size());
        }
        return rank;
    }

    private static List<String> greedy(List<String> nodes, List<Diagram.Edge> edges,
                                       java.util.function.Function<Diagram.Edge, String> from,
                                       java.util.function.Function<Diagram.Edge, String> to) {
        Map<String, Map<String, Integer>> out = new HashMap<>();
        Map<String, Map<String, Integer>> in = new HashMap<>();
        for (String n : nodes) {
            out.put(n, new LinkedHashMap<>());
            in.put(n, new LinkedHashMap<>());
        }
        for (Diagram.Edge e : edges) {
            String a = from.apply(e);
            String b = to.apply(e);
            if (a.equals(b) || !out.containsKey(a) || !out.containsKey(b)) continue;
            out.get(a).merge(b, e.labels().size(), Integer::sum);
            in.get(b).merge(a, e.labels().size(), Integer::sum);
        }
        Set<String> left = new LinkedHashSet<>(nodes);
        List<String> head = new ArrayList<>();
        Deque<String> tail = new ArrayDeque<>();
        while (!left.isEmpty()) {
            boolean removed = true;
            while (removed) {
                removed = false;
                for (String n : List.copyOf(left)) {
                    if (weight(out.get(n), left) == 0) {
                        tail.addFirst(n);
                        left.remove(n);
                        removed = true;
                    } else if (weight(in.get(n), left) == 0) {
                        head.add(n);
                        left.remove(n);
                        removed = true;
                    }
                }
            }
            String best = null;
            int most = Integer.MIN_VALUE;
            for (String n : left) {
                int delta = weight(out.get(n), left) - weight(in.get(n), left);
                if (delta > most) {
                    most = delta;
                    best = n;
                }
            }
            if (best != null) {
                head.add(best);
                left.remove(best);
            }
        }
        head.addAll(tail);
        return head;
    }

    private static int weight(Map<String, Integer> edges, Set<String> left) {
        int sum = 0;
        for (Map.Entry<String, Integer> e : edges.entrySet()) if (left.contains(e.getKey())) sum += e.getValue();
        return sum;
    }

    /** The label's lines: the id (marked when on a route), its kind, and what an outside reader reads. */
    static List<String> lines(Diagram.Node n) {
        List<String> out = new ArrayList<>();
        out.add((n.onRoute() ? MermaidDiagram.WARN : "") + n.label());
        out.add(n.detail());
        if (!n.reads().isEmpty()) {
            out.addAll(Canvas.wrap(MermaidDiagram.WARN + "reads " + String.join(", ", n.reads()), MAX_TEXT, FONT, false));
        }
        return out;
    }

    private static String pill(Diagram.Held k) {
        return (k.onRoute() ? MermaidDiagram.WARN : "") + k.id() + " · " + k.detail();
    }

    private static List<String> edgeLines(Diagram.Edge e) {
        return Canvas.wrap((e.onRoute() ? MermaidDiagram.WARN : "") + String.join(", ", e.labels()), MAX_TEXT, SMALL, false);
    }

    private static double widest(List<String> lines, double size, boolean bold) {
        double w = 0;
        for (String l : lines) w = Math.max(w, Canvas.width(l, size, bold));
        return w;
    }

    private static void node(StringBuilder svg, ElkNode n, double ox, double oy, Map<ElkNode, Diagram.Node> shown) {
        Diagram.Node m = shown.get(n);
        double x = ox + n.getX();
        double y = oy + n.getY();
        boolean box = !n.getChildren().isEmpty();
        String stroke = m.onRoute() ? ROUTE : box ? MUTED : INK;
        String fill = m.onRoute() ? box ? "#fff6f5" : ROUTE_FILL
                : box ? "#f6f8fa" : m.kind() == ElementKind.KEY ? "#fff8e1" : "#ffffff";
        double radius = m.kind() == ElementKind.KEY ? Math.min(n.getHeight() / 2, 12) : 4;
        svg.append("<g class=\"node ").append(m.kind().name().toLowerCase(Locale.ROOT))
                .append(m.onRoute() ? " route" : "").append("\">");
        rect(svg, x, y, n.getWidth(), n.getHeight(), radius, fill, stroke, m.onRoute());
        List<String> lines = lines(m);
        for (int i = 0; i < lines.size(); i++) {
            Canvas.text(svg, x + 8, y + 6 + LINE * (i + 1) - 3, lines.get(i), FONT, i == 0,
                    i >= 2 ? ROUTE : i == 0 ? INK : MUTED, null);
        }
        double py = y + 6 + LINE * lines.size() + 4;
        for (Diagram.Held k : m.keys()) {
            svg.append("<g class=\"key").append(k.onRoute() ? " route" : "").append("\">");
            double pw = 16 + Canvas.width(pill(k), SMALL, false);
            rect(svg, x + 8, py, pw, PILL, PILL / 2, k.onRoute() ? ROUTE_FILL : "#fff8e1", k.onRoute() ? ROUTE : INK,
                    k.onRoute());
            Canvas.text(svg, x + 16, py + PILL - 6, pill(k), SMALL, false, INK, null);
            svg.append("</g>");
            py += PILL + 4;
        }
        svg.append("</g>\n");
        for (ElkNode c : n.getChildren()) node(svg, c, x, y, shown);
    }

    private static void rect(StringBuilder svg, double x, double y, double w, double h, double radius, String fill,
                             String stroke, boolean route) {
        svg.append("<rect x=\"").append(Canvas.num(x)).append("\" y=\"").append(Canvas.num(y)).append("\" width=\"")
                .append(Canvas.num(w)).append("\" height=\"").append(Canvas.num(h)).append("\" rx=\"")
                .append(Canvas.num(radius)).append("\" fill=\"").append(fill).append("\" stroke=\"").append(stroke)
                .append("\" stroke-width=\"").append(route ? 3 : 1).append('"')
                .append(route ? " stroke-dasharray=\"6 3\"" : "").append("/>");
    }

    private static void edge(StringBuilder svg, String id, ElkEdge edge, Diagram.Edge e, boolean reversed) {
        double[] o = absolute(edge.getContainingNode());
        String colour = e.onRoute() ? ROUTE : MUTED;
        svg.append("<g class=\"edge ").append(e.kind().name().toLowerCase(Locale.ROOT))
                .append(e.onRoute() ? " route" : "").append("\">");
        for (ElkEdgeSection s : edge.getSections()) {
            svg.append("<path d=\"M").append(Canvas.num(o[0] + s.getStartX())).append(' ')
                    .append(Canvas.num(o[1] + s.getStartY()));
            for (ElkBendPoint p : s.getBendPoints()) {
                svg.append(" L").append(Canvas.num(o[0] + p.getX())).append(' ').append(Canvas.num(o[1] + p.getY()));
            }
            svg.append(" L").append(Canvas.num(o[0] + s.getEndX())).append(' ').append(Canvas.num(o[1] + s.getEndY()))
                    .append("\" fill=\"none\" stroke=\"").append(colour).append("\" stroke-width=\"")
                    .append(e.onRoute() ? 3 : 1).append('"');
            if (e.onRoute()) svg.append(" stroke-dasharray=\"6 3\"");
            else if (e.kind() != Diagram.EdgeKind.FLOW) svg.append(" stroke-dasharray=\"2 3\"");
            // Laid out pointing the other way: the arrowhead goes at the start, which is the real end.
            svg.append(reversed ? " marker-start=\"url(#" : " marker-end=\"url(#").append(id)
                    .append(e.onRoute() ? "-arrow-route" : "-arrow").append(")\"/>");
        }
        for (ElkLabel l : edge.getLabels()) {
            String[] lines = l.getText().split("\n");
            for (int i = 0; i < lines.length; i++) {
                Canvas.text(svg, o[0] + l.getX(), o[1] + l.getY() + SMALL_LINE * (i + 1) - 3, lines[i], SMALL, false,
                        e.onRoute() ? ROUTE : MUTED, null);
            }
        }
        svg.append("</g>\n");
    }

    private static double[] absolute(ElkNode n) {
        double x = 0;
        double y = 0;
        for (ElkNode p = n; p != null && p.getParent() != null; p = p.getParent()) {
            x += p.getX();
            y += p.getY();
        }
        return new double[] {x, y};
    }

    private static final String KEYS = "pills inside a component: the keys it stores";

    /**
     * The key's lines: a route, a flow, and a compelling party's line only where one is drawn (a reader
     * was shown a dotted line in the key that the figure never drew); the keys' pills have no line.
     */
    private static List<String> legend(boolean compels) {
        String route = MermaidDiagram.WARN + "red, thick, dashed: a route by which someone outside a conversation reads it";
        String flow = "flow between components (one edge for all the flows between two components)";
        return compels ? List.of(route, flow, "a party can compel another; " + KEYS) : List.of(route, flow, KEYS);
    }

    private static void legend(StringBuilder svg, double top, List<String> lines) {
        svg.append("<g class=\"legend\">");
        for (int i = 0; i < lines.size(); i++) {
            double y = top + 10 + i * LINE;
            if (!lines.get(i).equals(KEYS)) {
                svg.append("<path d=\"M8 ").append(Canvas.num(y)).append(" L48 ").append(Canvas.num(y)).append("\" stroke=\"")
                        .append(i == 0 ? ROUTE : MUTED).append('"').append(i == 0 ? " stroke-width=\"3\" stroke-dasharray=\"6 3\""
                                : i == 2 ? " stroke-dasharray=\"2 3\"" : "").append("/>");
            }
            Canvas.text(svg, 56, y + 4, lines.get(i), FONT, false, INK, null);
        }
        svg.append("</g>\n");
    }

    static String marker(String id, String colour) {
        return "<marker id=\"" + id + "\" viewBox=\"0 0 8 8\" refX=\"8\" refY=\"4\" markerWidth=\"8\" markerHeight=\"8\" "
                + "markerUnits=\"userSpaceOnUse\" orient=\"auto-start-reverse\"><path d=\"M0,0 L8,4 L0,8 z\" fill=\""
                + colour + "\"/></marker>";
    }
}
