package org.e2eereview.load;

import java.util.ArrayList;
import java.util.List;

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
        Fields fields = YamlReader.read(name, bytes, problems, "empty file: expected the fields of a " + spec.name(),
                events -> {
                    Checker checker = new Checker(events, problems);
                    checker.trackText(events.text());
                    Fields f = checker.root(spec, "the " + spec.name(), "expected a mapping for the " + spec.name());
                    checker.finish();
                    return f;
                });
        if (fields == null || !problems.isEmpty()) throw new InputException(problems);
        return fields;
    }
}
