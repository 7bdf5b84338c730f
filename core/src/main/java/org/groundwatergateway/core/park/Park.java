package org.groundwatergateway.core.park;

import org.locationtech.jts.geom.Polygon;

/**
 * A chemical industrial park: the unit the platform monitors.
 *
 * @param divisionCode GB/T 2260 six-digit administrative division code of the county the park lies in
 * @param pollutionCategory the park's main pollution category, e.g. petrochemical or fine chemical
 */
public record Park(Long id, String code, String nameZh, String nameEn, String divisionCode,
                   String pollutionCategory, Polygon boundary) {

    public Park {
        if (divisionCode == null || !divisionCode.matches("\\d{6}")) {
            throw new IllegalArgumentException("administrative division code must be six digits: " + divisionCode);
        }
    }

    public Park withId(long newId) {
        return new Park(newId, code, nameZh, nameEn, divisionCode, pollutionCategory, boundary);
    }
}
