package org.e2eereview.load;

import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.e2eereview.model.Location;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionEndEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.reader.ReaderException;
import org.yaml.snakeyaml.representer.Representer;

/**
 * Turns bytes into a YAML node tree, refusing anything unsafe or unreadable with a located problem.
 * Only {@code compose} is used: no object is ever constructed from the document, and SnakeYAML 2
 * refuses global tags (such as {@code !!javax.script.ScriptEngineManager}) while composing.
 */
final class YamlReader {

    /** Largest model file read; large enough for the 100k-element benchmark models. */
    static final int MAX_BYTES = 32 * 1024 * 1024;
    /** Deepest nesting; the format itself needs fewer than ten levels. */
    static final int MAX_DEPTH = 50;
    /** Most aliases to collections in one document: enough for reuse, too few for a billion laughs. */
    static final int MAX_ALIASES = 50;

    private YamlReader() {
    }

    /** The document's root node, or null with the reason added to {@code problems}. */
    static Node read(String file, byte[] bytes, List<Problem> problems) {
        if (bytes.length > MAX_BYTES) {
            problems.add(new Problem(new Location(file, 1, 1), tooLarge(bytes.length)));
            return null;
        }
        int start = hasBom(bytes) ? 3 : 0;
        for (int i = start; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                problems.add(new Problem(position(file, bytes, start, i),
                        "binary file: a NUL byte where YAML text was expected"));
                return null;
            }
        }
        String text = decode(file, bytes, start, problems);
        if (text == null) return null;

        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setAllowRecursiveKeys(false);
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setNestingDepthLimit(MAX_DEPTH);
        options.setCodePointLimit(MAX_BYTES);
        options.setProcessComments(false);
        Yaml yaml = yaml(options);
        try {
            Node root = yaml.compose(new StringReader(text));
            if (root == null) {
                problems.add(new Problem(new Location(file, 1, 1),
                        "empty model: expected a mapping that starts with 'e2ee-review: 1'"));
            }
            return root;
        } catch (MarkedYAMLException e) {
            problems.add(new Problem(mark(file, e), describe(e)));
        } catch (ReaderException e) {
            problems.add(new Problem(charPosition(file, text, e.getPosition()), String.format(
                    "control character U+%04X is not allowed in YAML text", e.getCodePoint())));
        } catch (YAMLException e) {
            problems.add(new Problem(locateLimit(yaml, file, text), unmarked(e)));
        } catch (StackOverflowError e) {
            // The depth limit should make this unreachable; it stays as a last guard.
            problems.add(new Problem(new Location(file, 1, 1), "nesting too deep (limit " + MAX_DEPTH + ")"));
        }
        return null;
    }

    /**
     * SnakeYAML reports exceeded alias and depth limits without a position; replaying the
     * parser's events (flat, no tree built) finds the alias or the opening bracket at fault.
     */
    private static Location locateLimit(Yaml yaml, String file, String text) {
        Set<String> collectionAnchors = new HashSet<>();
        int depth = 0;
        int aliases = 0;
        try {
            for (Event e : yaml.parse(new StringReader(text))) {
                Mark m = e.getStartMark();
                if (e instanceof CollectionStartEvent c) {
                    if (c.getAnchor() != null) collectionAnchors.add(c.getAnchor());
                    if (++depth > MAX_DEPTH) return new Location(file, m.getLine() + 1, m.getColumn() + 1);
                } else if (e instanceof CollectionEndEvent) {
                    depth--;
                } else if (e instanceof AliasEvent a && collectionAnchors.contains(a.getAnchor())
                        && ++aliases > MAX_ALIASES) {
                    return new Location(file, m.getLine() + 1, m.getColumn() + 1);
                }
            }
        } catch (YAMLException e) {
            // fall through: the position stays unknown
        }
        return new Location(file, 1, 1);
    }

    static Yaml yaml(LoaderOptions options) {
        DumperOptions dump = new DumperOptions();
        return new Yaml(new SafeConstructor(options), new Representer(dump), dump, options, new LeanResolver());
    }

    static String tooLarge(long size) {
        return String.format("file is too large: %.1f MiB; the limit is %d MiB", size / 1048576.0,
                MAX_BYTES / 1048576);
    }

    private static boolean hasBom(byte[] b) {
        return b.length >= 3 && (b[0] & 0xff) == 0xef && (b[1] & 0xff) == 0xbb && (b[2] & 0xff) == 0xbf;
    }

    private static String decode(String file, byte[] bytes, int start, List<Problem> problems) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharBuffer out = CharBuffer.allocate(bytes.length - start);
        CoderResult r = decoder.decode(in, out, true);
        if (!r.isError()) r = decoder.flush(out);
        if (r.isError()) {
            int at = in.position();
            problems.add(new Problem(position(file, bytes, start, at), String.format(
                    "not UTF-8 text: byte 0x%02X cannot start or continue a character; save the file as UTF-8",
                    bytes[at] & 0xff)));
            return null;
        }
        return out.flip().toString();
    }

    /** Line and column (1-based, in characters) of a byte offset. */
    private static Location position(String file, byte[] bytes, int start, int offset) {
        int line = 1;
        int lineStart = start;
        for (int i = start; i < offset; i++) {
            if (bytes[i] == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        int column = 1;
        for (int i = lineStart; i < offset; i++) {
            if ((bytes[i] & 0xc0) != 0x80) column++; // count characters, not continuation bytes
        }
        return new Location(file, line, column);
    }

    private static Location charPosition(String file, String text, int index) {
        int line = 1;
        int column = 1;
        for (int i = 0; i < Math.min(index, text.length()); i++) {
            if (text.charAt(i) == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return new Location(file, line, column);
    }

    private static Location mark(String file, MarkedYAMLException e) {
        Mark m = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
        return m == null ? new Location(file, 1, 1) : new Location(file, m.getLine() + 1, m.getColumn() + 1);
    }

    private static String describe(MarkedYAMLException e) {
        String problem = e.getProblem() == null ? "" : e.getProblem().strip();
        String context = e.getContext() == null ? "" : e.getContext().strip();
        String text = problem.isEmpty() ? context : context.isEmpty() ? problem : context + ": " + problem;
        if (text.startsWith("Global tag is not allowed")) {
            return "tag " + text.substring(text.indexOf(':') + 1).strip()
                    + " is not allowed: models are plain YAML and never name Java classes";
        }
        if (text.contains("expected a single document")) {
            return "more than one YAML document ('---'); a model file holds one";
        }
        if (text.contains("found duplicate key")) {
            return text.replace("found duplicate key", "duplicate key");
        }
        return "YAML syntax error: " + oneLine(text);
    }

    private static String unmarked(YAMLException e) {
        String m = e.getMessage() == null ? "" : e.getMessage();
        if (m.contains("Number of aliases")) {
            return "too many aliases (limit " + MAX_ALIASES + "): aliases that expand exponentially are refused";
        }
        if (m.contains("Nesting Depth exceeded")) {
            return "nesting too deep (limit " + MAX_DEPTH + " levels)";
        }
        if (m.contains("code points")) {
            return "file is too large: more than " + MAX_BYTES + " characters";
        }
        return "YAML error: " + oneLine(m);
    }

    private static String oneLine(String s) {
        return s.replaceAll("\\s+", " ").strip();
    }
}
