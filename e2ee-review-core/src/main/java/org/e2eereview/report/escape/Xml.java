package org.e2eereview.report.escape;

/** Text for XML and HTML content or a quoted attribute, with control characters made visible first. */
public final class Xml {

    private Xml() {
    }

    public static String text(String text) {
        String inert = Inert.text(text);
        StringBuilder out = new StringBuilder(inert.length() + 16);
        for (int i = 0; i < inert.length(); i++) {
            char c = inert.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
