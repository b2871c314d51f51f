package org.e2eereview.report.diagram;

import java.util.ArrayList;
import java.util.List;

import org.e2eereview.report.escape.Xml;

/**
 * How a figure laid out in SVG user units is written: with its size in points as well as its
 * viewBox, so that a browser or a PDF renderer places it at a known size (one unit is one CSS
 * pixel, 0.75 pt), and, for print, on A4 pages at a scale at which no text is smaller than 7 pt,
 * cut into overlapping parts when no single page can hold it at that scale.
 */
final class Canvas {

    static final double PT_PER_UNIT = 0.75;
    static final double MIN_PRINT_PT = 7;
    static final String FONT_FAMILY = "DejaVu Sans, Verdana, sans-serif";

    /** A4 inside the page style's margins (16 mm at the sides, 18 mm top and bottom), in points. */
    static final double PORTRAIT_WIDTH = mm(210 - 32);
    static final double LANDSCAPE_WIDTH = mm(297 - 32);
    /** Page heights less room for a heading and a caption on the figure's page. */
    static final double PORTRAIT_HEIGHT = mm(297 - 36) - 72;
    static final double LANDSCAPE_HEIGHT = mm(210 - 36) - 72;
    /** What a part repeats of its neighbour, so that nothing is lost on the cut. */
    static final double OVERLAP = 24;

    /** Writes the figure's content; {@code id} prefixes every id in it, so that copies can share a page. */
    interface Body {
        void write(StringBuilder svg, String id);
    }

    /**
     * @param smallestFont the smallest font size used in it, in units: what print must keep at 7 pt
     */
    record Figure(double width, double height, String title, double smallestFont, Body body) {
    }

    /** The figure for print: on landscape pages or not, in one or more parts, each with its size in points. */
    record Print(boolean landscape, List<String> pages) {
    }

    private Canvas() {
    }

    /** The whole figure at its natural size. */
    static String svg(Figure f, String id) {
        return svg(f, id, f.title(), 0, 0, f.width(), f.height(), PT_PER_UNIT);
    }

    /**
     * The figure on as few A4 pages as keep its smallest text at 7 pt or more: scaled to one portrait
     * page if it fits there, else one landscape page, else cut into landscape parts, row by row.
     */
    static Print print(Figure f, String id) {
        double least = MIN_PRINT_PT / f.smallestFont();
        double portrait = Math.min(PT_PER_UNIT, Math.min(PORTRAIT_WIDTH / f.width(), PORTRAIT_HEIGHT / f.height()));
        if (portrait >= least) return new Print(false, List.of(svg(f, id + "-print", f.title(), 0, 0, f.width(), f.height(), portrait)));
        double landscape = Math.min(PT_PER_UNIT, Math.min(LANDSCAPE_WIDTH / f.width(), LANDSCAPE_HEIGHT / f.height()));
        if (landscape >= least) {
            return new Print(true, List.of(svg(f, id + "-print", f.title(), 0, 0, f.width(), f.height(), landscape)));
        }
        // A little above the least, so that rounding in a renderer cannot take text below 7 pt.
        double scale = Math.min(PT_PER_UNIT, least * 1.05);
        double w = LANDSCAPE_WIDTH / scale;
        double h = LANDSCAPE_HEIGHT / scale;
        int columns = parts(f.width(), w);
        int rows = parts(f.height(), h);
        List<String> pages = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                double x = Math.min(c * (w - OVERLAP), Math.max(0, f.width() - w));
                double y = Math.min(r * (h - OVERLAP), Math.max(0, f.height() - h));
                double pw = Math.min(w, f.width() - x);
                double ph = Math.min(h, f.height() - y);
                String title = f.title() + ", part " + (pages.size() + 1) + " of " + rows * columns + " (row " + (r + 1)
                        + " of " + rows + ", column " + (c + 1) + " of " + columns + ")";
                pages.add(svg(f, id + "-part" + (pages.size() + 1), title, x, y, pw, ph, scale));
            }
        }
        return new Print(true, List.copyOf(pages));
    }

    private static int parts(double length, double page) {
        return length <= page ? 1 : (int) Math.ceil((length - OVERLAP) / (page - OVERLAP));
    }

    private static String svg(Figure f, String id, String title, double x, double y, double w, double h, double scale) {
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"figure\" role=\"img\" aria-labelledby=\"")
                .append(id).append("-title\" viewBox=\"").append(num(x)).append(' ').append(num(y)).append(' ')
                .append(num(w)).append(' ').append(num(h)).append("\" width=\"").append(num(w * scale))
                .append("pt\" height=\"").append(num(h * scale)).append("pt\" font-family=\"").append(FONT_FAMILY)
                .append("\" font-size=\"12\">\n");
        svg.append("<title id=\"").append(id).append("-title\">").append(Xml.text(title)).append("</title>\n");
        f.body().write(svg, id);
        svg.append("</svg>\n");
        return svg.toString();
    }

    private static double mm(double mm) {
        return mm / 25.4 * 72;
    }

    /** A coordinate with one decimal at most, written the same on every machine. */
    static String num(double v) {
        long r = Math.round(v * 10);
        return r % 10 == 0 ? Long.toString(r / 10) : (r < 0 && r > -10 ? "-" : "") + (r / 10) + "." + Math.abs(r % 10);
    }

    /**
     * A line of text whose drawn width is fixed to its measured width, so that it stays inside the shape
     * sized for it whatever font the reader's machine substitutes.
     */
    static void text(StringBuilder svg, double x, double y, String text, double size, boolean bold, String fill,
                     String anchor) {
        double width = Metrics.width(org.e2eereview.report.escape.Inert.text(text), size, bold);
        svg.append("<text x=\"").append(num(x)).append("\" y=\"").append(num(y)).append('"');
        if (anchor != null) svg.append(" text-anchor=\"").append(anchor).append('"');
        if (size != 12) svg.append(" font-size=\"").append(num(size)).append('"');
        if (bold) svg.append(" font-weight=\"bold\"");
        svg.append(" fill=\"").append(fill).append('"');
        if (width > 0) svg.append(" textLength=\"").append(num(width)).append("\" lengthAdjust=\"spacingAndGlyphs\"");
        svg.append('>').append(Xml.text(text)).append("</text>");
    }

    /** The width a line of text takes, as {@link #text} draws it. */
    static double width(String text, double size, boolean bold) {
        return Metrics.width(org.e2eereview.report.escape.Inert.text(text), size, bold);
    }

    /** Words in lines no wider than the given width; a word wider than that is broken between characters. */
    static List<String> wrap(String text, double max, double size, boolean bold) {
        List<String> out = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            String candidate = line.length() == 0 ? word : line + " " + word;
            if (width(candidate, size, bold) <= max) {
                line.setLength(0);
                line.append(candidate);
                continue;
            }
            if (line.length() > 0) out.add(line.toString());
            line.setLength(0);
            for (int i = 0; i < word.length(); ) {
                int c = word.codePointAt(i);
                if (line.length() > 0 && width(line + Character.toString(c), size, bold) > max) {
                    out.add(line.toString());
                    line.setLength(0);
                }
                line.appendCodePoint(c);
                i += Character.charCount(c);
            }
        }
        out.add(line.toString());
        return out;
    }
}
