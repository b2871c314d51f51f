package org.e2eereview.report.diagram;

import java.util.ArrayList;
import java.util.List;

import org.e2eereview.report.escape.Mermaid;

/**
 * {@link WhoReads} as Mermaid source for Markdown: each edge carries its condition as a label and
 * takes the SVG figure's colour and dash pattern, so that the condition never rests on colour alone.
 * Ids are generated and labels entity-escaped, as in {@link MermaidDiagram}.
 */
public final class WhoReadsMermaid {

    private WhoReadsMermaid() {
    }

    public static String render(WhoReads w) {
        StringBuilder out = new StringBuilder("flowchart LR\n");
        for (int i = 0; i < w.parties().size(); i++) {
            WhoReads.Box b = w.parties().get(i);
            out.append("  p").append(i).append("[\"").append(Mermaid.label(b.label())).append("<br/>")
                    .append(Mermaid.label(b.detail())).append("\"]\n");
        }
        for (int i = 0; i < w.conversations().size(); i++) {
            WhoReads.Box b = w.conversations().get(i);
            out.append("  c").append(i).append("([\"").append(Mermaid.label(b.label())).append("<br/>")
                    .append(Mermaid.label(b.detail())).append("\"])\n");
        }
        List<String> styles = new ArrayList<>();
        int index = 0;
        for (WhoReads.Link l : w.links()) {
            out.append("  p").append(l.party());
            if (l.when() == null) out.append(" --- ");
            else out.append(" -->|\"").append(Mermaid.label(l.words())).append("\"| ");
            out.append('c').append(l.conversation()).append('\n');
            String dash = WhoReadsSvg.dash(l.when());
            styles.add("  linkStyle " + index++ + " stroke:" + WhoReadsSvg.colour(l.when()) + ",stroke-width:"
                    + Canvas.num(WhoReadsSvg.stroke(l)) + "px" + (dash == null ? "" : ",stroke-dasharray:" + dash)
                    + "\n");
        }
        for (int i = 0; i < w.notes().size(); i++) {
            out.append("  n").append(i).append("[\"").append(Mermaid.label(w.notes().get(i))).append("\"]\n");
        }
        for (String s : styles) out.append(s);
        if (!w.notes().isEmpty()) {
            out.append("  classDef note fill:#ffffff,stroke:").append(WhoReadsSvg.MEMBER).append(",stroke-dasharray:3 3\n");
            out.append("  class ");
            for (int i = 0; i < w.notes().size(); i++) out.append(i == 0 ? "" : ",").append('n').append(i);
            out.append(" note\n");
        }
        return out.toString();
    }
}
