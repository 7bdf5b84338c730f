package org.groundwatergateway.ogc.sta.persistence;

import static org.groundwatergateway.ogc.sta.model.ValueType.DATE;
import static org.groundwatergateway.ogc.sta.model.ValueType.DATETIME;
import static org.groundwatergateway.ogc.sta.model.ValueType.GEOMETRY;
import static org.groundwatergateway.ogc.sta.model.ValueType.JSON;
import static org.groundwatergateway.ogc.sta.model.ValueType.NUMBER;
import static org.groundwatergateway.ogc.sta.model.ValueType.STRING;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.groundwatergateway.core.monitoring.Retirement;
import org.groundwatergateway.ogc.sta.model.EntityType;
import org.groundwatergateway.ogc.sta.model.ValueType;

/**
 * The fixed mapping of the SensorThings data model onto the platform's tables; the only source of table and
 * column names in generated SQL.
 *
 * <p>A Thing is a well, a weather station or a generic Thing, numbered as {@link ThingIds} says so that the three
 * tables share one id space. A well or weather station has one Location and HistoricalLocation (until deleted through
 * SensorThings, which unlinks them) and, while it has Observations, one FeatureOfInterest (its position), all with the
 * Thing's id; a generic Thing has none yet. An Observation is the current version of a reading.
 */
final class Schema {

    /** Wells and weather stations as one table: the Things that stand at a place, with their properties' columns. */
    private static final String PLACED = "SELECT w.id, w.code, w.name_zh, CAST('well' AS VARCHAR(16)) AS kind, w.park_id, "
            + "w.aquifer_id, w.role, w.status, w.ground_elevation_m, w.casing_top_elevation_m, w.screen_top_depth_m, "
            + "w.screen_bottom_depth_m, w.location, CAST(NULL AS VARCHAR(8000)) AS properties FROM wells w UNION ALL "
            + "SELECT " + ThingIds.stationSql("s.id") + ", s.code, s.name_zh, CAST('weather-station' AS VARCHAR(16)), s.park_id, CAST(NULL AS BIGINT), "
            + "CAST(NULL AS VARCHAR(32)), CAST(NULL AS VARCHAR(32)), CAST(NULL AS DOUBLE PRECISION), CAST(NULL AS DOUBLE PRECISION), "
            + "CAST(NULL AS DOUBLE PRECISION), CAST(NULL AS DOUBLE PRECISION), s.location, CAST(NULL AS VARCHAR(8000)) FROM weather_stations s";

    /** The Locations, HistoricalLocations and FeaturesOfInterest of wells and weather stations (each with its Thing's id). */
    private static final String PLACES = "(" + PLACED + ")";

    /**
     * Every Location: those of wells and weather stations (their positions, with their Things' ids), and those of
     * generic Things ({@code sta_locations}, numbered from {@link ThingIds#LOCATION_BASE}, linked to their Things in
     * {@code sta_thing_locations}).
     */
    private static final String LOCATIONS = "(SELECT p.id, p.code AS name, p.name_zh AS description, CAST(NULL AS VARCHAR(100)) AS encoding_type, "
            + "p.location FROM " + PLACES + " p UNION ALL SELECT (l.id + " + ThingIds.LOCATION_BASE + "), l.name, l.description, l.encoding_type, "
            + "l.location FROM sta_locations l)";

    /**
     * Every HistoricalLocation: one per well and weather station (with its Thing's id, since its first reading), and
     * those of generic Things in service ({@code sta_historical_locations}, from {@link ThingIds#HISTORICAL_LOCATION_BASE}).
     */
    private static final String HISTORICAL_LOCATIONS = "(SELECT p.id, p.id AS thing_id, CAST(NULL AS TIMESTAMP WITH TIME ZONE) AS at_time FROM "
            + PLACES + " p UNION ALL SELECT (h.id + " + ThingIds.HISTORICAL_LOCATION_BASE + "), " + ThingIds.genericSql("h.thing_id")
            + ", h.at_time FROM sta_historical_locations h JOIN sta_things t ON t.id = h.thing_id)";

    /**
     * Every FeatureOfInterest: wells and weather stations while observed (with their Things' ids), and those of generic
     * Things' Observations ({@code sta_features}, from {@link ThingIds#FEATURE_BASE}), which stand until deleted.
     */
    private static final String FEATURES = "(SELECT p.id, p.code AS name, p.name_zh AS description, CAST(NULL AS VARCHAR(100)) AS encoding_type, "
            + "p.location AS feature FROM " + PLACES + " p UNION ALL SELECT (f.id + " + ThingIds.FEATURE_BASE + "), f.name, f.description, "
            + "f.encoding_type, f.feature FROM sta_features f)";

