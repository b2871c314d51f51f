package org.e2eereview.report.pdf;

import java.io.IOException;
import java.io.InputStream;

import org.apache.fontbox.FontBoxFont;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.font.CIDFontMapping;
import org.apache.pdfbox.pdmodel.font.FontMapper;
import org.apache.pdfbox.pdmodel.font.FontMapping;
import org.apache.pdfbox.pdmodel.font.PDCIDSystemInfo;
import org.apache.pdfbox.pdmodel.font.PDFontDescriptor;

/**
 * Answers PDFBox's every request for a font not embedded in the document with the bundled DejaVu
 * Sans. PDFBox would otherwise scan the machine's fonts and write a cache into the user's home
 * directory whenever the renderer registers the standard PDF fonts: slow, machine-dependent and a
 * write nobody asked for. The submission itself uses only fonts it embeds.
 */
final class BundledFonts implements FontMapper {

    static final String FOLDER = "/net/sf/jasperreports/fonts/dejavu/";

    private TrueTypeFont sans;

    static InputStream open(String name) {
        InputStream in = BundledFonts.class.getResourceAsStream(FOLDER + name);
        if (in == null) throw new IllegalStateException("font " + name + " is missing from the jar");
        return in;
    }

    private synchronized TrueTypeFont sans() {
        if (sans == null) {
            try (InputStream in = open("DejaVuSans.ttf")) {
                sans = new TTFParser().parse(new RandomAccessReadBuffer(in));
            } catch (IOException e) {
                throw new IllegalStateException("cannot read the bundled font: " + e.getMessage(), e);
            }
        }
        return sans;
    }

    @Override
    public FontMapping<TrueTypeFont> getTrueTypeFont(String baseFont, PDFontDescriptor descriptor) {
        return new FontMapping<>(sans(), true);
    }

    @Override
    public FontMapping<FontBoxFont> getFontBoxFont(String baseFont, PDFontDescriptor descriptor) {
        return new FontMapping<>(sans(), true);
    }

    @Override
    public CIDFontMapping getCIDFont(String baseFont, PDFontDescriptor descriptor, PDCIDSystemInfo cidSystemInfo) {
        return new CIDFontMapping(null, sans(), true);
    }
}
