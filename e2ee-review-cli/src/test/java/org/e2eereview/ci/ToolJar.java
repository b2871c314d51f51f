package org.e2eereview.ci;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

import org.e2eereview.Repo;

/**
 * A jar that runs the command line as e2ee-review-cli/target/e2ee-review.jar does, for tests that run the tool
 * as a user would (a process, {@code java -jar}): {@code mvn test} runs before {@code package},
 * so the shaded jar is not there. It holds the main classes and resources, and names the
 * dependency jars of the test class path in its manifest. Jars only, no folders on the class
 * path, so that a class-data-sharing archive can be made of it like of the shaded jar.
 */
final class ToolJar {

    /** Where a build of the source checkout leaves the runnable jar, from the checkout's top. */
    static final String BUILT_JAR = "e2ee-review-cli/target/e2ee-review.jar";

    private static Path jar;

    private ToolJar() {
    }

    /** The jar, built once per test run under e2ee-review-cli/target/. */
    static synchronized Path get() {
        if (jar != null) return jar;
        try {
            // The main classes of this module and of the modules it depends on: folders in a reactor
            // build (target/classes), jars when they come from a repository.
            List<Path> classes = new ArrayList<>();
            List<String> classPath = new ArrayList<>();
            for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
                Path p = Path.of(entry).toAbsolutePath();
                if (Files.isDirectory(p) && p.getFileName().toString().equals("classes")) {
                    classes.add(p);
                } else if (Files.isRegularFile(p) && p.toString().endsWith(".jar")
                        && !p.getFileName().toString().startsWith("surefire")) {
                    classPath.add(p.toUri().toString());
                }
            }
            if (classes.stream().noneMatch(c -> Files.isRegularFile(c.resolve("org/e2eereview/cli/Main.class")))) {
                throw new IllegalStateException("the main classes are not on the test class path");
            }
            Path dir = Files.createDirectories(Repo.file("e2ee-review-cli/target/tool-jar"));
            Path out = dir.resolve("e2ee-review.jar");
            Manifest manifest = new Manifest();
            manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
            manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "org.e2eereview.cli.Main");
            manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, String.join(" ", classPath));
            Path tmp = Files.createTempFile(dir, "e2ee-review", ".jar");
            Set<String> written = new HashSet<>();
            try (OutputStream os = Files.newOutputStream(tmp); JarOutputStream jos = new JarOutputStream(os, manifest)) {
                for (Path root : classes) {
                    try (Stream<Path> files = Files.walk(root)) {
                        for (Path f : (Iterable<Path>) files.sorted()::iterator) {
                            String name = root.relativize(f).toString().replace('\\', '/');
                            if (name.isEmpty()) continue;
                            // Folder entries too, as Maven writes them: the bundled catalog and rules are found by folder.
                            boolean folder = Files.isDirectory(f);
                            if (!written.add(folder ? name + "/" : name)) continue;
                            jos.putNextEntry(new JarEntry(folder ? name + "/" : name));
                            if (!folder) Files.copy(f, jos);
                            jos.closeEntry();
                        }
                    }
                }
            }
            jar = Files.move(tmp, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            return jar;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The tool as a build of its source checkout leaves it for CI recipes: bin/e2ee-review, and the
     * jar in e2ee-review-cli/target/. Returns the launcher.
     */
    static Path installCheckout(Path checkout) {
        try {
            Path launcher = checkout.resolve("bin/e2ee-review");
            Files.createDirectories(launcher.getParent());
            Files.createDirectories(checkout.resolve(BUILT_JAR).getParent());
            Files.copy(Repo.file("bin/e2ee-review"), launcher, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            Files.copy(get(), checkout.resolve(BUILT_JAR), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            return launcher;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The java launcher of the JVM running the tests, so processes run on the same JDK. */
    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
