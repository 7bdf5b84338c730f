package org.groundwatergateway.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import tools.jackson.databind.JsonNode;

/**
 * The WMS flow arrows (groundwater_flow.Q1) against the flow analysis's REST answer over the same week of heads, and
 * both against a plane fitted here through the heads that answer lists. The map's heads are daily samples of the
 * latest levels over the week ending at TIME, the answer's the mean of daily means over the same week, so the two
 * agree closely but not exactly; the tolerances below say how closely.
 */
class FlowLayerTest extends RunningGateway {

    private static final String LAYER = "groundwater_flow.Q1";
    private static final String TIME = "2025-11-08T00:00:00+08:00";
    private static final double R = 6378137.0;
    /** An arrow's pixels lie within this of its node: half its 22 px length, its head and anti-aliasing. */
    private static final double ARROW_REACH_PX = 15;

    private JsonNode answer;
    private Map<String, double[]> wells;
    private JsonNode node;

    @BeforeEach
    void restAnswerAndWells() {
        answer = ok(http.post("/api/v1/analytics/flow", "{\"park\": \"HBDP\", \"aquifer\": \"Q1\", \"from\": \"2025-11-01T00:00:00+08:00\", "
                + "\"to\": \"" + TIME + "\", \"cellSize\": 50, \"arrowsEvery\": 5}", "admin", "demo-admin"));
        wells = new HashMap<>();
        for (JsonNode f : http.get("/ows?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=gw:wells&OUTPUTFORMAT=json").json().get("features")) {
            JsonNode xy = f.get("geometry").get("coordinates");
            wells.put(f.get("properties").get("code").asString(), new double[] {xy.get(0).asDouble(), xy.get(1).asDouble()});
        }
        // The known node: the answer's arrow nearest the middle of the wells with heads.
        double[] middle = new double[2];
        answer.get("heads").propertyNames().forEach(code -> {
            middle[0] += wells.get(code)[0] / answer.get("wells").asInt();
            middle[1] += wells.get(code)[1] / answer.get("wells").asInt();
        });
        double best = Double.POSITIVE_INFINITY;
        for (JsonNode arrow : answer.at("/arrows/features")) {
            double d = Math.hypot(lon(arrow) - middle[0], lat(arrow) - middle[1]);
            if (d < best) {
                best = d;
                node = arrow;
            }
        }
    }

    @Test
    void capabilitiesListTheLayerInChineseAndEnglishWithALegend() {
        String capabilities = http.get("/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetCapabilities").body();
        assertThat(capabilities).contains("<Name>" + LAYER + "</Name>").contains("地下水流向（Q1）Groundwater flow direction, aquifer Q1");
        BufferedImage legend = image("SERVICE=WMS&REQUEST=GetLegendGraphic&LAYER=" + LAYER + "&FORMAT=image/png");
        assertThat(drawn(legend, 0, 0, legend.getWidth())).as("legend swatches").isGreaterThan(6 * 14 * 16);
    }

    /**
     * The arrow at the node points the way the answer's arrow there does, within 10°, in degrees (EPSG:4326, where a
     * map stretches east-west by 1/cos φ) and in Web Mercator (conformal: the azimuth itself); both agree with the
     * regional azimuth and with the down-gradient direction of the plane fitted here within 15° (the arrows follow the
     * kriged residuals too).
     */
    @Test
    void arrowsPointWhereTheWaterFlowsInBothProjections() {
        double lon = lon(node);
        double lat = lat(node);
        double azimuth = node.get("properties").get("azimuth").asDouble();
        double plane = fittedPlaneAzimuth();
        assertThat(angle(plane, answer.get("azimuthDegrees").asDouble())).as("fitted plane vs the answer's regional azimuth").isLessThan(2);
        assertThat(angle(azimuth, plane)).as("the answer's arrow vs the fitted plane").isLessThan(15);

        // 200 px over 0.003° each way, lat,lon axis order in EPSG:4326.
        double half = 0.0015;
        BufferedImage degrees = image(map("EPSG:4326", f(lat - half) + "," + f(lon - half) + "," + f(lat + half) + "," + f(lon + half)));
        double expected4326 = Math.toDegrees(Math.atan2(Math.sin(Math.toRadians(azimuth)) / Math.cos(Math.toRadians(lat)),
                Math.cos(Math.toRadians(azimuth))));
        double measured4326 = pixelAzimuth(degrees);
        assertThat(angle(measured4326, expected4326)).as("EPSG:4326 arrow %.1f° vs %.1f°", measured4326, expected4326).isLessThan(10);

        double x = R * Math.toRadians(lon);
        double y = R * Math.log(Math.tan(Math.PI / 4 + Math.toRadians(lat) / 2));
        BufferedImage mercator = image(map("EPSG:3857", f(x - 150) + "," + f(y - 150) + "," + f(x + 150) + "," + f(y + 150)));
        double measured3857 = pixelAzimuth(mercator);
        assertThat(angle(measured3857, azimuth)).as("EPSG:3857 arrow %.1f° vs %.1f°", measured3857, azimuth).isLessThan(10);
        assertThat(angle(measured3857, plane)).as("EPSG:3857 arrow vs the fitted plane").isLessThan(15);
        System.out.printf(Locale.ROOT, "flow layer: node %.5f,%.5f; answer arrow %.2f°, regional %.2f°, fitted plane %.2f°; "
                        + "drawn 4326 %.2f° (expected %.2f°), 3857 %.2f°%n", lon, lat, azimuth, answer.get("azimuthDegrees").asDouble(), plane,
                measured4326, expected4326, measured3857);
    }

