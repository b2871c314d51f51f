package org.e2eereview.report.diagram;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.e2eereview.report.escape.Xml;
import org.eclipse.elk.alg.layered.options.LayeredMetaDataProvider;
import org.eclipse.elk.alg.layered.options.LayeredOptions;
import org.eclipse.elk.core.RecursiveGraphLayoutEngine;
import org.eclipse.elk.core.data.LayoutMetaDataService;
import org.eclipse.elk.core.math.ElkPadding;
import org.eclipse.elk.core.options.CoreOptions;
import org.eclipse.elk.core.options.Direction;
import org.eclipse.elk.core.options.EdgeLabelPlacement;
import org.eclipse.elk.core.options.HierarchyHandling;
import org.eclipse.elk.core.util.BasicProgressMonitor;
import org.eclipse.elk.graph.ElkEdge;
import org.eclipse.elk.graph.ElkEdgeSection;
import org.eclipse.elk.graph.ElkLabel;
import org.eclipse.elk.graph.ElkNode;
import org.eclipse.elk.graph.ElkBendPoint;
import org.eclipse.elk.graph.util.ElkGraphUtil;

/**
 * The diagram as inline SVG, laid out by Eclipse ELK's layered algorithm in the JVM: no script, no
 * font or stylesheet from outside, so the page works offline and prints as it shows. Routes by
 * which an outsider reads a conversation are red, thick and dashed, and their elements carry a
 * warning sign and words; a legend says so.
 */
public final class SvgDiagram {

    private static final int FONT = 12;
    private static final int LINE = 15;
    private static final int MAX_LINE = 34;
    private static final String INK = "#1f1f1f";
    private static final String MUTED = "#5f6368";
    private static final String ROUTE = MermaidDiagram.ROUTE_STROKE;
    private static final String ROUTE_FILL = MermaidDiagram.ROUTE_FILL;

    static {
        LayoutMetaDataService.getInstance().registerLayoutMetaDataProviders(new LayeredMetaDataProvider());
    }

    private SvgDiagram() {
    }

