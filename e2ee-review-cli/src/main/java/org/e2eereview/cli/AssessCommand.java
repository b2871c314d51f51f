package org.e2eereview.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.e2eereview.assess.Assessor;
import org.e2eereview.catalog.Severity;
import org.e2eereview.load.InputException;
import org.e2eereview.report.AssessReport;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "assess", mixinStandardHelpOptions = true,
        description = {"What each lawful-access proposal in the catalog would do to this design: the proposal's "
                + "patch is applied to the model and the result reviewed against the design as it is (who gains "
                + "the ability to read which conversation and how, the findings it introduces, what it claims to "
                + "serve and what would serve that without weakening).",
                "Proposals: see docs/proposals.md, or 'rules' for the patterns they are."},
        exitCodeListHeading = "%nExit codes (as review, for the design as it is):%n",
        exitCodeList = {"0:no counted finding at or above --fail-on",
                "1:a counted finding at or above --fail-on",
                "2:unusable input: the model, a rule, a proposal id or an option"})
final class AssessCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "MODEL", description = "The model file (YAML).")
    Path model;

    @Option(names = "--proposal", paramLabel = "ID", description = "Assess only this proposal (repeatable; default: "
            + "every proposal in the catalog).")
    List<String> proposals = new ArrayList<>();

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text or json (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--fail-on", paramLabel = "SEVERITY", defaultValue = "high",
            description = "Exit 1 when the design as it is has a counted finding at or above this (default: "
                    + "${DEFAULT-VALUE}; none never fails).", converter = ReviewCommand.SeverityConverter.class)
    Severity failOn;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE", description = "Write to FILE, replaced in one step.")
    Path out;

    @Mixin
    ReviewSettings settings;

    @Override
    public Integer call() {
        if (!format.equals("text") && !format.equals("json")) {
            spec.commandLine().getErr().println("'" + format + "' is not a format of assess: use text or json");
            return Main.USAGE;
        }
        Assessor.Result result;
        // Each proposal's part is made as it is assessed, so that its patched review can go: eight held at
        // once outgrow a 2 GB heap on a design of 100,000 elements.
        AssessReport.Parts parts = new AssessReport.Parts(format.equals("json"), failOn);
        try {
            result = new Assessor(settings.reviewer()).assess(model, proposals, parts);
        } catch (InputException e) {
            Main.printProblems(spec, e);
            return Main.USAGE;
        }
        if (!settings.vet(spec, result.original())) return Main.USAGE;
        if (!ReviewSettings.emit(spec, out, parts.finish(result))) return Main.USAGE;
        return result.original().failsAt(failOn) ? Main.FINDINGS : Main.OK;
    }
}