    /** A generic Thing {t} (by SensorThings id) linked to a generic Location {l}. */
    private static final String THING_AT_LOCATION = "EXISTS (SELECT 1 FROM sta_thing_locations tl WHERE tl.thing_id = {t}.id - "
            + ThingIds.GENERIC_BASE + " AND tl.location_id = {l}.id - " + ThingIds.LOCATION_BASE + ")";

    /** A generic HistoricalLocation {h} (by SensorThings id) recording a generic Location {l}. */
    private static final String HISTORICAL_AT_LOCATION = "EXISTS (SELECT 1 FROM sta_historical_location_locations hl WHERE "
            + "hl.historical_location_id = {h}.id - " + ThingIds.HISTORICAL_LOCATION_BASE + " AND hl.location_id = {l}.id - " + ThingIds.LOCATION_BASE + ")";

    /**
     * Every Thing: wells and weather stations, and the generic Things created through SensorThings ({@code sta_things},
     * numbered as {@link ThingIds} says), which have no park, place or well attributes, only the properties their client
     * gave. A viewer restricted to some parks' rows sees none of them.
     */
    private static final String THINGS = "(" + PLACED + " UNION ALL SELECT " + ThingIds.genericSql("g.id") + ", g.name, g.description, "
            + "CAST(NULL AS VARCHAR(16)), CAST(NULL AS BIGINT), CAST(NULL AS BIGINT), CAST(NULL AS VARCHAR(32)), CAST(NULL AS VARCHAR(32)), "
            + "CAST(NULL AS DOUBLE PRECISION), CAST(NULL AS DOUBLE PRECISION), CAST(NULL AS DOUBLE PRECISION), CAST(NULL AS DOUBLE PRECISION), "
            + "CAST(NULL AS GEOMETRY), g.properties FROM sta_things g)";

    /**
     * Our datastreams, and those partners share with us, mirrored (numbered as {@link ForeignDatastreamIds} says), with
     * their origin: read-only, with no Thing, Sensor, ObservedProperty or Observations here (their observations are
     * read through the federation REST resource), and shown only where {@link #FOREIGN_SHOWN} holds.
     */
    private static final String DATASTREAMS = "(SELECT d.id, COALESCE(g.name, d.code) AS code, d.parameter_id, d.sensor_id, d.interval_minutes, "
            + "COALESCE(d.well_id, " + ThingIds.stationSql("d.weather_station_id") + ", " + ThingIds.genericSql("g.thing_id") + ") AS thing_id, "
            + "p.code AS parameter_code, COALESCE(g.description, p.name_en) AS parameter_name, "
            + "COALESCE(g.unit_symbol, p.unit) AS unit, COALESCE(w.location, s.location) AS observed_area, CAST(NULL AS VARCHAR(64)) AS origin_park, "
            + "CAST(NULL AS VARCHAR(100)) AS origin_gateway, CAST(NULL AS BIGINT) AS origin_remote_id, CAST(NULL AS VARCHAR(200)) AS origin_licence, "
            + "CAST(NULL AS VARCHAR(2000)) AS origin_disclosure, CAST(NULL AS VARCHAR(200)) AS origin_thing, "
            + "CAST(NULL AS TIMESTAMP WITH TIME ZONE) AS origin_last_success, COALESCE(g.unit_name, p.unit) AS unit_name, g.unit_definition, "
            + "g.observation_type FROM datastreams d JOIN parameters p ON p.id = d.parameter_id "
            + "LEFT JOIN wells w ON w.id = d.well_id LEFT JOIN weather_stations s ON s.id = d.weather_station_id "
            + "LEFT JOIN sta_datastreams g ON g.datastream_id = d.id "
            + "UNION ALL SELECT (f.id + " + ForeignDatastreamIds.BASE + "), f.name, CAST(NULL AS BIGINT), CAST(NULL AS BIGINT), CAST(NULL AS INTEGER), "
            + "CAST(NULL AS BIGINT), CAST(NULL AS VARCHAR(64)), f.description, f.unit, CAST(NULL AS GEOMETRY), fp.park_code, fp.gateway_id, f.remote_id, "
            + "f.licence, f.disclosure, f.thing, (SELECT m.last_success_at FROM federation_mirrors m WHERE m.peer_id = f.peer_id), f.unit, "
            + "CAST(NULL AS VARCHAR(500)), CAST(NULL AS VARCHAR(200)) FROM foreign_datastreams f JOIN federation_peers fp ON fp.id = f.peer_id)";

