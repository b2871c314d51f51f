package org.e2eereview.report.escape;

/** Text for a quoted Mermaid label: everything but plain letters, digits and a few marks becomes an entity code. */
public final class Mermaid {

    private Mermaid() {
    }

    /**
     * A label safe inside {@code ["..."]}: Mermaid decodes {@code #NNN;} itself, so quotes, brackets,
     * pipes, backticks, angle brackets, and Markdown or HTML in the text reach the reader as the
     * characters they are and never as syntax. Control characters are made visible first.
     */
    public static String label(String text) {
        String inert = Inert.text(text);
        StringBuilder out = new StringBuilder(inert.length() + 8);
        inert.codePoints().forEach(c -> {
            boolean plain = c < 0x80 && (Character.isLetterOrDigit(c) || c == ' ' || c == '-' || c == '.' || c == ','
                    || c == ':' || c == '/' || c == '(' || c == ')' || c == '_' || c == '\'');
            if (plain) out.appendCodePoint(c);
            else if (c == '\n') out.append(' ');
            else out.append('#').append(c).append(';');
        });
        return out.toString();
    }
}
