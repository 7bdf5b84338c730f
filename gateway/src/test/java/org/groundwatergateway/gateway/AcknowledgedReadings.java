package org.groundwatergateway.gateway;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.groundwatergateway.ingest.simulator.Hj212Simulator;
import org.groundwatergateway.ingest.simulator.SimulatedDevice;

/** The durability check of the fault tests: is every reading of every packet the simulator got a CN=9014 for stored? */
final class AcknowledgedReadings {

    private AcknowledgedReadings() {}

    /**
     * Acknowledged packets of a run (minute data stepping by one minute from {@code first}) that are not wholly in the
     * database.
     */
    static int missing(Connection db, Hj212Simulator.Report sent, List<SimulatedDevice> devices, Instant first) throws SQLException {
        int missing = 0;
        PreparedStatement query = db.prepareStatement("SELECT COUNT(*) FROM readings r JOIN sensors s ON s.mn = ? "
                + "JOIN datastreams d ON d.sensor_id = s.id AND d.id = r.datastream_id WHERE r.phenomenon_time = ?");
        for (String qn : sent.acknowledgedQns()) {
            // The simulator's QN ends with the device index (5 digits) and the round (4 digits).
            int device = Integer.parseInt(qn.substring(qn.length() - 9, qn.length() - 4));
            int round = Integer.parseInt(qn.substring(qn.length() - 4));
            SimulatedDevice d = devices.get(device);
            query.setString(1, d.mn());
            query.setObject(2, OffsetDateTime.ofInstant(first.plus(Duration.ofMinutes(round)), ZoneOffset.UTC));
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                if (rs.getInt(1) != d.channels().size()) missing++;
            }
        }
        return missing;
    }
}
