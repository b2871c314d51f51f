package org.e2eereview.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.e2eereview.Version;
import org.e2eereview.rules.Startup;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The e2ee-review command line. Exit codes: 0 clean, 1 findings, 2 unusable input, 3 internal error. */
@Command(name = "e2ee-review", mixinStandardHelpOptions = true, versionProvider = Main.VersionProvider.class,
        description = {"Threat modelling and design review of encrypted messaging systems.",
                "Describe a messaging system's architecture in YAML; e2ee-review checks it and works out "
                        + "who can read each conversation."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:findings at or above the --fail-on severity",
                "2:unusable input (a model, file or option)", "3:internal error (a bug: please report it)"})
public final class Main implements Runnable {

    /** The commands by name, in the order help lists them. */
    static final Map<String, Supplier<Object>> COMMANDS = new LinkedHashMap<>();

    static {
        COMMANDS.put("review", ReviewCommand::new);
        COMMANDS.put("assess", AssessCommand::new);
        COMMANDS.put("diff", DiffCommand::new);
        COMMANDS.put("serve", ServeCommand::new);
        COMMANDS.put("validate", ValidateCommand::new);
        COMMANDS.put("rules", RulesCommand::new);
        COMMANDS.put("schema", SchemaCommand::new);
        COMMANDS.put("init", InitCommand::new);
        // Not a method reference, which would load picocli's help command (outside the archive, as its
        // class file is Java 5) with Main: a review need not load it.
        COMMANDS.put("help", () -> new CommandLine.HelpCommand());
    }

    /** The commands that load the bundled rules. */
    private static final java.util.Set<String> REVIEWING = java.util.Set.of("review", "assess", "diff", "rules", "serve");

    public static final int OK = 0;
    public static final int FINDINGS = 1;
    public static final int USAGE = 2;
    public static final int INTERNAL = 3;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--debug", scope = ScopeType.INHERIT,
            description = "Print a stack trace with internal errors.")
    boolean debug;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required: review, assess, diff, serve, validate, rules, schema or init");
    }

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the CLI with the given streams; returns the exit code. Used by main and by tests. */
    public static int run(String[] args, PrintWriter rawOut, PrintWriter rawErr) {
        // Everything the command line says passes one escaper: no model text, file name or rule message
        // reaches the terminal as a control sequence, whichever command prints it.
        PrintWriter out = new PrintWriter(org.e2eereview.report.escape.Inert.writer(rawOut), true);
        PrintWriter err = new PrintWriter(org.e2eereview.report.escape.Inert.writer(rawErr), true);
        // Commands that review ready CEL and the bundled rules on another thread while this one reads
        // the command line, the model and the catalog: most of a cold run (docs/performance.md).
        if (args.length > 0 && REVIEWING.contains(args[0])) Startup.inBackground();
        int code;
        try {
            // A plain review is read without picocli, whose reflection over the command's annotations
            // was most of what reading the command line cost a cold review (docs/performance.md);
            // anything else goes to picocli.
            ReviewCommand review = args.length > 0 && args[0].equals("review") ? ReviewCommand.direct(args) : null;
            code = review != null ? review.run(out, err) : picocli(args, out, err);
        } catch (RuntimeException | Error e) {
            // picocli hands only Exceptions to the handler below: an Error (a stack overflow, a class
            // that failed to initialise) would leave the JVM with exit code 1, read as "findings".
            code = internalError(e, java.util.Arrays.asList(args).contains("--debug"), err);
        }
        out.flush();
        err.flush();
        rawOut.flush();
        rawErr.flush();
        return code;
    }

    private static int picocli(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new Main());
        // Only the command named is built (help needs them all): picocli reflects over every command
        // it is given, and building all of them was a tenth of a cold review (docs/performance.md).
        Supplier<Object> named = args.length > 0 && !args[0].equals("help") ? COMMANDS.get(args[0]) : null;
        if (named != null) {
            cli.addSubcommand(named.get());
        } else {
            for (Supplier<Object> c : COMMANDS.values()) cli.addSubcommand(c.get());
        }
        cli.setOut(out);
        cli.setErr(err);
        cli.setExitCodeExceptionMapper(e -> INTERNAL);
        cli.setParameterExceptionHandler((e, a) -> {
            err.println("e2ee-review: " + e.getMessage());
            err.println("Run 'e2ee-review " + commandPath(e.getCommandLine()) + "--help' for usage.");
            return USAGE;
        });
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            Main root = commandLine.getCommandSpec().root().userObject() instanceof Main m ? m : null;
            return internalError(e, root != null && root.debug, err);
        });
        return cli.execute(args);
    }

    /** A bug, said in one line (the trace too with --debug) and never mistaken for unusable input. */
    static int internalError(Throwable e, boolean debug, PrintWriter err) {
        err.println("e2ee-review: internal error: " + e + (debug ? "" : " (run with --debug for a stack trace)"));
        if (debug) e.printStackTrace(err);
        return INTERNAL;
    }

    /** Prints every problem of an unusable input, one per line, as file:line:col: message. */
    static void printProblems(CommandLine.Model.CommandSpec spec, org.e2eereview.load.InputException e) {
        printProblems(spec.commandLine().getErr(), e);
    }

    static void printProblems(PrintWriter err, org.e2eereview.load.InputException e) {
        for (org.e2eereview.load.Problem p : e.problems()) err.println(p);
    }

    private static String commandPath(CommandLine c) {
        StringBuilder path = new StringBuilder();
        for (CommandLine p = c; p.getParent() != null; p = p.getParent()) path.insert(0, p.getCommandName() + " ");
        return path.toString();
    }

    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"e2ee-review " + Version.get() + " (model format "
                    + org.e2eereview.model.Model.FORMAT_VERSION + ")"};
        }
    }
}
