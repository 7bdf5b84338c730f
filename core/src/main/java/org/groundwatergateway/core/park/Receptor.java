package org.groundwatergateway.core.park;

import org.locationtech.jts.geom.Geometry;

/** Something contamination must not reach: a drinking-water source, a river, where people live. */
public record Receptor(Long id, long parkId, String code, Kind kind, String nameZh, String protectionLevel,
                       Geometry geometry) {

    public enum Kind { DRINKING_WATER_SOURCE, RIVER, RESIDENTIAL_AREA, ECOLOGICAL_AREA }

    public Receptor withId(long newId) {
        return new Receptor(newId, parkId, code, kind, nameZh, protectionLevel, geometry);
    }
}
