package org.e2eereview.load;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Files that ship inside the jar (the catalog, the rules, the report templates). They live under
 * this project's own package path, {@value #ROOT}, and are found only through the index the build
 * writes there, which gives each folder's files with their count and digest: a {@code rules/}
 * folder elsewhere on a team's class path can neither replace nor thin them, and a folder that does
 * not read back whole is an error, never a review with fewer rules.
 */
public final class Bundled {

    private Bundled() {
    }

    /** Where bundled files live in the jar and in the class output folder. */
    public static final String ROOT = "org/e2eereview/bundled/";

    /** The build's list of bundled files: per folder a header with count and digest, then the names. */
    static final String INDEX = ROOT + "index.txt";

    private static final String HEADER = "#folder ";

    /** Each folder's files, read once per process: a cold review asks for the rules on two threads. */
    private static final Map<String, Map<String, byte[]>> READ = new java.util.concurrent.ConcurrentHashMap<>();

    /** Every {@code .yaml} file under a bundled folder; see {@link #files}. */
    public static Map<String, byte[]> yamlFiles(String folder) {
        Map<String, byte[]> out = new TreeMap<>();
        files(folder).forEach((name, bytes) -> {
            if (name.endsWith(".yaml")) out.put(name, bytes);
        });
        return java.util.Collections.unmodifiableMap(out);
    }

    /**
     * Every file under a bundled folder, by its path in the project (e.g.
     * {@code catalog/weakenings/KEY-ESCROW.yaml}), sorted by name. Read once per process and shared:
     * the map cannot be changed, and nobody may change the arrays.
     *
     * @throws IllegalStateException when the index is missing or the folder does not match it
     */
    public static Map<String, byte[]> files(String folder) {
        return READ.computeIfAbsent(folder, f -> java.util.Collections.unmodifiableMap(readFolder(f)));
    }

    private static Map<String, byte[]> readFolder(String folder) {
        URL url = Bundled.class.getClassLoader().getResource(INDEX);
        if (url == null) {
            throw new IllegalStateException("the bundled files' index " + INDEX + " is missing from the class path:"
                    + " the build writes it (mvn process-classes)");
        }
        try {
            URI uri = url.toURI();
            if (uri.getScheme().equals("jar")) {
                String ssp = uri.getRawSchemeSpecificPart();
                int bang = ssp.indexOf("!/");
                URI inner = URI.create(ssp.substring(0, bang));
                if (inner.getScheme().equals("file") && ssp.substring(bang + 2).equals(INDEX)) {
                    return fromJar(Path.of(inner), folder);
                }
            } else if (uri.getScheme().equals("file")) {
                Path root = Path.of(uri).getParent();
                return checked(folder, index(Files.readAllBytes(root.resolve("index.txt"))),
                        name -> Files.readAllBytes(root.resolve(name)));
            }
            // Some other class loader (a nested jar): read each listed file through it.
            byte[] index;
            try (InputStream in = url.openStream()) {
                index = in.readAllBytes();
            }
            return checked(folder, index(index), name -> {
                try (InputStream in = Bundled.class.getClassLoader().getResourceAsStream(ROOT + name)) {
                    if (in == null) throw new IOException(INDEX + " lists " + name + ", which is not on the class path");
                    return in.readAllBytes();
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled " + folder + ": " + e.getMessage(), e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The files of a folder in a jar, as its index lists them. */
    static Map<String, byte[]> fromJar(Path jar, String folder) throws IOException {
        try (JarFile file = new JarFile(jar.toFile(), false)) {
            JarEntry indexEntry = file.getJarEntry(INDEX);
            if (indexEntry == null) throw new IOException(jar + " has no " + INDEX);
            byte[] index;
            try (InputStream in = file.getInputStream(indexEntry)) {
                index = in.readAllBytes();
            }
            return checked(folder, index(index), name -> {
                JarEntry e = file.getJarEntry(ROOT + name);
                if (e == null) throw new IOException(INDEX + " lists " + name + ", which the jar does not hold");
                try (InputStream in = file.getInputStream(e)) {
                    return in.readAllBytes();
                }
            });
        }
    }

    private interface Reader {
        byte[] read(String name) throws IOException;
    }

    /** One folder's entry in the index. */
    private record Listed(int count, String digest, List<String> names) {
    }

    private static Map<String, Listed> index(byte[] bytes) throws IOException {
        Map<String, Listed> out = new LinkedHashMap<>();
        Listed current = null;
        for (String line : new String(bytes, StandardCharsets.UTF_8).split("\n")) {
            if (line.isEmpty()) continue;
            if (line.startsWith(HEADER)) {
                String[] parts = line.substring(HEADER.length()).split(" ");
                if (parts.length != 3) throw new IOException(INDEX + ": bad header: " + line);
                current = new Listed(Integer.parseInt(parts[1]), parts[2], new ArrayList<>());
                out.put(parts[0], current);
            } else {
                if (current == null) throw new IOException(INDEX + ": a name before any folder header");
                current.names().add(line);
            }
        }
        return out;
    }

    private static Map<String, byte[]> checked(String folder, Map<String, Listed> index, Reader reader) throws IOException {
        Listed listed = index.get(folder);
        if (listed == null || listed.count() == 0) throw new IOException(INDEX + " lists no " + folder + " files");
        Map<String, byte[]> out = new TreeMap<>();
        for (String name : listed.names()) out.put(name, reader.read(name));
        if (out.size() != listed.count() || !Digests.sha256(out).equals(listed.digest())) {
            throw new IOException("the bundled " + folder + " files do not match " + INDEX + " (" + out.size()
                    + " read, " + listed.count() + " listed, or their digest differs): rebuild the jar");
        }
        return out;
    }

    /** Build step: lists the files under each bundled folder of a class output folder, with count and digest. */
    public static void writeIndex(Path classes, String... folders) throws IOException {
        StringBuilder index = new StringBuilder();
        Path root = classes.resolve(ROOT);
        for (String folder : folders) {
            Map<String, byte[]> files = read(root.resolve(folder), folder);
            if (files.isEmpty()) throw new IOException(root.resolve(folder) + ": no bundled files");
            index.append(HEADER).append(folder).append(' ').append(files.size()).append(' ')
                    .append(Digests.sha256(files)).append('\n');
            for (String name : files.keySet()) index.append(name).append('\n');
        }
        Files.writeString(classes.resolve(INDEX), index.toString());
    }

    private static Map<String, byte[]> read(Path root, String folder) throws IOException {
        Map<String, byte[]> out = new TreeMap<>();
        if (!Files.isDirectory(root)) return out;
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                String relative = root.relativize(p).toString().replace('\\', '/');
                out.put(folder + "/" + relative, Files.readAllBytes(p));
            }
        }
        return out;
    }
}
