package org.e2eereview;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checked-in files generated from code (the schema, the docs' reference tables). A test fails when
 * one is stale; running the tests with {@code -De2ee.regenerate=true} rewrites them instead.
 */
public final class Golden {

    private Golden() {
    }

    public static boolean regenerating() {
        return Boolean.getBoolean("e2ee.regenerate");
    }

    public static void check(Path file, String expected) throws IOException {
        if (regenerating()) {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, expected, StandardCharsets.UTF_8);
            return;
        }
        assertThat(file).as(file + " is missing; run mvn test -De2ee.regenerate=true").exists();
        assertThat(Files.readString(file, StandardCharsets.UTF_8))
                .as(file + " is stale; run mvn test -De2ee.regenerate=true and review the diff")
                .isEqualTo(expected);
    }

    /** Replaces the text between two marker lines of a file, keeping the hand-written rest. */
    public static String between(String text, String begin, String end, String generated) {
        int b = text.indexOf(begin);
        int e = text.indexOf(end);
        if (b < 0 || e < b) throw new IllegalStateException("markers missing: " + begin + " ... " + end);
        return text.substring(0, b + begin.length()) + "\n" + generated + "\n" + text.substring(e);
    }
}
