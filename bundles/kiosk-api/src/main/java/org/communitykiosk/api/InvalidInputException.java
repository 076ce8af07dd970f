package org.communitykiosk.api;

import java.util.List;

/**
 * Thrown when an input is refused. Nothing has been written when it is thrown; the problems are translation keys for
 * a clear message to the person at the kiosk.
 */
public class InvalidInputException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<Problem> problems;

    public InvalidInputException(List<Problem> problems) {
        super(problems.toString());
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("an invalid input has at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    public InvalidInputException(Problem problem) {
        this(List.of(problem));
    }

    public static InvalidInputException of(String field, String key, Object... args) {
        return new InvalidInputException(Problem.of(field, key, args));
    }

    public List<Problem> problems() {
        return problems;
    }
}
