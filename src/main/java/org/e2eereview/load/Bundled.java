package org.e2eereview.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Files that ship inside the jar (the catalog, the rules), read the same way whether the
 * classes run from a directory (tests) or from the jar.
 */
public final class Bundled {

    private Bundled() {
    }

    /** Each folder's files, read once per process: a cold review asks for the rules on two threads. */
    private static final Map<String, Map<String, byte[]>> READ = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * Every {@code .yaml} file under a bundled folder, by path relative to the class path root
     * (e.g. {@code catalog/weakenings/KEY-ESCROW.yaml}), sorted by name for a stable order. Read
     * once per process and shared: the map cannot be changed, and nobody may change the arrays.
     */
    public static Map<String, byte[]> yamlFiles(String folder) {
        return READ.computeIfAbsent(folder, f -> java.util.Collections.unmodifiableMap(readFolder(f)));
    }

    private static Map<String, byte[]> readFolder(String folder) {
        URL url = Bundled.class.getClassLoader().getResource(folder);
        if (url == null) throw new IllegalStateException("bundled folder missing from the class path: " + folder);
        try {
            URI uri = url.toURI();
            if (uri.getScheme().equals("jar")) return fromJar(uri, folder);
            return read(Path.of(uri), folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Where the build lists the bundled files, so that a run finds them without listing the jar. */
    static final String INDEX = "org/e2eereview/load/bundled-files.txt";

    /**
     * The files straight from the jar, found by the build's list of them when there is one. Neither
     * through a zip file system nor by listing the jar: both go through its 12,000 entries, which
     * cost a cold run 0.2 s and 0.05 s; the jar itself is already open, shared with the class loader.
     */
    private static Map<String, byte[]> fromJar(URI uri, String folder) throws IOException {
        String ssp = uri.getRawSchemeSpecificPart();
        return fromJar(Path.of(URI.create(ssp.substring(0, ssp.indexOf("!/")))), folder);
    }

    static Map<String, byte[]> fromJar(Path jar, String folder) throws IOException {
        String prefix = folder + "/";
        Map<String, byte[]> out = new TreeMap<>();
        try (JarFile file = new JarFile(jar.toFile(), false)) {
            JarEntry index = file.getJarEntry(INDEX);
            List<String> names = new ArrayList<>();
            if (index != null) {
                try (InputStream in = file.getInputStream(index)) {
                    new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().forEach(names::add);
                }
            } else {
                file.stream().filter(e -> !e.isDirectory()).forEach(e -> names.add(e.getName()));
            }
            for (String name : names) {
                if (!name.startsWith(prefix) || !name.endsWith(".yaml")) continue;
                JarEntry e = file.getJarEntry(name);
                if (e == null) throw new IOException(INDEX + " lists " + name + ", which the jar does not hold");
                try (InputStream in = file.getInputStream(e)) {
                    out.put(name, in.readAllBytes());
                }
            }
        }
        return out;
    }

    /** Build step: lists the {@code .yaml} files under each folder of a class output folder, in {@link #INDEX}. */
    public static void writeIndex(Path classes, String... folders) throws IOException {
        List<String> names = new ArrayList<>();
        for (String folder : folders) names.addAll(read(classes.resolve(folder), folder).keySet());
        Path index = classes.resolve(INDEX);
        Files.createDirectories(index.getParent());
        Files.writeString(index, String.join("\n", names) + "\n");
    }

    private static Map<String, byte[]> read(Path root, String folder) throws IOException {
        Map<String, byte[]> out = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".yaml"))::iterator) {
                String relative = root.relativize(p).toString().replace('\\', '/');
                out.put(folder + "/" + relative, Files.readAllBytes(p));
            }
        }
        return out;
    }
}
