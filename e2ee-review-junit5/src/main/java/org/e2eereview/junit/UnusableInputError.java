package org.e2eereview.junit;

import java.util.List;

import org.e2eereview.load.InputException;
import org.e2eereview.load.Problem;
import org.opentest4j.AssertionFailedError;

/**
 * A model (or a rule directory) that cannot be reviewed fails the test with every problem located, one
 * per line, as {@code validate} prints them. The loader's exception is not chained: its stack trace
 * would point into the loader, while the fault is in the file the message names.
 */
public final class UnusableInputError extends AssertionFailedError {

    private static final long serialVersionUID = 1L;

    private final transient List<Problem> problems;

    /** @param heading what could not be done, as the first line */
    UnusableInputError(String heading, InputException e) {
        super(heading + ":\n" + e.getMessage());
        this.problems = e.problems();
    }

    /** Every problem, sorted by position: {@code file:line:column: message} is each one's text. */
    public List<Problem> problems() {
        return problems;
    }
}
