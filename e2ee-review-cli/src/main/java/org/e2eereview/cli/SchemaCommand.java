package org.e2eereview.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.e2eereview.load.JsonSchema;
import org.e2eereview.report.AtomicWrite;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "schema", mixinStandardHelpOptions = true,
        description = {"Print the JSON Schema of the model format.",
                "Editors with yaml-language-server use it for completion and checking; 'init' writes the "
                        + "modeline that points at it. The schema cannot check references or unique ids: "
                        + "'validate' does."})
final class SchemaCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE", description = "Write to FILE (replacing it) instead of "
            + "standard output.")
    Path out;

    @Override
    public Integer call() {
        String schema = JsonSchema.text();
        if (out == null) {
            spec.commandLine().getOut().print(schema);
            return Main.OK;
        }
        try {
            AtomicWrite.replace(out, schema.getBytes(StandardCharsets.UTF_8));
            return Main.OK;
        } catch (IOException e) {
            spec.commandLine().getErr().println(out + ": cannot write: " + AtomicWrite.reason(e));
            return Main.USAGE;
        }
    }
}
