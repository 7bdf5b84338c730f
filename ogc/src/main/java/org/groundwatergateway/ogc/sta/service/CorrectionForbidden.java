package org.groundwatergateway.ogc.sta.service;

import org.groundwatergateway.core.problem.InvalidInput;
import org.groundwatergateway.ogc.sta.query.StaQueryException;

/**
 * A PATCH of an Observation by someone who is no data reviewer: refused (403). Changing a stored reading's time or result
 * is a data correction, the review's to make; the permission matrix refuses it over HTTP already, and this refuses it
 * inside a $batch too, which the matrix sees only as a POST.
 */
final class CorrectionForbidden extends StaQueryException {

    CorrectionForbidden() {
        super(new InvalidInput("ogc.sta.correctionRole", null));
    }
}
