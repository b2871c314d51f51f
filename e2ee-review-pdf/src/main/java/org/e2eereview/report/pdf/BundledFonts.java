package org.e2eereview.report.pdf;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Set;

import org.apache.fontbox.FontBoxFont;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.font.CIDFontMapping;
import org.apache.pdfbox.pdmodel.font.FontMapper;
import org.apache.pdfbox.pdmodel.font.FontMapping;
import org.apache.pdfbox.pdmodel.font.PDCIDSystemInfo;
import org.apache.pdfbox.pdmodel.font.PDFontDescriptor;

import com.openhtmltopdf.extend.FSStream;

/**
 * Answers PDFBox's every request for a font not embedded in the document with the bundled DejaVu
 * Sans. PDFBox would otherwise scan the machine's fonts and write a cache into the user's home
 * directory whenever the renderer registers the standard PDF fonts: slow, machine-dependent and a
 * write nobody asked for. The submission itself uses only fonts it embeds, which its style sheet
 * names as {@code bundled-font:FILE}: the one kind of URI the renderer may open.
 */
final class BundledFonts implements FontMapper {

    static final String FOLDER = "/net/sf/jasperreports/fonts/dejavu/";
    static final String SCHEME = "bundled-font";
    private static final int GSUB = tag("GSUB");
    private static final int HIDDEN_GSUB = tag("gsub");
    private static final Set<String> FILES = Set.of("DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSansMono.ttf");

    private TrueTypeFont sans;

    /** The font, without its glyph substitutions (see {@link #withoutSubstitutions}). */
    static InputStream open(String name) {
        try (InputStream in = BundledFonts.class.getResourceAsStream(FOLDER + name)) {
            if (in == null) throw new IllegalStateException("font " + name + " is missing from the jar");
            return new ByteArrayInputStream(withoutSubstitutions(in.readAllBytes()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The font file with its GSUB table hidden under another tag. PDFBox applies a font's Latin
     * ligatures when it writes text, so that "fi" in an id was drawn, and copied, as the one
     * character U+FB01; ids and code must copy as they were written. DejaVu's other substitutions
     * serve scripts PDFBox does not shape anyway, and the subset it embeds leaves the table out.
     */
    static byte[] withoutSubstitutions(byte[] ttf) {
        ByteBuffer b = ByteBuffer.wrap(ttf);
        int tables = b.getShort(4) & 0xffff;
        for (int i = 0; i < tables; i++) {
            int at = 12 + 16 * i;
            if (b.getInt(at) == GSUB) b.putInt(at, HIDDEN_GSUB);
        }
        return ttf;
    }

    static boolean isBundled(String uri) {
        return uri != null && uri.startsWith(SCHEME + ":") && FILES.contains(uri.substring(SCHEME.length() + 1));
    }

    /** The renderer's stream for a bundled-font URI; anything else opens nothing. */
    static FSStream stream(String uri) {
        if (!isBundled(uri)) return null;
        String name = uri.substring(SCHEME.length() + 1);
        return new FSStream() {
            @Override
            public InputStream getStream() {
                return open(name);
            }

            @Override
            public Reader getReader() {
                return new InputStreamReader(open(name), StandardCharsets.ISO_8859_1);
            }
        };
    }

    private static int tag(String name) {
        return ByteBuffer.wrap(name.getBytes(StandardCharsets.US_ASCII)).getInt();
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
