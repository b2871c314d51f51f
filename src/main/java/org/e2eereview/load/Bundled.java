package org.e2eereview.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Files that ship inside the jar (the catalog, the rules), read the same way whether the
 * classes run from a directory (tests) or from the jar.
 */
public final class Bundled {

    private Bundled() {
    }

    /**
     * Every {@code .yaml} file under a bundled folder, by path relative to the class path root
     * (e.g. {@code catalog/weakenings/KEY-ESCROW.yaml}), sorted by name for a stable order.
     */
    public static Map<String, byte[]> yamlFiles(String folder) {
        URL url = Bundled.class.getClassLoader().getResource(folder);
        if (url == null) throw new IllegalStateException("bundled folder missing from the class path: " + folder);
        try {
            URI uri = url.toURI();
            if (uri.getScheme().equals("jar")) {
                try (FileSystem fs = jarFileSystem(uri)) {
                    return read(fs.getPath(folder), folder);
                }
            }
            return read(Path.of(uri), folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static FileSystem jarFileSystem(URI uri) throws IOException {
        try {
            return FileSystems.newFileSystem(uri, Map.of());
        } catch (FileSystemAlreadyExistsException e) {
            // Another reader has it open: use a private one so that closing ours leaves theirs alone.
            String jar = uri.getSchemeSpecificPart().substring(0, uri.getSchemeSpecificPart().indexOf("!/"));
            return FileSystems.newFileSystem(Path.of(URI.create(jar)), Map.of());
        }
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
