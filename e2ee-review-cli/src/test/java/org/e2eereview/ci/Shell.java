package org.e2eereview.ci;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.e2eereview.Repo;

/** Runs commands as processes, in a folder, with an environment kept apart from the developer's git set-up. */
final class Shell {

    /** What a process did: its exit code and what it printed (standard output and error, interleaved). */
    record Result(int exitCode, String output) {
    }

    private final Path dir;
    private final Map<String, String> env = new HashMap<>();

    Shell(Path dir) {
        this.dir = dir;
        // No global or system git configuration (hooks paths, signing, templates) reaches the tests.
        env.put("GIT_CONFIG_GLOBAL", "/dev/null");
        env.put("GIT_CONFIG_NOSYSTEM", "1");
        env.put("GIT_AUTHOR_NAME", "Test");
        env.put("GIT_AUTHOR_EMAIL", "test@example.org");
        env.put("GIT_COMMITTER_NAME", "Test");
        env.put("GIT_COMMITTER_EMAIL", "test@example.org");
        // The JDK running the tests is the java the scripts find first.
        env.put("PATH", Path.of(ToolJar.java()).getParent() + java.io.File.pathSeparator + System.getenv("PATH"));
    }

    Shell env(String name, String value) {
        env.put(name, value);
        return this;
    }

    Path dir() {
        return dir;
    }

    Result run(List<String> command) {
        return run(command, Map.of());
    }

    Result run(List<String> command, Map<String, String> extraEnv) {
        try {
            ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
            pb.environment().keySet().removeIf(k -> k.startsWith("GIT_") || k.startsWith("GITHUB_") || k.startsWith("CI_")
                    || k.startsWith("E2EE_REVIEW"));
            pb.environment().putAll(env);
            pb.environment().putAll(extraEnv);
            Process p = pb.start();
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(5, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new AssertionError("did not finish: " + command);
            }
            return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Runs a command that must succeed; returns its output. */
    String ok(String... command) {
        Result r = run(List.of(command));
        if (r.exitCode() != 0) throw new AssertionError(String.join(" ", command) + " failed (" + r.exitCode() + "):\n" + r.output());
        return r.output();
    }

    Path write(String file, String text) {
        try {
            Path p = dir.resolve(file);
            Files.createDirectories(p.getParent());
            return Files.writeString(p, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A model from examples/, as text. */
    static String example(String name) {
        try {
            return Files.readString(Repo.file("examples").resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** examples/signal.yaml with its group chat opened to a ghost: membership unsigned and joins suppressible. */
    static String signalWithAGhost() {
        String signal = example("signal.yaml");
        String signed = "signed-by-members: true      # [ADJ25] only an admin who is a member can add members\n"
                + "      changes-shown: always";
        if (!signal.contains(signed)) throw new AssertionError("examples/signal.yaml changed: update the weakening");
        return signal.replace(signed, "signed-by-members: false     # [ADJ25] only an admin who is a member can add members\n"
                + "      changes-shown: suppressible");
    }

    /** examples/signal.yaml with a change that alters no finding. */
    static String signalReworded() {
        return "# Reviewed in the design meeting of 2026-05-04.\n" + example("signal.yaml");
    }
}
