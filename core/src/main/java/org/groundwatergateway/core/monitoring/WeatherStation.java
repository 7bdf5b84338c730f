package org.groundwatergateway.core.monitoring;

import org.locationtech.jts.geom.Point;

/** A weather station whose rainfall and temperature drive recharge and explain water-level changes. */
public record WeatherStation(Long id, long parkId, String code, String nameZh, Point location) {

    public WeatherStation withId(long newId) {
        return new WeatherStation(newId, parkId, code, nameZh, location);
    }
}
