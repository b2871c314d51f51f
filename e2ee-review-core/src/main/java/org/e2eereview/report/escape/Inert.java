package org.e2eereview.report.escape;

/**
 * Model text made inert for any reader: it may hold escape sequences or bidirectional overrides that
 * would recolour a terminal, move its cursor or reorder what a reader sees on a page, so they are
 * shown as visible escapes. Every report passes model text through this before its medium's own
 * escaping.
 */
public final class Inert {

    private Inert() {
    }

    /** The text with every control character but newline, and every bidirectional control, written as \\uXXXX. */
    public static String text(String text) {
        if (text == null) return null;
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean unsafe = (c < 0x20 && c != '\n') || (c >= 0x7f && c < 0xa0)
                    || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069) || c == 0x200e || c == 0x200f
                    || c == 0x061c || c == 0xfeff || (c >= 0xfff9 && c <= 0xfffb) || Character.isSurrogate(c)
                            && !validPair(text, i);
            if (unsafe && out == null) out = new StringBuilder(text.length() + 16).append(text, 0, i);
            if (out == null) continue;
            if (unsafe) out.append(String.format("\\u%04x", (int) c));
            else out.append(c);
        }
        return out == null ? text : out.toString();
    }

    /**
     * A writer that makes everything written through it inert, as {@link #text} does, except tabs,
     * which move no cursor but the next stop: the command line writes all its output through one, so
     * a model name, a file name or a rule's message can never drive the terminal.
     */
    public static java.io.Writer writer(java.io.Writer out) {
        return new java.io.FilterWriter(out) {
            @Override
            public void write(int c) throws java.io.IOException {
                write(new char[] {(char) c}, 0, 1);
            }

            @Override
            public void write(char[] buf, int off, int len) throws java.io.IOException {
                String s = new String(buf, off, len);
                // Tabs and CRLF pass; a lone surrogate split across two writes is judged by text() per call.
                StringBuilder safe = new StringBuilder(len);
                int from = 0;
                for (int i = 0; i < s.length(); i++) {
                    char c = s.charAt(i);
                    if (c == '\t' || c == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n') {
                        safe.append(text(s.substring(from, i))).append(c);
                        from = i + 1;
                    }
                }
                safe.append(text(s.substring(from)));
                out.write(safe.toString());
            }

            @Override
            public void write(String str, int off, int len) throws java.io.IOException {
                write(str.toCharArray(), off, len);
            }
        };
    }

    /** A surrogate is safe only as half of a well-formed pair; a lone one cannot be encoded. */
    private static boolean validPair(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
        return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }
}
