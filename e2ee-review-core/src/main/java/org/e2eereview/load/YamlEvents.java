package org.e2eereview.load;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.e2eereview.model.Location;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionEndEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.DocumentEndEvent;
import org.yaml.snakeyaml.events.DocumentStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.events.StreamEndEvent;
import org.yaml.snakeyaml.parser.Parser;

/**
 * One YAML document as the parser's events, read once, front to back: the checker converts values
 * as they stream past, so no node tree of the document is ever built. An alias replays the events
 * of its anchored node, recorded as they went by (only anchored nodes are recorded). Everything
 * that makes a document unsafe or unbounded stops reading with a located {@link Fatal}: a tag that
 * names a Java class, nesting deeper than {@link #MAX_DEPTH}, more than {@link #MAX_ALIASES}
 * aliases to collections, an alias to a node that contains it or to no node, and aliases that
 * replay more than {@link #MAX_EVENTS} events in all.
 */
final class YamlEvents {

    /** Deepest nesting; the format itself needs fewer than ten levels. */
    static final int MAX_DEPTH = 50;
    /** Most aliases to collections in one document: enough for reuse, too few for a billion laughs. */
    static final int MAX_ALIASES = 50;
    /** Most events replayed for aliases: a bound on the work a small file can ask for. */
    static final int MAX_EVENTS = 5_000_000;

    static final String YAML_TAG = "tag:yaml.org,2002:";
    /** The tags of the YAML 1.1 type repository; any other tag in its namespace names a class. */
    private static final Set<String> YAML_TYPES = Set.of("str", "int", "float", "bool", "null", "timestamp",
            "seq", "map", "binary", "omap", "pairs", "set", "merge", "value", "yaml");
    /** Tags a model may spell out: they say no more than the value's own form. */
    private static final Set<String> PLAIN_TAGS = Set.of(YAML_TAG + "str", YAML_TAG + "int", YAML_TAG + "float",
            YAML_TAG + "bool", YAML_TAG + "null", YAML_TAG + "timestamp", YAML_TAG + "seq", YAML_TAG + "map");

    /** A problem that ends reading: what was checked before it no longer counts. */
    static final class Fatal extends RuntimeException {

        private static final long serialVersionUID = 1L;
        final transient Location at;

        Fatal(Location at, String message) {
            super(message, null, false, false);
            this.at = at;
        }
    }

    /** The events of an anchored node, with nested aliases kept as references to their recordings. */
    private static final class Recording {
        final List<Object> items = new ArrayList<>();
        final boolean collection;
        int depth;
        boolean complete;

        Recording(boolean collection) {
            this.collection = collection;
        }
    }

    private static final class Replay {
        final List<Object> items;
        int next;

        Replay(Recording r) {
            this.items = r.items;
        }
    }

    private final String file;
    private final String text;
    private final Parser parser;
    private final Map<String, Recording> anchors = new HashMap<>();
    private final List<Recording> open = new ArrayList<>();
    private final ArrayDeque<Replay> replays = new ArrayDeque<>();
    private Event peeked;
    private int depth;
    private int aliases;
    private int replayed;
    /** Where the last event from the parser ended: a scanner failure lies after it. */
    private int parsedUpTo;

    /** Events from another source, a merged node tree: {@code text} is the main file's. */
    YamlEvents(String file, String text, Parser parser) {
        this.file = file;
        this.text = text;
        this.parser = parser;
    }

    String file() {
        return file;
    }

    /** The document's text, without a byte order mark. */
    String text() {
        return text;
    }

    /** Moves to the document's root node; false if the stream holds no document at all. */
    boolean startDocument() {
        next(); // stream start
        if (peek() instanceof StreamEndEvent) return false;
        next(); // document start, explicit or implied
        return true;
    }

    /** Checks that the document, whose root has been read, is the only one. */
    void endDocument() {
        Event end = next();
        if (!(end instanceof DocumentEndEvent)) throw new IllegalStateException("root node not fully read: " + end);
        Event after = next();
        if (after instanceof DocumentStartEvent) {
            throw fatal(after, "more than one YAML document ('---'); a model file holds one");
        }
    }

