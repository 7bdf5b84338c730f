package org.groundwatergateway.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.groundwatergateway.policies.AccessPolicy;
import org.groundwatergateway.policies.Disclosure;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.bean.override.convention.TestBean;
import tools.jackson.databind.JsonNode;

/**
 * Issue #13's second measured defect: with wells coarsened to 1,000 m for the public, bisecting BBOX queries (40 of
 * them per axis) recovered a well's exact position to 0.001 m, because filters ran on the stored geometry. Now the
 * filters see the coarse point: bisection finds the grid point the outputs show, never the well.
 */
class CoarseLocationTest extends RunningGateway {

    private static final double PRECISION_M = 1000;
    private static final double STEP = PRECISION_M / 111_320;

    @TestBean
    AccessPolicy accessPolicy;

    static AccessPolicy accessPolicy() {
        return (viewer, dataset) -> !viewer.isAnonymous() || !Set.of("wells", "Locations", "FeaturesOfInterest").contains(dataset)
                ? Disclosure.full() : new Disclosure(true, Set.of(), Map.of(), PRECISION_M);
    }

    @Test
    void bisectingBoundingBoxesFindsTheCoarsePointNotTheWell() {
        double[] exact = exactPlaceOfGwU04();
        double lon = exact[0];
        double lat = exact[1];
        double coarseLon = Math.round(lon / STEP) * STEP;
        double coarseLat = Math.round(lat / STEP) * STEP;
        JsonNode shown = ok(http.anonymous().get("/ogcapi/collections/wells/items?code=GW-U04")).get("features").get(0).get("geometry").get("coordinates");
        assertThat(shown.get(0).asDouble()).isCloseTo(coarseLon, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(shown.get(1).asDouble()).isCloseTo(coarseLat, org.assertj.core.data.Offset.offset(1e-9));

        double foundLon = bisect(true, lat);
        double foundLat = bisect(false, lon);
        // What the probes find is the coarse point, to the bisection's resolution …
        assertThat(foundLon).isCloseTo(coarseLon, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(foundLat).isCloseTo(coarseLat, org.assertj.core.data.Offset.offset(1e-9));
        // … which is no closer to the well than the grid puts it: on GW-U04 some hundreds of metres, at most half a cell.
        double metresOff = Math.hypot((foundLon - lon) * 111_320 * Math.cos(Math.toRadians(lat)), (foundLat - lat) * 111_320);
        assertThat(metresOff).isGreaterThan(50).isLessThanOrEqualTo(PRECISION_M * Math.sqrt(2) / 2);

        // WFS: a box around the exact place finds nothing; around the coarse point, every well of that cell.
        assertThat(wfsHits(lon, lat)).isZero();
        assertThat(wfsHits(coarseLon, coarseLat)).as("GW-U04 and the wells that share its grid cell").isPositive();
    }

    @Test
    void sensorThingsGeoFunctionsSeeTheCoarsePointToo() {
        double[] exact = exactPlaceOfGwU04();
        double lon = exact[0];
        double lat = exact[1];
        double coarseLon = Math.round(lon / STEP) * STEP;
        double coarseLat = Math.round(lat / STEP) * STEP;
        // The operators, signed in, find the well at its place; the public finds it only at the coarse point.
        assertThat(ok(http.get(near(lon, lat))).get("@iot.count").asInt()).isEqualTo(1);
        assertThat(ok(http.anonymous().get(near(lon, lat))).get("@iot.count").asInt()).isZero();
        assertThat(ok(http.anonymous().get(near(coarseLon, coarseLat))).get("@iot.count").asInt()).isEqualTo(1);
        String within = "/sta/v1.1/FeaturesOfInterest?$count=true&$filter=name%20eq%20'GW-U04'%20and%20st_within(feature,%20geography'"
                + square(lon, lat).replace(" ", "%20") + "')";
        assertThat(ok(http.anonymous().get(within)).get("@iot.count").asInt()).isZero();
        JsonNode shown = ok(http.anonymous().get("/sta/v1.1/Locations?$filter=name%20eq%20'GW-U04'")).get("value").get(0).get("location").get("coordinates");
        assertThat(shown.get(0).asDouble()).isCloseTo(coarseLon, org.assertj.core.data.Offset.offset(1e-9));
    }

    /** GW-U04's longitude and latitude as the signed-in operator sees them: exactly. */
    private double[] exactPlaceOfGwU04() {
        JsonNode coordinates = ok(http.get("/ogcapi/collections/wells/items?code=GW-U04")).get("features").get(0).get("geometry").get("coordinates");
        return new double[] {coordinates.get(0).asDouble(), coordinates.get(1).asDouble()};
    }

    /** Locations named GW-U04 within 0.0001° of a point. */
    private static String near(double lon, double lat) {
        return "/sta/v1.1/Locations?$count=true&$filter=name%20eq%20'GW-U04'%20and%20geo.distance(location,%20geography'POINT(" + lon + "%20" + lat
                + ")')%20lt%200.0001";
    }

    private static String square(double lon, double lat) {
        double d = 0.0002;
        return String.format(Locale.ROOT, "POLYGON((%.9f %.9f, %.9f %.9f, %.9f %.9f, %.9f %.9f, %.9f %.9f))", lon - d, lat - d, lon + d, lat - d,
                lon + d, lat + d, lon - d, lat + d, lon - d, lat - d);
    }

    /** 40 halvings of a box along one axis, keeping the half where the public still finds GW-U04. */
    private double bisect(boolean alongLongitude, double other) {
        double lo = alongLongitude ? 120.9 : 32.4;
        double hi = alongLongitude ? 121.1 : 32.7;
        for (int i = 0; i < 40; i++) {
            double mid = (lo + hi) / 2;
            String bbox = alongLongitude ? box(lo, other - 0.05, mid, other + 0.05) : box(other - 0.05, lo, other + 0.05, mid);
            JsonNode page = ok(http.anonymous().get("/ogcapi/collections/wells/items?code=GW-U04&bbox=" + bbox));
            if (page.get("numberMatched").asInt() > 0) hi = mid;
            else lo = mid;
        }
        return (lo + hi) / 2;
    }

    private long wfsHits(double lon, double lat) {
        double d = 0.0005;
        String query = "/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=gw:wells&RESULTTYPE=hits&BBOX="
                + box(lon - d, lat - d, lon + d, lat + d) + ",urn:ogc:def:crs:OGC:1.3:CRS84";
        String body = http.anonymous().get(query).body();
        return Long.parseLong(body.replaceAll("(?s).*numberMatched=\"(\\d+)\".*", "$1"));
    }

    private static String box(double minLon, double minLat, double maxLon, double maxLat) {
        return String.format(Locale.ROOT, "%.9f,%.9f,%.9f,%.9f", minLon, minLat, maxLon, maxLat);
    }
}
