package org.groundwatergateway.ogc.sta.service;

import org.groundwatergateway.core.problem.InvalidInput;
import org.groundwatergateway.ogc.sta.query.StaQueryException;

/**
 * A write to a datastream a partner shares with us, mirrored: refused (409), since a mirror is written only by the
 * federation puller and message intake, and what the partner measured is the partner's to change.
 */
final class ForeignDatastreamReadOnly extends StaQueryException {

    ForeignDatastreamReadOnly(long id) {
        super(new InvalidInput("ogc.sta.foreignReadOnly", null, id));
    }
}
