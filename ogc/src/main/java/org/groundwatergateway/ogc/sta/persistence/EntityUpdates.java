package org.groundwatergateway.ogc.sta.persistence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.groundwatergateway.core.monitoring.Retirement;
import org.groundwatergateway.core.problem.CataloguedRefusal;
import org.groundwatergateway.core.problem.InvalidInput;
import org.groundwatergateway.core.storage.Database;
import org.groundwatergateway.core.storage.Geometries;
import org.groundwatergateway.core.storage.Rows;
import org.groundwatergateway.ogc.sta.model.EntityType;
import org.groundwatergateway.ogc.sta.query.StaNotFoundException;
import org.groundwatergateway.ogc.sta.query.StaQueryException;
import org.locationtech.jts.geom.Geometry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;

/**
 * PATCH and DELETE of stored entities (OGC 18-088 §10.3-10.4) on the columns a SensorThings property maps to, in the
 * registers and in what SensorThings keeps beside them (V6_25); a DELETE of a Thing, Sensor, ObservedProperty or
 * Datastream retires it ({@link Retirement}), it removes nothing.
 * Things are wells, weather stations or generic Things ({@link ThingIds}); a generic Thing's Locations, HistoricalLocations
 * and FeaturesOfInterest are rows of SensorThings' own ({@link SensorThingsRows}).
 * Readings are not changed here: the platform
 * keeps every raw value and corrects by adding versions through the review queue (a DELETE of an Observation is a
 * retraction, which adds a version too).
 */
public final class EntityUpdates {

    private static final Logger log = LoggerFactory.getLogger(EntityUpdates.class);

    /** How a reviewer corrects or rejects a reading, quoted by the refusals to change or delete an Observation. */
    private static final String REVIEW = "POST /api/v1/reviews/{id}/decision";

    /** A change the data's integrity forbids, such as deleting a Location apart from its Thing (409). */
    public static final class Refused extends CataloguedRefusal {
        public Refused(InvalidInput problem) {
            super(problem);
        }
    }

    /**
     * Where PATCH writes a property: a row of {@code table} keyed by {@code key}, which holds the entity's columns
     * (SensorThings name to column). A row beside a register ({@code beside}) is made by the first change that needs it.
     */
    private record Target(String table, String key, long row, String inService, Map<String, String> columns, boolean beside) {}

    private static final Map<String, String> WELL = Map.of("name", "code", "description", "name_zh", "properties/status", "status");
    private static final Map<String, String> SENSOR = Map.of("description", "model", "properties/mn", "mn", "properties/model", "model",
            "properties/serialNumber", "serial_number", "properties/calibrationIntervalDays", "calibration_interval_days");
    /** What a client gives beside the registers' columns (V6_25). */
    private static final Map<String, String> SENSOR_BESIDE = Map.of("encodingType", "encoding_type", "metadata", "metadata");
    private static final Map<String, String> OBSERVED_PROPERTY_BESIDE = Map.of("definition", "definition", "description", "description");
    private static final Map<String, String> GENERIC_DATASTREAM = Map.of("name", "name", "description", "description",
            "unitOfMeasurement/name", "unit_name", "unitOfMeasurement/symbol", "unit_symbol", "unitOfMeasurement/definition", "unit_definition",
            "observationType", "observation_type");
    /** A generic Thing's Location or FeatureOfInterest, rows of SensorThings' own ({@link SensorThingsRows}). */
    private static final Map<String, String> GENERIC_PLACE = Map.of("name", "name", "description", "description", "encodingType", "encoding_type");
    /** A generic Thing ({@link ThingIds#isGeneric}): its properties are one JSON object, replaced as a whole. */
    private static final Map<String, String> GENERIC_THING = Map.of("name", "name", "description", "description", "properties", "properties");
    /** What a DELETE retires ({@link Retirement}); a generic Thing's places are deleted ({@link SensorThingsRows#delete}). */
    private static final Set<EntityType> RETIRED = Set.of(EntityType.THING, EntityType.SENSOR, EntityType.OBSERVED_PROPERTY, EntityType.DATASTREAM);
    private static final Set<EntityType> GENERIC_PLACES = Set.of(EntityType.LOCATION, EntityType.HISTORICAL_LOCATION, EntityType.FEATURE_OF_INTEREST);

    private final Database database;
    private final Retirement retirement;

    public EntityUpdates(Database database) {
        this.database = database;
        this.retirement = new Retirement(database);
    }

