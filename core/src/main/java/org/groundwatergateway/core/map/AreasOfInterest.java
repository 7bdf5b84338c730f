package org.groundwatergateway.core.map;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.groundwatergateway.core.geo.Cgcs2000;
import org.groundwatergateway.core.map.AreaOfInterest.Owner;
import org.groundwatergateway.core.problem.InvalidInput;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;

/** Keeping people's areas of interest: what an area may be, and how many one person keeps. */
public final class AreasOfInterest {

    static final int MAX_NAME = 60;
    static final int MAX_POSITIONS = 1000;
    static final int MAX_PER_OWNER = 100;
    /** Far more than a park and its surroundings: a larger area is a slip (a vertex dragged across the map). */
    static final double MAX_AREA_KM2 = 10_000;
    private static final double KM_PER_DEGREE = 111.32;

    private final AreaOfInterestRepository areas;
    private final Clock clock;

    public AreasOfInterest(AreaOfInterestRepository areas, Clock clock) {
        this.areas = areas;
        this.clock = clock;
    }

    public List<AreaOfInterest> of(Owner owner) {
        return areas.findAll(owner);
    }

    /**
     * Keeps an area under the owner's name for it, replacing one kept under that name.
     *
     * @param geometry a GeoJSON Polygon (RFC 7946) in longitude/latitude, as parsed from JSON
     */
    public AreaOfInterest keep(Owner owner, String name, Object geometry) {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty() || trimmed.length() > MAX_NAME || trimmed.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidInput("core.area.name", "name", MAX_NAME);
        }
        Polygon area = polygon(geometry);
        if (areas.find(owner, trimmed).isEmpty() && areas.count(owner) >= MAX_PER_OWNER) {
            throw new InvalidInput("core.area.tooMany", "name", MAX_PER_OWNER);
        }
        return areas.save(new AreaOfInterest(null, owner, trimmed, area, clock.instant()));
    }

    /** Whether the owner had that area; another person's area is neither deleted nor said to exist. */
    public boolean delete(Owner owner, long id) {
        return areas.delete(owner, id);
    }

    /** A GeoJSON Polygon as JTS, refused with the field and position at fault. */
    static Polygon polygon(Object geometry) {
        if (!(geometry instanceof Map<?, ?> json)) throw new InvalidInput("core.area.geometry", "geometry");
        if (!"Polygon".equals(json.get("type"))) throw new InvalidInput("core.area.type", "geometry.type", String.valueOf(json.get("type")));
        if (!(json.get("coordinates") instanceof List<?> rings) || rings.isEmpty()) {
            throw new InvalidInput("core.area.coordinates", "geometry.coordinates");
        }
        List<LinearRing> read = new ArrayList<>();
        int positions = 0;
        for (int r = 0; r < rings.size(); r++) {
            String field = "geometry.coordinates[" + r + "]";
            if (!(rings.get(r) instanceof List<?> ring) || ring.size() < 4) throw new InvalidInput("core.area.ring", field);
            positions += ring.size();
            if (positions > MAX_POSITIONS) throw new InvalidInput("core.area.positions", "geometry.coordinates", MAX_POSITIONS);
            Coordinate[] coordinates = new Coordinate[ring.size()];
            for (int p = 0; p < ring.size(); p++) coordinates[p] = position(ring.get(p), field + "[" + p + "]");
            if (!coordinates[0].equals2D(coordinates[coordinates.length - 1])) throw new InvalidInput("core.area.ring", field);
            read.add(Cgcs2000.GEOMETRY_FACTORY.createLinearRing(coordinates));
        }
        Polygon polygon = Cgcs2000.GEOMETRY_FACTORY.createPolygon(read.get(0), read.subList(1, read.size()).toArray(LinearRing[]::new));
        TopologyValidationError error = new IsValidOp(polygon).getValidationError();
        if (error != null) {
            Coordinate at = error.getCoordinate();
            throw new InvalidInput("core.area.invalid", "geometry.coordinates", at.x, at.y);
        }
        // Square degrees to km² on a local equirectangular projection: ample for refusing an area by its size.
        double km2 = polygon.getArea() * KM_PER_DEGREE * KM_PER_DEGREE * Math.cos(Math.toRadians(polygon.getCentroid().getY()));
        if (km2 > MAX_AREA_KM2) throw new InvalidInput("core.area.tooLarge", "geometry.coordinates", MAX_AREA_KM2, Math.round(km2));
        return polygon;
    }

    private static Coordinate position(Object position, String field) {
        if (!(position instanceof List<?> values) || values.size() < 2 || values.size() > 3
                || !(values.get(0) instanceof Number lon) || !(values.get(1) instanceof Number lat)) {
            throw new InvalidInput("core.area.position", field);
        }
        double x = lon.doubleValue();
        double y = lat.doubleValue();
        if (!(x >= -180 && x <= 180 && y >= -90 && y <= 90)) throw new InvalidInput("core.area.range", field, x, y);
        return new Coordinate(x, y);
    }
}
