package org.e2eereview.report.pdf;

import java.util.HashMap;
import java.util.Map;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDObjectReference;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureNode;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureTreeRoot;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * What PDF/UA asks of the structure that openhtmltopdf leaves to the page: a description of where
 * each link goes (it takes a link's title, which the submission does not write), on the link's
 * annotation too, and which way each table header cell applies (it takes every header for a column
 * header, but a header that starts a body row heads that row).
 */
final class Tagging {

    private static final int TARGET_WORDS = 120;

    private Tagging() {
    }

    /** Before layout: titles for links and scopes for header cells, where the page gives none. */
    static void describe(Document dom) {
        Map<String, Element> ids = new HashMap<>();
        for (Element e : Dom.elements(dom.getElementsByTagNameNS("*", "*"))) {
            if (e.hasAttribute("id")) ids.putIfAbsent(e.getAttribute("id"), e);
        }
        for (Element a : Dom.elements(dom.getElementsByTagNameNS("*", "a"))) {
            if (!a.hasAttribute("href") || !a.getAttribute("title").isBlank()) continue;
            String text = words(a.getTextContent());
            String href = a.getAttribute("href");
            Element target = href.startsWith("#") ? ids.get(href.substring(1)) : null;
            String to = target == null ? "" : shorten(words(target.getTextContent()));
            a.setAttribute("title", to.isEmpty() || to.equals(text) ? text.isEmpty() ? href : text : text + ": " + to);
        }
        for (Element th : Dom.elements(dom.getElementsByTagNameNS("*", "th"))) {
            if (th.hasAttribute("scope")) continue;
            boolean inBody = th.getParentNode() instanceof Element row && row.getParentNode() instanceof Element group
                    && !"thead".equals(group.getLocalName()) && row.getElementsByTagNameNS("*", "td").getLength() > 0;
            th.setAttribute("scope", inBody ? "row" : "col");
        }
    }

    /** After layout: each link annotation carries its link's description, as PDF/UA's Contents. */
    static void annotate(PDDocument pdf) {
        PDStructureTreeRoot root = pdf.getDocumentCatalog().getStructureTreeRoot();
        if (root != null) for (Object kid : root.getKids()) annotate(kid);
    }

    private static void annotate(Object node) {
        if (!(node instanceof PDStructureNode n)) return;
        String alt = n instanceof PDStructureElement e && "Link".equals(e.getStructureType())
                ? e.getAlternateDescription() : null;
        for (Object kid : n.getKids()) {
            if (alt != null && kid instanceof PDObjectReference ref
                    && ref.getReferencedObject() instanceof PDAnnotation annotation && annotation.getContents() == null) {
                annotation.setContents(alt);
            }
            annotate(kid);
        }
    }

    private static String words(String text) {
        return text.strip().replaceAll("\\s+", " ");
    }

    private static String shorten(String text) {
        if (text.length() <= TARGET_WORDS) return text;
        int cut = text.lastIndexOf(' ', TARGET_WORDS);
        return text.substring(0, cut > 0 ? cut : TARGET_WORDS) + "…";
    }
}
