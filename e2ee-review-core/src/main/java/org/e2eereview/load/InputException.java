package org.e2eereview.load;

import java.util.List;
import java.util.stream.Collectors;

/** An input (a model, a rule, a catalog entry) that cannot be used: every problem found in it, sorted by position. */
public final class InputException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient List<Problem> problems;

    public InputException(List<Problem> problems) {
        super(problems.stream().sorted().map(Problem::toString).collect(Collectors.joining("\n")));
        if (problems.isEmpty()) throw new IllegalArgumentException("a InputException needs a problem");
        this.problems = problems.stream().sorted().distinct().toList();
    }

    public List<Problem> problems() {
        return problems;
    }
}
