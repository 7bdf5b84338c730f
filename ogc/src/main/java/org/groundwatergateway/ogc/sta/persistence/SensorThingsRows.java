package org.groundwatergateway.ogc.sta.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.groundwatergateway.core.problem.InvalidInput;
import org.groundwatergateway.core.storage.Database;
import org.groundwatergateway.core.storage.Geometries;
import org.groundwatergateway.core.storage.Rows;
import org.groundwatergateway.ogc.sta.model.EntityType;
import org.groundwatergateway.ogc.sta.query.StaNotFoundException;
import org.locationtech.jts.geom.Point;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Writes to the SensorThings-only tables beside the registers (migrations V6_23, V6_25): the Locations,
 * HistoricalLocations and FeaturesOfInterest of generic Things, which link to each other there, and what clients give
 * Sensors, ObservedProperties and Datastreams that the registers have no column for. Ids are SensorThings ids
 * ({@link ThingIds}); Schema reads these tables into the entity sets.
 */
public final class SensorThingsRows {

    /** What a client describes a place or feature with. */
    public record Described(String name, String description, String encodingType, Point geometry) {}

    /** What a client gives a Datastream of a generic Thing beside its register entry. */
    public record DatastreamDescription(String name, String description, String unitName, String unitSymbol, String unitDefinition,
                                        String observationType) {}

    private final JdbcClient jdbc;

    public SensorThingsRows(Database database) {
        this.jdbc = database.jdbc();
    }

    public long insertLocation(Described location) {
        return ThingIds.ofGenericThing(EntityType.LOCATION, Rows.insert(jdbc.sql("INSERT INTO sta_locations (name, description, encoding_type, "
                + "location) VALUES (?, ?, ?, " + Geometries.BIND + ")").params(location.name(), location.description(), location.encodingType(),
                Geometries.wkb(location.geometry()))));
    }

    public boolean locationExists(long locationId) {
        return ThingIds.isOfGenericThing(EntityType.LOCATION, locationId) && count("sta_locations", locationRow(locationId)) > 0;
    }

    /**
     * Sets a generic Thing's Locations, as a client's PATCH or a new Location for it does (OGC 18-088 §10.2.1.3), and
     * records the change as a HistoricalLocation at {@code at}.
     */
    public void setLocations(long thingId, List<Long> locationIds, Instant at) {
        long thing = ThingIds.rowId(thingId);
        jdbc.sql("DELETE FROM sta_thing_locations WHERE thing_id = ?").param(thing).update();
        for (long location : locationIds) {
            jdbc.sql("INSERT INTO sta_thing_locations (thing_id, location_id) VALUES (?, ?)").params(thing, locationRow(location)).update();
        }
        insertHistoricalLocation(thingId, at, locationIds);
    }

    public long insertHistoricalLocation(long thingId, Instant time, List<Long> locationIds) {
        long row = Rows.insert(jdbc.sql("INSERT INTO sta_historical_locations (thing_id, at_time) VALUES (?, ?)")
                .params(ThingIds.rowId(thingId), Rows.timestamp(time)));
        for (long location : locationIds) {
            jdbc.sql("INSERT INTO sta_historical_location_locations (historical_location_id, location_id) VALUES (?, ?)")
                    .params(row, locationRow(location)).update();
        }
        return ThingIds.ofGenericThing(EntityType.HISTORICAL_LOCATION, row);
    }

    public long insertFeature(Described feature) {
        return insertFeature(feature, null);
    }

    public boolean featureExists(long featureId) {
        return ThingIds.isOfGenericThing(EntityType.FEATURE_OF_INTEREST, featureId) && count("sta_features", featureRow(featureId)) > 0;
    }

    /**
     * The FeatureOfInterest of an Observation that names none (OGC 18-088 §10.2.1.1): the one made from the generic
     * Thing's Location (the newest, if it has several), made now if there is none yet; empty when the Thing has no Location.
     */
    public Optional<Long> featureOfThing(long thingId) {
        Optional<Long> location = jdbc.sql("SELECT location_id FROM sta_thing_locations WHERE thing_id = ? ORDER BY location_id DESC "
                + "FETCH FIRST 1 ROW ONLY").param(ThingIds.rowId(thingId)).query(Long.class).optional();
        if (location.isEmpty()) return Optional.empty();
        Optional<Long> made = jdbc.sql("SELECT id FROM sta_features WHERE location_id = ? ORDER BY id FETCH FIRST 1 ROW ONLY")
                .param(location.get()).query(Long.class).optional();
        if (made.isPresent()) return Optional.of(ThingIds.ofGenericThing(EntityType.FEATURE_OF_INTEREST, made.get()));
        Described from = jdbc.sql("SELECT name, description, encoding_type, " + Geometries.select("location") + " FROM sta_locations WHERE id = ?")
                .param(location.get()).query((rs, n) -> new Described(rs.getString("name"), rs.getString("description"),
                        rs.getString("encoding_type"), Geometries.read(rs, "location", Point.class))).single();
        return Optional.of(insertFeature(from, location.get()));
    }