    /** The properties PATCH may change on an entity, by SensorThings name. */
    public Set<String> changeable(EntityType type, long id) {
        Set<String> names = new TreeSet<>();
        targets(type, id).forEach(t -> names.addAll(t.columns().keySet()));
        return names;
    }

    /** The rows an entity's properties live in, its own first; none for an entity PATCH cannot change. */
    private List<Target> targets(EntityType type, long id) {
        return switch (type) {
            case THING -> ThingIds.isGeneric(id) ? List.of(register(Retirement.Entry.GENERIC_THING, ThingIds.rowId(id), GENERIC_THING))
                    : List.of(register(entry(type, id), ThingIds.rowId(id), WELL));
            case LOCATION -> ThingIds.isOfGenericThing(type, id) ? List.of(generic(type, id, with(GENERIC_PLACE, "location", "location")))
                    : List.of(register(entry(type, id), ThingIds.rowId(id), Map.of("location", "location")));
            case HISTORICAL_LOCATION -> ThingIds.isOfGenericThing(type, id) ? List.of(generic(type, id, Map.of("time", "at_time"))) : List.of();
            case FEATURE_OF_INTEREST -> ThingIds.isOfGenericThing(type, id) ? List.of(generic(type, id, with(GENERIC_PLACE, "feature", "feature")))
                    : List.of();
            case SENSOR -> {
                // A Sensor of no logger keeps its client's name beside the register (whose unique code names loggers).
                boolean named = count("SELECT COUNT(*) FROM sta_sensors WHERE sensor_id = ? AND name IS NOT NULL", id) > 0;
                yield List.of(register(Retirement.Entry.SENSOR, id, named ? SENSOR : with(SENSOR, "name", "code")),
                        beside("sta_sensors", "sensor_id", id, named ? with(SENSOR_BESIDE, "name", "name") : SENSOR_BESIDE));
            }
            case OBSERVED_PROPERTY -> List.of(register(Retirement.Entry.OBSERVED_PROPERTY, id, Map.of("name", "name_en")),
                    beside("sta_observed_properties", "parameter_id", id, OBSERVED_PROPERTY_BESIDE));
            case DATASTREAM -> count("SELECT COUNT(*) FROM sta_datastreams WHERE datastream_id = ?", id) > 0
                    ? List.of(register(Retirement.Entry.DATASTREAM, id, Map.of("properties/intervalMinutes", "interval_minutes")),
                            new Target("sta_datastreams", "datastream_id", id, null, GENERIC_DATASTREAM, false))
                    : List.of(register(Retirement.Entry.DATASTREAM, id, Map.of("name", "code", "properties/intervalMinutes", "interval_minutes")));
            default -> List.of();
        };
    }

    private static Target register(Retirement.Entry entry, long row, Map<String, String> columns) {
        return new Target(entry.register(), "id", row, entry.inService(), columns, false);
    }

    private static Target beside(String table, String key, long row, Map<String, String> columns) {
        return new Target(table, key, row, null, columns, true);
    }

    private static Target generic(EntityType type, long id, Map<String, String> columns) {
        return new Target(SensorThingsRows.table(type), "id", ThingIds.genericRowId(type, id), null, columns, false);
    }

    private static Map<String, String> with(Map<String, String> columns, String name, String column) {
        Map<String, String> more = new HashMap<>(columns);
        more.put(name, column);
        return Map.copyOf(more);
    }

    /** Sets properties (by SensorThings name; geometries as JTS, times as instants) of one entity; 404 when it does not exist. */
    public void update(EntityType type, long id, Map<String, Object> values) {
        List<Target> targets = targets(type, id);
        if (targets.isEmpty()) throw new Refused(type == EntityType.OBSERVATION ? new InvalidInput("ogc.sta.observationNeverChanged", null, REVIEW)
                : new InvalidInput("ogc.sta.derivedNotChanged", null, type.setName()));
        Target own = targets.get(0);
        if ((type == EntityType.LOCATION && !shown(type, id)) || count("SELECT COUNT(*) FROM " + own.table() + " WHERE " + own.key() + " = ?"
                + (own.inService() == null ? "" : " AND " + own.inService()), own.row()) == 0) {
            throw new StaNotFoundException(new InvalidInput("ogc.sta.noEntity", null, type.setName(), id));
        }
        for (String name : values.keySet()) {
            boolean known = targets.stream().anyMatch(t -> t.columns().containsKey(name));
            if (!known || (name.equals("properties/status") && ThingIds.isWeatherStation(id))) {
                throw new StaQueryException(new InvalidInput("ogc.sta.notChangeable", name, type.entityName(), changeable(type, id)));
            }
        }
        try {
            for (Target target : targets) write(target, values);
        } catch (DataIntegrityViolationException e) {
            // The driver's text names the other row's value and the schema: logged, not told to a writer who may not see that row.
            log.info("SensorThings update of {} {} refused by the database: {}", type.entityName(), id, e.getMostSpecificCause().getMessage());
            throw new Refused(new InvalidInput("ogc.sta.conflict", null));
        }
    }