    /**
     * Where a condition holds only for viewers to whom the sharing policy shows {@code foreign_observations} unmasked
     * (what partners share with us is shown as they shared it, or not at all): {@link QueryContext#rowConditions}.
     */
    static final String FOREIGN_SHOWN = "{foreignShown}";

    /** The FeatureOfInterest (by SensorThings id) recorded for an Observation {o} of a generic Thing, if any: the select list and rest. */
    private static final String FEATURE_OF_OBSERVATION = "f.feature_id + " + ThingIds.FEATURE_BASE + " FROM sta_observation_features f WHERE "
            + "f.datastream_id = {o}.datastream_id AND f.phenomenon_time = {o}.phenomenon_time";

    private static final String GEOJSON = "application/geo+json";
    private static final String OM_MEASUREMENT = "http://www.opengis.net/def/observationType/OGC-OM/2.0/OM_Measurement";

    /** The Thing (well or weather station id, as Things number them) a datastream belongs to. */
    private static final String THING_OF_DATASTREAM = "COALESCE(d.well_id, " + ThingIds.stationSql("d.weather_station_id") + ")";
    /**
     * Where a column or condition summarises readings: the last instant the viewer is shown Observations of (with no
     * delay, the end of time; null if shown none), so a Datastream's time span and the FeaturesOfInterest with
     * Observations show no more than the Observations do ({@link QueryContext#columnSql}, {@link QueryContext#rowConditions}).
     */
    static final String SHOWN_UNTIL = "{shownUntil}";

    /**
     * SQL between these two is needed only under an Observations delay and left out without one, so that a query no
     * viewer's delay asks for (a search of every monthly partition of the readings) is not even planned.
     */
    static final String IF_DELAYED = "{ifDelayed}";
    static final String END_IF_DELAYED = "{/ifDelayed}";

    /** The readings {@code r}, read along their key: {@link StaDialect#readingsByKey}. */
    static final String READINGS_BY_KEY = "{readingsByKey}";

    /** The readings {@code alias} ordered by their key (datastream_id, phenomenon_time, version), all in one direction. */
    static List<SortKey> readingsKey(String alias, boolean descending) {
        return List.of(new SortKey(new Sql(alias + ".datastream_id"), descending), new SortKey(new Sql(alias + ".phenomenon_time"), descending),
                new SortKey(new Sql(alias + ".version"), descending));
    }

    /**
     * Where SQL summarises a datastream's readings by its row {@code l} of {@code latest_readings}: whether the viewer is
     * shown any of that datastream's Observations, so that with the Observations limited to some datastreams the others'
     * summaries (their time spans, their Things' first readings, their FeaturesOfInterest) tell nothing
     * ({@link QueryContext#columnSql}, {@link QueryContext#rowConditions}).
     */
    static final String OBSERVATIONS_OF_DATASTREAM_SHOWN = "{observationsOfDatastreamShown}";

    /**
     * Whether the datastreams {@code d} meeting {d} have a current reading the viewer is shown: a latest one is kept for
     * each that has one, with its first.
     */
    private static final String HAS_OBSERVATIONS = "EXISTS (SELECT 1 FROM datastreams d JOIN latest_readings l ON l.datastream_id = d.id "
            + "WHERE {d} AND l.first_phenomenon_time <= " + SHOWN_UNTIL + " AND " + OBSERVATIONS_OF_DATASTREAM_SHOWN + ")";

    /** An Observation's SensorThings id: the stored, indexed id of its lineage (V6_27). */
    static final String OBSERVATION_ID = "{a}.sta_id";

    private static final Map<EntityType, EntityTable> TABLES = new EnumMap<>(EntityType.class);

