package org.groundwatergateway.ingest.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.groundwatergateway.core.alert.Alert;
import org.groundwatergateway.core.demo.DemoPark;
import org.groundwatergateway.core.monitoring.Datastream;
import org.groundwatergateway.core.reading.QualityFlag;
import org.groundwatergateway.core.reading.Reading;
import org.groundwatergateway.core.testing.TestDatabases;
import org.groundwatergateway.ingest.intake.ReadingIntake;
import org.groundwatergateway.ingest.testing.IngestFixture;
import org.groundwatergateway.core.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Review tasks, their one-hour deadline and reviewers' decisions; silent devices. Time is moved by hand. */
class ReviewAndSilenceTest {

    private final MutableClock clock = new MutableClock(DemoPark.START.plus(Duration.ofDays(2)));
    private IngestFixture fixture;
    private long conductivity;

    @BeforeEach
    void setUp() {
        fixture = new IngestFixture(TestDatabases.h2gis(), 2, clock);
        conductivity = datastream("GW-U17/conductivity").id();
    }

    @AfterEach
    void tearDown() throws Exception {
        fixture.close();
    }

    private Datastream datastream(String code) {
        return fixture.monitoring.findDatastreams().stream().filter(d -> d.code().equals(code)).findFirst().orElseThrow();
    }

    /** Live hourly readings after the two demo days: a normal value, then spikes at the given hours. */
    private List<Reading> live(int hours, int... spikes) {
        Instant start = DemoPark.START.plus(Duration.ofDays(2));
        double normal = fixture.readings.latest(conductivity, 1).get(0).value();
        List<Reading> readings = new ArrayList<>();
        for (int h = 0; h < hours; h++) {
            boolean spike = false;
            for (int s : spikes) spike |= s == h;
            readings.add(Reading.arrived(conductivity, start.plus(Duration.ofHours(h)), spike ? normal * 3 : normal + h % 2, 0, "test", clock.instant()));
        }
        return readings;
    }

    /** The current versions of an Observation by its SensorThings id (V6_27), as "time value flags". */
    private List<String> current(long observationId) {
        return fixture.database.jdbc().sql("SELECT phenomenon_time, result_value, quality_flags FROM readings WHERE sta_id = ? AND current_version")
                .param(observationId).query((rs, n) -> rs.getObject(1, java.time.OffsetDateTime.class).toInstant() + " " + rs.getDouble(2) + " "
                        + QualityFlag.of(rs.getInt(3))).list();
    }

    /**
     * A review decides the readings current in its window when it is decided: one a PATCH moved out of the window is left
     * as it is (not rejected, and no version is brought back at its old time), and one moved into another task's window is
     * reviewed there, in its own lineage.
     */
    @Test
    void aReviewDecidesTheReadingsInItsWindowNowWhereverAPatchMovedThem() {
        fixture.intake.submitAndWait(live(12, 5, 9), ReadingIntake.Mode.LIVE);
        List<ReviewQueue.Task> open = fixture.reviews.tasks("OPEN", 100);
        assertThat(open).hasSize(2);
        ReviewQueue.Task atFive = open.get(0);
        ReviewQueue.Task atNine = open.get(1);
        long five = fixture.readings.page(conductivity, atFive.firstTime(), atFive.firstTime().plusSeconds(1), null, 1).get(0).id();
        long nine = fixture.readings.page(conductivity, atNine.firstTime(), atNine.firstTime().plusSeconds(1), null, 1).get(0).id();
        Instant aside = atNine.firstTime().plus(Duration.ofMinutes(30));
        assertThat(fixture.readings.revise(nine, aside, null, "reviewer-1", "clock fix", clock.instant()))
                .isInstanceOf(org.groundwatergateway.core.reading.ReadingRepository.Revision.Revised.class);
        assertThat(fixture.readings.revise(five, atNine.firstTime(), 1234.0, "reviewer-1", "clock fix", clock.instant()))
                .isInstanceOf(org.groundwatergateway.core.reading.ReadingRepository.Revision.Revised.class);

        fixture.reviews.decide(atFive.id(), ReviewQueue.Decision.REJECTED, null, "spike", "reviewer-2");
        assertThat(fixture.readings.valueAt(conductivity, atFive.firstTime())).as("nothing brought back at the old time").isNull();
        assertThat(current(five)).containsExactly(atNine.firstTime() + " 1234.0 " + java.util.EnumSet.of(QualityFlag.SPIKE, QualityFlag.CORRECTED));

        fixture.reviews.decide(atNine.id(), ReviewQueue.Decision.CORRECTED, 1500.0, "lab check", "reviewer-2");
        assertThat(current(five)).as("reviewed where it is now, still the same Observation")
                .containsExactly(atNine.firstTime() + " 1500.0 " + java.util.EnumSet.of(QualityFlag.SPIKE, QualityFlag.CORRECTED));
        assertThat(current(nine)).as("moved out of the window before the decision: left alone")
                .containsExactly(aside + " " + fixture.readings.valueAt(conductivity, aside) + " " + java.util.EnumSet.of(QualityFlag.SPIKE, QualityFlag.CORRECTED));

        // A device's reading at the time the PATCH moved an Observation to: acknowledged as stored, but not lost without a
        // trace (logged, counted, audited with its value).
        double held = fixture.readings.valueAt(conductivity, aside);
        ReadingIntake.Receipt receipt = fixture.intake.submitAndWait(List.of(Reading.arrived(conductivity, aside, 777.5, 0,
                "test", clock.instant())), ReadingIntake.Mode.LIVE);
        assertThat(receipt.alreadyStored()).isEqualTo(1);
        assertThat(fixture.readings.valueAt(conductivity, aside)).isEqualTo(held);
        assertThat(fixture.intake.readingsAtCorrectedTimes()).isEqualTo(1);
        assertThat(fixture.database.jdbc().sql("SELECT subject, detail FROM audit_log WHERE action = 'READING_AT_CORRECTED_TIME'")
                .query((rs, n) -> rs.getString(1) + " " + rs.getString(2)).single())
                .startsWith("reading:" + nine + " not stored: datastream " + conductivity + " at " + aside + ", value 777.5");
        // A re-sent reading at a time no correction moved anything to is no such case.
        assertThat(fixture.intake.submitAndWait(live(12, 5, 9).subList(0, 1), ReadingIntake.Mode.LIVE).alreadyStored()).isEqualTo(1);
        assertThat(fixture.intake.readingsAtCorrectedTimes()).isEqualTo(1);
    }

