package org.e2eereview.cli;

import java.io.IOException;
import java.net.BindException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import org.e2eereview.catalog.Severity;
import org.e2eereview.load.InputException;
import org.e2eereview.report.template.TemplateProblem;
import org.e2eereview.serve.LiveReview;
import org.e2eereview.serve.LiveServer;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serve the review page of a model on this machine and keep it live: when the model, the "
                + "baseline, a rule or a template changes on disk, the open page shows the new review in place. "
                + "Its what-if panel adopts catalogued proposals, gives up declared safeguards or flips a "
                + "conversation's end-to-end default, and shows what that changes (docs/serve.md).",
                "Listens on loopback only; the printed URL carries a token every request needs. Stop with Ctrl-C."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:stopped", "2:unusable input: the model, a rule, a template or the port"})
final class ServeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "MODEL", description = "The model file (YAML).")
    Path model;

    @Option(names = "--port", paramLabel = "N", defaultValue = "0",
            description = "The port on 127.0.0.1 (default: any free one).")
    int port;

    @Option(names = "--open", description = "Open the page in the desktop's browser.")
    boolean open;

    @Option(names = "--fail-on", paramLabel = "SEVERITY", defaultValue = "high",
            description = "The threshold the verdict states (default: ${DEFAULT-VALUE}).",
            converter = ReviewCommand.SeverityConverter.class)
    Severity failOn;

    @Option(names = "--template-dir", paramLabel = "DIR", description = "Templates replacing the bundled ones, "
            + "as for review; watched too.")
    Path templateDir;

    @Mixin
    ReviewSettings settings;

    @Override
    public Integer call() throws Exception {
        LiveServer server;
        try {
            List<Path> watched = settings.baseline == null ? List.of() : List.of(settings.baseline);
            List<Path> folders = new ArrayList<>(settings.ruleDirs);
            if (templateDir != null) folders.add(templateDir);
            LiveReview live = new LiveReview(model, settings::reviewer, templateDir, watched, folders);
            server = new LiveServer(live, port, failOn, settings.date());
            live.watch();
        } catch (InputException e) {
            Main.printProblems(spec, e);
            return Main.USAGE;
        } catch (TemplateProblem e) {
            spec.commandLine().getErr().println(e.getMessage());
            return Main.USAGE;
        } catch (BindException e) {
            spec.commandLine().getErr().println("port " + port + ": cannot listen: " + e.getMessage());
            return Main.USAGE;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "e2ee-review-stop");
        // Ctrl-C and SIGTERM run the hook: the port is released and watchers closed before the JVM ends.
        Runtime.getRuntime().addShutdownHook(hook);
        server.start();
        spec.commandLine().getOut().println(server.url());
        spec.commandLine().getOut().flush();
        if (open) browse(server.url());
        stopped.await();
        return Main.OK;
    }

    /** The desktop's own opener; a machine without one just keeps the printed URL. */
    private void browse(String url) {
        String os = System.getProperty("os.name").toLowerCase(java.util.Locale.ROOT);
        List<String> command = os.contains("mac") ? List.of("open", url)
                : os.contains("win") ? List.of("rundll32", "url.dll,FileProtocolHandler", url) : List.of("xdg-open", url);
        try {
            new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            spec.commandLine().getErr().println("cannot open a browser (" + command.get(0) + "): open the URL above");
        }
    }
}
