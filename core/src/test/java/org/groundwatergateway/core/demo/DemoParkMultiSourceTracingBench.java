package org.groundwatergateway.core.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.groundwatergateway.analytics.Progress;
import org.groundwatergateway.core.site.Site;
import org.groundwatergateway.core.site.SiteRepository;
import org.groundwatergateway.core.site.SiteTracing;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Issue #21's demo-park run, timed: the service path's multi-source trace (stored readings in H2GIS, flow fitted from the
 * stored heads, 10 potential sources and 3,750 cells of 40 m, E01's documented plume known, up to two new releases) of the
 * 60 days before the incident of {@link DemoParkNewReleaseBesideE01Test} (E01's plume and a new release at PS-E02-PA).
 * Target: under 2 minutes. Run with
 * {@code mvn -o -B -q test -pl core -am -Pbench -Dtest=DemoParkMultiSourceTracingBench -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@Tag("bench")
class DemoParkMultiSourceTracingBench {

    @Test
    void theStoredParkWithE01KnownAndANewRelease() {
        DemoParkNewReleaseBesideE01Test setup = new DemoParkNewReleaseBesideE01Test();
        setup.theParkTheE01PlumeAndTheNewRelease();
        try {
            Site site = new SiteRepository(setup.database()).load(DemoPark.PARK_CODE);
            Instant to = Instant.parse("2026-09-30T16:00:00Z");
            for (int run = 1; run <= 2; run++) {
                long started = System.nanoTime();
                SiteTracing.Result result = new SiteTracing(setup.database()).trace(site, null, "benzene", to.minus(Duration.ofDays(60)), to,
                        SiteTracing.Model.DEFAULTS, Progress.NONE);
                double seconds = (System.nanoTime() - started) / 1e9;
                System.out.printf(Locale.ROOT, "BENCH multi-source tracing, %d readings, %d candidates: %.1f s (run %d; sources %s; P(0/1/2 new) %s)%n",
                        result.observations(), result.inversion().candidates().size(), seconds, run,
                        result.inversion().sources().stream().map(s -> String.format(Locale.ROOT, "%s%s start %s, R-hat %.3f, ESS %.0f", s.candidate().id(),
                                s.known() ? " (known)" : "", s.start() == null ? "none" : s.start().median(), s.rHat(), s.effectiveSampleSize())).toList(),
                        java.util.Arrays.toString(result.inversion().newSourceCount()));
            }
        } finally {
            setup.close();
        }
    }
}
