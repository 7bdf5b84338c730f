package org.groundwatergateway.ogc.sta.persistence;

import org.groundwatergateway.ogc.sta.model.EntityType;

/**
 * How Things (and their Locations, HistoricalLocations and FeaturesOfInterest) number wells, weather stations and
 * generic Things, which are rows of three tables: a well keeps its own id, a weather station is numbered from
 * {@link #STATION_BASE} up, a generic Thing (one created through SensorThings that is neither, {@code sta_things})
 * from {@link #GENERIC_BASE} up. Ids stay positive, since clients (and OGC CITE) take a negative {@code @iot.id} such
 * as -1 for "none".
 */
public final class ThingIds {

    /** Above any well id the platform will reach; below 2^53, so JSON numbers carry every id exactly. */
    public static final long STATION_BASE = 1_000_000_000L;

    /** Above any weather station id; below 2^53 like the rest. */
    public static final long GENERIC_BASE = 2_000_000_000L;

    /**
     * Where the Locations, HistoricalLocations and FeaturesOfInterest of generic Things ({@code sta_locations},
     * {@code sta_historical_locations}, {@code sta_features}) are numbered from: above every Thing id, so that a
     * relation written as "the same id" (a well's Location has the well's id) never meets one of them.
     */
    public static final long LOCATION_BASE = 3_000_000_000L;
    public static final long HISTORICAL_LOCATION_BASE = 4_000_000_000L;
    public static final long FEATURE_BASE = 5_000_000_000L;

    private ThingIds() {}

    public static long ofWeatherStation(long stationId) {
        return STATION_BASE + stationId;
    }

    public static long ofGeneric(long rowId) {
        return GENERIC_BASE + rowId;
    }

    public static boolean isWeatherStation(long thingId) {
        return thingId > STATION_BASE && !isGeneric(thingId);
    }

    /** A Thing that is neither a well nor a weather station. */
    public static boolean isGeneric(long thingId) {
        return thingId > GENERIC_BASE;
    }

    /** The row id in its own table (wells, weather_stations or sta_things) of a Thing. */
    public static long rowId(long thingId) {
        if (isGeneric(thingId)) return thingId - GENERIC_BASE;
        return isWeatherStation(thingId) ? thingId - STATION_BASE : thingId;
    }

    /** The table (of entries in service) a Thing's row lives in. */
    public static String table(long thingId) {
        if (isGeneric(thingId)) return "sta_things";
        return isWeatherStation(thingId) ? "weather_stations" : "wells";
    }

    /** Whether a Location, HistoricalLocation or FeatureOfInterest id names a generic Thing's (a row of a table of its own). */
    public static boolean isOfGenericThing(EntityType type, long id) {
        return switch (type) {
            case LOCATION, HISTORICAL_LOCATION, FEATURE_OF_INTEREST -> id > genericBase(type);
            default -> false;
        };
    }

    /** The id SensorThings gives the row {@code rowId} of a generic Thing's Location, HistoricalLocation or FeatureOfInterest. */
    public static long ofGenericThing(EntityType type, long rowId) {
        return genericBase(type) + rowId;
    }

    /** The row id of a generic Thing's Location, HistoricalLocation or FeatureOfInterest in its own table. */
    public static long genericRowId(EntityType type, long id) {
        return id - genericBase(type);
    }

    private static long genericBase(EntityType type) {
        return switch (type) {
            case THING -> GENERIC_BASE;
            case LOCATION -> LOCATION_BASE;
            case HISTORICAL_LOCATION -> HISTORICAL_LOCATION_BASE;
            case FEATURE_OF_INTEREST -> FEATURE_BASE;
            default -> throw new IllegalArgumentException(type.name());
        };
    }

    /** SQL for a weather station's Thing id from its row id column. */
    static String stationSql(String column) {
        return "(" + column + " + " + STATION_BASE + ")";
    }

    /** SQL for a generic Thing's id from its row id column. */
    static String genericSql(String column) {
        return "(" + column + " + " + GENERIC_BASE + ")";
    }
}
