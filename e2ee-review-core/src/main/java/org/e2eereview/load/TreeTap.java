package org.e2eereview.load;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.MappingStartEvent;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * A parser that builds the document's node tree from the events the checker reads through it, for
 * {@code assess} to patch: the file is then scanned once, not a second time by a composer of its own.
 *
 * <p>The tree is as lean as {@link NodeEvents} lets it be, since it is kept while every proposal is
 * applied: a 100k-element model's tree as SnakeYAML composes it took 450 MB (three empty comment lists
 * per node, marks holding the scanner's buffers, a string per value), more than the model and its review
 * together. Here a mark keeps its position only, a scalar's one mark serves as its start and end (its end
 * is read only to locate a malformed escape in text, which a tree never has), equal values are one
 * string, and tags are left generic: NodeEvents drops them and gives a scalar as plain or quoted, so that
 * the checker decides its type as it does for text.
 */
final class TreeTap implements org.yaml.snakeyaml.parser.Parser {

    private static final int[] NO_BUFFER = new int[0];

    private final org.yaml.snakeyaml.parser.Parser in;
    private final ArrayDeque<Open> open = new ArrayDeque<>();
    private final Map<String, Node> anchors = new HashMap<>();
    private final Map<String, String> strings = new HashMap<>();
    private Node root;
    /** Whether an event was seen that the tree cannot hold (an alias to an unknown anchor): no tree then. */
    private boolean broken;

    TreeTap(org.yaml.snakeyaml.parser.Parser in) {
        this.in = in;
    }

    /** The document's tree, or null when the document was not read to its end. */
    Node root() {
        return broken || !open.isEmpty() ? null : root;
    }

    @Override
    public Event getEvent() {
        Event e = in.getEvent();
        if (e != null && !broken) take(e);
        return e;
    }

    @Override
    public Event peekEvent() {
        return in.peekEvent();
    }

    @Override
    public boolean checkEvent(Event.ID choice) {
        return in.checkEvent(choice);
    }

    private void take(Event e) {
        if (e instanceof ScalarEvent s) {
            Mark at = mark(s.getStartMark());
            add(anchored(s, new ScalarNode(Tag.STR, string(s.getValue()), at, at, s.getScalarStyle())));
        } else if (e instanceof AliasEvent a) {
            Node target = anchors.get(a.getAnchor());
            if (target == null) broken = true;
            else add(target);
        } else if (e instanceof CollectionStartEvent c) {
            open.push(new Open(c, c instanceof MappingStartEvent));
        } else if (e.is(Event.ID.SequenceEnd) || e.is(Event.ID.MappingEnd)) {
            Open o = open.pop();
            Mark start = mark(o.start.getStartMark());
            Mark end = mark(e.getEndMark());
            Node n;
            if (o.mapping) {
                List<NodeTuple> tuples = new ArrayList<>(o.items.size() / 2);
                for (int i = 0; i + 1 < o.items.size(); i += 2) tuples.add(new NodeTuple(o.items.get(i), o.items.get(i + 1)));
                n = new MappingNode(Tag.MAP, true, tuples, start, end, o.start.getFlowStyle());
            } else {
                o.items.trimToSize();
                n = new SequenceNode(Tag.SEQ, true, o.items, start, end, o.start.getFlowStyle());
            }
            add(anchored(o.start, n));
        }
    }

    private Node anchored(NodeEvent e, Node n) {
        if (e.getAnchor() != null) anchors.put(e.getAnchor(), n);
        return n;
    }

    private void add(Node n) {
        if (open.isEmpty()) root = n;
        else open.peek().items.add(n);
    }

    private String string(String s) {
        String known = strings.putIfAbsent(s, s);
        return known == null ? s : known;
    }

    private static Mark mark(Mark m) {
        return m == null ? null : new Mark("", m.getIndex(), m.getLine(), m.getColumn(), NO_BUFFER, 0);
    }

    /** A collection being read: its start event and the nodes read in it so far (keys and values alternating). */
    private static final class Open {
        final CollectionStartEvent start;
        final boolean mapping;
        final ArrayList<Node> items = new ArrayList<>();

        Open(CollectionStartEvent start, boolean mapping) {
            this.start = start;
            this.mapping = mapping;
        }
    }
}
