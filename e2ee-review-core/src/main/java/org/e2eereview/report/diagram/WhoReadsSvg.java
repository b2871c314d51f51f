package org.e2eereview.report.diagram;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.e2eereview.model.Flow;

/**
 * {@link WhoReads} as SVG: parties in a column on the left, conversations on the right, and a
 * curve from each reader to each conversation it reads, its condition written above the arrow and
 * drawn in a colour and a dash pattern of its own. Laid out here, not by ELK: two columns need no
 * search, and the layout costs the same at any model size. The figure is 720 units wide, so that on
 * A4 portrait its smallest text (11 units) prints at 7.7 pt, and its height is held to one page by
 * leaving out the last boxes, which it then says.
 */
public final class WhoReadsSvg {

    static final double WIDTH = 720;
    private static final double PARTY_WIDTH = 180;
    private static final double LABEL_X = 396;
    private static final double BOX_X = 560;
    private static final double BOX_WIDTH = WIDTH - BOX_X - 2;
    private static final double NAME = 12;
    private static final double SMALL = 11;
    private static final double LINE = 15;
    private static final double SMALL_LINE = 14;
    private static final double PAD = 8;
    private static final double GAP = 14;
    private static final double TOP = 4;
    private static final String INK = "#1f1f1f";
    private static final String MUTED = "#5f6368";
    static final String MEMBER = "#9aa0a6";

    private WhoReadsSvg() {
    }

    /** The colour of a condition's edges; members' edges are grey. */
    static String colour(Flow.Occurs when) {
        if (when == null) return MEMBER;
        return switch (when) {
            case ALWAYS -> "#b3261e";
            case BY_DEFAULT -> "#c2185b";
            case OPT_IN -> "#a04f00";
            case ON_ORGANISATION_DECISION -> "#6a3d9a";
            case ON_LEGAL_ORDER -> "#1a5fb4";
            case WITH_DEVICE -> "#00695c";
            case ON_FALLBACK -> "#5f6368";
        };
    }

    /** The dash pattern of a condition's edges, so that the condition never rests on colour alone. */
    static String dash(Flow.Occurs when) {
        if (when == null) return null;
        return switch (when) {
            case ALWAYS -> null;
            case BY_DEFAULT -> "24 4";
            case OPT_IN -> "12 4";
            case ON_ORGANISATION_DECISION -> "12 3 3 3";
            case ON_LEGAL_ORDER -> "6 4";
            case WITH_DEVICE -> "2 3";
            case ON_FALLBACK -> "8 3 2 3 2 3";
        };
    }

    static double stroke(Flow.Occurs when) {
        return when == null ? 1.2 : when == Flow.Occurs.ALWAYS || when == Flow.Occurs.BY_DEFAULT ? 3 : 2.5;
    }

    /** An edge's width: a reading that could be noticed is drawn thinner than one nobody would notice. */
    static double stroke(WhoReads.Link l) {
        return l.noticed() ? 1.5 : stroke(l.when());
    }

    /** The figure at its natural size (540 pt wide), and for print; ids in it start with {@code id}. */
    public static Drawn render(WhoReads w, String title, String id) {
        return Drawn.of(figure(w, title), id);
    }

    private record Slot(WhoReads.Link link, List<String> words, double y) {
    }

    private record Placed(WhoReads.Box box, List<String> names, List<String> detail, double y, double height) {
    }

    static Canvas.Figure figure(WhoReads w, String title) {
        // The height one portrait page holds at the scale print brings this width to.
        double budget = Canvas.PORTRAIT_HEIGHT / Math.min(Canvas.PT_PER_UNIT, Canvas.PORTRAIT_WIDTH / WIDTH);
        List<String> notes = new ArrayList<>(w.notes());
        int shown = w.conversations().size();
        Layout layout = layout(w, shown, notes);
        while (layout.height() > budget && shown > 1) {
            shown--;
            List<String> more = new ArrayList<>(w.notes());
            more.add((w.conversations().size() - shown) + " more boxes of conversations left out to fit the page");
            layout = layout(w, shown, more);
            notes = more;
        }
        Layout done = layout;
        return new Canvas.Figure(WIDTH, done.height(), title, SMALL, (svg, id) -> draw(svg, id, w, done));
    }

    /** @param keys one edge of each look the figure shows, for its key */
    private record Layout(List<Placed> parties, List<Placed> conversations, List<Slot> slots, double[] partyPorts,
                          List<String> legend, List<Flow.Occurs> conditions, List<WhoReads.Link> keys,
                          List<String> notes, double legendTop, double height) {
    }

