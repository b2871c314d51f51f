package org.e2eereview;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The repository's top folder, where examples/, rules/, catalog/ and docs/ are, for every test that
 * reads them. Found one way whichever folder the test runs in (Maven runs each module's tests in
 * that module's folder, an IDE may run them in the module's or the top's), so that a test gives the
 * same result from any of them.
 */
public final class Repo {

    /**
     * The property e2ee.root, which the build sets for the tests (the parent pom's surefire
     * configuration); without it, as in an IDE, the nearest folder up from the current one that
     * holds a pom.xml with rules/ beside it.
     */
    public static final Path ROOT = find();

    private Repo() {
    }

    /** A file or folder of the repository, named from its top: {@code Repo.file("examples/signal.yaml")}. */
    public static Path file(String relative) {
        return ROOT.resolve(relative);
    }

    /** The same as a command-line argument: the file's absolute path. */
    public static String arg(String relative) {
        return file(relative).toString();
    }

    /**
     * Text that names files of the repository by their absolute paths (a message about a model the
     * test loaded by {@link #file}), with them named from the top instead, as the docs name them and
     * as a run from the top would.
     */
    public static String relative(String text) {
        return text.replace(ROOT + java.io.File.separator, "");
    }

    private static Path find() {
        String property = System.getProperty("e2ee.root");
        if (property != null && !property.isBlank()) {
            Path root = Path.of(property).toAbsolutePath().normalize();
            if (!isTop(root)) throw new IllegalStateException("e2ee.root=" + property + " is not the repository's top folder");
            return root;
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (isTop(p)) return p;
        }
        throw new IllegalStateException("no repository top (a pom.xml with rules/ beside it) at or above "
                + Path.of("").toAbsolutePath() + "; set -De2ee.root");
    }

    private static boolean isTop(Path p) {
        return Files.isRegularFile(p.resolve("pom.xml")) && Files.isDirectory(p.resolve("rules"));
    }
}
