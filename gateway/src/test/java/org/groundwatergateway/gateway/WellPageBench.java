package org.groundwatergateway.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.groundwatergateway.core.demo.DemoPark;
import org.groundwatergateway.core.monitoring.Datastream;
import org.groundwatergateway.core.monitoring.MonitoringRepository;
import org.groundwatergateway.core.parameter.ParameterRepository;
import org.groundwatergateway.core.reading.Reading;
import org.groundwatergateway.core.reading.ReadingRepository;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The well page with a year of hourly readings (issue #17: p95 under 1.5 s): a year of hourly pH before the demo's two
 * days is added to one single-sensor well, and portal/e2e/well-page-bench.mjs opens that well's page in Chromium eleven
 * times as the duty officer. Run with {@code mvn -pl gateway -am verify -Pbench -Dtest=WellPageBench
 * -Dsurefire.failIfNoSpecifiedTests=false}; figures in docs/benchmarks.md.
 */
@Tag("bench")
class WellPageBench extends RunningGateway {

    private static final String WELL = "GW-U10";

    @Autowired MonitoringRepository monitoring;
    @Autowired ParameterRepository parameters;
    @Autowired ReadingRepository readings;

    @Test
    void aYearOfHourlyReadingsOnTheWellPage() throws Exception {
        Command.requireInstalled("/usr/bin/chromium");
        long ph = parameters.findByCode("ph").orElseThrow().id();
        Datastream stream = monitoring.findDatastreamsOfWell(monitoring.findWell(WELL).orElseThrow().id()).stream()
                .filter(d -> d.parameterId() == ph && d.pairedDatastreamId() == null).findFirst().orElseThrow();
        // A year of hourly pH up to the demo's first reading: a daily swing and instrument noise.
        Random noise = new Random(17);
        List<Reading> year = new ArrayList<>();
        for (Instant t = DemoPark.START.minus(Duration.ofDays(365)); t.isBefore(DemoPark.START); t = t.plus(Duration.ofHours(1))) {
            double value = 7.2 + 0.15 * Math.sin(2 * Math.PI * (t.getEpochSecond() % 86_400) / 86_400.0) + 0.03 * noise.nextGaussian();
            year.add(Reading.arrived(stream.id(), t, Math.round(value * 100) / 100.0, 0, "bench", t.plusSeconds(40)));
            if (year.size() == 5_000) {
                readings.append(year);
                year.clear();
            }
        }
        readings.append(year);

        // What the page asks for: the year up to the latest reading, in hours.
        Instant end = readings.latest(stream.id(), 1).get(0).phenomenonTime().plusMillis(1);
        int expected = http.get("/api/v1/datastreams/" + stream.id() + "/aggregates?interval=hour&from=" + end.minus(Duration.ofDays(365))
                + "&to=" + end).json().path("buckets").size();
        assertThat(expected).isGreaterThan(8_700);

        Command.Result run = Command.run(List.of("node", Path.of("../portal/e2e/well-page-bench.mjs").toString()), Map.of(
                "GW_BASE", http.base(), "GW_WELL", WELL, "GW_PARAMETER", "ph", "GW_EXPECTED_POINTS", String.valueOf(expected),
                "GW_RUNS", "10"), Duration.ofMinutes(10));
        System.out.println(run.output());
        assertThat(run.exitCode()).as(run.output()).isZero();
    }
}
