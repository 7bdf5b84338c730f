package org.groundwatergateway.ogc.sta.persistence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.groundwatergateway.core.monitoring.Retirement;
import org.groundwatergateway.core.storage.Database;
import org.groundwatergateway.core.storage.Geometries;
import org.groundwatergateway.core.storage.Rows;
import org.groundwatergateway.ogc.sta.model.EntityType;
import org.groundwatergateway.ogc.sta.query.StaNotFoundException;
import org.groundwatergateway.ogc.sta.query.StaQueryException;
import org.locationtech.jts.geom.Geometry;
import org.springframework.dao.DataIntegrityViolationException;

/**
 * PATCH and DELETE of stored entities (OGC 18-088 §10.3-10.4) on the columns a SensorThings property maps to; a DELETE
 * retires ({@link Retirement}), it removes nothing.
 * Things are wells, weather stations or generic Things, Locations those of wells and weather stations ({@link ThingIds}).
 * Readings are not changed here: the platform
 * keeps every raw value and corrects by adding versions through the review queue (a DELETE of an Observation is a
 * retraction, which adds a version too).
 */
public final class EntityUpdates {

    /** A change the data's integrity forbids, such as deleting a Location apart from its Thing (409). */
    public static final class Refused extends RuntimeException {
        public Refused(String message) {
            super(message);
        }
    }

    private static final Map<EntityType, Map<String, String>> COLUMNS = Map.of(
            EntityType.THING, Map.of("name", "code", "description", "name_zh", "properties/status", "status"),
            EntityType.LOCATION, Map.of("location", "location"),
            EntityType.SENSOR, Map.of("name", "code", "description", "model", "properties/mn", "mn", "properties/model", "model",
                    "properties/serialNumber", "serial_number", "properties/calibrationIntervalDays", "calibration_interval_days"),
            EntityType.OBSERVED_PROPERTY, Map.of("name", "name_en", "description", "name_zh"),
            EntityType.DATASTREAM, Map.of("name", "code", "properties/intervalMinutes", "interval_minutes"));
    /** A generic Thing ({@link ThingIds#isGeneric}): its properties are one JSON object, replaced as a whole. */
    private static final Map<String, String> GENERIC_THING = Map.of("name", "name", "description", "description", "properties", "properties");

    private final Database database;
    private final Retirement retirement;

    public EntityUpdates(Database database) {
        this.database = database;
        this.retirement = new Retirement(database);
    }

    /** The properties PATCH may change on an entity, by SensorThings name. */
    public static Set<String> changeable(EntityType type, long id) {
        Map<String, String> columns = columns(type, id);
        return columns == null ? Set.of() : columns.keySet();
    }

    private static Map<String, String> columns(EntityType type, long id) {
        return type == EntityType.THING && ThingIds.isGeneric(id) ? GENERIC_THING : COLUMNS.get(type);
    }

    /** Sets properties (by SensorThings name; geometries as JTS) of one entity; 404 when it does not exist. */
    public void update(EntityType type, long id, Map<String, Object> values) {
        Map<String, String> columns = columns(type, id);
        if (columns == null) throw new Refused(refusal(type, "changed"));
        Retirement.Entry entry = entry(type, id);
        if (type == EntityType.LOCATION && !shown(type, id)) throw new StaNotFoundException("no " + type.setName() + "(" + id + ")");
        StringBuilder sql = new StringBuilder("UPDATE " + entry.register() + " SET ");
        List<Object> parameters = new ArrayList<>();
        for (Map.Entry<String, Object> value : values.entrySet()) {
            String column = columns.get(value.getKey());
            if (column == null || (column.equals("status") && ThingIds.isWeatherStation(id))) {
                throw new StaQueryException(value.getKey() + " of a " + type.entityName() + " cannot be changed; changeable: " + columns.keySet());
            }
            if (!parameters.isEmpty()) sql.append(", ");
            if (value.getValue() instanceof Geometry g) {
                sql.append(column).append(" = ").append(Geometries.BIND);
                parameters.add(Geometries.wkb(g));
            } else {
                sql.append(column).append(" = ?");
                parameters.add(value.getValue());
            }
        }
        if (parameters.isEmpty()) return;
        parameters.add(rowId(type, id));
        int changed;
        try {
            changed = database.jdbc().sql(sql.append(" WHERE id = ? AND ").append(entry.inService()).toString()).params(parameters).update();
        } catch (DataIntegrityViolationException e) {
            throw new Refused("the change conflicts with stored data: " + e.getMostSpecificCause().getMessage());
        }
        if (changed == 0) throw new StaNotFoundException("no " + type.setName() + "(" + id + ")");
    }

