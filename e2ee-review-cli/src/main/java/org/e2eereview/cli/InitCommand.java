package org.e2eereview.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.e2eereview.report.AtomicWrite;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "init", mixinStandardHelpOptions = true,
        description = {"Write a commented starter model that validates.",
                "Never overwrites: if FILE exists, nothing is written and the exit code is 2."})
final class InitCommand implements Callable<Integer> {

    static final String STARTER = "starter.yaml";

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", arity = "0..1", defaultValue = "e2ee-review.yaml",
            description = "Where to write the model (default: ${DEFAULT-VALUE}).")
    Path file;

    @Override
    public Integer call() throws IOException {
        byte[] starter;
        try (InputStream in = InitCommand.class.getResourceAsStream(STARTER)) {
            starter = in.readAllBytes();
        }
        try {
            AtomicWrite.create(file, starter);
        } catch (FileAlreadyExistsException e) {
            spec.commandLine().getErr().println(file + ": already exists; not overwritten (choose another FILE)");
            return Main.USAGE;
        } catch (IOException e) {
            spec.commandLine().getErr().println(file + ": cannot write: " + AtomicWrite.reason(e));
            return Main.USAGE;
        }
        spec.commandLine().getOut().println("wrote " + file + "; check it with: e2ee-review validate " + file);
        spec.commandLine().getOut().println("for completion in your editor: e2ee-review schema -o "
                + schemaPathNextTo(file));
        return Main.OK;
    }

    private static Path schemaPathNextTo(Path file) {
        Path schema = Path.of("e2ee-review.schema.json");
        return file.getParent() == null ? schema : file.getParent().resolve(schema);
    }
}