    /** Records which FeatureOfInterest an Observation (every version of it, and of one given again after a retraction) is of. */
    public void recordFeature(long datastreamId, Instant phenomenonTime, long featureId) {
        jdbc.sql("DELETE FROM sta_observation_features WHERE datastream_id = ? AND phenomenon_time = ?")
                .params(datastreamId, Rows.timestamp(phenomenonTime)).update();
        jdbc.sql("INSERT INTO sta_observation_features (datastream_id, phenomenon_time, feature_id) VALUES (?, ?, ?)")
                .params(datastreamId, Rows.timestamp(phenomenonTime), featureRow(featureId)).update();
    }

    /** The current readings of a generic Thing's FeatureOfInterest, by Observation id (V6_27). */
    public List<Long> observationsOf(long featureId) {
        return jdbc.sql("SELECT r.sta_id FROM readings r JOIN sta_observation_features f ON f.datastream_id = r.datastream_id "
                + "AND f.phenomenon_time = r.phenomenon_time WHERE f.feature_id = ? AND r.current_version ORDER BY r.id")
                .param(featureRow(featureId)).query(Long.class).list();
    }

    public void insertDatastream(long datastreamId, long thingId, DatastreamDescription d) {
        jdbc.sql("INSERT INTO sta_datastreams (datastream_id, thing_id, name, description, unit_name, unit_symbol, unit_definition, "
                + "observation_type) VALUES (?, ?, ?, ?, ?, ?, ?, ?)").params(datastreamId, ThingIds.rowId(thingId), d.name(), d.description(),
                d.unitName(), d.unitSymbol(), d.unitDefinition(), d.observationType()).update();
    }

    public void describeSensor(long sensorId, String name, String encodingType, String metadata) {
        jdbc.sql("INSERT INTO sta_sensors (sensor_id, name, encoding_type, metadata) VALUES (?, ?, ?, ?)")
                .params(sensorId, name, encodingType, metadata).update();
    }

    public void describeObservedProperty(long parameterId, String definition, String description) {
        jdbc.sql("INSERT INTO sta_observed_properties (parameter_id, definition, description) VALUES (?, ?, ?)")
                .params(parameterId, definition, description).update();
    }

    /**
     * Deletes a generic Thing's Location, HistoricalLocation or FeatureOfInterest; a Location takes the
     * HistoricalLocations recording it along (as the standard's integrity rules say), a FeatureOfInterest its link to
     * Observations (whose readings the caller retracts first). 404 when there is none.
     */
    public void delete(EntityType type, long id) {
        long row = ThingIds.genericRowId(type, id);
        if (type == EntityType.LOCATION) {
            jdbc.sql("DELETE FROM sta_historical_locations WHERE id IN (SELECT historical_location_id FROM sta_historical_location_locations "
                    + "WHERE location_id = ?)").param(row).update();
        }
        if (jdbc.sql("DELETE FROM " + table(type) + " WHERE id = ?").param(row).update() == 0) {
            throw new StaNotFoundException(new InvalidInput("ogc.sta.noEntity", null, type.setName(), id));
        }
    }

    static String table(EntityType type) {
        return switch (type) {
            case LOCATION -> "sta_locations";
            case HISTORICAL_LOCATION -> "sta_historical_locations";
            case FEATURE_OF_INTEREST -> "sta_features";
            default -> throw new IllegalArgumentException(type.name());
        };
    }

    private long insertFeature(Described feature, Long locationRow) {
        return ThingIds.ofGenericThing(EntityType.FEATURE_OF_INTEREST, Rows.insert(jdbc.sql("INSERT INTO sta_features (name, description, "
                + "encoding_type, feature, location_id) VALUES (?, ?, ?, " + Geometries.BIND + ", ?)").params(feature.name(), feature.description(),
                feature.encodingType(), Geometries.wkb(feature.geometry()), locationRow)));
    }

    private long count(String table, long row) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE id = ?").param(row).query(Long.class).single();
    }

    private static long locationRow(long locationId) {
        return ThingIds.genericRowId(EntityType.LOCATION, locationId);
    }

    private static long featureRow(long featureId) {
        return ThingIds.genericRowId(EntityType.FEATURE_OF_INTEREST, featureId);
    }
}
