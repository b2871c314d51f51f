package org.e2eereview.report;

/**
 * Text for a terminal: model text may hold escape sequences or bidirectional overrides that would
 * recolour, move the cursor or reorder what a reader sees, so they are shown as visible escapes.
 */
final class Terminal {

    private Terminal() {
    }

    /** The text with every control character but newline, and every bidirectional control, written as \\uXXXX. */
    static String inert(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean unsafe = (c < 0x20 && c != '\n') || (c >= 0x7f && c < 0xa0)
                    || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069) || c == 0x200e || c == 0x200f
                    || c == 0x061c;
            if (unsafe && out == null) out = new StringBuilder(text.length() + 16).append(text, 0, i);
            if (out == null) continue;
            if (unsafe) out.append(String.format("\\u%04x", (int) c));
            else out.append(c);
        }
        return out == null ? text : out.toString();
    }
}