    /**
     * Takes an entity out of service ({@link Retirement}): its Datastreams go with it and their Observations are
     * retracted, everything stays stored for audit. Locations are their Things' positions and are not deleted alone.
     */
    public void retire(EntityType type, long id, String actor, Instant at) {
        if (!COLUMNS.containsKey(type) || type == EntityType.LOCATION) throw new Refused(refusal(type, "deleted"));
        if (retirement.retire(entry(type, id), rowId(type, id), actor, at) == null) {
            throw new StaNotFoundException("no " + type.setName() + "(" + id + ")");
        }
    }

    /**
     * Deletes a well's or weather station's Location or HistoricalLocation from SensorThings: the link is recorded
     * ({@code sta_unlinked_places}) and SensorThings shows it no more, while the well keeps its position everywhere
     * else. 404 when SensorThings shows no such entity.
     */
    public void unlink(EntityType type, long id, String actor, Instant at) {
        if (type != EntityType.LOCATION && type != EntityType.HISTORICAL_LOCATION) throw new IllegalArgumentException(type.name());
        if (!shown(type, id)) throw new StaNotFoundException("no " + type.setName() + "(" + id + ")");
        database.jdbc().sql("INSERT INTO sta_unlinked_places (thing_id, entity, unlinked_by, unlinked_at) VALUES (?, ?, ?, ?)")
                .params(id, type.name(), actor, Rows.timestamp(at)).update();
    }

    /** Links a well's or weather station's Location (and so its HistoricalLocation) to SensorThings again. */
    public void relink(long thingId) {
        database.jdbc().sql("DELETE FROM sta_unlinked_places WHERE thing_id = ?").param(thingId).update();
    }

    /** Whether SensorThings shows this entity (to a viewer who sees everything). */
    private boolean shown(EntityType type, long id) {
        EntityTable table = Schema.table(type);
        return database.jdbc().sql("SELECT COUNT(*) FROM " + table.from("e") + " WHERE e.id = ? AND " + table.condition("e"))
                .param(id).query(Integer.class).single() > 0;
    }

    /** Removes a row this request created a moment ago, when a later part of it failed (nothing refers to it yet). */
    public void undoCreation(EntityType type, long id) {
        database.jdbc().sql("DELETE FROM " + entry(type, id).register() + " WHERE id = ?").param(rowId(type, id)).update();
    }

    private static long rowId(EntityType type, long id) {
        return type == EntityType.THING || type == EntityType.LOCATION ? ThingIds.rowId(id) : id;
    }

    private static Retirement.Entry entry(EntityType type, long id) {
        return switch (type) {
            case THING -> ThingIds.isGeneric(id) ? Retirement.Entry.GENERIC_THING
                    : ThingIds.isWeatherStation(id) ? Retirement.Entry.WEATHER_STATION : Retirement.Entry.WELL;
            case LOCATION -> {
                // A generic Thing's id names no Location (its row id would name a well's).
                if (ThingIds.isGeneric(id)) throw new StaNotFoundException("no Locations(" + id + ")");
                yield ThingIds.isWeatherStation(id) ? Retirement.Entry.WEATHER_STATION : Retirement.Entry.WELL;
            }
            case SENSOR -> Retirement.Entry.SENSOR;
            case OBSERVED_PROPERTY -> Retirement.Entry.OBSERVED_PROPERTY;
            case DATASTREAM -> Retirement.Entry.DATASTREAM;
            default -> throw new IllegalStateException(type.name());
        };
    }

    private static String refusal(EntityType type, String what) {
        return switch (type) {
            case OBSERVATION -> "Observations are never " + what + ": raw values are kept, and a reviewer corrects or rejects a "
                    + "reading by adding a version (POST /api/v1/reviews/{id}/decision)";
            default -> type.setName() + " are derived from Things and cannot be " + what + " on their own";
        };
    }
}
