package org.groundwatergateway.ogc.crs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CoordinateReferenceSystemsTest {

    /**
     * Reference values from GDAL 3.6.2 / PROJ ({@code echo "lon lat" | gdaltransform -s_srs EPSG:4490 -t_srs EPSG:n}),
     * easting then northing; the projections here must agree within a millimetre.
     */
    @ParameterizedTest
    @CsvSource({
        "EPSG:4528, 121.0, 32.54, 40593937.1653368, 3602174.8353292",
        "EPSG:4549, 121.0, 32.54, 593937.16533678, 3602174.8353292",
        "EPSG:4509, 121.03, 32.56, 878606.946358393, 3611124.92798171",
        "EPSG:4498, 121.0, 32.54, 20875870.1193129, 3608798.16596637",
        "EPSG:3857, 121.0, 32.54, 13469658.3859861, 3834404.62392311",
    })
    void projectionsAgreeWithProjToAMillimetre(String code, double lon, double lat, double east, double north) {
        Crs crs = CoordinateReferenceSystems.lookup(code).orElseThrow();
        double[] projected = crs.fromLonLat().apply(lon, lat);
        assertThat(projected[0]).isCloseTo(east, within(0.001));
        assertThat(projected[1]).isCloseTo(north, within(0.001));
        double[] back = crs.toLonLat().apply(projected[0], projected[1]);
        assertThat(back[0]).isCloseTo(lon, within(1e-9));
        assertThat(back[1]).isCloseTo(lat, within(1e-9));
    }

    @Test
    void everySpellingOfAnIdentifierIsUnderstoodWithItsAxisOrder() {
        for (String id : new String[] {"EPSG:4490", "urn:ogc:def:crs:EPSG::4490", "urn:ogc:def:crs:EPSG:6.6:4490",
                "http://www.opengis.net/def/crs/EPSG/0/4490", "epsg:4490"}) {
            assertThat(CoordinateReferenceSystems.lookup(id)).as(id).contains(CoordinateReferenceSystems.storage());
        }
        assertThat(CoordinateReferenceSystems.lookup("CRS:84").orElseThrow().northFirst()).isFalse();
        assertThat(CoordinateReferenceSystems.lookup("http://www.opengis.net/def/crs/OGC/1.3/CRS84")).contains(CoordinateReferenceSystems.crs84());
        assertThat(CoordinateReferenceSystems.lookup("EPSG:4326").orElseThrow().northFirst()).isTrue();
        assertThat(CoordinateReferenceSystems.lookup("EPSG:3857").orElseThrow().northFirst()).isFalse();
        assertThat(CoordinateReferenceSystems.lookup("EPSG:4513").orElseThrow().northFirst()).isTrue();
        assertThat(CoordinateReferenceSystems.lookup("EPSG:27700")).isEmpty();
        assertThat(CoordinateReferenceSystems.lookup("EPSG:4490; DROP TABLE wells")).isEmpty();
        assertThat(CoordinateReferenceSystems.all()).hasSize(4 + 64);
        assertThat(CoordinateReferenceSystems.isUri("urn:ogc:def:crs:EPSG::4326")).isTrue();
        assertThat(CoordinateReferenceSystems.isUri("EPSG:4326")).isFalse();
    }
}
