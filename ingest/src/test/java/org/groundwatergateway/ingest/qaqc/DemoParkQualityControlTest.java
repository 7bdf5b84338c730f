package org.groundwatergateway.ingest.qaqc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.groundwatergateway.core.alert.AlertRepository;
import org.groundwatergateway.core.demo.DemoPark;
import org.groundwatergateway.core.demo.DemoParkLoader;
import org.groundwatergateway.core.demo.GroundTruth.Fault;
import org.groundwatergateway.core.event.EventBus;
import org.groundwatergateway.core.monitoring.MaintenanceRepository;
import org.groundwatergateway.core.monitoring.MonitoringRepository;
import org.groundwatergateway.core.parameter.ParameterRepository;
import org.groundwatergateway.core.reading.QualityFlag;
import org.groundwatergateway.core.reading.ReadingRepository;
import org.groundwatergateway.core.storage.Database;
import org.groundwatergateway.core.storage.Rows;
import org.groundwatergateway.core.testing.TestDatabases;
import org.groundwatergateway.core.testing.TestDatabases.TestDatabase;
import org.groundwatergateway.ingest.intake.ReadingIntake;
import org.groundwatergateway.ingest.review.ReviewQueue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The whole demo year goes through QA/QC as it is loaded; every injected fault must be found with the flag
 * that names it, and no more than 5 % of the clean readings may carry a QA/QC flag.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoParkQualityControlTest {

    private static final int QA_BITS = QualityFlag.bits(java.util.EnumSet.range(QualityFlag.RANGE, QualityFlag.CALIBRATION_OVERDUE));
    private static final Map<Fault.Kind, QualityFlag> EXPECTED = Map.of(Fault.Kind.SPIKE, QualityFlag.SPIKE,
            Fault.Kind.FLATLINE, QualityFlag.FLATLINE, Fault.Kind.GAP, QualityFlag.AFTER_GAP,
            Fault.Kind.DRIFT, QualityFlag.DUAL_SENSOR_MISMATCH, Fault.Kind.OUT_OF_RANGE, QualityFlag.RANGE);

    private TestDatabase db;
    private Database database;

    @BeforeAll
    void loadTheDemoYearThroughQualityControl() throws Exception {
        db = TestDatabases.h2gis();
        database = Database.migrate(db.dataSource());
        var monitoring = new MonitoringRepository(database);
        var context = new StoredQcContext(monitoring, new ParameterRepository(database), new MaintenanceRepository(database),
                new ReadingRepository(database));
        try (EventBus events = new EventBus();
             ReadingIntake intake = new ReadingIntake(database, new QualityControl(QcConfiguration.load(), context),
                     new ReviewQueue(database, new AlertRepository(database, events), Clock.systemUTC()), events, 50_000)) {
            long started = System.nanoTime();
            new DemoParkLoader(database, batch -> intake.submitAndWait(batch, ReadingIntake.Mode.HISTORICAL))
                    .loadIfAbsent(DemoPark.FULL_DAYS, p -> {});
            System.out.printf("demo year through QA/QC into H2GIS: %d s%n", Duration.ofNanos(System.nanoTime() - started).toSeconds());
        }
    }

    @AfterAll
    void close() {
        db.close();
    }

    @Test
    void everyInjectedFaultIsFlaggedWithTheFlagThatNamesIt() {
        for (Fault fault : DemoPark.groundTruth().faults()) {
            QualityFlag expected = EXPECTED.get(fault.kind());
            // A gap is seen on the first reading after it.
            Instant to = fault.kind() == Fault.Kind.GAP ? fault.end().plus(Duration.ofHours(1)) : fault.end();
            int flagged = database.jdbc().sql("SELECT COUNT(*) FROM readings r JOIN datastreams d ON d.id = r.datastream_id "
                            + "WHERE d.code = ? AND r.phenomenon_time >= ? AND r.phenomenon_time <= ? AND BITAND(r.quality_flags, CAST(? AS INTEGER)) <> 0")
                    .params(fault.datastreamCode(), Rows.timestamp(fault.start()), Rows.timestamp(to), expected.bit())
                    .query(Integer.class).single();
            assertThat(flagged).as("%s on %s at %s", expected, fault.datastreamCode(), fault.start()).isPositive();
        }
    }

    @Test
    void flagsNoMoreThanFivePercentOfCleanReadings() {
        List<Fault> faults = DemoPark.groundTruth().faults();
        long clean = 0;
        long flaggedClean = 0;
        Map<QualityFlag, Long> byFlag = new EnumMap<>(QualityFlag.class);
        List<Object[]> rows = database.jdbc().sql("SELECT d.code, r.phenomenon_time, r.quality_flags FROM readings r "
                + "JOIN datastreams d ON d.id = r.datastream_id").query((rs, n) -> new Object[] {rs.getString(1),
                Rows.instant(rs, "phenomenon_time"), rs.getInt(3)}).list();
        for (Object[] row : rows) {
            String code = (String) row[0];
            Instant time = (Instant) row[1];
            int flags = (Integer) row[2];
            boolean affected = faults.stream().anyMatch(f -> (f.datastreamCode().equals(code)
                    || (f.kind() == Fault.Kind.DRIFT && f.datastreamCode().startsWith(code + "/")))
                    && !time.isBefore(f.start()) && time.isBefore(f.end().plus(Duration.ofHours(3))));
            if (affected) continue;
            clean++;
            if ((flags & QA_BITS) != 0) {
                flaggedClean++;
                QualityFlag.of(flags & QA_BITS).forEach(f -> byFlag.merge(f, 1L, Long::sum));
            }
        }
        System.out.printf("clean readings %d, flagged %d (%.2f %%): %s%n", clean, flaggedClean, 100.0 * flaggedClean / clean, byFlag);
        assertThat(clean).isGreaterThan(1_900_000);
        assertThat((double) flaggedClean / clean).isLessThanOrEqualTo(0.05);
    }
}
