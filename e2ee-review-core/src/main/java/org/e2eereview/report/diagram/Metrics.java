package org.e2eereview.report.diagram;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;

/**
 * Text widths from the advance widths of the DejaVu Sans faces the jar bundles for the PDF, so
 * that a shape sized for its label holds it when drawn in that font, and the layout is the same on
 * every machine. The TrueType tables are read here rather than through the PDF's font library:
 * drawing must not depend on the PDF, and four tables are all it takes. Kerning is ignored (it
 * only narrows text); a character the font lacks counts as a full em, wider than most fallbacks.
 */
final class Metrics {

    /** Where the PDF's bundled fonts live in the jar (see report.pdf.BundledFonts). */
    private static final String FOLDER = "/net/sf/jasperreports/fonts/dejavu/";

    private static final Metrics REGULAR = load("DejaVuSans.ttf");
    private static final Metrics BOLD = load("DejaVuSans-Bold.ttf");

    /** Advance of every BMP character in ems; NaN where the font has no glyph. */
    private final float[] advance;

    private Metrics(float[] advance) {
        this.advance = advance;
    }

    /** The width of text at the given font size, in the same units as the size. */
    static double width(String text, double size, boolean bold) {
        float[] a = (bold ? BOLD : REGULAR).advance;
        double ems = 0;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            float w = c < a.length ? a[c] : Float.NaN;
            ems += Float.isNaN(w) ? 1 : w;
        }
        return ems * size;
    }

    private static Metrics load(String name) {
        try (InputStream in = Metrics.class.getResourceAsStream(FOLDER + name)) {
            if (in == null) throw new IllegalStateException("font " + name + " is missing from the jar");
            return new Metrics(advances(ByteBuffer.wrap(in.readAllBytes())));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the bundled font " + name + ": " + e.getMessage(), e);
        }
    }

    /** Maps each BMP character through the Windows Unicode cmap (format 4) to its glyph's advance. */
    static float[] advances(ByteBuffer font) {
        int head = table(font, "head");
        int hhea = table(font, "hhea");
        int hmtx = table(font, "hmtx");
        int cmap = table(font, "cmap");
        double unitsPerEm = font.getShort(head + 18) & 0xFFFF;
        int metrics = font.getShort(hhea + 34) & 0xFFFF;
        int sub = -1;
        int subtables = font.getShort(cmap + 2) & 0xFFFF;
        for (int i = 0; i < subtables; i++) {
            int rec = cmap + 4 + 8 * i;
            int platform = font.getShort(rec) & 0xFFFF;
            int encoding = font.getShort(rec + 2) & 0xFFFF;
            int at = cmap + font.getInt(rec + 4);
            if (((platform == 3 && encoding == 1) || platform == 0) && (font.getShort(at) & 0xFFFF) == 4) sub = at;
        }
        if (sub < 0) throw new IllegalStateException("the bundled font has no Unicode character map");
        float[] out = new float[0x10000];
        java.util.Arrays.fill(out, Float.NaN);
        int segments = (font.getShort(sub + 6) & 0xFFFF) / 2;
        int ends = sub + 14;
        int starts = ends + 2 * segments + 2;
        int deltas = starts + 2 * segments;
        int ranges = deltas + 2 * segments;
        for (int s = 0; s < segments; s++) {
            int end = font.getShort(ends + 2 * s) & 0xFFFF;
            int start = font.getShort(starts + 2 * s) & 0xFFFF;
            int delta = font.getShort(deltas + 2 * s);
            int range = font.getShort(ranges + 2 * s) & 0xFFFF;
            for (int c = start; c <= end && c != 0xFFFF; c++) {
                int glyph;
                if (range == 0) {
                    glyph = (c + delta) & 0xFFFF;
                } else {
                    glyph = font.getShort(ranges + 2 * s + range + 2 * (c - start)) & 0xFFFF;
                    if (glyph != 0) glyph = (glyph + delta) & 0xFFFF;
                }
                if (glyph == 0) continue;
                int m = Math.min(glyph, metrics - 1);
                out[c] = (float) ((font.getShort(hmtx + 4 * m) & 0xFFFF) / unitsPerEm);
            }
        }
        return out;
    }

    private static int table(ByteBuffer font, String tag) {
        int tables = font.getShort(4) & 0xFFFF;
        for (int i = 0; i < tables; i++) {
            int rec = 12 + 16 * i;
            String name = new String(new byte[] {font.get(rec), font.get(rec + 1), font.get(rec + 2), font.get(rec + 3)},
                    java.nio.charset.StandardCharsets.ISO_8859_1);
            if (name.equals(tag)) return font.getInt(rec + 8);
        }
        throw new IllegalStateException("the bundled font has no " + tag + " table");
    }
}
