package org.e2eereview.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.e2eereview.Repo;

/**
 * The ghost-proposal example with every free-text string replaced by text that would break each
 * report medium if it reached it raw: markup, template syntax, Markdown, Mermaid, terminal escape
 * sequences and bidirectional overrides. Ids cannot hold such text (the loader refuses them).
 */
public final class Hostile {

    /** As the model's strings hold it once loaded. */
    public static final String TEXT = "<script>alert(1)</script> \"q\" 'a' ${x} {{y}} --> ] | `b` "
            + "\u001b[31mred\u001b[0m \u202Eevil\u202C [l](javascript:alert(1)) <!-- # * _ ~ &amp; "
            + "\u0007\r\u001b]8;;http://x.test/\u001b\\link\u001b]8;;\u001b\\ http://bare.test/ www.bare.test mail@bare.test";

    /** The same in a YAML double-quoted scalar. */
    private static final String YAML = "\"<script>alert(1)</script> \\\"q\\\" 'a' ${x} {{y}} --> ] | `b` "
            + "\\e[31mred\\e[0m \\u202Eevil\\u202C [l](javascript:alert(1)) <!-- # * _ ~ &amp; "
            + "\\a\\r\\e]8;;http://x.test/\\e\\\\link\\e]8;;\\e\\\\ http://bare.test/ www.bare.test mail@bare.test\"";

    private static final Pattern FREE_TEXT = Pattern.compile("^(\\s*)(name|version|description|legal-basis|jurisdiction"
            + "|disclosed-to-users|algorithm|retention|protocol|purpose):\\s*(.*)$");

    private Hostile() {
    }

    /** Writes the hostile model into the folder and returns its path. */
    public static Path model(Path dir) throws IOException {
        List<String> out = new ArrayList<>();
        List<String> lines = Files.readAllLines(Repo.file("examples/ghost-proposal.yaml"), StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = FREE_TEXT.matcher(lines.get(i));
            if (!m.matches() || m.group(3).startsWith("[") || m.group(3).startsWith("{")) {
                out.add(lines.get(i));
                continue;
            }
            out.add(m.group(1) + m.group(2) + ": " + YAML);
            String value = m.group(3);
            if (value.startsWith(">") || value.startsWith("|") || value.isEmpty()) {
                // Drop the block scalar's continuation lines.
                while (i + 1 < lines.size() && (lines.get(i + 1).isBlank()
                        || indent(lines.get(i + 1)) > m.group(1).length())) i++;
            }
        }
        out.add("accepted:");
        out.add("  PROVIDER-KEYED-BACKUP@chat-backup: { status: accepted, justification: " + YAML
                + ", decided-by: " + YAML + " }");
        out.add("submission:");
        for (String field : List.of("title", "addressee", "reference", "organisation", "contact", "model-url", "summary", "design",
                "public-safety", "capabilities", "closing")) {
            out.add("  " + field + ": " + YAML);
        }
        return Files.write(dir.resolve("hostile.yaml"), out, StandardCharsets.UTF_8);
    }

    private static int indent(String line) {
        int n = 0;
        while (n < line.length() && line.charAt(n) == ' ') n++;
        return n;
    }
}