    /** The nearest arrow's speed and azimuth, as GetFeatureInfo gives them, are the answer's at that node within 5 % and 5°. */
    @Test
    void featureInfoGivesTheArrowsSpeedAndAzimuth() {
        double lon = lon(node);
        double lat = lat(node);
        double half = 0.0015;
        String info = map("EPSG:4326", f(lat - half) + "," + f(lon - half) + "," + f(lat + half) + "," + f(lon + half))
                .replace("REQUEST=GetMap", "REQUEST=GetFeatureInfo") + "&QUERY_LAYERS=" + LAYER + "&I=103&J=97&INFO_FORMAT=application/json";
        JsonNode features = ok(http.get("/wms?" + info)).get("features");
        assertThat(features).hasSize(1);
        JsonNode properties = features.get(0).get("properties");
        double speed = node.get("properties").get("speed").asDouble();
        System.out.printf(Locale.ROOT, "flow layer: feature info %.4f m/d %.2f°, answer %.4f m/d %.2f°%n", properties.get("speed_m_per_d").asDouble(),
                properties.get("azimuth_deg").asDouble(), speed, node.get("properties").get("azimuth").asDouble());
        assertThat(properties.get("speed_m_per_d").asDouble()).isCloseTo(speed, within(0.05 * speed));
        assertThat(angle(properties.get("azimuth_deg").asDouble(), node.get("properties").get("azimuth").asDouble())).isLessThan(5);
        assertThat(features.get(0).at("/geometry/coordinates/0").asDouble()).isCloseTo(lon, within(1e-6));
        assertThat(features.get(0).at("/geometry/coordinates/1").asDouble()).isCloseTo(lat, within(1e-6));
    }

    /**
     * Where the answer's field has an arrow but no well is near (beyond the wells' hull widened by a sixth of its size,
     * the map's rule, with 60 m to spare), the map draws nothing; the node in the middle of the wells draws an arrow.
     */
    @Test
    void noArrowsFarFromTheWells() {
        GeometryFactory factory = new GeometryFactory();
        double lat0 = Math.toRadians(lat(node));
        List<Coordinate> places = new ArrayList<>();
        answer.get("heads").propertyNames().forEach(code -> places.add(metres(wells.get(code), lat0)));
        Geometry hull = factory.createMultiPointFromCoords(places.toArray(Coordinate[]::new)).convexHull();
        Geometry near = hull.buffer(Math.max(hull.getEnvelopeInternal().getWidth(), hull.getEnvelopeInternal().getHeight()) / 6);
        JsonNode far = null;
        double farthest = 0;
        for (JsonNode arrow : answer.at("/arrows/features")) {
            double d = near.distance(factory.createPoint(metres(new double[] {lon(arrow), lat(arrow)}, lat0)));
            if (d > farthest) {
                farthest = d;
                far = arrow;
            }
        }
        assertThat(farthest).as("the answer's field reaches beyond the wells").isGreaterThan(60);
        assertThat(far.get("properties").get("speed").asDouble()).as("and has an arrow there").isPositive();
        for (JsonNode at : new JsonNode[] {far, node}) {
            double half = 0.0006;
            BufferedImage image = image(map("EPSG:4326", f(lat(at) - half) + "," + f(lon(at) - half) + "," + f(lat(at) + half) + "," + f(lon(at) + half)));
            long pixels = drawn(image, 0, 0, image.getWidth());
            if (at == far) assertThat(pixels).as("pixels %.0f m beyond the wells", farthest).isZero();
            else assertThat(pixels).as("pixels at the middle node").isGreaterThan(20);
        }
    }

