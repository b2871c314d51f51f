package org.e2eereview.bench;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The baseline of the cold-start benchmark (src/bench/coldstart.sh): a process that only builds
 * SnakeYAML's node tree of a file and exits, run on a class path of SnakeYAML alone. It uses no
 * other class of the project, so that it loads what parsing the file needs and nothing more.
 */
public final class ParseOnly {

    private ParseOnly() {
    }

    public static void main(String[] args) throws IOException {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(64 * 1024 * 1024);
        try (Reader in = new InputStreamReader(Files.newInputStream(Path.of(args[0])), StandardCharsets.UTF_8)) {
            if (new Yaml(new SafeConstructor(options)).compose(in) == null) System.exit(2);
        }
    }
}
