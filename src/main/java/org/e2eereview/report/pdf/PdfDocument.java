package org.e2eereview.report.pdf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.TimeZone;
import java.util.logging.Level;
import java.util.logging.Logger;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.font.FontMappers;
import org.e2eereview.report.view.ReportView;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.XRLog;

/**
 * The consultation submission as PDF: the submission's XHTML laid out by openhtmltopdf on PDFBox,
 * with DejaVu fonts embedded (subsets) so that it reads the same everywhere. The document's dates
 * and identifier come from its content, so the same input gives the same bytes.
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
        Document dom = parse(xhtml);
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.useFastMode();
        builder.withW3cDocument(dom, null);
        builder.useFont(() -> font("DejaVuSans.ttf"), "DejaVu Sans", 400, FontStyle.NORMAL, true);
        builder.useFont(() -> font("DejaVuSans-Bold.ttf"), "DejaVu Sans", 700, FontStyle.NORMAL, true);
        builder.useFont(() -> font("DejaVuSansMono.ttf"), "DejaVu Sans Mono", 400, FontStyle.NORMAL, true);
        builder.withProducer("e2ee-review " + view.tool().version());
        // Nothing outside the document: no images, stylesheets or fonts fetched by URL.
        builder.useUriResolver((base, uri) -> null);
        builder.useHttpStreamImplementation(url -> null);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PdfBoxRenderer renderer = builder.buildPdfRenderer()) {
            renderer.layout();
            renderer.createPDFWithoutClosing();
            PDDocument pdf = renderer.getPdfDocument();
            PDDocumentInformation info = pdf.getDocumentInformation();
            info.setTitle(view.submission().title());
            if (view.submission().organisation() != null) info.setAuthor(view.submission().organisation());
            info.setSubject("Review of " + view.model().fileName() + " (sha256 " + view.model().sha256() + ")");
            info.setCreator("e2ee-review " + view.tool().version());
            Calendar date = date(view.today());
            info.setCreationDate(date);
            info.setModificationDate(date);
            byte[] id = Arrays.copyOf(sha256(xhtml), 16);
            COSArray ids = new COSArray();
            ids.add(new COSString(id));
            ids.add(new COSString(id));
            pdf.getDocument().getTrailer().setItem(COSName.ID, ids);
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

    private static InputStream font(String name) {
        return BundledFonts.open(name);
    }

    private static Calendar date(String today) {
        Calendar c = new GregorianCalendar(TimeZone.getTimeZone(ZoneOffset.UTC));
        c.clear();
        LocalDate d = today == null ? LocalDate.of(2000, 1, 1) : LocalDate.parse(today);
        c.set(d.getYear(), d.getMonthValue() - 1, d.getDayOfMonth(), 0, 0, 0);
        return c;
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
