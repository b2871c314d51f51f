package org.e2eereview.report.pdf;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Numbers each ordered list's items in their own text. openhtmltopdf draws a page's list markers
 * apart from, and ahead of, the page's text, so that copying a page or reading it without its tags
 * gave a run of stray numbers before the items they number; and a generated ::before number is
 * tagged as a second list item inside the first, which PDF/UA forbids.
 */
final class Lists {

    static final String LIST_CLASS = "e2ee-numbered";
    static final String NUMBER_CLASS = "e2ee-number";
    /** A list numbered past 9, whose numbers need more room. */
    static final String WIDE_CLASS = "e2ee-wide";

    private Lists() {
    }

    static void number(Document dom) {
        for (Element ol : Dom.elements(dom.getElementsByTagNameNS("*", "ol"))) {
            int n = start(ol);
            int items = 0;
            for (Node kid = ol.getFirstChild(); kid != null; kid = kid.getNextSibling()) {
                if (kid instanceof Element li && "li".equals(li.getLocalName())) items++;
            }
            ol.setAttribute("class", (ol.getAttribute("class") + " " + LIST_CLASS
                    + (n + items - 1 >= 10 ? " " + WIDE_CLASS : "")).strip());
            for (Node kid = ol.getFirstChild(); kid != null; kid = kid.getNextSibling()) {
                if (!(kid instanceof Element li) || !"li".equals(li.getLocalName())) continue;
                Element number = dom.createElementNS(li.getNamespaceURI(), "span");
                number.setAttribute("class", NUMBER_CLASS);
                number.setTextContent(n++ + ". ");
                li.insertBefore(number, li.getFirstChild());
            }
        }
    }

    private static int start(Element ol) {
        try {
            return ol.hasAttribute("start") ? Integer.parseInt(ol.getAttribute("start").strip()) : 1;
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
