package org.groundwatergateway.core.problem;

/**
 * A refusal other than bad input (a thing not found, a request not possible now) whose text comes from a message
 * catalogue as {@link InvalidInput}'s does, so that the REST API can tell it in the caller's language. Its
 * {@link #getMessage()} is the English text, for logs.
 */
public abstract class CataloguedRefusal extends RuntimeException {

    private final InvalidInput problem;

    protected CataloguedRefusal(InvalidInput problem) {
        super(problem.getMessage());
        this.problem = problem;
    }

    /** What is refused, with the field that named it, in either language. */
    public InvalidInput problem() {
        return problem;
    }
}
