package org.e2eereview.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.e2eereview.load.InputException;
import org.e2eereview.load.ModelLoader;
import org.e2eereview.model.Model;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Check model files: YAML syntax, fields, types, values and references.",
                "Prints one line per valid file; every problem goes to stderr as FILE:LINE:COL: MESSAGE."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every file is valid", "2:a file has problems or cannot be read"})
final class ValidateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Model files (YAML).")
    List<Path> files;

    @Override
    public Integer call() {
        ModelLoader loader = new ModelLoader();
        boolean failed = false;
        for (Path file : files) {
            try {
                Model m = loader.load(file);
                spec.commandLine().getOut().println(summary(m));
            } catch (InputException e) {
                failed = true;
                Main.printProblems(spec, e);
            }
        }
        return failed ? Main.USAGE : Main.OK;
    }

    static String summary(Model m) {
        return m.file() + ": valid: '" + m.system().name() + "', " + m.size() + " elements ("
                + count(m.parties().size(), "party", "parties") + ", "
                + count(m.components().size(), "component", "components") + ", "
                + count(m.keys().size(), "key", "keys") + ", "
                + count(m.data().size(), "data item", "data items") + ", "
                + count(m.conversations().size(), "conversation", "conversations") + ", "
                + count(m.flows().size(), "flow", "flows") + ", "
                + count(m.features().size(), "feature", "features") + ")"
                + (m.accepted().isEmpty() ? "" : ", " + count(m.accepted().size(), "acceptance", "acceptances"));
    }

    private static String count(int n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }
}