    /** The next event, aliases already replaced by what they stand for; not consumed. */
    Event peek() {
        if (peeked == null) peeked = advance();
        return peeked;
    }

    Event next() {
        Event e = peek();
        peeked = null;
        return e;
    }

    /**
     * When the events come from a node tree (a patched model), the next event is a key and the value
     * after it is an element checked before, that element; else null. The key is not consumed.
     */
    Checker.Known knownAfterKey() {
        return peeked instanceof ScalarEvent && replays.isEmpty() && open.isEmpty() && parser instanceof NodeEvents n
                ? n.knownNext() : null;
    }

    /** Consumes the key and passes over the element {@link #knownAfterKey()} gave, reading none of its events. */
    void skipKnown() {
        next();
        ((NodeEvents) parser).skip();
    }

    /** Consumes the whole node that starts at the next event. */
    void skipNode() {
        if (!(next() instanceof CollectionStartEvent)) return;
        int level = 1;
        while (level > 0) {
            Event e = next();
            if (e instanceof CollectionStartEvent) {
                level++;
            } else if (e instanceof CollectionEndEvent) {
                level--;
            }
        }
    }

    private Event advance() {
        while (true) {
            Replay r = replays.peek();
            if (r != null) {
                if (r.next == r.items.size()) {
                    replays.pop();
                    continue;
                }
                Object item = r.items.get(r.next++);
                if (item instanceof Recording nested) {
                    replays.push(new Replay(nested));
                    continue;
                }
                if (++replayed > MAX_EVENTS) {
                    throw fatal((Event) item, "document expands to more than " + MAX_EVENTS + " nodes through aliases");
                }
                return deliver((Event) item);
            }
            Event e = parsed();
            if (e instanceof AliasEvent a) {
                replays.push(new Replay(resolve(a)));
                continue;
            }
            checkTag(e);
            record(e);
            return deliver(e);
        }
    }

    /**
     * The parser's next event. SnakeYAML's scanner lets a malformed escape in a double-quoted
     * string ("\\u" without four hex digits) escape as a NumberFormatException; it becomes a
     * located error here.
     */
    private Event parsed() {
        try {
            Event e = parser.getEvent();
            if (e.getEndMark() != null) parsedUpTo = e.getEndMark().getIndex();
            return e;
        } catch (NumberFormatException e) {
            java.util.regex.Matcher m = BAD_ESCAPE.matcher(text);
            int at = m.find(Math.min(parsedUpTo, text.length())) ? m.start() : parsedUpTo;
            throw new Fatal(charLocation(at), "invalid escape in a double-quoted string: \\x, \\u and \\U "
                    + "take 2, 4 and 8 hex digits");
        }
    }

    private static final java.util.regex.Pattern BAD_ESCAPE = java.util.regex.Pattern.compile(
            "\\\\(x(?![0-9A-Fa-f]{2})|u(?![0-9A-Fa-f]{4})|U(?![0-9A-Fa-f]{8}))");

