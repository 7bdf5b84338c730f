package org.groundwatergateway.gateway.web;

import org.groundwatergateway.core.problem.CataloguedRefusal;
import org.groundwatergateway.core.problem.InvalidInput;

/** The thing a request names does not exist; answered with 404, in the caller's language, naming the field that named it. */
public class NotFoundException extends RuntimeException implements CataloguedRefusal {

    private final InvalidInput problem;

    public NotFoundException(InvalidInput problem) {
        super(problem.getMessage());
        this.problem = problem;
    }

    @Override
    public InvalidInput problem() {
        return problem;
    }
}
