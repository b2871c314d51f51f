package org.e2eereview.load;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * An element's node in the tree kept of a model file, as it was read, carrying the element as the
 * checker found it and the key it was written under. A patch leaves most elements' entries as they
 * were, these nodes under the same keys, and the checker takes such an element as it was found
 * without reading it again (nor its id, nor looking it up).
 */
final class KnownNode extends MappingNode {

    final Checker.Known known;
    final ScalarNode key;
    /** Whether its fields were let go: no patch to be applied goes into it, and the checker does not read it. */
    private volatile boolean pruned;

    KnownNode(MappingNode read, ScalarNode key, Checker.Known known) {
        super(read.getTag(), true, read.getValue(), read.getStartMark(), read.getEndMark(), read.getFlowStyle());
        this.known = known;
        this.key = key;
    }

    /** Lets the fields' nodes go: a large design's tree is mostly elements no proposal changes. */
    void prune() {
        pruned = true;
        setValue(java.util.List.of());
    }

    @Override
    public java.util.List<org.yaml.snakeyaml.nodes.NodeTuple> getValue() {
        // Read only if a patch went into an element it was said not to: an answer from an emptied node would be wrong.
        if (pruned) throw new IllegalStateException("element '" + known.id() + "' was let go from the kept tree, but is read");
        return super.getValue();
    }
}
