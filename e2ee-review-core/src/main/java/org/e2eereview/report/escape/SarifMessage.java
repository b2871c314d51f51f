package org.e2eereview.report.escape;

/**
 * Text for a SARIF plain-text message (SARIF 2.1.0, 3.11). Such a message is not plain: {@code [text](target)}
 * is a link (to a related location by its id, or to a URI) and {@code {0}} a placeholder, so model
 * text that held either could make a link of its own in code scanning. Brackets and the backslash
 * that escapes them are backslash-escaped (3.11.6) and braces doubled (3.11.5); only {@link #link}
 * makes a link.
 */
public final class SarifMessage {

    private SarifMessage() {
    }

    /** The text as a message shows it, with no link or placeholder in it. */
    public static String text(String text) {
        if (text == null) return "";
        String inert = Inert.text(text);
        StringBuilder out = new StringBuilder(inert.length() + 8);
        for (int i = 0; i < inert.length(); i++) {
            char c = inert.charAt(i);
            switch (c) {
                case '\\', '[', ']' -> out.append('\\').append(c);
                case '{', '}' -> out.append(c).append(c);
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** A link whose text is shown as written and whose target is the related location with this id. */
    public static String link(String text, int relatedLocation) {
        return "[" + text(text) + "](" + relatedLocation + ")";
    }
}
