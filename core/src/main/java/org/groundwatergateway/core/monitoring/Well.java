package org.groundwatergateway.core.monitoring;

import org.groundwatergateway.core.problem.InvalidInput;
import org.locationtech.jts.geom.Point;

/**
 * A groundwater monitoring well: the SensorThings Thing, located at its Location.
 *
 * @param groundElevationM ground surface elevation, m above the 1985 National Height Datum
 * @param casingTopElevationM top of casing, the reference point water levels are measured from
 * @param screenTopDepthM depth of the top of the screen below ground, m
 * @param screenBottomDepthM depth of the bottom of the screen below ground, m
 */
public record Well(Long id, long parkId, String code, String nameZh, Point location, double groundElevationM,
                   double casingTopElevationM, double screenTopDepthM, double screenBottomDepthM, long aquiferId,
                   Role role, Status status) {

    /** What a well is for in the monitoring network (HJ 164-2020 §5). */
    public enum Role { BACKGROUND, SOURCE_AREA, DOWNGRADIENT, BOUNDARY_SENTINEL }

    public enum Status { ACTIVE, INACTIVE, DECOMMISSIONED }

    public Well {
        if (!(screenBottomDepthM > screenTopDepthM)) {
            throw new InvalidInput("core.well.screen", "screenBottomDepthM", code);
        }
    }

    /** The same well shown at another place (a coarsened one, for audiences who may not see it exactly). */
    public Well withLocation(Point shown) {
        return new Well(id, parkId, code, nameZh, shown, groundElevationM, casingTopElevationM, screenTopDepthM, screenBottomDepthM,
                aquiferId, role, status);
    }

    public Well withId(long newId) {
        return new Well(newId, parkId, code, nameZh, location, groundElevationM, casingTopElevationM, screenTopDepthM,
                screenBottomDepthM, aquiferId, role, status);
    }
}
