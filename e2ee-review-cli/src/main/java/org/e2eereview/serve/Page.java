package org.e2eereview.serve;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A rendered review page cut into the parts the live script swaps one by one: the page's header,
 * the live panel, each section of the review, the footer. A save usually changes a few of them (the
 * model's lines, a finding or two), so the page fetches only those rather than all of a large page.
 *
 * <p>The cut follows the lines the review page's template starts its blocks on; a page cut otherwise
 * (a template of the user's own, say) becomes one part, which the script can only replace whole.
 *
 * @param version the snapshot it shows
 * @param parts   the whole page, in order
 */
record Page(long version, List<Part> parts) {

    /**
     * One block of the page.
     *
     * @param key  a CSS selector for the element it is ({@code #findings}, {@code body > header}), or a
     *             name in brackets for what lies between elements and cannot be swapped ({@code [head]})
     * @param html its bytes, UTF-8
     */
    record Part(String key, byte[] html) {

        boolean swappable() {
            return !key.startsWith("[");
        }

        String text() {
            return new String(html, StandardCharsets.UTF_8);
        }
    }

    private static final Pattern ID = Pattern.compile("^<[a-z]+\\b[^>]*?\\sid=\"([^\"]+)\"");

    static Page of(long version, String html) {
        List<Part> parts = new ArrayList<>();
        String key = "[head]";
        int from = 0;
        boolean inMain = false;
        for (int at = 0; at >= 0; at = next(html, at)) {
            String starts = startsAt(html, at, inMain);
            if (starts == null) continue;
            parts.add(part(key, html.substring(from, at)));
            key = starts;
            from = at;
            if (starts.equals("main")) inMain = true;
            if (starts.equals("[/main]")) inMain = false;
        }
        parts.add(part(key, html.substring(from)));
        Set<String> keys = new HashSet<>();
        for (Part p : parts) {
            if (!keys.add(p.key())) return new Page(version, List.of(part("[page]", html)));
        }
        return new Page(version, List.copyOf(parts));
    }

    /** Where the line after the one at {@code at} starts, or -1 after the last. */
    private static int next(String html, int at) {
        int end = html.indexOf('\n', at);
        return end < 0 || end + 1 == html.length() ? -1 : end + 1;
    }

    /** The part a line of the page starts, or null when it continues the one before. */
    private static String startsAt(String html, int at, boolean inMain) {
        if (html.startsWith("<header", at)) return "body > header";
        if (html.startsWith("<footer", at)) return "body > footer";
        if (html.startsWith("<main", at)) return "main";
        if (html.startsWith("</main>", at)) return "[/main]";
        if (html.startsWith("</body>", at)) return "[tail]";
        if (html.startsWith("<aside", at) || inMain && html.startsWith("<section", at)) {
            Matcher m = ID.matcher(html).region(at, Math.min(html.length(), at + 300));
            return m.lookingAt() ? "#" + m.group(1) : "[" + at + "]";
        }
        if (inMain && html.startsWith("<nav", at)) return "main > nav";
        return null;
    }

    private static Part part(String key, String html) {
        return new Part(key, html.getBytes(StandardCharsets.UTF_8));
    }

    byte[] bytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Part p : parts) out.writeBytes(p.html());
        return out.toByteArray();
    }

    /**
     * The parts that differ from {@code before}'s, or null when the page cannot be brought from one to
     * the other part by part: its parts are not the same ones in the same order, or one that differs
     * cannot be swapped.
     */
    List<Part> changedSince(Page before) {
        if (before.parts.size() != parts.size()) return null;
        List<Part> changed = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            Part was = before.parts.get(i);
            Part is = parts.get(i);
            if (!was.key().equals(is.key())) return null;
            if (Arrays.equals(was.html(), is.html())) continue;
            if (!is.swappable()) return null;
            changed.add(is);
        }
        return changed;
    }
}
