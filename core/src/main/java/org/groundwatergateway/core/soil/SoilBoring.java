package org.groundwatergateway.core.soil;

import java.time.LocalDate;
import org.locationtech.jts.geom.Point;

/** A soil boring from a site investigation (HJ 25.1/25.2), sampled at several depths. */
public record SoilBoring(Long id, long parkId, String code, Point location, LocalDate drilledOn) {

    public SoilBoring withId(long newId) {
        return new SoilBoring(newId, parkId, code, location, drilledOn);
    }
}
