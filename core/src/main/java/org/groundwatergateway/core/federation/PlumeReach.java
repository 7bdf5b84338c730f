package org.groundwatergateway.core.federation;

import java.util.Comparator;
import java.util.Optional;
import org.groundwatergateway.core.emergency.Incident;
import org.groundwatergateway.core.emergency.PlumeForecast;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;

/**
 * Where an incident's forecast says the plume may reach: the flow line from the incident down the regional flow to the
 * front's 95th percentile on the last forecast day (all forecast days lie within the forecast's horizon), as a corridor
 * of {@link #HALF_WIDTH_M} either side. The forecast is a Monte Carlo reach along the centre line with no lateral extent
 * (as the incident report draws it), so the corridor only gives it the area a boundary can be tested against and CAP's
 * {@code polygon} can carry.
 *
 * @param reachM the front's P95 reach (m) on {@code day}
 * @param p50M its median reach: where that meets a boundary too, CAP's certainty is Likely rather than Possible
 */
public record PlumeReach(Polygon corridor, double day, double reachM, double p50M, double azimuthDegrees) {

    /** Half the corridor's width either side of the flow line, m. */
    public static final double HALF_WIDTH_M = 50;
    /** Metres per degree of latitude (and of longitude at the equator): the corridor spans at most kilometres. */
    private static final double METRES_PER_DEGREE = 111_320;
    private static final GeometryFactory GEOMETRY = new GeometryFactory();

    /** The reach of a finished analysis's forecast; empty when it has none (not done, or the front does not move). */
    public static Optional<PlumeReach> of(Incident incident, PlumeForecast forecast) {
        if (forecast == null || incident.flow() == null || incident.location() == null) return Optional.empty();
        return forecast.bands().stream().filter(b -> b.kind() == PlumeForecast.Kind.FRONT).max(Comparator.comparingDouble(PlumeForecast.Band::day))
                .filter(b -> b.p95() > 0)
                .map(b -> new PlumeReach(corridor(incident.location().getX(), incident.location().getY(), incident.flow().azimuthDegrees(), b.p95()),
                        b.day(), b.p95(), b.p50(), incident.flow().azimuthDegrees()));
    }

    /** Whether the median front (P50) reaches the area too, not just the 95th percentile. */
    public boolean medianReaches(Geometry area, double lon, double lat) {
        return corridor(lon, lat, azimuthDegrees, p50M).intersects(area);
    }

    /** A rectangle from (lon, lat) {@code lengthM} down the azimuth (clockwise from north), {@link #HALF_WIDTH_M} either side. */
    static Polygon corridor(double lon, double lat, double azimuthDegrees, double lengthM) {
        double a = Math.toRadians(azimuthDegrees);
        double east = Math.sin(a);
        double north = Math.cos(a);
        // Local metres to degrees on a plane tangent at the incident: exact enough over a corridor kilometres long.
        double perLon = METRES_PER_DEGREE * Math.cos(Math.toRadians(lat));
        double length = Math.max(lengthM, 1);
        double[][] corners = {{-north * HALF_WIDTH_M, east * HALF_WIDTH_M}, {-north * HALF_WIDTH_M + east * length, east * HALF_WIDTH_M + north * length},
                {north * HALF_WIDTH_M + east * length, -east * HALF_WIDTH_M + north * length}, {north * HALF_WIDTH_M, -east * HALF_WIDTH_M}};
        Coordinate[] ring = new Coordinate[5];
        for (int i = 0; i < 4; i++) ring[i] = new Coordinate(lon + corners[i][0] / perLon, lat + corners[i][1] / METRES_PER_DEGREE);
        ring[4] = ring[0];
        return GEOMETRY.createPolygon(ring);
    }
}
