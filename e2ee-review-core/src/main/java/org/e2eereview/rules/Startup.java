package org.e2eereview.rules;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.e2eereview.catalog.Catalog;
import org.e2eereview.load.Bundled;
import org.e2eereview.load.Digests;
import org.e2eereview.load.InputException;
import org.e2eereview.load.Snapshot;

/**
 * Where a process gets the bundled catalog and rules, and the one place that knows how. The build
 * prepares both ({@link #main}): the catalog as a snapshot, the rule files as a snapshot of what
 * reading them gives (test cases included, so that {@code rules ID} and {@code rules --test} need
 * no YAML either), every rule expression parsed and type-checked by CEL ({@link PreparedRules}).
 * What it prepared is used while it still fits what is running (the same catalog and rule files;
 * the same CEL library, views and environment), and otherwise the YAML is read and the expressions
 * checked again: the same catalog, rules and findings either way,
 * only slower (docs/performance.md, "Cold start"). Everything else asks here, or loads a catalog
 * of its own, and cannot tell which it got.
 */
public final class Startup {

    static final String PREPARED_RULES = "org/e2eereview/rules/prepared-rules.bin";
    static final String CATALOG_SNAPSHOT = "org/e2eereview/catalog/bundled-catalog.bin";
    static final String RULES_SNAPSHOT = "org/e2eereview/rules/bundled-rules.bin";

    private static volatile Catalog catalog;

    /** An Error of the background thread, for the next caller here: it is never lost. */
    private static final AtomicReference<Error> BACKGROUND_ERROR = new AtomicReference<>();
    private static boolean started;

    private Startup() {
    }

    /** The catalog shipped in the jar, once per process; a broken one is a bug, so it fails loudly. */
    public static Catalog catalog() {
        rethrowBackgroundError();
        Catalog c = catalog;
        if (c != null) return c;
        synchronized (Startup.class) {
            if (catalog == null) {
                Map<String, byte[]> files = Bundled.yamlFiles("catalog");
                try {
                    Catalog prepared = preparedCatalog(resource(CATALOG_SNAPSHOT), Digests.sha256(files));
                    catalog = prepared != null ? prepared : Catalog.load(files);
                } catch (InputException e) {
                    throw new IllegalStateException("the bundled catalog is broken:\n" + e.getMessage(), e);
                }
            }
            return catalog;
        }
    }

    /** The bundled rules and those in each folder given (their *.yaml files), against the bundled catalog. */
    public static RuleSet rules(List<Path> userDirs) throws InputException {
        rethrowBackgroundError();
        return RuleSet.load(catalog(), userDirs);
    }

    /**
     * Starts readying CEL and reading the bundled rules on a daemon thread, for a process that reviews
     * once, such as the command line, which calls it before it reads its arguments: on a second core
     * this overlaps them with reading the command line, the model and the catalog, and a load that
     * comes before it is done reads the rest from the last file, so the two meet. A problem with a rule
     * is met again, and reported, by the load that needs the rules; an Error is thrown again to the next
     * caller here, as well as ending the thread. Calling it again does nothing.
     */
    public static synchronized void inBackground() {
        if (started) return;
        started = true;
        inBackground(RuleSet::readBundled);
    }

    /** Runs the work on a daemon thread as {@link #inBackground()} does. */
    static Thread inBackground(Runnable work) {
        Thread t = new Thread(() -> {
            try {
                work.run();
            } catch (RuntimeException e) {
                // Met again, and reported, in the load that needs the rules.
            } catch (Error e) {
                BACKGROUND_ERROR.compareAndSet(null, e);
                throw e;
            }
        }, "e2ee-review: rules");
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static void rethrowBackgroundError() {
        Error e = BACKGROUND_ERROR.getAndSet(null);
        if (e != null) throw e;
    }

    /** The expressions the build prepared, when they were checked as they would be now; else none. */
    static Map<PreparedRules.Key, PreparedRules.Entry> preparedExpressions() {
        return preparedExpressions(resource(PREPARED_RULES), PreparedRules.fingerprint());
    }

    static Map<PreparedRules.Key, PreparedRules.Entry> preparedExpressions(byte[] file, String fingerprint) {
        if (file == null) return Map.of();
        try {
            return PreparedRules.read(file, fingerprint);
        } catch (IOException | RuntimeException e) {
            // A file that cannot be read only costs the time it would have saved.
            return Map.of();
        }
    }

    private static Map<String, RuleSet.Described> keptRules;

    /**
     * The bundled rule files as the build read them, by file, while they were read from the files
     * bundled now; else none, and each file is read from its YAML. Once per process; both threads of
     * a cold run ask.
     */
    static synchronized Map<String, RuleSet.Described> keptRules() {
        if (keptRules == null) keptRules = keptRules(resource(RULES_SNAPSHOT), RuleSet.bundledDigest());
        return keptRules;
    }

    static Map<String, RuleSet.Described> keptRules(byte[] snapshot, String digest) {
        if (snapshot == null) return Map.of();
        try {
            RuleSet.Kept kept = Snapshot.read(snapshot, RuleSet.Kept.class);
            return kept != null && kept.digest().equals(digest) ? kept.rules() : Map.of();
        } catch (IOException | RuntimeException e) {
            // A snapshot that cannot be read only costs the time it would have saved.
            return Map.of();
        }
    }

    /** The catalog the build wrote, when it was written from catalog files of this digest; else null. */
    static Catalog preparedCatalog(byte[] snapshot, String digest) {
        if (snapshot == null) return null;
        try {
            Catalog c = Catalog.fromSnapshot(snapshot);
            return c != null && c.digest().equals(digest) ? c : null;
        } catch (IOException | RuntimeException e) {
            // A snapshot that cannot be read only costs the time it would have saved.
            return null;
        }
    }

    private static byte[] resource(String name) {
        try (InputStream in = Startup.class.getClassLoader().getResourceAsStream(name)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * Build step, in Maven's process-classes phase, given the class output folder: lists the bundled
     * catalog, rules and templates there (read by name at run time), writes the catalog and the rule
     * files as snapshots, and checks every expression of the bundled rules, as loading them does,
     * writing what each gave.
     */
    public static void main(String[] args) throws IOException, InputException {
        Path classes = Path.of(args[0]);
        Bundled.writeIndex(classes, "catalog", "rules", "report-templates");
        Catalog yaml = Catalog.load(Bundled.yamlFiles("catalog"));
        write(classes.resolve(CATALOG_SNAPSHOT), yaml.snapshot());
        Map<PreparedRules.Key, PreparedRules.Entry> record = new HashMap<>();
        RuleSet rules = RuleSet.load(yaml, List.of(), Cel.recording(record));
        // Compiled on first use, not when rules load: prepared all the same.
        for (Rule r : rules.rules().values()) r.compiled().conjuncts();
        String fingerprint = PreparedRules.fingerprint();
        if (fingerprint == null) {
            throw new IllegalStateException("cannot tell which CEL library this is, so rules prepared now could never "
                    + "be used: is cel-java on the class path as a jar?");
        }
        write(classes.resolve(PREPARED_RULES), PreparedRules.write(record, fingerprint));
        write(classes.resolve(RULES_SNAPSHOT), Snapshot.write(RuleSet.keep(), RuleSet.Kept.class));
    }

    private static void write(Path file, byte[] bytes) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
    }
}
