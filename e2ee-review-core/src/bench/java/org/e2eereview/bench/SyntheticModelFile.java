package org.e2eereview.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes a synthetic model to a file, for benchmarks of whole processes: elements, file. */
public final class SyntheticModelFile {

    private SyntheticModelFile() {
    }

    public static void main(String[] args) throws IOException {
        Files.writeString(Path.of(args[1]), SyntheticModel.generate(Integer.parseInt(args[0])));
    }
}
