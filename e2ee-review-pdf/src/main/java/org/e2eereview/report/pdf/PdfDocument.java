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
        // A submission's body is read to its end on at most six pages: one that runs over is set again in the
        // type print.css gives each step of body.e2ee-fit (10 pt, then 9.5 pt against 10.5 pt), as a typesetter
        // would, rather than lose a line of what it says. Laid out once when it fits, as every example's does.
        for (int fit = 0; ; fit++) {
            try (PdfBoxRenderer renderer = builder(dom, about).buildPdfRenderer()) {
                renderer.layout();
                if (fit < FITS && bodyPages(renderer) > BODY_PAGES) {
                    fit(dom, fit + 1);
                    continue;
                }
                renderer.createPDFWithoutClosing();
                PDDocument pdf = renderer.getPdfDocument();
                Tagging.annotate(pdf);
                Metadata.write(pdf, about, xhtml);
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                pdf.save(out);
                return out.toByteArray();
            } catch (IOException e) {
                throw new IllegalStateException("cannot write the PDF: " + e.getMessage(), e);
            }
        }
    }

    /** The pages a submission's body may take before its annexes (issue 16: a body a ministry reads to the end). */
    static final int BODY_PAGES = 6;
    /** The steps of smaller type print.css has for a body that runs over ({@code body.e2ee-fit-1}, ...). */
    static final int FITS = 2;

    /** The pages before the first annex; a document without annexes (a team's own template) has no body to fit. */
    private static int bodyPages(PdfBoxRenderer renderer) {
        var annex = renderer.getSharedContext().getBoxById("annex-a");
        if (annex == null) return 0;
        // Its page in the laid-out document (the first is 0): the pages before it are the body.
        return renderer.getRootBox().getLayer().getPageIndex(annex.getAbsY());
    }

    private static void fit(Document dom, int step) {
        Element body = (Element) dom.getElementsByTagNameNS("*", "body").item(0);
        if (body == null) return;
        String classes = body.getAttribute("class").replaceAll("\\be2ee-fit-\\d\\b", "").trim();
        body.setAttribute("class", (classes.isEmpty() ? "" : classes + " ") + "e2ee-fit-" + step);
    }

    private static PdfRendererBuilder builder(Document dom, Metadata.Info about) {
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
        return builder;
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