    private static Layout layout(WhoReads w, int shown, List<String> notes) {
        List<WhoReads.Link> links = w.links().stream().filter(l -> l.conversation() < shown).toList();
        // Parties in the order of the conversations they reach, so that edges seldom cross.
        List<Integer> order = new ArrayList<>();
        for (int p = 0; p < w.parties().size(); p++) order.add(p);
        order.sort(Comparator.comparingDouble(p -> links.stream().filter(k -> k.party() == p)
                .mapToInt(WhoReads.Link::conversation).average().orElse(Double.MAX_VALUE)));
        int[] rank = new int[w.parties().size()];
        for (int i = 0; i < order.size(); i++) rank[order.get(i)] = i;
        // Conversations stack in the figure's order, each as tall as its text or its incoming edges.
        List<Placed> conversations = new ArrayList<>();
        List<Slot> slots = new ArrayList<>();
        double y = TOP;
        for (int i = 0; i < shown; i++) {
            WhoReads.Box box = w.conversations().get(i);
            int index = i;
            List<WhoReads.Link> in = links.stream().filter(l -> l.conversation() == index)
                    .sorted(Comparator.comparingInt(k -> rank[k.party()])).toList();
            List<String> names = Canvas.wrap(box.label(), BOX_WIDTH - 2 * PAD, NAME, true);
            List<String> detail = Canvas.wrap(box.detail(), BOX_WIDTH - 2 * PAD, SMALL, false);
            double text = names.size() * LINE + detail.size() * SMALL_LINE + 2 * PAD - 2;
            double edges = PAD;
            List<List<String>> words = new ArrayList<>();
            for (WhoReads.Link l : in) {
                List<String> lines = l.when() == null ? List.of() : Canvas.wrap(l.words(), BOX_X - LABEL_X - 10, SMALL, false);
                words.add(lines);
                edges += lines.size() * SMALL_LINE + 10;
            }
            double height = Math.max(text, edges + 2);
            // Edges enter evenly down the box, each under its words.
            double slotY = y + (height - edges) / 2 + PAD;
            for (int k = 0; k < in.size(); k++) {
                slotY += words.get(k).size() * SMALL_LINE + 5;
                slots.add(new Slot(in.get(k), words.get(k), slotY));
                slotY += 5;
            }
            conversations.add(new Placed(box, names, detail, y, height));
            y += height + GAP;
        }
        double column = y;

        // Parties sit level with the edges they send, without overlapping.
        List<Placed> parties = new ArrayList<>();
        double[] ports = new double[slots.size()];
        double top = TOP;
        for (int party : order) {
            WhoReads.Box box = w.parties().get(party);
            List<Slot> out = slots.stream().filter(s -> s.link().party() == party).toList();
            if (out.isEmpty() && !w.members()) continue;
            List<String> names = Canvas.wrap(box.label(), PARTY_WIDTH - 2 * PAD, NAME, true);
            List<String> detail = Canvas.wrap(box.detail(), PARTY_WIDTH - 2 * PAD, SMALL, false);
            double height = Math.max(names.size() * LINE + detail.size() * SMALL_LINE + 2 * PAD - 2, out.size() * 8 + 8);
            double wanted = out.isEmpty() ? top : out.stream().mapToDouble(Slot::y).average().orElse(top) - height / 2;
            double at = Math.max(top, wanted);
            parties.add(new Placed(box, names, detail, at, height));
            for (int k = 0; k < out.size(); k++) ports[slots.indexOf(out.get(k))] = at + height * (k + 1) / (out.size() + 1);
            top = at + height + GAP;
        }
        double bottom = Math.max(column, top);

        List<Flow.Occurs> conditions = links.stream().map(WhoReads.Link::when).filter(java.util.Objects::nonNull)
                .distinct().sorted().toList();
        java.util.Map<String, WhoReads.Link> keys = new java.util.LinkedHashMap<>();
        links.stream().filter(k -> k.when() != null).sorted(Comparator.comparing(WhoReads.Link::when)
                .thenComparing(WhoReads.Link::noticed)).forEach(k -> keys.putIfAbsent(k.condition(), k));
        List<String> legend = new ArrayList<>();
        for (String note : notes) legend.addAll(Canvas.wrap(note, WIDTH - 8, SMALL, false));
        double legendTop = bottom + 6;
        int rows = keys.size() + (w.members() ? 1 : 0);
        double height = legendTop + rows * SMALL_LINE + legend.size() * SMALL_LINE + 8;
        return new Layout(parties, conversations, slots, ports, legend, conditions, List.copyOf(keys.values()), notes,
                legendTop, height);
    }

