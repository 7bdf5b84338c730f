package org.groundwatergateway.core.monitoring;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.groundwatergateway.core.reading.ReadingRepository;
import org.groundwatergateway.core.storage.Database;
import org.groundwatergateway.core.storage.Rows;

/**
 * Takes wells, weather stations, sensors and datastreams out of service (a SensorThings DELETE). Nothing is removed:
 * the register keeps the entry with the time it was retired, and every read, which goes through the views of entries
 * in service (migration V6_5), leaves it out. What depends on a retired entry goes with it, as the standard's deletes
 * cascade: the Datastreams of a well, weather station, sensor or observed parameter are retired too, and their current
 * readings retracted ({@link ReadingRepository#retractAll}), raw values kept. A parameter stays in the catalogue that
 * soil and lab results and warning rules name; only its ObservedProperty is retired. All in one transaction, with an
 * audit-log entry.
 */
public final class Retirement {

    /** What can be retired: where its entry is registered and how a datastream names it. */
    public enum Entry {
        WELL("well_register", "retired_at", "well_id = ?"),
        WEATHER_STATION("weather_station_register", "retired_at", "weather_station_id = ?"),
        SENSOR("sensor_register", "retired_at", "sensor_id = ?"),
        DATASTREAM("datastream_register", "retired_at", "id = ?"),
        OBSERVED_PROPERTY("parameters", "observed_property_retired_at", "parameter_id = ?"),
        /** A Thing created through SensorThings that is neither a well nor a weather station: its datastreams name it aside. */
        GENERIC_THING("sta_thing_register", "retired_at", "id IN (SELECT g.datastream_id FROM sta_datastreams g WHERE g.thing_id = ?)");

        private final String register;
        private final String retiredColumn;
        /** The condition on datastream_register, with the entry's id as its one parameter, of the datastreams naming it. */
        private final String datastreamsNaming;

        Entry(String register, String retiredColumn, String datastreamsNaming) {
            this.register = register;
            this.retiredColumn = retiredColumn;
            this.datastreamsNaming = datastreamsNaming;
        }

        /** The register (table) holding every entry of this kind, retired ones included: where writes go. */
        public String register() {
            return register;
        }

        /** A condition true of the entries in service, for writes to the register. */
        public String inService() {
            return retiredColumn + " IS NULL";
        }
    }

    /** What a retirement took out of service. */
    public record Retired(List<Long> datastreams, int readingsRetracted) {}

    private final Database database;
    private final ReadingRepository readings;

    public Retirement(Database database) {
        this.database = database;
        this.readings = new ReadingRepository(database);
    }

    /** @return null when no entry of that kind with that id is in service */
    public Retired retire(Entry entry, long id, String actor, Instant at) {
        return database.inTransaction(connection -> {
            try (PreparedStatement retire = connection.prepareStatement("UPDATE " + entry.register + " SET " + entry.retiredColumn
                    + " = ? WHERE id = ? AND " + entry.inService())) {
                retire.setObject(1, Rows.timestamp(at));
                retire.setLong(2, id);
                if (retire.executeUpdate() == 0) return null;
            }
            List<Long> datastreams = entry == Entry.DATASTREAM ? List.of(id) : inService(connection, entry, id);
            int retracted = readings.retractAll(connection, datastreams, actor, at);
            try (PreparedStatement retire = connection.prepareStatement("UPDATE datastream_register SET retired_at = ? WHERE id = ? AND retired_at IS NULL")) {
                for (long datastream : datastreams) {
                    retire.setObject(1, Rows.timestamp(at));
                    retire.setLong(2, datastream);
                    retire.addBatch();
                }
                retire.executeBatch();
            }
            try (PreparedStatement audit = connection.prepareStatement(
                    "INSERT INTO audit_log (at, actor, action, subject, detail) VALUES (?, ?, 'RETIRED', ?, ?)")) {
                audit.setObject(1, Rows.timestamp(at));
                audit.setString(2, actor);
                audit.setString(3, entry.name().toLowerCase(Locale.ROOT) + ":" + id);
                audit.setString(4, "datastreams " + datastreams + " retired, " + retracted + " readings retracted");
                audit.executeUpdate();
            }
            return new Retired(List.copyOf(datastreams), retracted);
        });
    }

    /** The datastreams in service that name this entry. */
    private static List<Long> inService(Connection connection, Entry entry, long id) throws SQLException {
        List<Long> datastreams = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT id FROM datastream_register WHERE " + entry.datastreamsNaming
                + " AND retired_at IS NULL ORDER BY id")) {
            query.setLong(1, id);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) datastreams.add(rs.getLong(1));
            }
        }
        return datastreams;
    }
}
