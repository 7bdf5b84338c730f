package org.groundwatergateway.ogc.sta.query;

import org.groundwatergateway.core.problem.CataloguedRefusal;
import org.groundwatergateway.core.problem.InvalidInput;

/**
 * The path names nothing: an unknown entity set or navigation property, or an entity that does not exist (404), said
 * in the caller's language from the ogc module's catalogue.
 */
public class StaNotFoundException extends CataloguedRefusal {
    public StaNotFoundException(InvalidInput problem) {
        super(problem);
    }
}
