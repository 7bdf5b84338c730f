package org.groundwatergateway.ogc.sta.service;

import org.groundwatergateway.core.problem.InvalidInput;
import org.groundwatergateway.ogc.sta.query.StaQueryException;

/**
 * A PATCH of an Observation by a viewer shown Observations masked (a delay, restricted values): refused (403), because a
 * correction could move one into what the viewer is not shown and its answer would tell them of it.
 */
final class CorrectionOfMaskedObservations extends StaQueryException {

    CorrectionOfMaskedObservations() {
        super(new InvalidInput("ogc.sta.correctionMasked", null));
    }
}
