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
        return Names.NAMES.get(getClass())[((Enum<?>) this).ordinal()];
    }

    /** YAML names per enum class, computed once: they are read for every value of every model. */
    final class Names {
        private static final ClassValue<String[]> NAMES = new ClassValue<>() {
            @Override
            protected String[] computeValue(Class<?> type) {
                Object[] constants = type.isEnum() ? type.getEnumConstants() : type.getSuperclass().getEnumConstants();
                String[] names = new String[constants.length];
                for (int i = 0; i < constants.length; i++) {
                    names[i] = ((Enum<?>) constants[i]).name().toLowerCase(Locale.ROOT).replace('_', '-');
                }
                return names;
            }
        };

        private Names() {
        }
    }

    String description();
}
