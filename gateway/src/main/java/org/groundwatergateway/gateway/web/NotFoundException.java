package org.groundwatergateway.gateway.web;

import org.groundwatergateway.core.problem.CataloguedRefusal;
import org.groundwatergateway.core.problem.InvalidInput;

/** The thing a request names does not exist; answered with 404, in the caller's language, naming the field that named it. */
public class NotFoundException extends CataloguedRefusal {

    public NotFoundException(InvalidInput problem) {
        super(problem);
    }
}
