package org.e2eereview.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.e2eereview.model.Location;

/**
 * A file as a git revision holds it, {@code REV:PATH}, read with the git of this machine: what the
 * command line's {@code diff} and the Maven plugin's {@code diff} goal compare a model against. Git is
 * never run through a shell, and nothing the caller wrote can reach it as an option.
 */
public final class GitRevision {

    private GitRevision() {
    }

    /**
     * The bytes of {@code spec}, {@code REV:PATH}: PATH from the repository's top, or from {@code dir}
     * written {@code REV:./PATH}.
     *
     * @param dir where git runs; null for the current directory
     * @throws InputException naming {@code spec} when it is no revision's file
     */
    public static byte[] read(String spec, Path dir) throws InputException {
        int colon = spec.indexOf(':');
        if (colon <= 0 || colon == spec.length() - 1) throw problem(spec, "no such file");
        String rev = spec.substring(0, colon);
        // git would read it as an option (--output=FILE writes a file), whatever comes after it.
        if (rev.startsWith("-")) throw problem(spec, "no such file, and '" + rev + "' cannot be a revision: it starts with '-'");
        // Every argument handed to git below is either after --end-of-options or starts with an
        // object id, so nothing the user wrote can reach git as an option.
        Git commit = git(spec, dir, "rev-parse", "--verify", "--quiet", "--end-of-options", rev + "^{commit}");
        if (!commit.ok()) throw problem(spec, "no such file, and git knows no commit '" + rev + "'" + commit.why());
        String id = commit.text().strip();
        Git blob = git(spec, dir, "rev-parse", "--verify", "--quiet", id + spec.substring(colon));
        if (!blob.ok()) throw problem(spec, "no such file, and " + spec.substring(colon + 1) + " is not in " + rev + blob.why());
        Git content = git(spec, dir, "cat-file", "blob", blob.text().strip());
        if (!content.ok()) throw problem(spec, "no such file, and " + spec.substring(colon + 1) + " is not a file in " + rev);
        return content.out();
    }

    /** What git printed and whether it succeeded. */
    private record Git(byte[] out, String err, boolean ok) {
        String text() {
            return new String(out, StandardCharsets.UTF_8);
        }

        /** git's own first line of complaint, when it said more than that the revision is unknown. */
        String why() {
            return err.isEmpty() ? "" : " (git: " + err.lines().findFirst().orElse(err) + ")";
        }
    }

    /** Runs git in {@code dir}, never through a shell, reading its output to the end. */
    private static Git git(String spec, Path dir, String... args) throws InputException {
        List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        try {
            ProcessBuilder builder = new ProcessBuilder(command);
            if (dir != null) builder.directory(dir.toFile());
            Process git = builder.start();
            git.getOutputStream().close();
            // stderr is read on its own thread so that neither pipe can fill and stall git.
            CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> {
                try {
                    return git.getErrorStream().readAllBytes();
                } catch (IOException e) {
                    return new byte[0];
                }
            });
            byte[] out = git.getInputStream().readAllBytes();
            if (!git.waitFor(60, TimeUnit.SECONDS)) {
                git.destroyForcibly();
                throw problem(spec, "git did not finish");
            }
            String message = new String(err.join(), StandardCharsets.UTF_8).strip();
            return new Git(out, message, git.exitValue() == 0);
        } catch (IOException e) {
            throw problem(spec, "no such file, and git cannot be run: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw problem(spec, "interrupted");
        }
    }

    private static InputException problem(String file, String message) {
        return new InputException(List.of(new Problem(new Location(file, 0, 0), message)));
    }
}
