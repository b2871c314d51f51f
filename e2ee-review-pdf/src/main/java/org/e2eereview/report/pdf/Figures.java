package org.e2eereview.report.pdf;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Fits each inline SVG drawing (the architecture diagram) to paper before the PDF is laid out: the
 * smallest ISO page, upright or turned, on which its smallest text prints at 7 pt or more, and the
 * drawing no larger than its natural size. A drawing that fits the document's own A4 page stays in
 * the flow; a larger one gets a page of its own. A drawing too large even for A0 gets a page cut to
 * its size at 7 pt: a reader zooms, or prints it in parts. The drawing also gets the alt text a
 * screen reader reads for the figure: its title, its description and the figure's caption.
 */
final class Figures {

    static final String SVG = "http://www.w3.org/2000/svg";
    /** The smallest text a printed page should carry. */
    static final double MIN_TEXT_PT = 7;
    /** A CSS pixel, the SVG's user unit here, is 0.75 pt: the drawing's natural size. */
    static final double NATURAL = 0.75;
    private static final double PT_PER_MM = 72 / 25.4;
    /** The document's page (page-style.ftl): A4 with 16 mm sides. */
    private static final double A4_TEXT_WIDTH_MM = 210 - 2 * 16;
    /** Margins of a page of its own: room at the foot for the page number and the caption. */
    private static final double SIDE_MM = 12;
    private static final double TOP_MM = 12;
    private static final double FOOT_MM = 18;
    private static final double CAPTION_MM = 22;
    private static final Pattern IMPORT = Pattern.compile("@import[^;]*;?", Pattern.CASE_INSENSITIVE);
    /** ISO A-series sizes, A4 to A0, in mm (short side, long side). */
    private static final double[][] PAPER = {{210, 297}, {297, 420}, {420, 594}, {594, 841}, {841, 1189}};

    /** Where a drawing goes: its size in points, and the page size in mm if it needs a page of its own. */
    record Fit(double widthPt, double heightPt, double pageWidthMm, double pageHeightMm) {
        boolean ownPage() {
            return pageWidthMm > 0;
        }

        double scale(double width) {
            return widthPt / width;
        }
    }

    private Figures() {
    }

    /**
     * Sizes and describes every SVG drawing in the document, and returns the page rules the drawings
     * that need a page of their own ask for.
     */
    static String prepare(Document dom) {
        StringBuilder css = new StringBuilder();
        NodeList drawings = dom.getElementsByTagNameNS(SVG, "svg");
        List<Element> outermost = new ArrayList<>();
        for (int i = 0; i < drawings.getLength(); i++) {
            Element svg = (Element) drawings.item(i);
            if (!(svg.getParentNode() instanceof Element p && SVG.equals(p.getNamespaceURI()))) outermost.add(svg);
        }
        for (int i = 0; i < outermost.size(); i++) {
            Element svg = outermost.get(i);
            svg.setAttribute("alt", alt(svg));
            forBatik(svg);
            double[] box = viewBox(svg);
            if (box == null) continue;
            Fit fit = fit(box[0], box[1], smallestText(svg));
            svg.setAttribute("style", "width: " + num(fit.widthPt()) + "pt; height: " + num(fit.heightPt())
                    + "pt; max-width: none; max-height: none;");
            if (!fit.ownPage()) continue;
            String page = "e2ee-drawing-" + (i + 1);
            css.append("\n@page ").append(page).append(" { size: ").append(num(fit.pageWidthMm())).append("mm ")
                    .append(num(fit.pageHeightMm())).append("mm; margin: ").append(num(TOP_MM)).append("mm ")
                    .append(num(SIDE_MM)).append("mm ").append(num(FOOT_MM)).append("mm; }\n");
            Element figure = figure(svg);
            Element placed = figure == null ? svg : figure;
            String style = placed.getAttribute("style");
            placed.setAttribute("style", (style.isEmpty() ? "" : style + "; ") + "page: " + page
                    + "; margin: 0; padding: 0; border: none; max-width: none;");
        }
        return css.toString();
    }

