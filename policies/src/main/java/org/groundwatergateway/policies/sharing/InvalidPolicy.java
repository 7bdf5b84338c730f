package org.groundwatergateway.policies.sharing;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A policy document refused, with every problem found: the field as a JSON pointer into the document and the reason.
 * It is an {@link IllegalArgumentException}, so a caller that knows nothing of policies still answers 400.
 */
public final class InvalidPolicy extends IllegalArgumentException {

    public record Problem(String field, String reason) {
        @Override
        public String toString() {
            return (field.isEmpty() ? "/" : field) + ": " + reason;
        }
    }

    private final List<Problem> problems;

    public InvalidPolicy(List<Problem> problems) {
        super("Invalid sharing policy: " + problems.stream().map(Problem::toString).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
