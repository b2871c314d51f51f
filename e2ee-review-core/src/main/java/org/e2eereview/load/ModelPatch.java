package org.e2eereview.load;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;

/**
 * A model written as a change to another: mappings merge key by key, a null value removes a
 * key, anything else replaces. Rule test cases use it to state only what differs from a base model.
 */
public final class ModelPatch {

    private ModelPatch() {
    }

    /** The base model with the patch applied, as YAML text; the patch must be a mapping. */
    public static byte[] apply(byte[] base, String patch) throws InputException {
        Node b = compose("base model", new String(base, StandardCharsets.UTF_8));
        Node p = compose("patch", patch);
        Node merged = p == null ? b : merge(b, p);
        StringWriter out = new StringWriter();
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        new Yaml(new SafeConstructor(new LoaderOptions()), new Representer(options), options, new LoaderOptions(),
                new LeanResolver()).serialize(merged, out);
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static Node compose(String name, String text) throws InputException {
        List<Problem> problems = new ArrayList<>();
        Node n = YamlReader.compose(name, text.getBytes(StandardCharsets.UTF_8), problems);
        if (!problems.isEmpty()) {
            throw new InputException(problems);
        }
        return n;
    }

    private static Node merge(Node base, Node patch) {
        if (!(base instanceof MappingNode bm) || !(patch instanceof MappingNode pm)) return patch;
        List<NodeTuple> out = new ArrayList<>(bm.getValue());
        for (NodeTuple t : pm.getValue()) {
            String key = ((ScalarNode) t.getKeyNode()).getValue();
            int i = indexOf(out, key);
            boolean remove = t.getValueNode() instanceof ScalarNode s && s.getTag().equals(Tag.NULL);
            if (remove) {
                if (i >= 0) out.remove(i);
            } else if (i >= 0) {
                out.set(i, new NodeTuple(out.get(i).getKeyNode(), merge(out.get(i).getValueNode(), t.getValueNode())));
            } else {
                out.add(t);
            }
        }
        return new MappingNode(Tag.MAP, out, DumperOptions.FlowStyle.BLOCK);
    }

    private static int indexOf(List<NodeTuple> tuples, String key) {
        for (int i = 0; i < tuples.size(); i++) {
            if (tuples.get(i).getKeyNode() instanceof ScalarNode s && s.getValue().equals(key)) return i;
        }
        return -1;
    }
}
