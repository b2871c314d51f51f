package org.e2eereview.report.view;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

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
        String text = plain(document);
        List<ReportView.TermView> used = new ArrayList<>();
        for (Term t : catalog.glossary().values()) {
            if (t.matches().stream().anyMatch(m -> word(m).matcher(text).find())) {
                used.add(new ReportView.TermView(t.term(), t.meaning()));
            }
        }
        used.sort(Comparator.comparing(v -> v.term().toLowerCase(Locale.ROOT)));
        return used;
    }

    /** A spelling as a whole word: not part of a longer word or of an id such as key-directory. */
    private static Pattern word(String spelling) {
        return Pattern.compile("(?<![\\p{L}\\p{N}-])" + Pattern.quote(spelling) + "(?![\\p{L}\\p{N}-])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    /** The document's words: no tags, Markdown's escapes or the entities the templates write; one space between words. */
    private static String plain(String document) {
        return document.replaceAll("<[^>]*>", " ").replace("\\", "").replace("&#39;", "'").replace("&quot;", "\"")
                .replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">").replaceAll("\\s+", " ");
    }
}
