package org.e2eereview.load;

import java.util.ArrayList;
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

    private final List<Event> events = new ArrayList<>();
    private int next;

    NodeEvents(Node root) {
        events.add(new StreamStartEvent(root.getStartMark(), root.getStartMark()));
        events.add(new DocumentStartEvent(root.getStartMark(), root.getStartMark(), false, null, null));
        add(root);
        events.add(new DocumentEndEvent(root.getEndMark(), root.getEndMark(), false));
        events.add(new StreamEndEvent(root.getEndMark(), root.getEndMark()));
    }

    private void add(Node n) {
        if (events.size() > YamlEvents.MAX_EVENTS) {
            throw new YamlEvents.Fatal(YamlEvents.location("<patched model>", 0),
                    "patched model has more than " + YamlEvents.MAX_EVENTS + " nodes");
        }
        if (n instanceof ScalarNode s) {
            boolean plain = s.getScalarStyle() == DumperOptions.ScalarStyle.PLAIN;
            events.add(new ScalarEvent(null, null, new ImplicitTuple(plain, !plain), s.getValue(), s.getStartMark(),
                    s.getEndMark(), s.getScalarStyle()));
        } else if (n instanceof SequenceNode q) {
            events.add(new SequenceStartEvent(null, null, true, q.getStartMark(), q.getEndMark(), q.getFlowStyle()));
            for (Node item : q.getValue()) add(item);
            events.add(new SequenceEndEvent(q.getEndMark(), q.getEndMark()));
        } else {
            MappingNode m = (MappingNode) n;
            events.add(new MappingStartEvent(null, null, true, m.getStartMark(), m.getEndMark(), m.getFlowStyle()));
            for (NodeTuple t : m.getValue()) {
                add(t.getKeyNode());
                add(t.getValueNode());
            }
            events.add(new MappingEndEvent(m.getEndMark(), m.getEndMark()));
        }
    }

    @Override
    public boolean checkEvent(Event.ID choice) {
        return next < events.size() && events.get(next).is(choice);
    }

    @Override
    public Event peekEvent() {
        return next < events.size() ? events.get(next) : null;
    }

    @Override
    public Event getEvent() {
        return events.get(next++);
    }
}
