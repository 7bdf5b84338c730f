package org.groundwatergateway.analytics.remediation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.groundwatergateway.analytics.transport.PlumePoint;
import org.junit.jupiter.api.Test;

class CaptureZoneTest {

    /** Javandel &amp; Tsang (1986): Q = 100 m³/d, B = 10 m, q = 0.02 m/d gives 500 m, 250 m and 500/(2π) m, exactly. */
    @Test
    void widthsAndStagnationPointAreJavandelAndTsangs() {
        CaptureZone zone = new CaptureZone(100, 10, 0.02);
        assertThat(zone.upstreamWidth()).isCloseTo(500, within(1e-12));
        assertThat(zone.widthAtWell()).isCloseTo(250, within(1e-12));
        assertThat(zone.stagnationDistance()).isCloseTo(500 / (2 * Math.PI), within(1e-12));
    }

    /** The flow field vanishes at the stagnation point, and the boundary is the streamline through it. */
    @Test
    void theBoundaryIsTheStreamlineThroughTheStagnationPoint() {
        CaptureZone zone = new CaptureZone(240, 12, 0.05);
        double[] still = zone.darcyFluxAt(zone.stagnationDistance(), 0);
        assertThat(still[0]).isCloseTo(0, within(1e-15));
        assertThat(still[1]).isZero();
        double scale = 240 / (2 * Math.PI * 12 * 0.05);
        for (PlumePoint point : zone.boundary(41)) {
            // Stream function of regional flow plus well, zero on the dividing streamline: −q B y + (Q/2π) θ.
            double psi = -0.05 * 12 * point.y() + 240 / (2 * Math.PI) * Math.atan2(point.y(), point.x());
            assertThat(psi).as("%s", point).isCloseTo(0, within(1e-9));
            assertThat(Math.abs(point.y())).isLessThan(zone.upstreamWidth() / 2);
        }
        assertThat(zone.boundary(41).get(20)).isEqualTo(new PlumePoint(scale, 0));
        // Across the well the boundary is Q/(4Bq) from it: the densely traced boundary's point nearest x = 0 on the left
        // (there dy/dx = 2/π, so within 0.2 m of 100 m when within 0.2 m of the line).
        PlumePoint nearest = zone.boundary(4001).stream().filter(point -> point.y() > 0)
                .min(java.util.Comparator.comparingDouble(point -> Math.abs(point.x()))).orElseThrow();
        assertThat(nearest.x()).isCloseTo(0, within(0.2));
        assertThat(nearest.y()).isCloseTo(zone.widthAtWell() / 2, within(0.2));
    }
}
