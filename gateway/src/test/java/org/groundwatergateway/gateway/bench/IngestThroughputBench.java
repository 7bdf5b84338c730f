package org.groundwatergateway.gateway.bench;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import org.groundwatergateway.ingest.bulk.UploadLimits;
import org.groundwatergateway.core.alert.AlertRepository;
import org.groundwatergateway.core.event.EventBus;
import org.groundwatergateway.core.monitoring.MaintenanceRepository;
import org.groundwatergateway.core.monitoring.MonitoringRepository;
import org.groundwatergateway.core.parameter.ParameterRepository;
import org.groundwatergateway.core.reading.ReadingRepository;
import org.groundwatergateway.core.storage.Database;
import org.groundwatergateway.core.testing.TestDatabases;
import org.groundwatergateway.core.testing.TestDatabases.TestDatabase;
import org.groundwatergateway.core.time.ChinaStandardTime;
import org.groundwatergateway.ingest.bulk.BulkImport;
import org.groundwatergateway.ingest.bulk.ImportReport;
import org.groundwatergateway.ingest.bulk.ImportRows;
import org.groundwatergateway.ingest.device.DeviceRegistry;
import org.groundwatergateway.ingest.device.SampledLog;
import org.groundwatergateway.ingest.hj212.Hj212Frame;
import org.groundwatergateway.ingest.hj212.Hj212Reception;
import org.groundwatergateway.ingest.hj212.Hj212Server;
import org.groundwatergateway.ingest.hj212.PollutantCodes;
import org.groundwatergateway.ingest.intake.ReadingIntake;
import org.groundwatergateway.ingest.qaqc.QcConfiguration;
import org.groundwatergateway.ingest.qaqc.QualityControl;
import org.groundwatergateway.ingest.qaqc.StoredQcContext;
import org.groundwatergateway.ingest.review.ReviewQueue;
import org.groundwatergateway.ingest.simulator.Hj212Simulator;
import org.groundwatergateway.ingest.simulator.SimulatedDevice;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Sustained end-to-end ingest (500 simulated loggers over TCP, QA/QC, group commit, acknowledgement after
 * commit) and bulk CSV import, into PostGIS and the embedded H2GIS. Simulator and platform share this
 * machine's two cores, as they would in a single-box deployment test.
 */
@Tag("bench")
class IngestThroughputBench {

    private static final int DEVICES = Integer.getInteger("bench.devices", 500);
    private static final Duration LOAD = Duration.ofSeconds(Integer.getInteger("bench.seconds", 60));
    private static final String DATABASES = System.getProperty("bench.databases", "postgis,h2gis");
    private static final int TARGET_READINGS_PER_SECOND = Integer.getInteger("bench.target", 20_000);

