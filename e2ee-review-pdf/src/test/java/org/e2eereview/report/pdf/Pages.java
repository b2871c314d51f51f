package org.e2eereview.report.pdf;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDMarkedContentReference;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureNode;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * A PDF's pages as a reader sees them: each page drawn to an image, and its text lines with where
 * they sit and how large they are. Set -De2ee.pdf.png=DIR to keep the images for a look.
 */
final class Pages {

    static final float DPI = 36;
    static final float PT_PER_MM = 72 / 25.4f;
    /** The page's foot margin (page-style.ftl and the drawing pages): the page number lives there. */
    static final float FOOT_PT = 18 * PT_PER_MM;
    static final float GAP_PT = 8;

    /** A line of text: its page (from 0), the top and bottom of its glyphs in points from the page's top. */
    record Line(int page, String text, float top, float bottom, float size) {
    }

    /** A page: its height in points, its lines above the foot margin, and its drawing. */
    record Page(int index, float width, float height, List<Line> lines, BufferedImage image, boolean drawing) {

        /**
         * Runs of rows of the drawing (in points from the top) that hold ink, above the foot margin; a gap of less
         * than {@link #GAP_PT} does not end a run, so a dashed border is one run.
         */
        List<float[]> inkBands() {
            List<float[]> bands = new ArrayList<>();
            int bottom = (int) ((height - FOOT_PT) * DPI / 72);
            float[] open = null;
            for (int y = 0; y < Math.min(bottom, image.getHeight()); y++) {
                boolean ink = false;
                for (int x = 0; x < image.getWidth() && !ink; x++) ink = (image.getRGB(x, y) & 0xff) < 235;
                float pt = y * 72 / DPI;
                if (!ink) continue;
                if (open != null && pt - open[1] < GAP_PT) {
                    open[1] = pt + 72 / DPI;
                } else {
                    if (open != null) bands.add(open);
                    open = new float[] {pt, pt + 72 / DPI};
                }
            }
            if (open != null) bands.add(open);
            return bands;
        }
    }

    private Pages() {
    }

    static List<Page> of(byte[] pdf, String name) throws IOException {
        List<Page> pages = new ArrayList<>();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDFRenderer renderer = new PDFRenderer(doc);
            String keep = System.getProperty("e2ee.pdf.png");
            Set<PDPage> drawings = new HashSet<>();
            figures(doc.getDocumentCatalog().getStructureTreeRoot(), false, drawings);
            for (int i = 0; i < doc.getNumberOfPages(); i++) {
                float w = doc.getPage(i).getMediaBox().getWidth();
                float h = doc.getPage(i).getMediaBox().getHeight();
                BufferedImage image = renderer.renderImageWithDPI(i, DPI, ImageType.GRAY);
                if (keep != null) {
                    Path dir = Files.createDirectories(Path.of(keep));
                    ImageIO.write(renderer.renderImageWithDPI(i, 60, ImageType.RGB), "png",
                            dir.resolve(name.replaceAll("[^A-Za-z0-9-]+", "_") + String.format("-%02d.png", i + 1)).toFile());
                }
                List<Line> lines = new ArrayList<>();
                for (Line l : lines(doc, i)) if (l.bottom() < h - FOOT_PT) lines.add(l);
                pages.add(new Page(i, w, h, lines, image, drawings.contains(doc.getPage(i))));
            }
        }
        return pages;
    }

    /** The pages that hold (part of) a Figure of the structure: a drawing, whose text is drawn as shapes. */
    private static void figures(PDStructureNode node, boolean inFigure, Set<PDPage> out) {
        if (node == null) return;
        boolean figure = inFigure || node instanceof PDStructureElement e && "Figure".equals(e.getStructureType());
        if (figure && node instanceof PDStructureElement e && e.getPage() != null) out.add(e.getPage());
        for (Object kid : node.getKids()) {
            if (kid instanceof PDStructureNode n) figures(n, figure, out);
            else if (figure && kid instanceof PDMarkedContentReference r && r.getPage() != null) out.add(r.getPage());
        }
    }

    /** The page's text lines top to bottom, as the eye groups them (same baseline). */
    static List<Line> lines(PDDocument doc, int page) throws IOException {
        List<Line> lines = new ArrayList<>();
        PDFTextStripper stripper = new PDFTextStripper() {
            @Override
            protected void writeString(String text, List<TextPosition> positions) {
                if (positions.isEmpty() || text.isBlank()) return;
                TextPosition first = positions.get(0);
                float size = 0;
                for (TextPosition p : positions) size = Math.max(size, p.getFontSizeInPt());
                float bottom = first.getYDirAdj();
                float top = bottom - first.getHeightDir();
                Line last = lines.isEmpty() ? null : lines.get(lines.size() - 1);
                if (last != null && Math.abs(last.bottom() - bottom) < 1.5f) {
                    lines.set(lines.size() - 1, new Line(page, last.text() + " " + text, Math.min(last.top(), top),
                            last.bottom(), Math.max(last.size(), size)));
                } else {
                    lines.add(new Line(page, text, top, bottom, size));
                }
            }
        };
        stripper.setSortByPosition(true);
        stripper.setStartPage(page + 1);
        stripper.setEndPage(page + 1);
        stripper.getText(doc);
        return lines;
    }
}