    public static String render(Diagram d, String title) {
        ElkNode root = ElkGraphUtil.createGraph();
        root.setProperty(CoreOptions.ALGORITHM, LayeredOptions.ALGORITHM_ID);
        root.setProperty(CoreOptions.DIRECTION, Direction.RIGHT);
        root.setProperty(CoreOptions.HIERARCHY_HANDLING, HierarchyHandling.INCLUDE_CHILDREN);
        root.setProperty(CoreOptions.SPACING_NODE_NODE, 24.0);
        root.setProperty(LayeredOptions.SPACING_NODE_NODE_BETWEEN_LAYERS, 48.0);
        root.setProperty(CoreOptions.SPACING_EDGE_LABEL, 4.0);
        root.setProperty(CoreOptions.RANDOM_SEED, 1);
        Map<String, ElkNode> placed = new HashMap<>();
        Map<ElkNode, Diagram.Node> shown = new HashMap<>();
        for (Diagram.Node n : d.topLevel()) place(root, n, d, placed, shown);
        Map<ElkEdge, Diagram.Edge> edges = new java.util.LinkedHashMap<>();
        for (Diagram.Edge e : d.edges()) {
            ElkEdge edge = ElkGraphUtil.createSimpleEdge(placed.get(e.from()), placed.get(e.to()));
            ElkLabel label = ElkGraphUtil.createLabel(edgeText(e), edge);
            label.setDimensions(width(edgeText(e)), LINE);
            label.setProperty(CoreOptions.EDGE_LABELS_PLACEMENT, EdgeLabelPlacement.CENTER);
            edges.put(edge, e);
        }
        new RecursiveGraphLayoutEngine().layout(root, new BasicProgressMonitor());

        double legendHeight = 3 * LINE + 16;
        double width = Math.max(root.getWidth(), 560);
        double height = root.getHeight() + legendHeight;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"diagram\" role=\"img\" aria-labelledby=\"diagram-title\" ")
                .append("viewBox=\"0 0 ").append(num(width)).append(' ').append(num(height)).append("\" width=\"")
                .append(num(width)).append("\" height=\"").append(num(height)).append("\" font-family=\"DejaVu Sans, Verdana, sans-serif\" font-size=\"")
                .append(FONT).append("\">\n");
        svg.append("<title id=\"diagram-title\">").append(Xml.text(title)).append("</title>\n");
        svg.append("<defs>").append(marker("arrow", MUTED)).append(marker("arrow-route", ROUTE)).append("</defs>\n");
        for (ElkNode n : root.getChildren()) node(svg, n, 0, 0, shown);
        for (Map.Entry<ElkEdge, Diagram.Edge> e : edges.entrySet()) edge(svg, e.getKey(), e.getValue());
        legend(svg, root.getHeight() + 8);
        svg.append("</svg>\n");
        return svg.toString();
    }

    private static void place(ElkNode parent, Diagram.Node n, Diagram d, Map<String, ElkNode> placed,
                              Map<ElkNode, Diagram.Node> shown) {
        ElkNode node = ElkGraphUtil.createNode(parent);
        placed.put(n.id(), node);
        shown.put(node, n);
        List<String> lines = lines(n);
        double w = 16 + lines.stream().mapToDouble(SvgDiagram::width).max().orElse(40);
        List<Diagram.Node> children = n.shape() == Diagram.Shape.PARTY ? d.children(n.id()) : List.of();
        if (children.isEmpty()) {
            node.setDimensions(Math.max(w, 64), lines.size() * LINE + 12);
        } else {
            node.setProperty(CoreOptions.PADDING, new ElkPadding(lines.size() * LINE + 14, 12, 12, 12));
            node.setProperty(CoreOptions.NODE_SIZE_MINIMUM, new org.eclipse.elk.core.math.KVector(w, 0));
            node.setProperty(CoreOptions.NODE_SIZE_CONSTRAINTS, java.util.EnumSet.of(
                    org.eclipse.elk.core.options.SizeConstraint.MINIMUM_SIZE));
            for (Diagram.Node c : children) place(node, c, d, placed, shown);
        }
    }

    /** The label's lines: the id (marked when on a route), its kind, and what an outside reader reads. */
    static List<String> lines(Diagram.Node n) {
        List<String> out = new ArrayList<>();
        out.add((n.onRoute() ? MermaidDiagram.WARN : "") + n.label());
        out.add(n.detail());
        if (!n.reads().isEmpty()) out.addAll(wrap(MermaidDiagram.WARN + "reads " + String.join(", ", n.reads())));
        return out;
    }

    private static List<String> wrap(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > MAX_LINE) {
                out.add(line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) line.append(' ');
            line.append(word);
        }
        out.add(line.toString());
        return out;
    }

    private static String edgeText(Diagram.Edge e) {
        return (e.onRoute() ? MermaidDiagram.WARN : "") + e.label();
    }

    private static void node(StringBuilder svg, ElkNode n, double ox, double oy, Map<ElkNode, Diagram.Node> shown) {
        Diagram.Node m = shown.get(n);
        double x = ox + n.getX();
        double y = oy + n.getY();
        boolean box = !n.getChildren().isEmpty();
        String stroke = m.onRoute() ? ROUTE : box ? MUTED : INK;
        String fill = m.onRoute() ? box ? "#fff6f5" : ROUTE_FILL
                : box ? "#f6f8fa" : m.shape() == Diagram.Shape.KEY ? "#fff8e1" : "#ffffff";
        double radius = m.shape() == Diagram.Shape.KEY ? n.getHeight() / 2 : 4;
        svg.append("<g class=\"node ").append(m.shape().name().toLowerCase(Locale.ROOT))
                .append(m.onRoute() ? " route" : "").append("\">");
        svg.append("<rect x=\"").append(num(x)).append("\" y=\"").append(num(y)).append("\" width=\"")
                .append(num(n.getWidth())).append("\" height=\"").append(num(n.getHeight())).append("\" rx=\"")
                .append(num(radius)).append("\" fill=\"").append(fill).append("\" stroke=\"").append(stroke)
                .append("\" stroke-width=\"").append(m.onRoute() ? 3 : 1).append('"')
                .append(m.onRoute() ? " stroke-dasharray=\"6 3\"" : "").append("/>");
        List<String> lines = lines(m);
        for (int i = 0; i < lines.size(); i++) {
            boolean first = i == 0;
            svg.append("<text x=\"").append(num(x + 8)).append("\" y=\"").append(num(y + 6 + LINE * (i + 1) - 3))
                    .append("\" fill=\"").append(i >= 2 ? ROUTE : first ? INK : MUTED).append('"')
                    .append(first ? " font-weight=\"bold\"" : "").append('>').append(Xml.text(lines.get(i)))
                    .append("</text>");
        }
        svg.append("</g>\n");
        for (ElkNode c : n.getChildren()) node(svg, c, x, y, shown);
    }

    private static void edge(StringBuilder svg, ElkEdge edge, Diagram.Edge e) {
        double[] o = absolute(edge.getContainingNode());
        String colour = e.onRoute() ? ROUTE : MUTED;
        svg.append("<g class=\"edge ").append(e.kind().name().toLowerCase(Locale.ROOT))
                .append(e.onRoute() ? " route" : "").append("\">");
        for (ElkEdgeSection s : edge.getSections()) {
            svg.append("<path d=\"M").append(num(o[0] + s.getStartX())).append(' ').append(num(o[1] + s.getStartY()));
            for (ElkBendPoint p : s.getBendPoints()) {
                svg.append(" L").append(num(o[0] + p.getX())).append(' ').append(num(o[1] + p.getY()));
            }
            svg.append(" L").append(num(o[0] + s.getEndX())).append(' ').append(num(o[1] + s.getEndY()))
                    .append("\" fill=\"none\" stroke=\"").append(colour).append("\" stroke-width=\"")
                    .append(e.onRoute() ? 3 : 1).append('"');
            if (e.onRoute()) svg.append(" stroke-dasharray=\"6 3\"");
            else if (e.kind() != Diagram.EdgeKind.FLOW) svg.append(" stroke-dasharray=\"2 3\"");
            svg.append(" marker-end=\"url(#").append(e.onRoute() ? "arrow-route" : "arrow").append(")\"/>");
        }
        for (ElkLabel l : edge.getLabels()) {
            svg.append("<text x=\"").append(num(o[0] + l.getX())).append("\" y=\"").append(num(o[1] + l.getY() + LINE - 4))
                    .append("\" fill=\"").append(colour).append("\" font-size=\"11\">").append(Xml.text(l.getText()))
                    .append("</text>");
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

    private static void legend(StringBuilder svg, double top) {
        svg.append("<g class=\"legend\">");
        svg.append("<path d=\"M8 ").append(num(top + 10)).append(" L48 ").append(num(top + 10)).append("\" stroke=\"")
                .append(ROUTE).append("\" stroke-width=\"3\" stroke-dasharray=\"6 3\"/>");
        svg.append("<text x=\"56\" y=\"").append(num(top + 14)).append("\" fill=\"").append(INK).append("\">")
                .append(Xml.text(MermaidDiagram.WARN + "red, thick, dashed: a route by which someone outside a "
                        + "conversation reads it")).append("</text>");
        svg.append("<path d=\"M8 ").append(num(top + 10 + LINE)).append(" L48 ").append(num(top + 10 + LINE))
                .append("\" stroke=\"").append(MUTED).append("\"/>");
        svg.append("<text x=\"56\" y=\"").append(num(top + 14 + LINE)).append("\" fill=\"").append(INK)
                .append("\">flow between components</text>");
        svg.append("<path d=\"M8 ").append(num(top + 10 + 2 * LINE)).append(" L48 ").append(num(top + 10 + 2 * LINE))
                .append("\" stroke=\"").append(MUTED).append("\" stroke-dasharray=\"2 3\"/>");
        svg.append("<text x=\"56\" y=\"").append(num(top + 14 + 2 * LINE)).append("\" fill=\"").append(INK)
                .append("\">a component stores a key; a party can compel another</text>");
        svg.append("</g>\n");
    }

    private static String marker(String id, String colour) {
        return "<marker id=\"" + id + "\" viewBox=\"0 0 8 8\" refX=\"8\" refY=\"4\" markerWidth=\"8\" markerHeight=\"8\" markerUnits=\"userSpaceOnUse\" "
                + "orient=\"auto-start-reverse\"><path d=\"M0,0 L8,4 L0,8 z\" fill=\"" + colour + "\"/></marker>";
    }

    /** Text width estimated from character classes, so that layout is the same on every machine. */
    static double width(String text) {
        double w = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ("iljtf.,:;'|!() ".indexOf(c) >= 0) w += 4.2;
            else if (Character.isUpperCase(c) || "mwMW@%#&".indexOf(c) >= 0) w += 9.4;
            else if (c > 0x2000) w += 12;
            else w += 7.3;
        }
        return Math.ceil(w);
    }

    private static String num(double v) {
        long r = Math.round(v * 10);
        return r % 10 == 0 ? Long.toString(r / 10) : (r / 10) + "." + Math.abs(r % 10);
    }
}
