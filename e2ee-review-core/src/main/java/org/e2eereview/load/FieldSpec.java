package org.e2eereview.load;

/**
 * One field of the model format.
 *
 * @param defaultText what an omitted optional field means, for the docs; null when it means "none"
 */
public record FieldSpec(String name, FieldType type, boolean required, String description, String defaultText) {
}
