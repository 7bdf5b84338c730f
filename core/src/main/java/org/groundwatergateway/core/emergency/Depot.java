package org.groundwatergateway.core.emergency;

import org.locationtech.jts.geom.Point;

/** A place where emergency teams, materials and equipment are kept. */
public record Depot(Long id, long parkId, String code, String nameZh, Point location) {

    public Depot withId(long newId) {
        return new Depot(newId, parkId, code, nameZh, location);
    }
}
