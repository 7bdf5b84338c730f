package org.groundwatergateway.ogc.sta.persistence;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.groundwatergateway.core.storage.Database;
import org.groundwatergateway.core.storage.Geometries;
import org.groundwatergateway.ogc.sta.model.EntityType;
import org.groundwatergateway.ogc.sta.query.StaNotFoundException;
import org.groundwatergateway.ogc.sta.query.StaQueryException;
import org.locationtech.jts.geom.Geometry;
import org.springframework.dao.DataIntegrityViolationException;

/**
 * PATCH and DELETE of stored entities (OGC 18-088 §10.3-10.4) on the columns a SensorThings property maps to.
 * Things and Locations are wells or weather stations ({@link ThingIds}). Readings are not changed here: the platform
 * keeps every raw value and corrects by adding versions through the review queue (a DELETE of an Observation is a
 * retraction, which adds a version too).
 */
public final class EntityUpdates {

    /** A change the data's integrity forbids, such as deleting a Datastream that has Observations (409). */
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

    private final Database database;

    public EntityUpdates(Database database) {
        this.database = database;
    }

    /** The properties PATCH may change on an entity type, by SensorThings name. */
    public static Set<String> changeable(EntityType type) {
        return COLUMNS.getOrDefault(type, Map.of()).keySet();
    }

    /** Sets properties (by SensorThings name; geometries as JTS) of one entity; 404 when it does not exist. */
    public void update(EntityType type, long id, Map<String, Object> values) {
        Map<String, String> columns = COLUMNS.get(type);
        if (columns == null) throw new Refused(refusal(type, "changed"));
        String table = table(type, id);
        StringBuilder sql = new StringBuilder("UPDATE " + table + " SET ");
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
            changed = database.jdbc().sql(sql.append(" WHERE id = ?").toString()).params(parameters).update();
        } catch (DataIntegrityViolationException e) {
            throw new Refused("the change conflicts with stored data: " + e.getMostSpecificCause().getMessage());
        }
        if (changed == 0) throw new StaNotFoundException("no " + type.setName() + "(" + id + ")");
    }

    public void delete(EntityType type, long id) {
        if (!COLUMNS.containsKey(type) || type == EntityType.LOCATION) throw new Refused(refusal(type, "deleted"));
        int deleted;
        try {
            deleted = database.jdbc().sql("DELETE FROM " + table(type, id) + " WHERE id = ?").param(rowId(type, id)).update();
        } catch (DataIntegrityViolationException e) {
            throw new Refused(type.entityName() + " " + id + " is still referenced (by datastreams, observations, reviews or "
                    + "maintenance records) and cannot be deleted");
        }
        if (deleted == 0) throw new StaNotFoundException("no " + type.setName() + "(" + id + ")");
    }

    private static long rowId(EntityType type, long id) {
        return type == EntityType.THING || type == EntityType.LOCATION ? ThingIds.rowId(id) : id;
    }

    private static String table(EntityType type, long id) {
        return switch (type) {
            case THING, LOCATION -> ThingIds.table(id);
            case SENSOR -> "sensors";
            case OBSERVED_PROPERTY -> "parameters";
            case DATASTREAM -> "datastreams";
            default -> throw new IllegalStateException(type.name());
        };
    }

    private static String refusal(EntityType type, String what) {
        return switch (type) {
            case OBSERVATION -> "Observations are never " + what + ": raw values are kept, and a reviewer corrects or rejects a "
                    + "reading by adding a version (POST /api/v1/reviews/{id}/decision)";
            case LOCATION -> "a Location is its Thing's position: PATCH its location, or delete the Thing";
            default -> type.setName() + " are derived from Things and cannot be " + what + " on their own";
        };
    }
}
