package org.groundwatergateway.core.park;

import java.util.List;
import org.locationtech.jts.geom.Geometry;

/** A place where contaminants could reach groundwater, with the pollutants (parameter codes) it handles. */
public record PotentialSource(Long id, long parkId, Long enterpriseId, String code, Kind kind, String nameZh,
                              Geometry geometry, List<String> pollutants) {

    public enum Kind { TANK_FARM, PIPELINE, LAGOON, WASTE_PILE, PROCESS_AREA, LOADING_AREA, SEWER }

    public PotentialSource {
        pollutants = List.copyOf(pollutants);
    }

    public PotentialSource withId(long newId) {
        return new PotentialSource(newId, parkId, enterpriseId, code, kind, nameZh, geometry, pollutants);
    }
}
