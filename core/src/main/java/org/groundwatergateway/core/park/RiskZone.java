package org.groundwatergateway.core.park;

import java.time.LocalDate;
import org.locationtech.jts.geom.Geometry;

/** A groundwater risk zone from the park's risk assessment (HJ 25.3), and what the level rests on. */
public record RiskZone(Long id, long parkId, String code, String nameZh, Level level, String basis, LocalDate assessedOn, Geometry area) {

    public enum Level { HIGH, MEDIUM, LOW }
}
