package org.groundwatergateway.analytics.spatial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

class IsobandsTest {

    private static final GeometryFactory FACTORY = new GeometryFactory();

    @Test
    void aConeCutAtAThresholdIsACircleOfTheExpectedRadius() {
        // f = 100 - r: the region f >= 60 is the disc r <= 40, area 1600π. Linear interpolation along 1 m cell
        // edges of a linear-in-r field cuts corners by well under 1 % of the area.
        RegularGrid grid = RegularGrid.sample(-100, -100, 1, 1, 201, 201, (x, y) -> 100 - Math.hypot(x, y));
        Geometry disc = Isobands.atOrAbove(grid, 60, FACTORY);
        assertThat(disc.isValid()).isTrue();
        assertThat(disc.getNumGeometries()).isEqualTo(1);
        assertThat(disc.getArea()).isCloseTo(Math.PI * 1600, within(Math.PI * 1600 * 0.005));
        assertThat(disc.getCentroid().getX()).isCloseTo(0, within(0.01));
    }

    @Test
    void twoSeparateHighsGiveTwoPolygonsAndAHoleIsKept() {
        RegularGrid twoPeaks = RegularGrid.sample(0, 0, 1, 1, 101, 51,
                (x, y) -> Math.max(10 - Math.hypot(x - 25, y - 25), 10 - Math.hypot(x - 75, y - 25)));
        Geometry peaks = Isobands.atOrAbove(twoPeaks, 5, FACTORY);
        assertThat(peaks.getNumGeometries()).isEqualTo(2);

        // A ring: high between r = 10 and r = 20, so the result is an annulus with a hole.
        RegularGrid ring = RegularGrid.sample(-30, -30, 0.5, 0.5, 121, 121, (x, y) -> 5 - Math.abs(Math.hypot(x, y) - 15));
        Geometry annulus = Isobands.atOrAbove(ring, 0, FACTORY);
        assertThat(annulus.isValid()).isTrue();
        assertThat(((org.locationtech.jts.geom.Polygon) annulus.getGeometryN(0)).getNumInteriorRing()).isEqualTo(1);
        assertThat(annulus.getArea()).isCloseTo(Math.PI * (400 - 100), within(Math.PI * 300 * 0.01));
    }

    @Test
    void nothingAboveGivesAnEmptyGeometryAndEverythingAboveTheWholeGrid() {
        RegularGrid flat = RegularGrid.sample(0, 0, 2, 2, 11, 11, (x, y) -> 1);
        assertThat(Isobands.atOrAbove(flat, 2, FACTORY).isEmpty()).isTrue();
        assertThat(Isobands.atOrAbove(flat, 1, FACTORY).getArea()).isCloseTo(400, within(1e-9));
    }
}
