package org.groundwatergateway.core.demo;

import static org.groundwatergateway.core.demo.DemoPark.CHINA;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.groundwatergateway.core.demo.GroundTruth.Fault;
import org.groundwatergateway.core.demo.GroundTruth.Fault.Kind;

/** The faults injected into the demo data, for QA/QC to find. Times are China Standard Time. */
final class DemoFaults {

    /** Conductivity and benzene values multiplied or offset for a single hour each. */
    static final double CONDUCTIVITY_SPIKE_FACTOR = 3.0;
    static final double BENZENE_SPIKE_UG_L = 85.0;
    /** Per-day relative drift of the drifting conductivity sensor. */
    static final double DRIFT_PER_DAY = 0.005;
    static final double OUT_OF_RANGE_VALUE = -9999.0;

    static final List<Fault> ALL = build();

    private DemoFaults() {}

    private static List<Fault> build() {
        List<Fault> faults = new ArrayList<>();
        for (int[] d : new int[][] {{2025, 12, 11}, {2026, 2, 4}, {2026, 3, 31}, {2026, 5, 30}, {2026, 7, 19}, {2026, 9, 26}}) {
            Instant at = at(d[0], d[1], d[2], 10);
            faults.add(new Fault(Kind.SPIKE, "GW-U17/conductivity", at, at.plus(Duration.ofHours(1)),
                    "single-hour spike: value x" + CONDUCTIVITY_SPIKE_FACTOR));
        }
        for (int[] d : new int[][] {{2026, 3, 1}, {2026, 5, 20}, {2026, 8, 28}}) {
            Instant at = at(d[0], d[1], d[2], 15);
            faults.add(new Fault(Kind.SPIKE, "GW-U27/benzene", at, at.plus(Duration.ofHours(1)),
                    "single-hour spike: +" + BENZENE_SPIKE_UG_L + " µg/L"));
        }
        Instant flat = at(2026, 3, 10, 8);
        faults.add(new Fault(Kind.FLATLINE, "GW-U15/ph", flat, flat.plus(Duration.ofHours(96)),
                "value stuck at the last good reading for 96 h"));
        Instant outage = at(2026, 5, 3, 0);
        for (String parameter : List.of("water-level", "water-temperature", "ph", "conductivity", "benzene", "chromium-vi")) {
            faults.add(new Fault(Kind.GAP, "GW-U22/" + parameter, outage, outage.plus(Duration.ofHours(60)),
                    "communication outage of the whole well: no readings for 60 h"));
        }
        Instant levelGap = at(2026, 8, 20, 12);
        faults.add(new Fault(Kind.GAP, "GW-C04/water-level", levelGap, levelGap.plus(Duration.ofHours(8)), "no readings for 8 h"));
        Instant drift = at(2026, 6, 1, 0);
        faults.add(new Fault(Kind.DRIFT, "GW-U24/conductivity/B", drift, drift.plus(Duration.ofDays(75)),
                "second sensor drifts upward by 0.5 % a day until recalibrated; exceeds the paired sensor by 10 % after 20 days"));
        Instant bad = at(2026, 1, 15, 3);
        faults.add(new Fault(Kind.OUT_OF_RANGE, "GW-C02/water-temperature", bad, bad.plus(Duration.ofHours(3)),
                "instrument error code " + OUT_OF_RANGE_VALUE + " reported as the value for 3 h"));
        return List.copyOf(faults);
    }

    private static Instant at(int year, int month, int day, int hour) {
        return LocalDateTime.of(year, month, day, hour, 0).toInstant(CHINA);
    }

    /** Applies the faults of one datastream to its hourly series (NaN marks a missing reading). */
    static void apply(String datastreamCode, Instant start, double[] series) {
        for (Fault fault : ALL) {
            if (!fault.datastreamCode().equals(datastreamCode)) continue;
            int from = (int) Duration.between(start, fault.start()).toHours();
            int to = (int) Duration.between(start, fault.end()).toHours();
            for (int h = Math.max(0, from); h < Math.min(to, series.length); h++) {
                series[h] = switch (fault.kind()) {
                    case SPIKE -> datastreamCode.endsWith("/benzene") ? series[h] + BENZENE_SPIKE_UG_L : series[h] * CONDUCTIVITY_SPIKE_FACTOR;
                    case FLATLINE -> from > 0 ? series[from - 1] : series[h];
                    case GAP -> Double.NaN;
                    case DRIFT -> series[h] * (1 + DRIFT_PER_DAY * (h - from) / 24.0);
                    case OUT_OF_RANGE -> OUT_OF_RANGE_VALUE;
                };
            }
        }
    }
}