    static {
        add(new EntityTable(EntityType.THING, THINGS, null, List.of(
                id(),
                q("name", "{a}.code", STRING),
                q("description", "{a}.name_zh", STRING),
                q("properties/kind", "{a}.kind", STRING),
                q("properties/park", "(SELECT p.code FROM parks p WHERE p.id = {a}.park_id)", STRING),
                q("properties/aquifer", "(SELECT l.code FROM aquifer_layers l WHERE l.id = {a}.aquifer_id)", STRING),
                q("properties/role", "{a}.role", STRING),
                q("properties/status", "{a}.status", STRING),
                q("properties/groundElevationM", "{a}.ground_elevation_m", NUMBER),
                q("properties/casingTopElevationM", "{a}.casing_top_elevation_m", NUMBER),
                q("properties/screenTopDepthM", "{a}.screen_top_depth_m", NUMBER),
                q("properties/screenBottomDepthM", "{a}.screen_bottom_depth_m", NUMBER),
                // A generic Thing's own properties, merged into "properties"; only those the viewer's disclosure shows.
                output("properties", "{a}.properties", JSON)),
                Map.of("Locations", "({t}.id = {s}.id OR " + THING_AT_LOCATION.replace("{t}", "{s}").replace("{l}", "{t}") + ")",
                        "HistoricalLocations", "{t}.thing_id = {s}.id", "Datastreams", "{t}.thing_id = {s}.id")));
        add(new EntityTable(EntityType.LOCATION, LOCATIONS, linked("'LOCATION'"), List.of(
                id(),
                q("name", "{a}.name", STRING),
                q("description", "{a}.description", STRING),
                q("encodingType", "COALESCE({a}.encoding_type, '" + GEOJSON + "')", STRING),
                q("location", "{a}.location", GEOMETRY)),
                Map.of("Things", "({t}.id = {s}.id OR " + THING_AT_LOCATION.replace("{l}", "{s}") + ")",
                        "HistoricalLocations", "({t}.id = {s}.id OR " + HISTORICAL_AT_LOCATION.replace("{h}", "{t}").replace("{l}", "{s}") + ")")));
        // A HistoricalLocation records the Thing's Location: unlinking that takes it too.
        add(new EntityTable(EntityType.HISTORICAL_LOCATION, HISTORICAL_LOCATIONS, linked("'LOCATION', 'HISTORICAL_LOCATION'"), List.of(
                id(),
                // A generic Thing's as recorded; a well's since the first reading of any of its datastreams, each found on its index.
                q("time", "COALESCE({a}.at_time, (SELECT MIN(" + firstObserved("d.id") + ") FROM datastreams d WHERE "
                        + THING_OF_DATASTREAM + " = {a}.id))", DATETIME)),
                Map.of("Thing", "{s}.thing_id",
                        "Locations", "({t}.id = {s}.id OR " + HISTORICAL_AT_LOCATION.replace("{h}", "{s}").replace("{l}", "{t}") + ")")));
        add(new EntityTable(EntityType.DATASTREAM, DATASTREAMS, "({a}.origin_gateway IS NULL OR " + FOREIGN_SHOWN + ")", List.of(
                id(),
                q("name", "{a}.code", STRING),
                q("description", "{a}.parameter_name", STRING),
                q("unitOfMeasurement/name", "{a}.unit_name", STRING),
                q("unitOfMeasurement/symbol", "{a}.unit", STRING),
                // As a generic Thing's client gave it; otherwise the unit's QUDT IRI, written by the service.
                output("unitOfMeasurement/definition", "{a}.unit_definition", STRING),
                q("observationType", "COALESCE({a}.observation_type, '" + OM_MEASUREMENT + "')", STRING),
                q("observedArea", "{a}.observed_area", GEOMETRY),
                q("properties/parameter", "{a}.parameter_code", STRING),
                q("properties/intervalMinutes", "{a}.interval_minutes", NUMBER),
                // A partner's datastream, mirrored: where it comes from and on what terms (absent on ours).
                q("properties/origin/park", "{a}.origin_park", STRING),
                q("properties/origin/gateway", "{a}.origin_gateway", STRING),
                q("properties/origin/remoteId", "{a}.origin_remote_id", NUMBER),
                q("properties/origin/thing", "{a}.origin_thing", STRING),
                q("properties/origin/licence", "{a}.origin_licence", STRING),
                q("properties/origin/disclosure", "{a}.origin_disclosure", STRING),
                q("properties/origin/lastSuccessAt", "{a}.origin_last_success", DATETIME),
                output("phenomenonTime/start", firstObserved("{a}.id"), DATETIME),
                output("phenomenonTime/end", lastObserved("{a}.id"), DATETIME)),
                Map.of("Thing", "{s}.thing_id", "Sensor", "{s}.sensor_id",
                        "ObservedProperty", "{s}.parameter_id", "Observations", "{t}.datastream_id = {s}.id")));
        add(new EntityTable(EntityType.SENSOR, "(SELECT s.*, m.name, m.encoding_type, m.metadata FROM sensors s LEFT JOIN sta_sensors m "
                + "ON m.sensor_id = s.id)", null, List.of(
                id(),
                q("name", "COALESCE({a}.name, {a}.code)", STRING),
                q("description", "{a}.model", STRING),
                // As the client gave them; a logger's sensor is described by its device record (the service links it).
                q("encodingType", "COALESCE({a}.encoding_type, 'application/json')", STRING),
                q("metadata", "{a}.metadata", STRING),
                q("properties/mn", "{a}.mn", STRING),
                q("properties/model", "{a}.model", STRING),
                q("properties/serialNumber", "{a}.serial_number", STRING),
                q("properties/calibrationIntervalDays", "{a}.calibration_interval_days", NUMBER),
                q("properties/lastCalibratedOn", "{a}.last_calibrated_on", DATE)),
                Map.of("Datastreams", "{t}.sensor_id = {s}.id")));
        add(new EntityTable(EntityType.OBSERVED_PROPERTY, "(SELECT p.*, o.definition, o.description FROM parameters p "
                + "LEFT JOIN sta_observed_properties o ON o.parameter_id = p.id)", "{a}." + Retirement.Entry.OBSERVED_PROPERTY.inService(), List.of(
                id(),
                q("name", "{a}.name_en", STRING),
                q("description", "COALESCE({a}.description, {a}.name_zh)", STRING),
                // As the client gave it; a catalogue parameter's is its CAS entry or catalogue page (the service writes it).
                q("definition", "{a}.definition", STRING),
                q("properties/code", "{a}.code", STRING),
                q("properties/cas", "{a}.cas", STRING),
                q("properties/hj212Code", "{a}.hj212_code", STRING),
                q("properties/category", "{a}.category", STRING),
                // A parameter defined through SensorThings may have none (its Datastreams carry their own).
                q("properties/unit", "NULLIF({a}.unit, '')", STRING)),
                Map.of("Datastreams", "{t}.parameter_id = {s}.id")));
        // An Observation's id is that of the first version of its lineage (V6_27), the same through corrections, reviews and
        // PATCH; pages still break ties on the row's own id, so the (time, id) index serves newest-first pages.
        add(new EntityTable(EntityType.OBSERVATION, "readings", "{a}.current_version", List.of(
                q("id", OBSERVATION_ID, NUMBER),
                q("phenomenonTime", "{a}.phenomenon_time", DATETIME),
                // Only what the sender gave: a reading's arrival is not when its result was generated.
                q("resultTime", "(SELECT t.result_time FROM observation_result_times t WHERE t.datastream_id = {a}.datastream_id "
                        + "AND t.phenomenon_time = {a}.phenomenon_time AND t.first_version <= {a}.version ORDER BY t.first_version DESC "
                        + "FETCH FIRST 1 ROW ONLY)", DATETIME),
                q("result", "{a}.result_value", NUMBER),
                q("parameters/rawValue", "{a}.raw_value", NUMBER),
                q("parameters/version", "{a}.version", NUMBER),
                q("parameters/source", "{a}.source", STRING),
                q("parameters/receivedTime", "{a}.received_time", DATETIME),
                q("parameters/qualityFlags", "{a}.quality_flags", NUMBER)),
                Map.of("Datastream", "{s}.datastream_id",
                        // The well or weather station observed, or the one given (only a generic Thing's Observations are
                        // given one, and its Datastream has neither): COALESCE stops at the first value, so an Observation of
                        // a well costs one probe, not two (a hundred of a page's 0.3 ms on 10 M readings).
                        "FeatureOfInterest", "(SELECT COALESCE(" + THING_OF_DATASTREAM + ", (SELECT "
                                + FEATURE_OF_OBSERVATION.replace("{o}", "{s}") + ")) FROM datastreams d WHERE d.id = {s}.datastream_id)"),
                // A federation agreement shares some datastreams: their Observations only (policies.federation.Agreements).
                List.of(new Column("Datastream/id", "{a}.datastream_id", NUMBER, false))));
        // A Thing is a FeatureOfInterest while it has Observations: the standard makes one for the first Observation,
        // and deleting it deletes (here: retracts) its Observations, after which it is gone.
        // Two probes rather than THING_OF_DATASTREAM, so each finds the Thing's datastreams on an index.
        // A generic Thing's FeatureOfInterest stands until deleted, as the standard's do.
        add(new EntityTable(EntityType.FEATURE_OF_INTEREST, FEATURES, "({a}.id > " + ThingIds.FEATURE_BASE + " OR "
                + HAS_OBSERVATIONS.replace("{d}", "d.well_id = {a}.id") + " OR "
                + HAS_OBSERVATIONS.replace("{d}", "d.weather_station_id = {a}.id - " + ThingIds.STATION_BASE) + ")", List.of(
                id(),
                q("name", "{a}.name", STRING),
                q("description", "{a}.description", STRING),
                q("encodingType", "COALESCE({a}.encoding_type, '" + GEOJSON + "')", STRING),
                q("feature", "{a}.feature", GEOMETRY)),
                // One shape for both kinds (no OR around the datastream condition), so a well's Observations stay on their index.
                Map.of("Observations", "{t}.datastream_id IN (SELECT d.id FROM datastreams d WHERE " + THING_OF_DATASTREAM + " = {s}.id "
                        + "UNION ALL SELECT f.datastream_id FROM sta_observation_features f WHERE f.feature_id = {s}.id - " + ThingIds.FEATURE_BASE
                        + ") AND ({s}.id < " + ThingIds.FEATURE_BASE + " OR EXISTS (SELECT 1 FROM sta_observation_features f WHERE f.feature_id = {s}.id - "
                        + ThingIds.FEATURE_BASE + " AND f.datastream_id = {t}.datastream_id AND f.phenomenon_time = {t}.phenomenon_time))")));
    }

