package org.e2eereview.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/**
 * The output formats found on the class path, by id. They are looked for through the class loader
 * that loaded this library (in a Maven plugin, the plugin's own), once per JVM, and listed by id so
 * that help text and errors read the same whatever the order of the class path.
 */
public final class OutputFormats {

    private OutputFormats() {
    }

    private static final class Found {
        static final List<OutputFormat> ALL = find(OutputFormat.class.getClassLoader());
    }

    /** The formats registered where {@code loader} looks, by id; two of one id are a packaging error. */
    static List<OutputFormat> find(ClassLoader loader) {
        List<OutputFormat> out = new ArrayList<>();
        for (OutputFormat f : ServiceLoader.load(OutputFormat.class, loader)) {
            for (OutputFormat other : out) {
                if (other.id().equals(f.id())) {
                    throw new IllegalStateException("two output formats are named " + f.id() + ": "
                            + other.getClass().getName() + " and " + f.getClass().getName());
                }
            }
            out.add(f);
        }
        out.sort(Comparator.comparing(OutputFormat::id));
        return List.copyOf(out);
    }

    /** Every format found, by id. */
    public static List<OutputFormat> all() {
        return Found.ALL;
    }

    /** The format of that id (in any case), or null when none is found. */
    public static OutputFormat named(String id) {
        String wanted = id.toLowerCase(Locale.ROOT);
        for (OutputFormat f : Found.ALL) if (f.id().equals(wanted)) return f;
        return null;
    }

    /** The ids of every format found: "html, json, ..., text". */
    public static String ids() {
        return Found.ALL.stream().map(OutputFormat::id).collect(Collectors.joining(", "));
    }
}