    private static void draw(StringBuilder svg, String id, WhoReads w, Layout l) {
        svg.append("<defs>");
        for (String colour : l.conditions().stream().map(WhoReadsSvg::colour).distinct().toList()) {
            svg.append(SvgDiagram.marker(id + "-arrow-" + colour.substring(1), colour));
        }
        svg.append("</defs>\n");
        for (int i = 0; i < l.slots().size(); i++) {
            Slot s = l.slots().get(i);
            Flow.Occurs when = s.link().when();
            double py = l.partyPorts()[i];
            double bend = (LABEL_X - PARTY_WIDTH) / 2;
            svg.append("<g class=\"edge").append(when == null ? " member" : " reads " + when.yamlName()).append("\">");
            svg.append("<path d=\"M").append(Canvas.num(PARTY_WIDTH)).append(' ').append(Canvas.num(py)).append(" C")
                    .append(Canvas.num(PARTY_WIDTH + bend)).append(' ').append(Canvas.num(py)).append(' ')
                    .append(Canvas.num(LABEL_X - bend)).append(' ').append(Canvas.num(s.y())).append(' ')
                    .append(Canvas.num(LABEL_X)).append(' ').append(Canvas.num(s.y())).append(" L")
                    .append(Canvas.num(BOX_X - 1)).append(' ').append(Canvas.num(s.y())).append("\" fill=\"none\" stroke=\"")
                    .append(colour(when)).append("\" stroke-width=\"").append(Canvas.num(stroke(s.link()))).append('"');
            if (dash(when) != null) svg.append(" stroke-dasharray=\"").append(dash(when)).append('"');
            if (when != null) svg.append(" marker-end=\"url(#").append(id).append("-arrow-").append(colour(when).substring(1)).append(")\"");
            svg.append("/>");
            for (int k = 0; k < s.words().size(); k++) {
                Canvas.text(svg, LABEL_X + 4, s.y() - 5 - (s.words().size() - 1 - k) * SMALL_LINE, s.words().get(k), SMALL,
                        false, colour(when), null);
            }
            svg.append("</g>\n");
        }
        for (Placed p : l.parties()) box(svg, p, 0, PARTY_WIDTH, p.box().reader());
        for (Placed c : l.conversations()) box(svg, c, BOX_X, BOX_WIDTH, false);

        svg.append("<g class=\"legend\">");
        double y = l.legendTop();
        for (WhoReads.Link key : l.keys()) {
            legendLine(svg, y, key.when(), stroke(key), "reads " + key.condition());
            y += SMALL_LINE;
        }
        if (w.members()) {
            legendLine(svg, y, null, stroke((Flow.Occurs) null), "member of the conversation");
            y += SMALL_LINE;
        }
        for (String line : l.legend()) {
            Canvas.text(svg, 4, y + 11, line, SMALL, false, MUTED, null);
            y += SMALL_LINE;
        }
        svg.append("</g>\n");
    }

    private static void legendLine(StringBuilder svg, double y, Flow.Occurs when, double stroke, String words) {
        svg.append("<path d=\"M4 ").append(Canvas.num(y + 7)).append(" L44 ").append(Canvas.num(y + 7))
                .append("\" stroke=\"").append(colour(when)).append("\" stroke-width=\"").append(Canvas.num(stroke))
                .append('"');
        if (dash(when) != null) svg.append(" stroke-dasharray=\"").append(dash(when)).append('"');
        svg.append("/>");
        Canvas.text(svg, 52, y + 11, words, SMALL, false, INK, null);
    }

    private static void box(StringBuilder svg, Placed p, double x, double width, boolean reader) {
        svg.append("<g class=\"box").append(reader ? " reader" : "").append("\"><rect x=\"").append(Canvas.num(x + 1))
                .append("\" y=\"").append(Canvas.num(p.y())).append("\" width=\"").append(Canvas.num(width - 1))
                .append("\" height=\"").append(Canvas.num(p.height())).append("\" rx=\"4\" fill=\"")
                .append(reader ? SvgDiagram.ROUTE_FILL : "#ffffff").append("\" stroke=\"")
                .append(reader ? SvgDiagram.ROUTE : INK).append("\" stroke-width=\"").append(reader ? 2 : 1).append("\"/>");
        double y = p.y() + PAD + NAME - 1;
        for (String line : p.names()) {
            Canvas.text(svg, x + PAD, y, line, NAME, true, INK, null);
            y += LINE;
        }
        for (String line : p.detail()) {
            Canvas.text(svg, x + PAD, y - 1, line, SMALL, false, MUTED, null);
            y += SMALL_LINE;
        }
        svg.append("</g>\n");
    }
}
