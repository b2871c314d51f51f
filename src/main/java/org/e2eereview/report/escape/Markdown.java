package org.e2eereview.report.escape;

/** Markdown text, with anything from a model or catalog escaped so that it renders as written. */
public final class Markdown {

    private Markdown() {
    }

    /**
     * Text safe inline in Markdown: characters that would start emphasis, code, links, images,
     * tables, maths or HTML are backslash-escaped, as is anything that would start a block at the
     * beginning; line breaks become spaces, and control characters and bidirectional overrides are
     * shown as escapes.
     */
    public static String escape(String text) {
        if (text == null) return "";
        String inert = Inert.text(text);
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

    /** "12." at the start would begin an ordered list. */
    private static boolean leadingNumber(String s, int i) {
        if (i == 0) return false;
        for (int j = 0; j < i; j++) if (!Character.isDigit(s.charAt(j))) return false;
        return true;
    }
}
