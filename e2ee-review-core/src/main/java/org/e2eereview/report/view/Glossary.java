package org.e2eereview.report.view;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.e2eereview.catalog.Catalog;
import org.e2eereview.catalog.Entries.Term;

/**
 * The terms a written document uses, of those the catalog explains: a submission explains what it
 * says, not a fixed list. Found in the document as written, since its words come from the model,
 * the catalog and the organisation as much as from the review.
 */
public final class Glossary {

    private Glossary() {
    }

    /** The catalog's terms that {@code document} (Markdown or HTML) uses, by term. */
    public static List<ReportView.TermView> used(Catalog catalog, String document) {
        // Lower-cased once and searched with indexOf: a pattern per spelling scanned a large design's
        // submission (a quarter of a megabyte) some eighty times, a third of a second.
        String text = plain(document).toLowerCase(Locale.ROOT);
        List<ReportView.TermView> used = new ArrayList<>();
        for (Term t : catalog.glossary().values()) {
            if (t.matches().stream().anyMatch(m -> containsWord(text, m.toLowerCase(Locale.ROOT)))) {
                used.add(new ReportView.TermView(t.term(), t.meaning()));
            }
        }
        used.sort(Comparator.comparing(v -> v.term().toLowerCase(Locale.ROOT)));
        return used;
    }

    /** A spelling as a whole word: not part of a longer word or of an id such as key-directory. */
    static boolean containsWord(String text, String spelling) {
        if (spelling.isEmpty()) return false;
        for (int at = text.indexOf(spelling); at >= 0; at = text.indexOf(spelling, at + 1)) {
            int end = at + spelling.length();
            if ((at == 0 || !wordPart(text.codePointBefore(at))) && (end == text.length() || !wordPart(text.codePointAt(end)))) {
                return true;
            }
        }
        return false;
    }

    /** A letter, a number or a hyphen: what continues a word or an id. */
    private static boolean wordPart(int c) {
        if (c == '-' || Character.isLetter(c)) return true;
        int type = Character.getType(c);
        return type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER || type == Character.OTHER_NUMBER;
    }

    /** The document's words: no tags, Markdown's escapes or the entities the templates write; one space between words. */
    private static String plain(String document) {
        return document.replaceAll("<[^>]*>", " ").replace("\\", "").replace("&#39;", "'").replace("&quot;", "\"")
                .replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">").replaceAll("\\s+", " ");
    }
}
