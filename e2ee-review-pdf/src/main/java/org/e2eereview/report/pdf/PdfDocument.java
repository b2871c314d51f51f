package org.e2eereview.report.pdf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.logging.Level;
import java.util.logging.Logger;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.FontMappers;
import org.e2eereview.report.view.ReportView;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FSFontUseCase;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer.SvgExternalResourceMode;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer.SvgScriptMode;
import com.openhtmltopdf.util.XRLog;

/**
 * The consultation submission as PDF: the submission's XHTML laid out by openhtmltopdf on PDFBox as
 * a tagged PDF/UA-1 document (structure tree, language, title, alt text), with DejaVu fonts embedded
 * (subsets) so that it reads the same everywhere, and the architecture diagram drawn from its SVG by
 * Batik. The document's dates and identifier come from its content, so the same input gives the
 * same bytes. Nothing is fetched: the only resources the renderer may open are the bundled fonts.
 */
public final class PdfDocument {

    /** Held so that the setting is not collected with the logger: PDFBox warns of every fallback it takes. */
    private static final Logger PDFBOX = Logger.getLogger("org.apache.pdfbox");

    static {
        PDFBOX.setLevel(Level.OFF);
        FontMappers.set(new BundledFonts());
        XRLog.setLoggingEnabled(false);
    }

    private PdfDocument() {
    }

    public static byte[] render(String xhtml, ReportView view) {
        return render(xhtml, Metadata.Info.of(view));
    }

    static byte[] render(String xhtml, Metadata.Info about) {
        Document dom = parse(xhtml);
        prepend(dom, printSheet() + Figures.prepare(dom));
        Tagging.describe(dom);
        Lists.number(dom);
        Tables.keepHeadersWithRows(dom);
        Headings.keepWithBoxes(dom);
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.useFastMode();
        builder.usePdfUaAccessibility(true);
        builder.withW3cDocument(dom, null);
        builder.withProducer(about.tool());
        // Nothing outside the document: every URI resolves to nothing but the bundled fonts.
        builder.useUriResolver((base, uri) -> BundledFonts.isBundled(uri) ? uri : null);
        builder.useProtocolsStreamImplementation(BundledFonts::stream, BundledFonts.SCHEME);
        builder.useHttpStreamImplementation(url -> null);
        // A family the style sheet names but the jar lacks (serif, say, in a user's template) is drawn in DejaVu
        // Sans: a tagged PDF may only use embedded fonts, and the renderer fails rather than fall back to one
        // it cannot embed.
        builder.useFont(() -> BundledFonts.open("DejaVuSans.ttf"), "DejaVu Sans", 400, FontStyle.NORMAL, true,
                EnumSet.of(FSFontUseCase.FALLBACK_FINAL));
        builder.useFont(() -> BundledFonts.open("DejaVuSans-Bold.ttf"), "DejaVu Sans", 700, FontStyle.NORMAL, true,
                EnumSet.of(FSFontUseCase.FALLBACK_FINAL));
        builder.useSVGDrawer(new BatikSVGDrawer(SvgScriptMode.SECURE, SvgExternalResourceMode.SECURE));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PdfBoxRenderer renderer = builder.buildPdfRenderer()) {
            renderer.layout();
            renderer.createPDFWithoutClosing();
            PDDocument pdf = renderer.getPdfDocument();
            Tagging.annotate(pdf);
            Metadata.write(pdf, about, xhtml);
            pdf.save(out);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the PDF: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    /** Parses the XHTML without fetching anything: no DTD, no external entities. */
    static Document parse(String xhtml) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            var parser = f.newDocumentBuilder();
            parser.setErrorHandler(null);
            return parser.parse(new InputSource(new StringReader(xhtml)));
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new IllegalStateException("the submission template did not give well-formed XHTML: " + e.getMessage(), e);
        }
    }

    private static String printSheet() {
        try (InputStream in = PdfDocument.class.getResourceAsStream("print.css")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Puts the PDF's own style sheet first in the head, so that the template's rules come after it and win. */
    private static void prepend(Document dom, String css) {
        Element html = dom.getDocumentElement();
        String ns = html.getNamespaceURI();
        Element head = (Element) html.getElementsByTagNameNS("*", "head").item(0);
        if (head == null) {
            head = dom.createElementNS(ns, "head");
            html.insertBefore(head, html.getFirstChild());
        }
        Element style = dom.createElementNS(ns, "style");
        style.setTextContent(css);
        head.insertBefore(style, head.getFirstChild());
    }
}
