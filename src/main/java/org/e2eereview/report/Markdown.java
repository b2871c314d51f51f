package org.e2eereview.report;

import java.util.LinkedHashSet;
import java.util.Set;

import org.e2eereview.catalog.Catalog;
import org.e2eereview.catalog.Entries.Citation;
import org.e2eereview.catalog.Entries.Weakening;
import org.e2eereview.rules.Rule;

/** Markdown text, with anything from a model or catalog escaped so that it renders as written. */
final class Markdown {

    private Markdown() {
    }

    /**
     * Text safe inline in Markdown: characters that would start emphasis, code, links, images,
     * tables, maths or HTML are backslash-escaped, as is anything that would start a block at the
     * beginning; line breaks become spaces, and control characters and bidirectional overrides are
     * shown as escapes.
     */
    static String escape(String text) {
        if (text == null) return "";
        String inert = Terminal.inert(text);
        StringBuilder out = new StringBuilder(inert.length() + 8);
        for (int i = 0; i < inert.length(); i++) {
            char c = inert.charAt(i);
            switch (c) {
                case '\\', '`', '*', '_', '{', '}', '[', ']', '<', '>', '|', '~', '$', '&' -> out.append('\\').append(c);
                case '#', '+', '-', '=', '!' -> {
                    if (i == 0) out.append('\\');
                    out.append(c);
                }
                case '\n', '\r' -> out.append(' ');
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** The help a SARIF rule carries: what the pattern is, what to do instead, and its sources. */
    static String ruleHelp(Rule r, Weakening w, Catalog catalog) {
        StringBuilder out = new StringBuilder();
        out.append("**").append(escape(r.title())).append("**\n\n");
        if (w != null) out.append(escape(w.description())).append("\n\n");
        out.append("**Fix:** ").append(escape(r.remediation().strip())).append("\n\n");
        if (w != null) {
            out.append("**Instead:** ").append(escape(w.alternative())).append("\n\n");
            Set<String> refs = new LinkedHashSet<>();
            for (Citation c : w.references()) {
                var ref = catalog.references().get(c.ref());
                refs.add(escape("[" + c.ref() + "] " + (ref == null ? "" : ref.title())
                        + (c.section() == null ? "" : ", " + c.section())));
            }
            w.legal().forEach(l -> refs.add(escape(l.provision())));
            if (!refs.isEmpty()) out.append("**References:** ").append(String.join("; ", refs)).append('\n');
        }
        return out.toString();
    }
}
