package org.e2eereview.model;

import java.util.Locale;

/**
 * A closed vocabulary of the model format. Each value carries the word used in
 * YAML and a description, so that the loader's errors, the JSON Schema and
 * docs/model.md are all generated from the same place.
 */
public interface ModelEnum {

    /** The YAML spelling: the constant's name in lower case with dashes. */
    default String yamlName() {
        return ((Enum<?>) this).name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    String description();
}
