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

    private Tables() {
    }

    static void keepHeadersWithRows(Document dom) {
        for (Element table : Dom.elements(dom.getElementsByTagNameNS("*", "table"))) {
            if (table.getElementsByTagNameNS("*", "thead").getLength() == 0) continue;
            Element block = dom.createElementNS(table.getNamespaceURI(), "div");
            // The table's own classes, prefixed, let the style sheet treat one kind of table's block apart.
            StringBuilder classes = new StringBuilder(BLOCK_CLASS);
            for (String c : table.getAttribute("class").split("\\s+")) {
                if (!c.isEmpty()) classes.append(' ').append(BLOCK_CLASS).append('-').append(c);
            }
            block.setAttribute("class", classes.toString());
            table.getParentNode().replaceChild(block, table);
            block.appendChild(table);
        }
    }
}
