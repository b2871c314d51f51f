package org.e2eereview.report.diagram;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.e2eereview.report.escape.Mermaid;

/**
 * The diagram as Mermaid source, which GitHub and GitLab draw in Markdown. Mermaid ids are
 * generated, never taken from the model, and every label is entity-escaped, so no model text can
 * end a label, a node or the fenced block around it.
 */
public final class MermaidDiagram {

    static final String ROUTE_FILL = "#fde2e1";
    static final String ROUTE_STROKE = "#b3261e";
    static final String WARN = "⚠ ";

    private MermaidDiagram() {
    }

    public static String render(Diagram d) {
        Map<String, String> ids = new HashMap<>();
        for (Diagram.Node n : d.nodes()) ids.put(n.id(), "e" + ids.size());
        StringBuilder out = new StringBuilder("flowchart LR\n");
        List<String> routeNodes = new ArrayList<>();
        for (Diagram.Node n : d.topLevel()) node(out, n, d, ids, routeNodes, "  ");
        List<Integer> routeEdges = new ArrayList<>();
        int index = 0;
        for (Diagram.Edge e : d.edges()) {
            String arrow = switch (e.kind()) {
                case FLOW -> "-->";
                case STORES, COMPELS -> "-.->";
            };
            out.append("  ").append(ids.get(e.from())).append(' ').append(arrow).append("|\"")
                    .append(Mermaid.label((e.onRoute() ? WARN : "") + e.label())).append("\"| ")
                    .append(ids.get(e.to())).append('\n');
            if (e.onRoute()) routeEdges.add(index);
            index++;
        }
        out.append("  classDef route fill:").append(ROUTE_FILL).append(",stroke:").append(ROUTE_STROKE)
                .append(",stroke-width:3px,stroke-dasharray:6 3\n");
        if (!routeNodes.isEmpty()) out.append("  class ").append(String.join(",", routeNodes)).append(" route\n");
        if (!routeEdges.isEmpty()) {
            out.append("  linkStyle ").append(String.join(",", routeEdges.stream().map(String::valueOf).toList()))
                    .append(" stroke:").append(ROUTE_STROKE).append(",stroke-width:3px,stroke-dasharray:6 3\n");
        }
        return out.toString();
    }

    private static void node(StringBuilder out, Diagram.Node n, Diagram d, Map<String, String> ids,
                             List<String> routeNodes, String indent) {
        String id = ids.get(n.id());
        if (n.onRoute()) routeNodes.add(id);
        List<Diagram.Node> children = n.shape() == Diagram.Shape.PARTY ? d.children(n.id()) : List.of();
        String label = "\"" + Mermaid.label((n.onRoute() ? WARN : "") + n.label()) + "<br/>"
                + Mermaid.label(n.detail()) + (n.reads().isEmpty() ? ""
                : "<br/>" + Mermaid.label(WARN + "reads " + String.join(", ", n.reads()))) + "\"";
        if (!children.isEmpty()) {
            out.append(indent).append("subgraph ").append(id).append('[').append(label).append("]\n");
            for (Diagram.Node c : children) node(out, c, d, ids, routeNodes, indent + "  ");
            out.append(indent).append("end\n");
        } else {
            String open = switch (n.shape()) {
                case PARTY -> "[[";
                case COMPONENT -> "[";
                case KEY -> "([";
            };
            String close = switch (n.shape()) {
                case PARTY -> "]]";
                case COMPONENT -> "]";
                case KEY -> "])";
            };
            out.append(indent).append(id).append(open).append(label).append(close).append('\n');
        }
    }
}
