package org.e2eereview.report.pdf;

import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Puts each table with a header row in a block of its own, which the print style sheet starts only
 * where a few rows fit: openhtmltopdf heeds a minimum height before a page break on a block but not
 * on a table, and otherwise left a table's header row alone at the foot of a page.
 */
final class Tables {

    static final String BLOCK_CLASS = "e2ee-table";
    /**
     * The block of a table marked {@code may-break} by its template: it runs on from where it starts a whole row at
     * a time instead of moving to the next page whole (the submission's proposals table, most of a page long).
     */
    static final String MAY_BREAK_CLASS = "e2ee-table-may-break";

    private Tables() {
    }

    static void keepHeadersWithRows(Document dom) {
        for (Element table : Dom.elements(dom.getElementsByTagNameNS("*", "table"))) {
            if (table.getElementsByTagNameNS("*", "thead").getLength() == 0) continue;
            Element block = dom.createElementNS(table.getNamespaceURI(), "div");
            block.setAttribute("class", mayBreak(table) ? BLOCK_CLASS + " " + MAY_BREAK_CLASS : BLOCK_CLASS);
            table.getParentNode().replaceChild(block, table);
            block.appendChild(table);
        }
    }

    private static boolean mayBreak(Element table) {
        for (String c : table.getAttribute("class").split("\\s+")) if (c.equals("may-break")) return true;
        return false;
    }
}
