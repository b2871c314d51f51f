package org.e2eereview.report.escape;

/** Markdown text, with anything from a model or catalog escaped so that it renders as written. */
public final class Markdown {

    /** Invisible, and not a character any autolink accepts inside a scheme, a host or a mailbox. */
    private static final char WORD_JOINER = '\u2060';

    private Markdown() {
    }

    /**
     * Text safe inline in Markdown: characters that would start emphasis, code, links, images,
     * tables, maths or HTML are backslash-escaped, as is anything that would start a block at the
     * beginning; line breaks become spaces, and control characters and bidirectional overrides are
     * shown as escapes. Bare URLs, {@code www.} names and e-mail addresses get a word joiner
     * (U+2060) where GitHub-flavoured Markdown would turn them into live links: backslash escapes
     * do not stop those autolinks in every renderer, since some link text after escapes are undone.
     */
    public static String escape(String text) {
        if (text == null) return "";
        String inert = breakAutolinks(Inert.text(text));
        StringBuilder out = new StringBuilder(inert.length() + 8);
        for (int i = 0; i < inert.length(); i++) {
            char c = inert.charAt(i);
            switch (c) {
                case '\\', '`', '*', '_', '{', '}', '[', ']', '<', '>', '|', '~', '$', '&' -> out.append('\\').append(c);
                case '#', '+', '-', '=', '!' -> {
                    if (i == 0) out.append('\\');
                    out.append(c);
                }
                case '.', ')' -> {
                    if (leadingNumber(inert, i)) out.append('\\');
                    out.append(c);
                }
                case '\n', '\r' -> out.append(' ');
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * The text with a word joiner (U+2060) where GitHub-flavoured Markdown would start a live link:
     * before the {@code ://} of a URL, the dot of {@code www.}, the {@code @} of an e-mail address.
     */
    public static String breakAutolinks(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean link = c == ':' && text.startsWith("//", i + 1)
                    || c == '.' && i >= 3 && text.regionMatches(true, i - 3, "www", 0, 3)
                    || c == '@' && dottedName(text, i + 1);
            if (link && out == null) out = new StringBuilder(text.length() + 8).append(text, 0, i);
            if (out == null) continue;
            if (link) out.append(WORD_JOINER);
            out.append(c);
        }
        return out == null ? text : out.toString();
    }

    /**
     * Whether a domain follows, as an e-mail autolink needs ("a.example"); finding ids such as
     * {@code RULE@element} have none and are left alone, so that they copy as written.
     */
    private static boolean dottedName(String s, int from) {
        boolean dot = false;
        for (int j = from; j < s.length(); j++) {
            char c = s.charAt(j);
            if (c == '.') {
                dot = j > from;
            } else if (Character.isLetterOrDigit(c) || c == '-' || c == '_') {
                if (dot) return true;
            } else {
                return false;
            }
        }
        return false;
    }

    /** "12." at the start would begin an ordered list. */
    private static boolean leadingNumber(String s, int i) {
        if (i == 0) return false;
        for (int j = 0; j < i; j++) if (!Character.isDigit(s.charAt(j))) return false;
        return true;
    }
}
