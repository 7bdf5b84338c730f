package org.groundwatergateway.core.emergency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.groundwatergateway.analytics.flow.UniformFlow;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

/** Where a plume meets a receptor: on its centre line for rivers and areas it crosses, else the nearest point. */
class ExposedPointTest {

    private static final GeometryFactory GEOMETRY = new GeometryFactory();
    /** Flow to azimuth 105° (ESE), as in the demo park. */
    private static final UniformFlow ESE = new UniformFlow(105, 0.156);
    private static final double[] SOURCE = {2850, 600};

    @Test
    void aRiverCrossedAtASlantIsMetOnTheCentreLineNotAtItsNearestPoint() {
        var river = GEOMETRY.createLineString(new Coordinate[] {new Coordinate(3300, -500), new Coordinate(3300, 2600)});
        Coordinate met = IncidentAnalysis.exposedPoint(river, SOURCE, ESE);
        // 450 m east along a line 15° south of east: 450 · tan 15° = 120.6 m south.
        assertThat(met.x).isCloseTo(3300, within(1e-6));
        assertThat(met.y).isCloseTo(600 - 450 * Math.tan(Math.toRadians(15)), within(1e-6));
        assertThat(ESE.across(met.x - SOURCE[0], met.y - SOURCE[1])).isCloseTo(0, within(1e-6));
    }

    @Test
    void anAreaIsMetWhereTheCentreLineEntersIt() {
        var area = GEOMETRY.toGeometry(new org.locationtech.jts.geom.Envelope(3450, 3900, 300, 800));
        Coordinate met = IncidentAnalysis.exposedPoint(area, SOURCE, ESE);
        assertThat(met.x).isCloseTo(3450, within(1e-6));
        assertThat(met.y).isCloseTo(600 - 600 * Math.tan(Math.toRadians(15)), within(1e-6));
    }

    @Test
    void aWellOffTheLineIsItsOwnPointAndOneUpstreamIsNeverCrossed() {
        Coordinate well = IncidentAnalysis.exposedPoint(GEOMETRY.createPoint(new Coordinate(3600, 510)), SOURCE, ESE);
        assertThat(well).isEqualTo(new Coordinate(3600, 510));
        var upstreamRiver = GEOMETRY.createLineString(new Coordinate[] {new Coordinate(2000, 0), new Coordinate(2000, 2000)});
        Coordinate nearest = IncidentAnalysis.exposedPoint(upstreamRiver, SOURCE, ESE);
        assertThat(nearest.x).isCloseTo(2000, within(1e-9));
        assertThat(nearest.y).isCloseTo(600, within(1e-9));
    }
}
