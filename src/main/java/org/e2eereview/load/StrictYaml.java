package org.e2eereview.load;

import java.util.ArrayList;
import java.util.List;

import org.yaml.snakeyaml.nodes.Node;

/**
 * Strict, bounded reading of any YAML input the project has a spec for (catalog entries,
 * rules), with the same safety and the same located errors as model files.
 */
public final class StrictYaml {

    private StrictYaml() {
    }

    /** The checked fields of the document, or every problem found in it. */
    public static Fields read(String name, byte[] bytes, ObjectSpec spec) throws InputException {
        List<Problem> problems = new ArrayList<>();
        Node root = YamlReader.read(name, bytes, problems);
        if (root == null) throw new InputException(problems);
        Checker checker = new Checker(name, problems);
        String text = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
        checker.trackText(text.startsWith("\uFEFF") ? text.substring(1) : text);
        Fields fields = checker.object(root, spec, "the " + spec.name());
        checker.finish();
        if (!problems.isEmpty()) throw new InputException(problems);
        return fields;
    }
}