    /** The down-gradient azimuth of the least-squares plane h = a + b·east + c·north through the answer's heads. */
    private double fittedPlaneAzimuth() {
        double lat0 = Math.toRadians(lat(node));
        double[][] normal = new double[3][4];
        answer.get("heads").properties().forEach(e -> {
            Coordinate xy = metres(wells.get(e.getKey()), lat0);
            double[] row = {1, xy.x, xy.y};
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 3; j++) normal[i][j] += row[i] * row[j];
                normal[i][3] += row[i] * e.getValue().asDouble();
            }
        });
        // Gauss–Jordan on the 3×3 normal equations.
        for (int p = 0; p < 3; p++) {
            for (int r = 0; r < 3; r++) {
                if (r == p) continue;
                double factor = normal[r][p] / normal[p][p];
                for (int c = p; c < 4; c++) normal[r][c] -= factor * normal[p][c];
            }
        }
        double b = normal[1][3] / normal[1][1];
        double c = normal[2][3] / normal[2][2];
        return normalised(Math.toDegrees(Math.atan2(-b, -c)));
    }

    /** East/north metres of a longitude/latitude, equirectangular about {@code lat0}: ample over a park. */
    private static Coordinate metres(double[] lonLat, double lat0) {
        return new Coordinate(R * Math.toRadians(lonLat[0]) * Math.cos(lat0), R * Math.toRadians(lonLat[1]));
    }

    /**
     * The azimuth of the arrow at the image's centre: its pixels' principal axis (alpha-weighted second moments), turned
     * towards the head, whose filled triangle pulls the pixels' centroid that way. Screen x is east, screen y south.
     */
    private static double pixelAzimuth(BufferedImage image) {
        double cx = image.getWidth() / 2.0;
        double cy = image.getHeight() / 2.0;
        double sum = 0;
        double mx = 0;
        double my = 0;
        List<double[]> pixels = new ArrayList<>();
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                double alpha = (image.getRGB(x, y) >>> 24) / 255.0;
                if (alpha == 0 || Math.hypot(x + 0.5 - cx, y + 0.5 - cy) > ARROW_REACH_PX) continue;
                pixels.add(new double[] {x + 0.5, y + 0.5, alpha});
                sum += alpha;
                mx += alpha * (x + 0.5);
                my += alpha * (y + 0.5);
            }
        }
        assertThat(sum).as("arrow pixels at the node").isGreaterThan(20);
        mx /= sum;
        my /= sum;
        double sxx = 0;
        double syy = 0;
        double sxy = 0;
        for (double[] p : pixels) {
            sxx += p[2] * (p[0] - mx) * (p[0] - mx);
            syy += p[2] * (p[1] - my) * (p[1] - my);
            sxy += p[2] * (p[0] - mx) * (p[1] - my);
        }
        double theta = 0.5 * Math.atan2(2 * sxy, sxx - syy);
        double ax = Math.cos(theta);
        double ay = Math.sin(theta);
        if (ax * (mx - cx) + ay * (my - cy) < 0) {
            ax = -ax;
            ay = -ay;
        }
        return normalised(Math.toDegrees(Math.atan2(ax, -ay)));
    }

    private static String map(String crs, String bbox) {
        return "SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=" + LAYER + "&STYLES=&CRS=" + crs + "&BBOX=" + bbox
                + "&WIDTH=200&HEIGHT=200&FORMAT=image/png&TRANSPARENT=TRUE&TIME=" + TIME.replace("+", "%2B");
    }

    private BufferedImage image(String query) {
        return http.signedInAs("admin", "demo-admin").image("/wms?" + query);
    }

    private static long drawn(BufferedImage image, int x0, int y0, int side) {
        long count = 0;
        for (int y = y0; y < Math.min(image.getHeight(), y0 + side); y++) {
            for (int x = x0; x < Math.min(image.getWidth(), x0 + side); x++) if ((image.getRGB(x, y) >>> 24) != 0) count++;
        }
        return count;
    }

    private static double lon(JsonNode feature) {
        return feature.at("/geometry/coordinates/0").asDouble();
    }

    private static double lat(JsonNode feature) {
        return feature.at("/geometry/coordinates/1").asDouble();
    }

    /** The angle between two azimuths, 0–180°. */
    private static double angle(double a, double b) {
        double d = Math.abs(normalised(a) - normalised(b));
        return Math.min(d, 360 - d);
    }

    private static double normalised(double degrees) {
        double d = degrees % 360;
        return d < 0 ? d + 360 : d;
    }

    private static String f(double value) {
        return String.format(Locale.ROOT, "%.7f", value);
    }
}