    private Location charLocation(int index) {
        int line = 1;
        int column = 1;
        for (int i = 0; i < index && i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                line++;
                column = 1;
            } else if (!Character.isLowSurrogate(c)) {
                column++;
            }
        }
        return new Location(file, line, column);
    }

    private Recording resolve(AliasEvent a) {
        String name = a.getAnchor();
        Recording target = anchors.get(name);
        if (target == null) {
            throw fatal(a, "alias '*" + name + "' has no anchor '&" + name + "' before it");
        }
        if (!target.complete) {
            throw fatal(a, "alias '*" + name + "' is inside the node it names: recursive structures are not allowed");
        }
        if (target.collection && ++aliases > MAX_ALIASES) {
            throw fatal(a, "too many aliases (limit " + MAX_ALIASES + "): aliases that expand exponentially are refused");
        }
        for (Recording o : open) o.items.add(target);
        return target;
    }

    private Event deliver(Event e) {
        if (e instanceof CollectionStartEvent) {
            if (++depth > MAX_DEPTH) throw fatal(e, "nesting too deep (limit " + MAX_DEPTH + " levels)");
        } else if (e instanceof CollectionEndEvent) {
            depth--;
        }
        return e;
    }

    /** Adds a text event to the open recordings, closes those it completes, opens one for an anchor. */
    private void record(Event e) {
        if (!open.isEmpty()) {
            for (int i = open.size() - 1; i >= 0; i--) {
                Recording r = open.get(i);
                r.items.add(e);
                if (e instanceof CollectionStartEvent) {
                    r.depth++;
                } else if (e instanceof CollectionEndEvent && --r.depth == 0) {
                    r.complete = true;
                    open.remove(i);
                }
            }
        }
        if (e instanceof NodeEvent n && n.getAnchor() != null) {
            Recording r = new Recording(e instanceof CollectionStartEvent);
            r.items.add(e);
            anchors.put(n.getAnchor(), r); // a later anchor of the same name hides an earlier one
            if (r.collection) {
                r.depth = 1;
                open.add(r);
            } else {
                r.complete = true;
            }
        }
    }

    /**
     * Tags in YAML's own namespace that are not YAML types name Java classes
     * ({@code !!javax.script.ScriptEngineManager}); nothing is constructed from a model, but such a
     * file is an attack or a mistake, never a model.
     */
    private void checkTag(Event e) {
        String tag = tag(e);
        if (tag != null && tag.startsWith(YAML_TAG) && !YAML_TYPES.contains(tag.substring(YAML_TAG.length()))) {
            throw fatal(e, "tag " + tag + " is not allowed: models are plain YAML and never name Java classes");
        }
    }

    static String tag(Event e) {
        if (e instanceof ScalarEvent s) return s.getTag();
        if (e instanceof CollectionStartEvent c) return c.getTag();
        return null;
    }

    /** True for a tag a model may carry: none, or one that only restates a plain YAML type. */
    static boolean plainTag(Event e) {
        String tag = tag(e);
        return tag == null || PLAIN_TAGS.contains(tag);
    }

    /** YAML's null: an empty or {@code ~}/{@code null} plain scalar, or one tagged {@code !!null}. */
    static boolean isNull(ScalarEvent s) {
        String tag = s.getTag();
        if (tag != null) return tag.equals(YAML_TAG + "null");
        if (!s.getImplicit().canOmitTagInPlainScalar()) return false;
        String v = s.getValue();
        return v.isEmpty() || v.equals("~") || v.equals("null") || v.equals("Null") || v.equals("NULL");
    }

    /** The merge key {@code <<}, which would copy fields from elsewhere. */
    static boolean isMerge(ScalarEvent s) {
        String tag = s.getTag();
        if (tag != null) return tag.equals(YAML_TAG + "merge");
        return s.getImplicit().canOmitTagInPlainScalar() && s.getValue().equals("<<");
    }

    /** Written without quotes or block indicators, where {@code true} and {@code 12} are not text. */
    static boolean isPlain(ScalarEvent s) {
        return s.getScalarStyle() == DumperOptions.ScalarStyle.PLAIN;
    }

    /**
     * Where an event starts, packed: the source file in the top 8 bits (0 for the file being read,
     * else a {@link Sources} number), then the 1-based line in 28 bits and column in 28 bits.
     */
    static long position(Event e) {
        Mark m = e.getStartMark();
        return ((long) Sources.number(m.getName()) << 56) | ((long) (m.getLine() + 1) << 28) | (m.getColumn() + 1);
    }

    static int line(long position) {
        return (int) ((position >>> 28) & 0xFFFFFFF);
    }

    Location location(Event e) {
        return location(file, position(e));
    }

    static Location location(String file, long position) {
        int source = (int) (position >>> 56);
        return new Location(source == 0 ? file : Sources.file(source), line(position), (int) (position & 0xFFFFFFF));
    }

    private Fatal fatal(Event e, String message) {
        return new Fatal(location(e), message);
    }
}
