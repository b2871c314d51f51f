package org.e2eereview.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.e2eereview.catalog.Severity;
import org.e2eereview.diff.ReviewDiff;
import org.e2eereview.load.GitRevision;
import org.e2eereview.load.InputException;
import org.e2eereview.load.ModelLoader;
import org.e2eereview.load.Problem;
import org.e2eereview.model.Location;
import org.e2eereview.model.Model;
import org.e2eereview.report.AtomicWrite;
import org.e2eereview.report.DiffReport;
import org.e2eereview.review.Review;
import org.e2eereview.review.Reviewer;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "diff", mixinStandardHelpOptions = true,
        description = {"What a change to a model changes in its review: findings introduced, removed or changed "
                + "(severity, readers, condition), parties that gain or lose the ability to read each conversation, "
                + "safety features, objectives and safeguards.",
                "OLD may be a git revision of a file, REV:PATH (diff HEAD~1:model.yaml model.yaml), read with "
                        + "git in the current directory (REV names a commit, never an option): PATH is from the repository's top, or from the "
                        + "current directory written REV:./PATH."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the change introduces no counted finding at or above --fail-on",
                "1:it introduces one, raises one to it, or lets a new party read through one",
                "2:unusable input: a model, a revision, a rule or an option"})
final class DiffCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "OLD", description = "The model before the change: a file, or REV:PATH.")
    String old;

    @Parameters(index = "1", paramLabel = "NEW", description = "The model after the change: a file, or REV:PATH.")
    String now;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text, json or md (a pull-request comment); default: ${DEFAULT-VALUE}.")
    String format;

    @Option(names = "--fail-on", paramLabel = "SEVERITY", defaultValue = "high",
            description = "Exit 1 when the change introduces a counted finding at or above this (default: "
                    + "${DEFAULT-VALUE}; none never fails).", converter = ReviewCommand.SeverityConverter.class)
    Severity failOn;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE", description = "Write to FILE, replaced in one step.")
    Path out;

    @Mixin
    ReviewSettings settings;

    @Override
    public Integer call() {
        if (!List.of("text", "json", "md").contains(format)) {
            spec.commandLine().getErr().println("'" + format + "' is not a format of diff: use text, json or md");
            return Main.USAGE;
        }
        ReviewDiff diff;
        try {
            // Both models are read first: meanwhile the bundled rules get ready on other threads (Main).
            Model oldModel = new ModelLoader().parse(old, read(old));
            Model newModel = new ModelLoader().parse(now, read(now));
            Reviewer reviewer = settings.reviewer();
            Review before = reviewer.review(oldModel);
            Review after = reviewer.review(newModel);
            // Decisions are judged on the model as it now is: an entry left by a finding this change
            // removes is what --strict-baseline is for.
            if (!settings.vet(spec, after)) return Main.USAGE;
            diff = ReviewDiff.of(before, after);
        } catch (InputException e) {
            Main.printProblems(spec, e);
            return Main.USAGE;
        }
        String text = switch (format) {
            case "json" -> DiffReport.json(diff, failOn);
            case "md" -> DiffReport.markdown(diff, failOn);
            default -> DiffReport.text(diff, failOn);
        };
        if (!ReviewSettings.emit(spec, out, text)) return Main.USAGE;
        return diff.introducesAtLeast(failOn) ? Main.FINDINGS : Main.OK;
    }

    /** A file's bytes, or a revision's through git when the argument is REV:PATH and no such file exists. */
    static byte[] read(String spec) throws InputException {
        if (isFile(spec)) {
            try {
                return Files.readAllBytes(Path.of(spec));
            } catch (IOException e) {
                throw problem(spec, "cannot read: " + AtomicWrite.reason(e));
            }
        }
        return GitRevision.read(spec, null);
    }

    private static boolean isFile(String spec) {
        try {
            return Files.isRegularFile(Path.of(spec));
        } catch (InvalidPathException e) {
            return false;
        }
    }

    private static InputException problem(String file, String message) {
        return new InputException(List.of(new Problem(new Location(file, 0, 0), message)));
    }
}
