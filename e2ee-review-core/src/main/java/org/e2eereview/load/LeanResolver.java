package org.e2eereview.load;

import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Resolves only null and merge keys. Every other plain scalar stays a string and the checker reads
 * booleans, numbers and dates itself, strictly by the field's type: so "NO" is never false, and
 * the regular expressions SnakeYAML runs on every scalar to guess its type are not run at all.
 */
final class LeanResolver extends Resolver {

    @Override
    protected void addImplicitResolvers() {
        addImplicitResolver(Tag.NULL, NULL, "~nN\0");
        addImplicitResolver(Tag.NULL, EMPTY, null);
        addImplicitResolver(Tag.MERGE, MERGE, "<");
    }
}
