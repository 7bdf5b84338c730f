package org.groundwatergateway.core.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.groundwatergateway.core.demo.DemoPark;
import org.groundwatergateway.core.demo.DemoParkLoader;
import org.groundwatergateway.core.monitoring.Datastream;
import org.groundwatergateway.core.monitoring.MonitoringRepository;
import org.groundwatergateway.core.parameter.ParameterRepository;
import org.groundwatergateway.core.reading.QualityFlag;
import org.groundwatergateway.core.reading.Reading;
import org.groundwatergateway.core.reading.ReadingRepository;
import org.groundwatergateway.core.storage.Database;
import org.groundwatergateway.core.testing.TestDatabases;
import org.groundwatergateway.core.testing.TestDatabases.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Forecasts of stored datastreams after a reporting gap and on a laboratory series (issue #16: 400 for 24 h after any
 * gap, 500 on lab datastreams). Forty demo days, then GW-U01's logger silent for two days and back for three hours.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DatastreamForecastsTest {

    private static final int DAYS = 40;
    private TestDatabase db;
    private Database database;
    private MonitoringRepository monitoring;
    private DatastreamForecasts forecasts;

    @BeforeAll
    void fortyDemoDays() {
        db = TestDatabases.h2gis();
        database = Database.migrate(db.dataSource());
        new DemoParkLoader(database).loadIfAbsent(DAYS, p -> { });
        monitoring = new MonitoringRepository(database);
        forecasts = new DatastreamForecasts(database, monitoring, new ParameterRepository(database));
    }

    @AfterAll
    void close() throws Exception {
        db.close();
    }

    @Test
    void aForecastIsMadeFromTheFirstReadingsAfterATwoDayGap() {
        Datastream level = stream("GW-U01/water-level");
        Instant lastDemoHour = DemoPark.START.plus(Duration.ofDays(DAYS)).minus(Duration.ofHours(1));
        List<Reading> resumed = new ArrayList<>();
        for (int h = 49; h <= 51; h++) {
            Instant t = lastDemoHour.plus(Duration.ofHours(h));
            resumed.add(Reading.arrived(level.id(), t, DemoPark.liveValue(level.code(), t), 0, "simulator", t));
        }
        new ReadingRepository(database).append(resumed);

        DatastreamForecasts.Result result = forecasts.forecast(level.id(), List.of(24, 72), 30);
        Instant origin = resumed.get(2).phenomenonTime();
        assertThat(result.origin()).isEqualTo(origin);
        assertThat(result.points()).hasSize(2);
        for (DatastreamForecasts.Point p : result.points()) {
            // The demo's own signal (DemoPark.liveValue, the generator the readings came from) as the reference.
            double truth = DemoPark.liveValue(level.code(), p.time());
            System.out.printf(Locale.ROOT, "GW-U01 water level %d h after the gap's end: %.3f m [%.3f, %.3f] by %s; the generator says %.3f m%n",
                    p.hours(), p.value(), p.lower(), p.upper(), p.method(), truth);
            assertThat(p.lower()).isLessThan(p.value());
            assertThat(p.upper()).isGreaterThan(p.value());
            assertThat(truth).isBetween(p.lower(), p.upper());
        }
    }

    @Test
    void aSeriesYoungerThanTheHistoryAskedForIsForecastFromItsFirstReading() {
        // Forty days of readings and the default 180 days of history: the window starts at the first reading, or the
        // held-out fifth of the nominal window (36 days) would leave four days to learn from.
        Datastream benzene = stream("GW-U04/benzene");
        DatastreamForecasts.Result result = forecasts.forecast(benzene.id(), List.of(24), 180);
        assertThat(result.historyStart()).isEqualTo(DemoPark.START);
        assertThat(result.points()).hasSize(1);
        assertThat(result.backtest().horizons().get(0).coverage()).as("held-out 95 %% interval coverage").isBetween(0.85, 1.0);
        // Benzene at GW-U04 before its leak is mostly a non-detect (0): the interval stops at zero, not below it.
        assertThat(result.points().get(0).lower()).isGreaterThanOrEqualTo(0);
        assertThat(result.points().get(0).upper()).isGreaterThanOrEqualTo(result.points().get(0).lower());
    }

    @Test
    void aForecastStartsFromTheLatestReadingQaQcLeftIn() {
        // A spike flagged on the hour after the demo's last: left out of the series, so the forecast starts an hour before.
        Datastream benzene = stream("GW-U03/benzene");
        Instant lastDemoHour = DemoPark.START.plus(Duration.ofDays(DAYS)).minus(Duration.ofHours(1));
        Instant spike = lastDemoHour.plus(Duration.ofHours(1));
        new ReadingRepository(database).append(List.of(Reading.arrived(benzene.id(), spike, 900, QualityFlag.SPIKE.bit(), "simulator", spike)));
        DatastreamForecasts.Result result = forecasts.forecast(benzene.id(), List.of(24), 180);
        assertThat(result.origin()).isEqualTo(lastDemoHour);
    }

    @Test
    void aForecastIsTrainedOnceUntilItsReadingsChange() {
        Datastream benzene = stream("GW-U06/benzene");
        ReadingRepository readings = new ReadingRepository(database);
        DatastreamForecasts.Result first = forecasts.forecast(benzene.id(), List.of(24, 72), 60);
        assertThat(forecasts.forecast(benzene.id(), List.of(72, 24), 60)).as("the same request, horizons in another order").isSameAs(first);
        assertThat(forecasts.forecast(benzene.id(), List.of(24), 60)).as("other horizons").isNotSameAs(first);
        assertThat(forecasts.forecast(benzene.id(), List.of(24, 72), 90)).as("another history").isNotSameAs(first);

        // A reading inside the window withdrawn: the series it was trained on is no longer the stored one.
        Reading older = readings.latest(benzene.id(), 30).get(0);
        assertThat(readings.retract(older.id(), "reviewer", Instant.now())).isTrue();
        DatastreamForecasts.Result afterRetraction = forecasts.forecast(benzene.id(), List.of(24, 72), 60);
        assertThat(afterRetraction).isNotSameAs(first);
        assertThat(afterRetraction.origin()).isEqualTo(first.origin());

        // A new reading: trained again, from it.
        Instant next = first.origin().plus(Duration.ofHours(1));
        readings.append(List.of(Reading.arrived(benzene.id(), next, 0.0004, 0, "simulator", next)));
        DatastreamForecasts.Result afterReading = forecasts.forecast(benzene.id(), List.of(24, 72), 60);
        assertThat(afterReading.origin()).isEqualTo(next);
        assertThat(forecasts.forecast(benzene.id(), List.of(24, 72), 60)).isSameAs(afterReading);
    }

    @Test
    void requestsForAForecastBeingTrainedWaitForThatTraining() throws Exception {
        // Three screens of a duty room open GW-U07's well page at once: one training, one answer for all three.
        Datastream level = stream("GW-U07/water-level");
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService screens = Executors.newFixedThreadPool(3);
        try {
            List<Future<DatastreamForecasts.Result>> opened = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                opened.add(screens.submit(() -> {
                    start.await();
                    return forecasts.forecast(level.id(), List.of(24, 48), 45);
                }));
            }
            start.countDown();
            DatastreamForecasts.Result first = opened.get(0).get(2, TimeUnit.MINUTES);
            for (Future<DatastreamForecasts.Result> other : opened) {
                assertThat(other.get(2, TimeUnit.MINUTES)).as("the one training's result, not one of its own").isSameAs(first);
            }
        } finally {
            screens.shutdownNow();
        }
    }

    @Test
    void aLaboratorySeriesIsRefusedWithTheReason() {
        Datastream logger = stream("GW-U02/benzene");
        Datastream lab = monitoring.insert(new Datastream(null, "GW-U02/benzene/lab", logger.wellId(), null, logger.parameterId(),
                logger.sensorId(), null, 0));
        List<Reading> samples = new ArrayList<>();
        for (int q = 0; q < 8; q++) {
            Instant t = DemoPark.START.plus(Duration.ofDays(5L * q));
            samples.add(Reading.arrived(lab.id(), t, 0.1 * q, 0, "lab", t));
        }
        new ReadingRepository(database).append(samples);
        assertThatThrownBy(() -> forecasts.forecast(lab.id(), List.of(24), 30)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("laboratory series").hasMessageContaining("/api/v1/analytics/trend");
    }

    private Datastream stream(String code) {
        return monitoring.findDatastreams().stream().filter(d -> d.code().equals(code)).findFirst().orElseThrow();
    }
}
