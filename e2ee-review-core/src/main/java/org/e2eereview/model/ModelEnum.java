package org.e2eereview.model;

import java.util.Locale;

/**
 * A closed vocabulary of the model format. Each value carries the word used in
 * YAML and a {@link Doc} description, so that the loader's errors, the JSON Schema and
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

        private static final ClassValue<String[]> DOCS = new ClassValue<>() {
            @Override
            protected String[] computeValue(Class<?> type) {
                Class<?> enumType = type.isEnum() ? type : type.getSuperclass();
                Object[] constants = enumType.getEnumConstants();
                String[] docs = new String[constants.length];
                for (int i = 0; i < constants.length; i++) {
                    try {
                        Doc doc = enumType.getField(((Enum<?>) constants[i]).name()).getAnnotation(Doc.class);
                        if (doc == null) throw new IllegalStateException(enumType.getName() + "." + constants[i]
                                + " has no @Doc");
                        docs[i] = doc.value();
                    } catch (NoSuchFieldException e) {
                        throw new IllegalStateException(e);
                    }
                }
                return docs;
            }
        };

        private Names() {
        }
    }

    /** The meaning of the value, from its {@link Doc} annotation. */
    default String description() {
        return Names.DOCS.get(getClass())[((Enum<?>) this).ordinal()];
    }
}