    private Schema() {}

    static EntityTable table(EntityType type) {
        return TABLES.get(type);
    }

    private static void add(EntityTable table) {
        TABLES.put(table.type(), table);
    }

    /**
     * A datastream's first current reading, as the viewer is shown it: kept with the latest in {@code latest_readings}
     * (V6_29) by every write of readings, rather than searched for in every monthly partition (two index probes per
     * partition per Datastream were most of an expanded Observations page); none if even the first is inside the delay.
     */
    private static String firstObserved(String datastreamId) {
        return "(SELECT CASE WHEN l.first_phenomenon_time <= " + SHOWN_UNTIL + " THEN l.first_phenomenon_time END FROM latest_readings l "
                + "WHERE l.datastream_id = " + datastreamId + " AND " + OBSERVATIONS_OF_DATASTREAM_SHOWN + ")";
    }

    /**
     * A datastream's latest current reading, as the viewer is shown it: the kept one, or, when a delay hides it, the last
     * before the delay. That one is searched as ORDER BY the readings key ... LIMIT 1 over {@link #READINGS_BY_KEY}, so
     * both databases walk the key (datastream_id, phenomenon_time, version) to the first current version: H2 2.4
     * otherwise takes the foreign key's index and reads the datastream's whole history (EXPLAIN ANALYZE on the demo
     * year: scanCount 8,762 against 1), and it sorts by an index only when the ORDER BY spells its columns.
     */
    private static String lastObserved(String datastreamId) {
        return "(SELECT CASE WHEN l.phenomenon_time <= " + SHOWN_UNTIL + " THEN l.phenomenon_time" + IF_DELAYED + " WHEN l.first_phenomenon_time <= "
                + SHOWN_UNTIL + " THEN (SELECT r.phenomenon_time FROM " + READINGS_BY_KEY + " WHERE r.datastream_id = " + datastreamId
                + " AND r.current_version AND r.phenomenon_time <= " + SHOWN_UNTIL + " ORDER BY r.datastream_id DESC, r.phenomenon_time DESC, "
                + "r.version DESC LIMIT 1)" + END_IF_DELAYED + " END FROM latest_readings l WHERE l.datastream_id = " + datastreamId + " AND "
                + OBSERVATIONS_OF_DATASTREAM_SHOWN + ")";
    }

    /**
     * Where a well's or weather station's Location or HistoricalLocation has not been deleted through SensorThings
     * ({@code sta_unlinked_places}): a DELETE unlinks it from SensorThings alone, and the well keeps its position.
     */
    private static String linked(String entities) {
        return "NOT EXISTS (SELECT 1 FROM sta_unlinked_places u WHERE u.thing_id = {a}.id AND u.entity IN (" + entities + "))";
    }

    private static Column id() {
        return q("id", "{a}.id", NUMBER);
    }

    private static Column q(String name, String sql, ValueType type) {
        return new Column(name, sql, type, true);
    }

    private static Column output(String name, String sql, ValueType type) {
        return new Column(name, sql, type, false);
    }
}
