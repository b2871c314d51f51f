package org.e2eereview.load;

import org.e2eereview.model.Location;

/**
 * One thing wrong with an input file, printed as {@code file:line:col: message}. The message is
 * always one line: input quoted in it has its line breaks, control characters and bidirectional
 * overrides written as escapes, so an error can neither spill over lines nor drive the terminal.
 */
public record Problem(Location location, String message) implements Comparable<Problem> {

    public Problem {
        message = oneLine(message);
    }

    static String oneLine(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean unsafe = c < 0x20 || (c >= 0x7f && c < 0xa0) || (c >= 0x202a && c <= 0x202e)
                    || (c >= 0x2066 && c <= 0x2069) || c == 0x200e || c == 0x200f || c == 0x061c;
            if (unsafe && out == null) out = new StringBuilder(text.length() + 16).append(text, 0, i);
            if (out == null) continue;
            if (!unsafe) out.append(c);
            else if (c == '\n') out.append("\\n");
            else if (c == '\r') out.append("\\r");
            else if (c == '\t') out.append("\\t");
            else out.append(String.format("\\u%04x", (int) c));
        }
        return out == null ? text : out.toString();
    }

    @Override
    public int compareTo(Problem o) {
        int c = location.compareTo(o.location);
        return c != 0 ? c : message.compareTo(o.message);
    }

    @Override
    public String toString() {
        return location + ": " + message;
    }
}
