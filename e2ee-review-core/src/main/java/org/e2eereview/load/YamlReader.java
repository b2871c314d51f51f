package org.e2eereview.load;

import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;

import org.e2eereview.model.Location;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.parser.Parser;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.ReaderException;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.representer.Representer;

/**
 * Turns bytes into YAML events for a checker, refusing anything unsafe or unreadable with a
 * located problem. No object is ever constructed from a document and no tree of it is built:
 * see {@link YamlEvents} for the bounds on tags, nesting and aliases.
 */
final class YamlReader {

    /** Largest model file read; large enough for the 100k-element benchmark models. */
    static final int MAX_BYTES = 32 * 1024 * 1024;

    private YamlReader() {
    }

    /**
     * Runs {@code check} over the document's events and returns what it returns, or null when the
     * file cannot be read as one YAML document; a problem that stops reading replaces the problems
     * {@code check} found before it, which were about a document that is not there.
     *
     * @param whenEmpty the problem reported for a file with no document in it; null when an empty
     *                  file is no problem
     */
    static <T> T read(String file, byte[] bytes, List<Problem> problems, String whenEmpty,
                      Function<YamlEvents, T> check) {
        return read(file, bytes, problems, whenEmpty, check, null);
    }

    /** As {@link #read(String, byte[], List, String, Function)}, with the checker reading through {@code tap}. */
    static <T> T read(String file, byte[] bytes, List<Problem> problems, String whenEmpty,
                      Function<YamlEvents, T> check, java.util.function.UnaryOperator<Parser> tap) {
        String text = text(file, bytes, problems);
        return text == null ? null : read(file, text, problems, whenEmpty, check, tap);
    }

    private static <T> T read(String file, String text, List<Problem> problems, String whenEmpty,
                              Function<YamlEvents, T> check, java.util.function.UnaryOperator<Parser> tap) {
        Parser parser = new ParserImpl(new StreamReader(text), options());
        if (text.length() < PARSE_AHEAD) {
            return read(new YamlEvents(file, text, tap == null ? parser : tap.apply(parser)), file, text, problems, whenEmpty, check);
        }
        try (ParsingAhead ahead = new ParsingAhead(parser)) {
            return read(new YamlEvents(file, text, tap == null ? ahead : tap.apply(ahead)), file, text, problems, whenEmpty, check);
        }
    }

    /** From this many characters (a few thousand elements) the parser runs ahead on a thread of its own. */
    private static final int PARSE_AHEAD = 256 * 1024;

    /**
     * Runs {@code check} over a model merged from its file and patches: the file's node tree with
     * each patch applied in turn, read as events that keep every node's own file and position.
     */
    static <T> T readPatched(String file, byte[] bytes, List<YamlPatch> patches, List<Problem> problems,
                             Function<YamlEvents, T> check) {
        Node base = compose(file, bytes, problems);
        if (base == null) return null;
        return readPatched(file, new String(bytes, java.nio.charset.StandardCharsets.UTF_8), base, patches, problems, check);
    }

    /**
     * As {@link #readPatched(String, byte[], List, List, Function)} over a document composed before:
     * patches merge into new nodes and leave the base as it was, so one base serves every proposal.
     */
    static <T> T readPatched(String file, String text, Node base, List<YamlPatch> patches, List<Problem> problems,
                             Function<YamlEvents, T> check) {
        Node merged = base;
        for (YamlPatch p : patches) merged = p.applyTo(merged);
        return read(new YamlEvents(file, text, new NodeEvents(merged)), file, text, problems, null, check);
    }

    private static <T> T read(YamlEvents events, String file, String text, List<Problem> problems, String whenEmpty,
                              Function<YamlEvents, T> check) {
        try {
            if (!events.startDocument()) {
                if (whenEmpty != null) problems.add(new Problem(new Location(file, 1, 1), whenEmpty));
                return null;
            }
            T result = check.apply(events);
            events.endDocument();
            return result;
        } catch (YamlEvents.Fatal e) {
            stop(problems, new Problem(e.at, e.getMessage()));
        } catch (ReaderException e) {
            stop(problems, new Problem(charPosition(file, text, e.getPosition()), String.format(
                    "control character U+%04X is not allowed in YAML text", e.getCodePoint())));
        } catch (YAMLException e) {
            stop(problems, problem(file, e));
        } catch (StackOverflowError e) {
            // The depth limit should make this unreachable; it stays as a last guard.
            stop(problems, new Problem(new Location(file, 1, 1), "nesting too deep (limit " + YamlEvents.MAX_DEPTH + ")"));
        }
        return null;
    }

    private static void stop(List<Problem> problems, Problem fatal) {
        problems.clear();
        problems.add(fatal);
    }

    /**
     * The document as a SnakeYAML node tree, for the few callers that rewrite YAML rather than
     * check it (rule test patches); the text is first read through the same bounds as a model.
     * Null for an empty document, and when there are problems.
     */
    static Node compose(String file, byte[] bytes, List<Problem> problems) {
        String text = text(file, bytes, problems);
        if (text == null) return null;
        Boolean ok = read(file, text, problems, null, events -> {
            events.skipNode();
            return Boolean.TRUE;
        }, null);
        return ok == null || !problems.isEmpty() ? null : yaml(options()).compose(new StringReader(text));
    }

    /**
     * As {@link #compose}, for text the caller also parses strictly and reports the problems of: it
     * is composed without being read through the model's checks first. {@code assess} composes the
     * file it parses, on another thread; reading it a third time found nothing the parse does not.
     */
    static Node composeParsed(String file, byte[] bytes, List<Problem> problems) {
        String text = text(file, bytes, problems);
        if (text == null) return null;
        try {
            return yaml(options()).compose(new StringReader(text));
        } catch (YAMLException e) {
            stop(problems, problem(file, e));
            return null;
        }
    }

    /** SnakeYAML's error, located where it says, else at the file's start. */
    private static Problem problem(String file, YAMLException e) {
        return e instanceof MarkedYAMLException m ? new Problem(mark(file, m), describe(m))
                : new Problem(new Location(file, 1, 1), "YAML error: " + oneLine(String.valueOf(e.getMessage())));
    }

    /** The text of the file, or null with the reason it is not YAML text. */
    private static String text(String file, byte[] bytes, List<Problem> problems) {
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
        return decode(file, bytes, start, problems);
    }

    private static LoaderOptions options() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setAllowRecursiveKeys(false);
        options.setMaxAliasesForCollections(YamlEvents.MAX_ALIASES);
        options.setNestingDepthLimit(YamlEvents.MAX_DEPTH);
        options.setCodePointLimit(MAX_BYTES);
        options.setProcessComments(false);
        return options;
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
        // The JDK's own decoding is fast but replaces bad bytes with U+FFFD; only a text that
        // contains one (rare in a model) is decoded again, strictly, to find the bad byte.
        String text = new String(bytes, start, bytes.length - start, StandardCharsets.UTF_8);
        if (text.indexOf('\uFFFD') < 0) return text;
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
        return "YAML syntax error: " + oneLine(text);
    }

    private static String oneLine(String s) {
        return s.replaceAll("\\s+", " ").strip();
    }
}
