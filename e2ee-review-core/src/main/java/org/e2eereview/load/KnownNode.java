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

    KnownNode(MappingNode read, ScalarNode key, Checker.Known known) {
        super(read.getTag(), true, read.getValue(), read.getStartMark(), read.getEndMark(), read.getFlowStyle());
        this.known = known;
        this.key = key;
    }
}
