package org.e2eereview.report.pdf;

import java.util.ArrayList;
import java.util.List;

import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Small helpers over the DOM the PDF is laid out from. */
final class Dom {

    private Dom() {
    }

    /**
     * The elements of a node list, taken before any is changed: a live list from getElementsByTagName
     * walks the document again from its start after every change to it, which made numbering and
     * describing a large submission's elements quadratic.
     */
    static List<Element> elements(NodeList nodes) {
        List<Element> out = new ArrayList<>(nodes.getLength());
        for (int i = 0; i < nodes.getLength(); i++) out.add((Element) nodes.item(i));
        return out;
    }
}
