package org.e2eereview.load;

import java.util.List;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.events.DocumentEndEvent;
import org.yaml.snakeyaml.events.DocumentStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.ImplicitTuple;
import org.yaml.snakeyaml.events.MappingEndEvent;
import org.yaml.snakeyaml.events.MappingStartEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.events.SequenceEndEvent;
import org.yaml.snakeyaml.events.SequenceStartEvent;
import org.yaml.snakeyaml.events.StreamEndEvent;
import org.yaml.snakeyaml.events.StreamStartEvent;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.parser.Parser;

/**
 * A node tree given back as the parser events it would have been read from, each with its node's
 * marks, so that a model merged from several files goes through the same checker as one read from
 * text. Tags are dropped and scalars are given as plain or quoted, as written, so that the checker
 * decides their types as it does for text. Bounded like text: at most {@link YamlEvents#MAX_EVENTS}.
 */
final class NodeEvents implements Parser {

    /*
     * Made as they are read, from a stack of nodes still to give and end events still to come: a
     * patched 100k-element model is millions of events, and two proposals are read at once.
     */
    private final java.util.ArrayDeque<Object> todo = new java.util.ArrayDeque<>();
    private Event peeked;
    private int given;
    /** The scalar whose event was given last: a key, when a mapping's value is next. */
    private ScalarNode lastScalar;

    NodeEvents(Node root) {
        todo.push(new StreamEndEvent(root.getEndMark(), root.getEndMark()));
        todo.push(new DocumentEndEvent(root.getEndMark(), root.getEndMark(), false));
        todo.push(root);
        todo.push(new DocumentStartEvent(root.getStartMark(), root.getStartMark(), false, null, null));
        todo.push(new StreamStartEvent(root.getStartMark(), root.getStartMark()));
    }

    /** The next event, or null past the end of the stream. */
    private Event next() {
        Object o = todo.poll();
        if (o == null) return null;
        if (++given > YamlEvents.MAX_EVENTS) {
            throw new YamlEvents.Fatal(YamlEvents.location("<patched model>", 0),
                    "patched model has more than " + YamlEvents.MAX_EVENTS + " nodes");
        }
        if (o instanceof Event e) return e;
        if (o instanceof ScalarNode s) {
            lastScalar = s;
            boolean plain = s.getScalarStyle() == DumperOptions.ScalarStyle.PLAIN;
            return new ScalarEvent(null, null, new ImplicitTuple(plain, !plain), s.getValue(), s.getStartMark(),
                    s.getEndMark(), s.getScalarStyle());
        }
        if (o instanceof SequenceNode q) {
            todo.push(new SequenceEndEvent(q.getEndMark(), q.getEndMark()));
            List<Node> items = q.getValue();
            for (int i = items.size() - 1; i >= 0; i--) todo.push(items.get(i));
            return new SequenceStartEvent(null, null, true, q.getStartMark(), q.getEndMark(), q.getFlowStyle());
        }
        MappingNode m = (MappingNode) o;
        todo.push(new MappingEndEvent(m.getEndMark(), m.getEndMark()));
        List<NodeTuple> tuples = m.getValue();
        for (int i = tuples.size() - 1; i >= 0; i--) {
            todo.push(tuples.get(i).getValueNode());
            todo.push(tuples.get(i).getKeyNode());
        }
        return new MappingStartEvent(null, null, true, m.getStartMark(), m.getEndMark(), m.getFlowStyle());
    }

    /**
     * The element checked before whose node comes next, under the key whose event was given last, when
     * none of its events has been read yet; else null.
     */
    Checker.Known knownNext() {
        return peeked == null && todo.peek() instanceof KnownNode k && k.key == lastScalar ? k.known : null;
    }

    /** Passes over the node {@link #knownNext()} was about, giving none of its events. */
    void skip() {
        if (peeked != null || !(todo.peek() instanceof KnownNode)) throw new IllegalStateException("no known node is next");
        todo.pop();
    }

    @Override
    public boolean checkEvent(Event.ID choice) {
        Event e = peekEvent();
        return e != null && e.is(choice);
    }

    @Override
    public Event peekEvent() {
        if (peeked == null) peeked = next();
        return peeked;
    }

    @Override
    public Event getEvent() {
        Event e = peekEvent();
        peeked = null;
        return e;
    }
}