    /** A decision racing a PATCH of a reading in its window: the reading ends with one current version, never two. */
    @Test
    void aDecisionRacingAPatchBringsNoVersionBack() throws Exception {
        fixture.intake.submitAndWait(live(24, 1, 5, 9, 13, 17, 21), ReadingIntake.Mode.LIVE);
        List<ReviewQueue.Task> open = fixture.reviews.tasks("OPEN", 100);
        assertThat(open).hasSize(6);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            for (ReviewQueue.Task task : open) {
                long id = fixture.readings.page(conductivity, task.firstTime(), task.firstTime().plusSeconds(1), null, 1).get(0).id();
                java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(2);
                var patch = pool.submit(() -> {
                    start.await();
                    return fixture.readings.revise(id, task.firstTime().plus(Duration.ofMinutes(30)), null, "reviewer-1", "clock fix", clock.instant());
                });
                var decision = pool.submit(() -> {
                    start.await();
                    return fixture.reviews.decide(task.id(), ReviewQueue.Decision.REJECTED, null, "spike", "reviewer-2");
                });
                patch.get();
                decision.get();
                assertThat(current(id)).hasSize(1);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void flaggedLiveDataOpensOneTaskPerRunAndAnAlertAfterAnHour() {
        fixture.intake.submitAndWait(live(12, 5, 9), ReadingIntake.Mode.LIVE);
        List<ReviewQueue.Task> open = fixture.reviews.tasks("OPEN", 100);
        assertThat(open).hasSize(2).allSatisfy(t -> {
            assertThat(t.flags()).contains(QualityFlag.SPIKE);
            assertThat(t.datastreamCode()).isEqualTo("GW-U17/conductivity");
            assertThat(t.dueAt()).isEqualTo(clock.instant().plus(Duration.ofHours(1)));
        });
        clock.advance(Duration.ofMinutes(59));
        assertThat(fixture.reviews.raiseOverdueAlerts()).isZero();
        clock.advance(Duration.ofMinutes(2));
        assertThat(fixture.reviews.raiseOverdueAlerts()).isEqualTo(2);
        assertThat(fixture.reviews.raiseOverdueAlerts()).as("one alert per task").isZero();
        assertThat(fixture.alerts.findOpen()).filteredOn(a -> a.kind().equals(ReviewQueue.OVERDUE_ALERT)).hasSize(2);

        // Deciding a task clears its alert; rejecting adds a version flagged REJECTED and keeps the raw value.
        long first = open.get(0).id();
        fixture.reviews.decide(first, ReviewQueue.Decision.REJECTED, null, "sensor fouled", "reviewer-1");
        assertThat(fixture.alerts.findOpen()).filteredOn(a -> a.kind().equals(ReviewQueue.OVERDUE_ALERT)).hasSize(1);
        Reading rejected = fixture.readings.page(conductivity, open.get(0).firstTime(), open.get(0).firstTime().plusSeconds(1), null, 1).get(0);
        assertThat(rejected.version()).isEqualTo(2);
        assertThat(QualityFlag.of(rejected.qualityFlags())).contains(QualityFlag.REJECTED, QualityFlag.SPIKE);
        assertThat(fixture.database.jdbc().sql("SELECT COUNT(*) FROM readings WHERE datastream_id = ? AND phenomenon_time = ?")
                .params(conductivity, org.groundwatergateway.core.storage.Rows.timestamp(rejected.phenomenonTime())).query(Integer.class).single())
                .isEqualTo(2);
        // Correcting replaces the value in a new version; the raw value stays.
        long second = open.get(1).id();
        Reading before = fixture.readings.page(conductivity, open.get(1).firstTime(), open.get(1).firstTime().plusSeconds(1), null, 1).get(0);
        double raw = before.rawValue();
        ReviewQueue.Task corrected = fixture.reviews.decide(second, ReviewQueue.Decision.CORRECTED, 1501.0, "lab check: 1501", "reviewer-1");
        assertThat(corrected.status()).isEqualTo("CORRECTED");
        Reading fixed = fixture.readings.page(conductivity, corrected.firstTime(), corrected.firstTime().plusSeconds(1), null, 1).get(0);
        assertThat(fixed.value()).isEqualTo(1501.0);
        assertThat(fixed.rawValue()).isEqualTo(raw);
        assertThat(QualityFlag.of(fixed.qualityFlags())).contains(QualityFlag.CORRECTED);
        // A new row, in the same Observation: its SensorThings id is the first version's (V6_27).
        assertThat(fixed.id()).isNotEqualTo(before.id());
        assertThat(fixture.database.jdbc().sql("SELECT COALESCE(observation_id, id) FROM readings WHERE id = ?").param(fixed.id())
                .query(Long.class).single()).isEqualTo(before.id());
        assertThat(fixture.database.jdbc().sql("SELECT COUNT(*) FROM audit_log WHERE actor = 'reviewer-1'").query(Integer.class).single())
                .isEqualTo(2);
        assertThatThrownBy(() -> fixture.reviews.decide(second, ReviewQueue.Decision.ACCEPTED, null, "again", "reviewer-1"))
                .hasMessageContaining("is CORRECTED");
    }

    @Test
    void aFlatlineIsOneTaskAndDecisionsNeedReasons() {
        Instant start = DemoPark.START.plus(Duration.ofDays(2));
        long ph = datastream("GW-U15/ph").id();
        List<Reading> stuck = new ArrayList<>();
        for (int h = 0; h < 30; h++) stuck.add(Reading.arrived(ph, start.plus(Duration.ofHours(h)), 7.21, 0, "test", clock.instant()));
        fixture.intake.submitAndWait(stuck, ReadingIntake.Mode.LIVE);
        List<ReviewQueue.Task> open = fixture.reviews.tasks("OPEN", 100);
        assertThat(open).singleElement().satisfies(t -> {
            assertThat(t.flags()).containsExactly(QualityFlag.FLATLINE);
            assertThat(t.readingCount()).isEqualTo(30 - 12);
        });
        long id = open.get(0).id();
        assertThatThrownBy(() -> fixture.reviews.decide(id, ReviewQueue.Decision.ACCEPTED, null, " ", "r")).hasMessageStartingWith("reason:");
        assertThatThrownBy(() -> fixture.reviews.decide(id, ReviewQueue.Decision.CORRECTED, 7.3, "one value for 18 readings", "r"))
                .hasMessageStartingWith("value:");
        assertThat(fixture.reviews.decide(id, ReviewQueue.Decision.ACCEPTED, null, "stable water, checked on site", "r").status())
                .isEqualTo("ACCEPTED");

        // Still stuck after the decision: the decided task stays as it is and the new readings get a task of their own.
        List<Reading> more = new ArrayList<>();
        for (int h = 30; h < 34; h++) more.add(Reading.arrived(ph, start.plus(Duration.ofHours(h)), 7.21, 0, "test", clock.instant()));
        fixture.intake.submitAndWait(more, ReadingIntake.Mode.LIVE);
        assertThat(fixture.reviews.task(id).readingCount()).isEqualTo(18);
        assertThat(fixture.reviews.tasks("OPEN", 100)).singleElement().satisfies(t -> {
            assertThat(t.readingCount()).isEqualTo(4);
            assertThat(t.firstTime()).isEqualTo(start.plus(Duration.ofHours(30)));
        });
    }

    @Test
    void historicalImportsAreFlaggedButOpenNoTasks() {
        fixture.intake.submitAndWait(live(12, 5), ReadingIntake.Mode.HISTORICAL);
        assertThat(fixture.reviews.tasks("OPEN", 100)).isEmpty();
    }

    @Test
    void aSilentDeviceRaisesAnAlertUntilItIsHeardFromAgain() {
        // The demo loggers were last heard from when the two demo days ended.
        clock.advance(Duration.ofHours(1));
        assertThat(fixture.devices.checkSilence(Duration.ofHours(2))).isEmpty();
        clock.advance(Duration.ofHours(2));
        assertThat(fixture.devices.checkSilence(Duration.ofHours(2))).hasSize(44);
        assertThat(fixture.alerts.findOpen()).filteredOn(a -> a.kind().equals("DEVICE_SILENT")).hasSize(44)
                .allSatisfy(a -> assertThat(a.level()).isEqualTo(Alert.Level.GENERAL));
        String mn = DemoPark.deviceNumber(1, false);
        fixture.devices.received(mn);
        assertThat(fixture.devices.checkSilence(Duration.ofHours(2))).hasSize(43).doesNotContain(mn);
        assertThat(fixture.alerts.findOpen("DEVICE_SILENT", mn)).isEmpty();
    }
}
