package org.e2eereview.report.pdf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.TimeZone;

import javax.xml.transform.TransformerException;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.xmpbox.XMPMetadata;
import org.apache.xmpbox.schema.AdobePDFSchema;
import org.apache.xmpbox.schema.DublinCoreSchema;
import org.apache.xmpbox.schema.XMPBasicSchema;
import org.apache.xmpbox.schema.XMPSchema;
import org.apache.xmpbox.xml.XmpSerializer;
import org.e2eereview.report.view.ReportView;

/**
 * The document information and its XMP copy, written once the pages are: what a reader's title bar,
 * a library catalogue and a PDF/UA checker read. The model is named by its file name alone, since a
 * submission is published and the folder it was made in is the author's own business. Dates are the
 * review's date, and the file identifier is derived from the content, so the same input gives the
 * same bytes.
 */
final class Metadata {

    static final String PDFUA_NAMESPACE = "http://www.aiim.org/pdfua/ns/id/";

    private Metadata() {
    }

    /** What the document says of itself; author may be null. */
    record Info(String title, String author, String subject, String keywords, String tool, String today) {

        static Info of(ReportView view) {
            return new Info(view.submission() == null ? "Consultation submission: " + view.model().system()
                            : view.submission().title(),
                    view.submission() == null ? null : view.submission().organisation(),
                    "Review of " + fileName(view.model().file()) + " (sha256 " + view.model().sha256() + ")",
                    "end-to-end encryption; lawful access; consultation submission",
                    "e2ee-review " + view.tool().version(), view.today());
        }
    }

    static void write(PDDocument pdf, Info about, String xhtml) throws IOException {
        String tool = about.tool();
        String title = about.title();
        String subject = about.subject();
        String keywords = about.keywords();
        String author = about.author();
        Calendar date = date(about.today());

        // A fresh dictionary: the renderer copies every <meta name> of the page into it, which a template could
        // use to carry anything.
        PDDocumentInformation info = new PDDocumentInformation();
        info.setTitle(title);
        info.setAuthor(author);
        info.setSubject(subject);
        info.setKeywords(keywords);
        info.setCreator(tool);
        info.setProducer(tool);
        info.setCreationDate(date);
        info.setModificationDate(date);
        pdf.setDocumentInformation(info);

        XMPMetadata xmp = XMPMetadata.createXMPMetadata();
        DublinCoreSchema dc = xmp.createAndAddDublinCoreSchema();
        dc.setFormat("application/pdf");
        dc.setTitle(title);
        dc.setDescription(subject);
        if (author != null) dc.addCreator(author);
        AdobePDFSchema adobe = xmp.createAndAddAdobePDFSchema();
        adobe.setProducer(tool);
        adobe.setKeywords(keywords);
        XMPBasicSchema basic = xmp.createAndAddXMPBasicSchema();
        basic.setCreatorTool(tool);
        basic.setCreateDate(date);
        basic.setModifyDate(date);
        basic.setMetadataDate(date);
        XMPSchema ua = new XMPSchema(xmp, PDFUA_NAMESPACE, "pdfuaid");
        ua.setTextPropertyValue("part", "1");
        xmp.addSchema(ua);
        PDMetadata stream = new PDMetadata(pdf);
        stream.importXMPMetadata(serialize(xmp));
        pdf.getDocumentCatalog().setMetadata(stream);

        byte[] id = Arrays.copyOf(sha256(xhtml), 16);
        COSArray ids = new COSArray();
        ids.add(new COSString(id));
        ids.add(new COSString(id));
        pdf.getDocument().getTrailer().setItem(COSName.ID, ids);
    }

    /** The last name of the path as the model was given, whatever the separator. */
    static String fileName(String file) {
        String name = file.substring(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);
        try {
            Path p = Path.of(name).getFileName();
            return p == null ? name : p.toString();
        } catch (InvalidPathException e) {
            return name;
        }
    }

    private static byte[] serialize(XMPMetadata xmp) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            new XmpSerializer().serialize(xmp, out, true);
        } catch (TransformerException e) {
            throw new IOException("cannot write the XMP metadata: " + e.getMessage(), e);
        }
        return out.toByteArray();
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
