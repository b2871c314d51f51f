package org.e2eereview.load;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.e2eereview.model.ElementKind;
import org.e2eereview.model.ModelEnum;

/** The type of a field of the model format, as the loader checks it and the schema states it. */
public sealed interface FieldType {

    /** A human name for error messages: "expected a boolean". */
    String describe();

    /** @param nonEmpty whether blank text is refused: a reason or a name that says nothing is no reason */
    record Text(boolean nonEmpty) implements FieldType {
        public Text() {
            this(false);
        }

        public String describe() {
            return nonEmpty ? "a non-empty string" : "a string";
        }
    }

    record Bool() implements FieldType {
        public String describe() {
            return "true or false";
        }
    }

    record Int(int min, int max) implements FieldType {
        public String describe() {
            return max == Integer.MAX_VALUE ? "a whole number of at least " + min
                    : "a whole number from " + min + " to " + max;
        }
    }

    /** A calendar date written YYYY-MM-DD. */
    record Date() implements FieldType {
        public String describe() {
            return "a date (YYYY-MM-DD)";
        }
    }

    /**
     * Text of a fixed form, such as a Java code pattern: {@code pattern} is a regular expression
     * the loader and the schema both apply; {@code name} and {@code example} explain it to people.
     */
    record Formatted(String name, String pattern, String example) implements FieldType {
        public String describe() {
            return "a " + name + " such as " + example;
        }
    }

    record Choice(Class<? extends ModelEnum> values) implements FieldType {
        private static final ClassValue<java.util.Map<String, ModelEnum>> BY_NAME = new ClassValue<>() {
            @Override
            protected java.util.Map<String, ModelEnum> computeValue(Class<?> type) {
                java.util.Map<String, ModelEnum> out = new java.util.HashMap<>();
                for (Object c : type.getEnumConstants()) out.put(((ModelEnum) c).yamlName(), (ModelEnum) c);
                return java.util.Map.copyOf(out);
            }
        };

        /** The value with this YAML name, or null. */
        public ModelEnum named(String yamlName) {
            return BY_NAME.get(values).get(yamlName);
        }

        public List<? extends ModelEnum> constants() {
            return List.of(values.getEnumConstants());
        }

        public List<String> names() {
            return constants().stream().map(ModelEnum::yamlName).toList();
        }

        public String describe() {
            return "one of " + String.join(", ", names());
        }
    }

    /** The id of an element of one of the given kinds. */
    record Ref(Set<ElementKind> targets) implements FieldType {
        public Ref {
            targets = Set.copyOf(targets);
        }

        public String describe() {
            return "the id of " + anyOf();
        }

        /** The kinds it may name: "a party or a component". */
        String anyOf() {
            return targets.stream().sorted().map(k -> "a " + k.noun()).collect(Collectors.joining(" or "));
        }

        /** The kinds it may name, without articles: "party or component". */
        String nouns() {
            return targets.stream().sorted().map(ElementKind::noun).collect(Collectors.joining(" or "));
        }
    }

    record ListOf(FieldType item) implements FieldType {
        public String describe() {
            return "a list of " + item.describe().replaceFirst("^(a|an|the) ", "");
        }
    }

    /**
     * A change to a model, written as YAML (a proposal's patch): only checked to be a mapping here;
     * {@link YamlPatch} reads it, and the model it is applied to is checked as strictly as any.
     */
    record Patch() implements FieldType {
        public String describe() {
            return "a patch (a mapping merged into the model)";
        }
    }

    record Obj(ObjectSpec spec) implements FieldType {
        public String describe() {
            return "a mapping (" + spec.name() + ")";
        }
    }

    /** A mapping from ids (matching {@code idPattern}) to objects: how every element kind is written. */
    record IdMap(ObjectSpec spec, String idPattern, String idDescription) implements FieldType {
        public String describe() {
            return "a mapping from ids to " + spec.name() + " entries";
        }
    }
}
