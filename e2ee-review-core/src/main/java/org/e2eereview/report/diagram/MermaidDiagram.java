package org.e2eereview.report.diagram;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.e2eereview.model.ElementKind;
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
    /** Keys a component's label lists on one line. */
    private static final int KEYS_PER_LINE = 2;

    private MermaidDiagram() {
    }

    public static String render(Diagram d) {
        Map<String, String> ids = new HashMap<>();
        for (Diagram.Node n : d.nodes()) ids.put(n.id(), "e" + ids.size());
        StringBuilder out = new StringBuilder("flowchart LR\n");
        List<String> routeNodes = new ArrayList<>();
        List<String> abouts = new ArrayList<>();
        for (Diagram.Node n : d.topLevel()) node(out, n, d, ids, routeNodes, abouts, "  ");
        List<Integer> routeEdges = new ArrayList<>();
        int index = 0;
        for (Diagram.Edge e : d.edges()) {
            String arrow = switch (e.kind()) {
                case FLOW -> "-->";
                case COMPELS -> "-.->";
            };
            out.append("  ").append(ids.get(e.from())).append(' ').append(arrow).append("|\"")
                    .append(Mermaid.label((e.onRoute() ? WARN : "") + String.join(", ", e.labels()))).append("\"| ")
                    .append(ids.get(e.to())).append('\n');
            if (e.onRoute()) routeEdges.add(index);
            index++;
        }
        out.append("  classDef route fill:").append(ROUTE_FILL).append(",stroke:").append(ROUTE_STROKE)
                .append(",stroke-width:3px,stroke-dasharray:6 3\n");
        if (!abouts.isEmpty()) {
            out.append("  classDef about fill:none,stroke:none\n  class ").append(String.join(",", abouts)).append(" about\n");
        }
        if (!routeNodes.isEmpty()) out.append("  class ").append(String.join(",", routeNodes)).append(" route\n");
        if (!routeEdges.isEmpty()) {
            out.append("  linkStyle ").append(String.join(",", routeEdges.stream().map(String::valueOf).toList()))
                    .append(" stroke:").append(ROUTE_STROKE).append(",stroke-width:3px,stroke-dasharray:6 3\n");
        }
        return out.toString();
    }

    private static List<String> lines(Diagram.Node n) {
        List<String> lines = new ArrayList<>();
        lines.add(Mermaid.label((n.onRoute() ? WARN : "") + n.label()));
        lines.add(Mermaid.label(n.detail()));
        if (!n.reads().isEmpty()) lines.add(Mermaid.label(WARN + "reads " + String.join(", ", n.reads())));
        for (int i = 0; i < n.keys().size(); i += KEYS_PER_LINE) {
            lines.add(Mermaid.label((i == 0 ? "keys: " : "") + String.join(", ", n.keys()
                    .subList(i, Math.min(n.keys().size(), i + KEYS_PER_LINE)).stream()
                    .map(k -> (k.onRoute() ? WARN : "") + k.id()).toList())));
        }
        return lines;
    }

    private static void node(StringBuilder out, Diagram.Node n, Diagram d, Map<String, String> ids,
                             List<String> routeNodes, List<String> abouts, String indent) {
        String id = ids.get(n.id());
        if (n.onRoute()) routeNodes.add(id);
        List<Diagram.Node> children = n.kind() == ElementKind.PARTY ? d.children(n.id()) : List.of();
        String label = "\"" + String.join("<br/>", lines(n)) + "\"";
        if (!children.isEmpty()) {
            // Mermaid leaves one line for a box's title and draws what is inside over the rest, so the
            // title is the id alone and the rest goes in a borderless node at the top of the box.
            out.append(indent).append("subgraph ").append(id).append("[\"").append(lines(n).get(0)).append("\"]\n");
            out.append(indent).append("  ").append(id).append("about[\"")
                    .append(String.join("<br/>", lines(n).subList(1, lines(n).size()))).append("\"]\n");
            abouts.add(id + "about");
            for (Diagram.Node c : children) node(out, c, d, ids, routeNodes, abouts, indent + "  ");
            out.append(indent).append("end\n");
        } else {
            // Parties, components and keys are the kinds the diagram draws: a component is a plain box.
            String open = switch (n.kind()) {
                case PARTY -> "[[";
                case KEY -> "([";
                default -> "[";
            };
            String close = switch (n.kind()) {
                case PARTY -> "]]";
                case KEY -> "])";
                default -> "]";
            };
            out.append(indent).append(id).append(open).append(label).append(close).append('\n');
        }
    }
}
