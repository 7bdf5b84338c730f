package org.groundwatergateway.ogc.sta.persistence;

/**
 * How Things (and their Locations, HistoricalLocations and FeaturesOfInterest) number wells and weather stations,
 * which are rows of two tables: a well keeps its own id, a weather station is numbered from {@link #STATION_BASE}
 * up. Ids stay positive, since clients (and OGC CITE) take a negative {@code @iot.id} such as -1 for "none".
 */
public final class ThingIds {

    /** Above any well id the platform will reach; below 2^53, so JSON numbers carry every id exactly. */
    public static final long STATION_BASE = 1_000_000_000L;

    private ThingIds() {}

    public static long ofWeatherStation(long stationId) {
        return STATION_BASE + stationId;
    }

    public static boolean isWeatherStation(long thingId) {
        return thingId > STATION_BASE;
    }

    /** The row id in its own table (wells or weather_stations) of a Thing. */
    public static long rowId(long thingId) {
        return isWeatherStation(thingId) ? thingId - STATION_BASE : thingId;
    }

    /** The table a Thing's row lives in. */
    public static String table(long thingId) {
        return isWeatherStation(thingId) ? "weather_stations" : "wells";
    }

    /** SQL for a weather station's Thing id from its row id column. */
    static String stationSql(String column) {
        return "(" + column + " + " + STATION_BASE + ")";
    }
}
