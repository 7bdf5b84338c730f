package org.groundwatergateway.gateway.well;

import static org.groundwatergateway.gateway.web.RequestValues.enumValue;
import static org.groundwatergateway.gateway.web.RequestValues.required;

import org.groundwatergateway.core.geo.Cgcs2000;
import org.groundwatergateway.core.monitoring.Well;
import org.groundwatergateway.core.problem.InvalidInput;
import org.locationtech.jts.geom.Coordinate;

/** The body of a request to register a well; positions are CGCS2000 longitude and latitude in degrees. */
public record NewWell(String park, String code, String nameZh, Double lon, Double lat, Double groundElevationM,
                      Double casingTopElevationM, Double screenTopDepthM, Double screenBottomDepthM, String aquifer,
                      String role, String status) {

    Well toWell(long parkId, long aquiferId) {
        double longitude = required("lon", lon);
        double latitude = required("lat", lat);
        if (longitude < 73 || longitude > 136) throw new InvalidInput("gateway.well.outsideChina", "lon", longitude, 73, 136);
        if (latitude < 3 || latitude > 54) throw new InvalidInput("gateway.well.outsideChina", "lat", latitude, 3, 54);
        String wellCode = required("code", code);
        if (!wellCode.matches("[A-Za-z0-9_.-]{1,32}")) {
            throw new InvalidInput("gateway.well.code", "code");
        }
        return new Well(null, parkId, wellCode, required("nameZh", nameZh),
                Cgcs2000.GEOMETRY_FACTORY.createPoint(new Coordinate(longitude, latitude)),
                required("groundElevationM", groundElevationM), required("casingTopElevationM", casingTopElevationM),
                required("screenTopDepthM", screenTopDepthM), required("screenBottomDepthM", screenBottomDepthM), aquiferId,
                enumValue("role", Well.Role.class, required("role", role)),
                status == null ? Well.Status.ACTIVE : enumValue("status", Well.Status.class, status));
    }
}