    /** Writes the values that live in one target's row, making a row beside a register first if there is none. */
    private void write(Target target, Map<String, Object> values) {
        List<String> columns = new ArrayList<>();
        List<Object> parameters = new ArrayList<>();
        List<String> binds = new ArrayList<>();
        values.forEach((name, value) -> {
            String column = target.columns().get(name);
            if (column == null) return;
            columns.add(column);
            binds.add(value instanceof Geometry ? Geometries.BIND : "?");
            parameters.add(value instanceof Geometry g ? Geometries.wkb(g) : value instanceof Instant t ? Rows.timestamp(t) : value);
        });
        if (columns.isEmpty()) return;
        if (target.beside() && count("SELECT COUNT(*) FROM " + target.table() + " WHERE " + target.key() + " = ?", target.row()) == 0) {
            database.jdbc().sql("INSERT INTO " + target.table() + " (" + target.key() + ") VALUES (?)").param(target.row()).update();
        }
        StringBuilder sql = new StringBuilder("UPDATE " + target.table() + " SET ");
        for (int i = 0; i < columns.size(); i++) sql.append(i == 0 ? "" : ", ").append(columns.get(i)).append(" = ").append(binds.get(i));
        sql.append(" WHERE ").append(target.key()).append(" = ?");
        if (target.inService() != null) sql.append(" AND ").append(target.inService());
        parameters.add(target.row());
        database.jdbc().sql(sql.toString()).params(parameters).update();
    }

    private long count(String sql, long value) {
        return database.jdbc().sql(sql).param(value).query(Long.class).single();
    }

    /**
     * Takes an entity out of service ({@link Retirement}): its Datastreams go with it and their Observations are
     * retracted, everything stays stored for audit. Locations are their Things' positions and are not deleted alone.
     */
    public void retire(EntityType type, long id, String actor, Instant at) {
        if (!RETIRED.contains(type)) throw new Refused(type == EntityType.OBSERVATION ? new InvalidInput("ogc.sta.observationNeverDeleted", null, REVIEW)
                : new InvalidInput("ogc.sta.derivedNotDeleted", null, type.setName()));
        if (retirement.retire(entry(type, id), rowId(type, id), actor, at) == null) {
            throw new StaNotFoundException(new InvalidInput("ogc.sta.noEntity", null, type.setName(), id));
        }
    }

    /**
     * Deletes a well's or weather station's Location or HistoricalLocation from SensorThings: the link is recorded
     * ({@code sta_unlinked_places}) and SensorThings shows it no more, while the well keeps its position everywhere
     * else. 404 when SensorThings shows no such entity.
     */
    public void unlink(EntityType type, long id, String actor, Instant at) {
        if (type != EntityType.LOCATION && type != EntityType.HISTORICAL_LOCATION) throw new IllegalArgumentException(type.name());
        if (!shown(type, id)) throw new StaNotFoundException(new InvalidInput("ogc.sta.noEntity", null, type.setName(), id));
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

    /**
     * Removes a row this request created a moment ago, when a later part of it failed (nothing refers to it yet; what
     * SensorThings keeps beside it goes with it, V6_25).
     */
    public void undoCreation(EntityType type, long id) {
        if (GENERIC_PLACES.contains(type) && ThingIds.isOfGenericThing(type, id)) {
            database.jdbc().sql("DELETE FROM " + SensorThingsRows.table(type) + " WHERE id = ?").param(ThingIds.genericRowId(type, id)).update();
            return;
        }
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
                if (ThingIds.isGeneric(id)) throw new StaNotFoundException(new InvalidInput("ogc.sta.noEntity", null, "Locations", id));
                yield ThingIds.isWeatherStation(id) ? Retirement.Entry.WEATHER_STATION : Retirement.Entry.WELL;
            }
            case SENSOR -> Retirement.Entry.SENSOR;
            case OBSERVED_PROPERTY -> Retirement.Entry.OBSERVED_PROPERTY;
            case DATASTREAM -> Retirement.Entry.DATASTREAM;
            default -> throw new IllegalStateException(type.name());
        };
    }

}