    /**
     * The largest scale at most natural size at which the smallest text is at least 7 pt, on the
     * first page that holds it: the document's A4 width, then each A size turned whichever way
     * holds it larger.
     */
    static Fit fit(double width, double height, double smallestText) {
        double least = MIN_TEXT_PT / smallestText;
        double inFlow = Math.min(NATURAL, A4_TEXT_WIDTH_MM * PT_PER_MM / width);
        if (inFlow >= least && height * inFlow <= (297 - 36 - CAPTION_MM) * PT_PER_MM) {
            return new Fit(width * inFlow, height * inFlow, 0, 0);
        }
        for (double[] paper : PAPER) {
            double upright = scale(width, height, paper[0], paper[1]);
            double turned = scale(width, height, paper[1], paper[0]);
            double best = Math.max(upright, turned);
            if (best >= least) {
                boolean landscape = turned >= upright;
                return new Fit(width * best, height * best, landscape ? paper[1] : paper[0],
                        landscape ? paper[0] : paper[1]);
            }
        }
        double w = width * least / PT_PER_MM + 2 * SIDE_MM;
        double h = height * least / PT_PER_MM + TOP_MM + FOOT_MM + CAPTION_MM;
        return new Fit(width * least, height * least, Math.ceil(w), Math.ceil(h));
    }

    private static double scale(double width, double height, double pageWidthMm, double pageHeightMm) {
        double w = (pageWidthMm - 2 * SIDE_MM) * PT_PER_MM;
        double h = (pageHeightMm - TOP_MM - FOOT_MM - CAPTION_MM) * PT_PER_MM;
        return Math.min(NATURAL, Math.min(w / width, h / height));
    }

    /**
     * Batik draws SVG 1.1 and refuses the whole drawing over SVG 2's orient="auto-start-reverse"; at a
     * line's end, where the diagram puts its arrows, that is the same as "auto".
     */
    static void forBatik(Element svg) {
        NodeList markers = svg.getElementsByTagNameNS(SVG, "marker");
        for (int i = 0; i < markers.getLength(); i++) {
            Element m = (Element) markers.item(i);
            if ("auto-start-reverse".equals(m.getAttribute("orient"))) m.setAttribute("orient", "auto");
        }
        // Batik refuses to fetch a style sheet's @import, as it refuses every outside resource here, but then fails
        // on the whole drawing; nothing it could import would be drawn anyway.
        NodeList styles = svg.getElementsByTagNameNS(SVG, "style");
        for (int i = 0; i < styles.getLength(); i++) {
            Element style = (Element) styles.item(i);
            String css = style.getTextContent();
            if (css.contains("@import")) style.setTextContent(IMPORT.matcher(css).replaceAll(""));
        }
    }

    /** The drawing's width and height in user units, from its viewBox, or null without one. */
    static double[] viewBox(Element svg) {
        String[] parts = svg.getAttribute("viewBox").trim().split("[\\s,]+");
        if (parts.length != 4) return null;
        try {
            double w = Double.parseDouble(parts[2]);
            double h = Double.parseDouble(parts[3]);
            return w > 0 && h > 0 && Double.isFinite(w) && Double.isFinite(h) ? new double[] {w, h} : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The smallest font-size the drawing sets (in user units); SVG's default, 16, if it sets none. */
    static double smallestText(Element svg) {
        double least = Double.MAX_VALUE;
        NodeList all = svg.getElementsByTagNameNS(SVG, "*");
        for (int i = -1; i < all.getLength(); i++) {
            Element e = i < 0 ? svg : (Element) all.item(i);
            String size = e.getAttribute("font-size").trim().toLowerCase(Locale.ROOT);
            if (size.endsWith("px")) size = size.substring(0, size.length() - 2);
            try {
                double s = Double.parseDouble(size);
                if (s > 0) least = Math.min(least, s);
            } catch (NumberFormatException ignored) {
                // a relative or absent size: the inherited one stands
            }
        }
        return least == Double.MAX_VALUE ? 16 : least;
    }

    /** What a screen reader says for the drawing: its title and description, then the figure's caption. */
    static String alt(Element svg) {
        List<String> parts = new ArrayList<>();
        for (String name : List.of("title", "desc")) {
            Element e = child(svg, SVG, name);
            if (e != null && !e.getTextContent().isBlank()) parts.add(sentence(e.getTextContent()));
        }
        Element figure = figure(svg);
        Element caption = figure == null ? null : child(figure, figure.getNamespaceURI(), "figcaption");
        if (caption != null && !caption.getTextContent().isBlank()) parts.add(sentence(caption.getTextContent()));
        return parts.isEmpty() ? "Diagram." : String.join(" ", parts);
    }

    private static String sentence(String text) {
        String s = text.strip().replaceAll("\\s+", " ");
        return s.endsWith(".") ? s : s + ".";
    }

    private static Element figure(Element svg) {
        return svg.getParentNode() instanceof Element p && "figure".equals(p.getLocalName()) ? p : null;
    }

    private static Element child(Element parent, String ns, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && name.equals(e.getLocalName())
                    && (ns == null ? e.getNamespaceURI() == null : ns.equals(e.getNamespaceURI()))) return e;
        }
        return null;
    }

    private static String num(double d) {
        return String.format(Locale.ROOT, "%.2f", d);
    }
}
