package org.e2eereview.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.Callable;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import picocli.CommandLine.Command;

/** A bug in a command is an internal error, exit 3 with one line, never mistaken for unusable input or findings. */
class InternalErrorTest {

    @Command(name = "boom")
    static final class Boom implements Callable<Integer> {
        private final Supplier<Throwable> bug;

        Boom(Supplier<Throwable> bug) {
            this.bug = bug;
        }

        @Override
        public Integer call() throws Exception {
            Throwable t = bug.get();
            if (t instanceof Error e) throw e;
            throw (Exception) t;
        }
    }

    @AfterEach
    void removeBoom() {
        Main.COMMANDS.remove("boom");
    }

    @Test
    void aRuntimeExceptionInACommandExits3WithAShortReport() {
        Main.COMMANDS.put("boom", () -> new Boom(() -> new IllegalStateException("a bug")));
        Cli r = Cli.run("boom");
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.err()).isEqualTo("e2ee-review: internal error: java.lang.IllegalStateException: a bug "
                + "(run with --debug for a stack trace)\n");
        Cli debug = Cli.run("boom", "--debug");
        assertThat(debug.exitCode()).isEqualTo(3);
        assertThat(debug.err()).startsWith("e2ee-review: internal error: java.lang.IllegalStateException: a bug\n"
                + "java.lang.IllegalStateException: a bug\n\tat ").contains("Boom.call");
    }

    /** picocli hands only Exceptions to its handler: an Error used to escape, and the JVM exited 1 ("findings"). */
    @Test
    void anErrorInACommandExits3Too() {
        Main.COMMANDS.put("boom", () -> new Boom(StackOverflowError::new));
        Cli r = Cli.run("boom");
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.err()).isEqualTo("e2ee-review: internal error: java.lang.StackOverflowError "
                + "(run with --debug for a stack trace)\n");
        assertThat(Cli.run("boom", "--debug").err()).contains("\tat ");
    }

    @Test
    void aCheckedExceptionThatIsNoInputProblemIsInternalToo() {
        Main.COMMANDS.put("boom", () -> new Boom(() -> new java.io.IOException("disk on fire")));
        Cli r = Cli.run("boom");
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.err()).startsWith("e2ee-review: internal error: java.io.IOException: disk on fire");
    }
}
