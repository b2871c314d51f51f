package org.e2eereview.report.pdf;

import java.util.ArrayList;
import java.util.List;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Holds each heading that a box (a finding, say) follows together with that box, in a block the
 * print style sheet keeps whole: openhtmltopdf moves a box that must not break to the next page
 * but leaves the heading before it at the foot of this one, whatever the heading's
 * page-break-after says.
 */
final class Headings {

    static final String KEEP_CLASS = "e2ee-keep";

    private Headings() {
    }

    static void keepWithBoxes(Document dom) {
        List<Element> headings = new ArrayList<>();
        for (String h : List.of("h2", "h3", "h4")) {
            headings.addAll(Dom.elements(dom.getElementsByTagNameNS("*", h)));
        }
        for (Element heading : headings) {
            Element next = nextElement(heading);
            if (next == null || !"div".equals(next.getLocalName())) continue;
            // A table that runs on from where it starts needs no keeping: its own minimum height holds its first rows
            // under the heading, and kept whole with it, it moved both to the next page.
            // Nor does the box of the design's own weaknesses, which runs on a whole item at a time: kept whole with its
            // heading, a box of six weaknesses moved to the next page and left half a page empty.
            String classes = " " + next.getAttribute("class") + " ";
            if (classes.contains(" " + Tables.MAY_BREAK_CLASS + " ") || classes.contains(" verdict ")) continue;
            Element keep = dom.createElementNS(heading.getNamespaceURI(), "div");
            keep.setAttribute("class", KEEP_CLASS);
            heading.getParentNode().insertBefore(keep, heading);
            keep.appendChild(heading);
            keep.appendChild(next);
        }
    }

    private static Element nextElement(Element e) {
        for (Node n = e.getNextSibling(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element next) return next;
            if (!n.getTextContent().isBlank()) return null;
        }
        return null;
    }
}