    private record Platform(TestDatabase db, Database database, EventBus events, ReadingIntake intake, DeviceRegistry devices)
            implements AutoCloseable {
        static Platform on(String kind) {
            TestDatabase db = kind.equals("postgis") ? TestDatabases.postgis() : TestDatabases.h2gis();
            Database database = Database.migrate(db.dataSource());
            EventBus events = new EventBus();
            AlertRepository alerts = new AlertRepository(database, events);
            ReadingRepository readings = new ReadingRepository(database);
            MonitoringRepository monitoring = new MonitoringRepository(database);
            var context = new StoredQcContext(monitoring, new ParameterRepository(database), new MaintenanceRepository(database), readings);
            ReadingIntake intake = new ReadingIntake(database, new QualityControl(QcConfiguration.load(), context),
                    new ReviewQueue(database, alerts, Clock.systemUTC()), events, 20_000);
            return new Platform(db, database, events, intake, null);
        }

        Platform withDevices() {
            return new Platform(db, database, events, intake, new DeviceRegistry(database, new AlertRepository(database, events), Clock.systemUTC(),
                    new SampledLog.Budget(10, Duration.ofMinutes(1))));
        }

        @Override
        public void close() throws Exception {
            intake.close();
            events.close();
            db.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgis", "h2gis"})
    void sustainedEndToEndIngest(String kind) throws Exception {
        Assumptions.assumeTrue(DATABASES.contains(kind), "bench.databases");
        try (Platform base = Platform.on(kind)) {
            List<SimulatedDevice> simulated = BenchPark.create(base.database(), DEVICES);
            Platform platform = base.withDevices();
            try (Hj212Server server = new Hj212Server(new Hj212Server.Settings("127.0.0.1", 0, DEVICES + 10, Hj212Frame.MAX_DATA_LENGTH,
                    Duration.ofMinutes(5), Duration.ofSeconds(30)), new Hj212Reception(platform.devices(), PollutantCodes.load(),
                    platform.intake(), Clock.systemUTC(), ChinaStandardTime.OFFSET, 100))) {
                int port = server.start();
                Hj212Simulator simulator = new Hj212Simulator("127.0.0.1", port, simulated);
                Instant first = LocalDateTime.of(2026, 1, 1, 0, 0).toInstant(ChinaStandardTime.OFFSET);
                // Warm-up, then the measured run: every logger sends minute data as fast as its acknowledgements allow.
                simulator.run(first, Duration.ofMinutes(1), 20, "2051", 8, Duration.ZERO, Duration.ofSeconds(30));
                if (Boolean.parseBoolean(System.getProperty("bench.saturated", "true"))) {
                    Hj212Simulator.Report saturated = runFor(simulator, first.plus(Duration.ofDays(1)), LOAD, Duration.ZERO);
                    System.out.printf(Locale.ROOT, "BENCH ingest-e2e %s saturated: %d loggers, %s%n", kind, DEVICES, saturated);
                }
                // Paced: each logger sends a packet of 6 readings every 150 ms, 20,000 readings/s in all.
                Duration pace = Duration.ofNanos(6L * DEVICES * 1_000_000_000L / TARGET_READINGS_PER_SECOND);
                Hj212Simulator.Report paced = runFor(simulator, first.plus(Duration.ofDays(100)), LOAD, pace);
                System.out.printf(Locale.ROOT, "BENCH ingest-e2e %s paced at %d readings/s: %d loggers, %s%n", kind,
                        TARGET_READINGS_PER_SECOND, DEVICES, paced);
            }
        }
    }

    /** Runs rounds of 200 packets per logger until the time is up (a paced round lasts 200 paces), and merges the reports. */
    private static Hj212Simulator.Report runFor(Hj212Simulator simulator, Instant first, Duration load, Duration pace)
            throws InterruptedException {
        long end = System.nanoTime() + load.toNanos();
        long sent = 0;
        long acknowledged = 0;
        long readings = 0;
        long nanos = 0;
        List<Long> latencies = new java.util.ArrayList<>();
        List<Hj212Simulator.Report.Refusal> refusals = new java.util.ArrayList<>();
        int batch = 0;
        while (System.nanoTime() < end) {
            var r = simulator.run(first.plus(Duration.ofMinutes(200L * batch++)), Duration.ofMinutes(1), 200, "2051", 8, pace,
                    Duration.ofSeconds(30));
            sent += r.packetsSent();
            acknowledged += r.packetsAcknowledged();
            readings += r.readingsSent();
            nanos += r.elapsed().toNanos();
            for (long l : r.latenciesMicros()) latencies.add(l);
            refusals.addAll(r.refusals());
        }
        return new Hj212Simulator.Report(sent, acknowledged, readings, Duration.ofNanos(nanos),
                latencies.stream().mapToLong(Long::longValue).toArray(), List.of(), refusals);
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgis", "h2gis"})
    void bulkCsvImport(String kind) throws Exception {
        Assumptions.assumeTrue(DATABASES.contains(kind), "bench.databases");
        try (Platform base = Platform.on(kind)) {
            BenchPark.create(base.database(), 100);
            Platform platform = base.withDevices();
            BulkImport imports = new BulkImport(platform.database(), platform.intake(), platform.devices(), PollutantCodes.load(), platform.events(), Clock.systemUTC());
            String[] parameters = {"water-level", "water-temperature", "ph", "conductivity", "benzene", "chromium-vi"};
            double[] levels = {3.0, 16.8, 7.4, 1400, 25, 0.012};
            int rows = Integer.getInteger("bench.csv-rows", 1_000_000);
            StringBuilder csv = new StringBuilder(rows * 60).append("well,parameter,time,value\n");
            Instant start = LocalDateTime.of(2025, 1, 1, 0, 0).toInstant(ChinaStandardTime.OFFSET);
            int perStream = rows / (100 * parameters.length);
            for (int w = 0; w < 100; w++) {
                for (int p = 0; p < parameters.length; p++) {
                    for (int h = 0; h < perStream; h++) {
                        csv.append(String.format("B-%04d", w)).append(',').append(parameters[p]).append(',')
                                .append(start.plus(Duration.ofHours(h))).append(',')
                                .append(String.format(Locale.ROOT, "%.4f", levels[p] * (1 + 0.05 * Math.sin(h / 24.0 + w)))).append('\n');
                    }
                }
            }
            byte[] body = csv.toString().getBytes(StandardCharsets.UTF_8);
            BulkImport.Mode mode = BulkImport.Mode.valueOf(System.getProperty("bench.csv-mode", "ALL_OR_NOTHING"));
            // As the import endpoint does: rows are read from the CSV as they are checked and stored.
            long started = System.nanoTime();
            ImportReport report = imports.readings(ImportRows.csv(new ByteArrayInputStream(body), null, new UploadLimits(Long.MAX_VALUE, Integer.MAX_VALUE)), mode, null, false, "bench");
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf(Locale.ROOT, "BENCH csv-import %s %s: %d rows (%.1f MB) in %.1f s = %.0f rows/s; stored %d, refused %d%n",
                    kind, mode, report.rows(), body.length / 1e6, seconds, report.rows() / seconds, report.stored(), report.rejectedRows());
        }
    }
}
