package org.groundwatergateway.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.groundwatergateway.core.storage.Database;
import org.groundwatergateway.ogc.wms.MapImageCache;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import tools.jackson.databind.JsonNode;

/** WMS 1.3.0 over real HTTP: capabilities as QGIS asks, maps checked pixel by pixel in both axis orders. */
class WmsTest extends RunningGateway {

    /** GB/T 14848 class colours, I to V, as the quality-class layers draw them. */
    private static final int[] CLASS_RGB = {0x1E88E5, 0x43A047, 0xFDD835, 0xFB8C00, 0xE53935};

    @Autowired
    MapImageCache cache;

    @Autowired
    Database database;

    private record Well(double lon, double lat, int qualityClass) {}

    /** GW-U04 sits 10 m down the benzene plume: its latest benzene value and class, as WFS publishes them. */
    private Well benzeneAt(String wellCode) {
        JsonNode features = http.get("/ows?SERVICE=WFS&REQUEST=GetFeature&TYPENAMES=gw:latest_readings&OUTPUTFORMAT=json&FILTER="
                + java.net.URLEncoder.encode(WfsTest.likeFilter("well_code", wellCode), java.nio.charset.StandardCharsets.UTF_8)).json().get("features");
        for (JsonNode f : features) {
            if (f.get("properties").get("parameter").asString().equals("benzene")) {
                JsonNode xy = f.get("geometry").get("coordinates");
                return new Well(xy.get(0).asDouble(), xy.get(1).asDouble(), f.get("properties").get("gbt14848_class").asInt());
            }
        }
        throw new AssertionError("no benzene reading at " + wellCode);
    }

    private BufferedImage image(String query) {
        return http.image("/wms?" + query);
    }

    private static String f(double value) {
        return String.format(Locale.ROOT, "%.7f", value);
    }

    @Test
    void capabilitiesWithoutVersionAre130WithLayersTimeAndLegends() {
        Http.Response response = http.get("/ows?SERVICE=WMS&REQUEST=GetCapabilities");
        assertThat(response.status()).isEqualTo(200);
        Document caps = Xml.parse(response.body());
        assertThat(caps.getDocumentElement().getAttribute("version")).isEqualTo("1.3.0");
        // In the default namespace (QGIS and GDAL find no layers in prefixed capabilities), the title read as UTF-8.
        assertThat(response.body()).contains("<WMS_Capabilities ").doesNotContain("<wms:");
        assertThat(Xml.texts(caps, Xml.WMS, "Title").get(0)).isEqualTo("化工园区地下水监测 Groundwater Gateway");
        List<String> names = Xml.texts(caps, Xml.WMS, "Name");
        assertThat(names).contains("wells", "plumes", "risk_zones", "enterprises", "receptors", "potential_sources", "roads", "network_coverage",
                "quality_class.benzene", "surface.benzene.Q1", "quality_class.chromium-vi");
        assertThat(Xml.all(caps, Xml.WMS, "Dimension")).isNotEmpty().allSatisfy(d -> assertThat(d.getAttribute("name")).isEqualTo("time"));
        assertThat(Xml.texts(caps, Xml.WMS, "CRS")).contains("EPSG:4490", "EPSG:4326", "CRS:84", "EPSG:3857", "EPSG:4549");
        // EPSG:4326 bounding boxes are latitude first (minx is a latitude around 32.5).
        Element box = Xml.all(caps, Xml.WMS, "BoundingBox").stream().filter(b -> b.getAttribute("CRS").equals("EPSG:4326")).findFirst().orElseThrow();
        assertThat(Double.parseDouble(box.getAttribute("minx"))).isBetween(30.0, 35.0);
    }

    @Test
    void aWellIsDrawnInItsClassColourAtTheRightPixelInEveryAxisOrder() {
        Well well = benzeneAt("GW-U04");
        int expected = CLASS_RGB[well.qualityClass() - 1];
        // An off-centre view: the well is 100 px from the left and 300 px from the top of a 400 x 400 image.
        double west = well.lon() - 0.001, east = well.lon() + 0.003, south = well.lat() - 0.001, north = well.lat() + 0.003;
        String common = "SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=quality_class.benzene&STYLES=&WIDTH=400&HEIGHT=400"
                + "&FORMAT=image/png&TRANSPARENT=TRUE";
        BufferedImage latFirst = image(common + "&CRS=EPSG:4326&BBOX=" + f(south) + "," + f(west) + "," + f(north) + "," + f(east));
        BufferedImage lonFirst = image(common + "&CRS=CRS:84&BBOX=" + f(west) + "," + f(south) + "," + f(east) + "," + f(north));
        BufferedImage cgcs = image(common + "&CRS=EPSG:4490&BBOX=" + f(south) + "," + f(west) + "," + f(north) + "," + f(east));
        for (BufferedImage map : List.of(latFirst, lonFirst, cgcs)) {
            assertThat(map.getRGB(100, 300) & 0xFFFFFF).as("colour at the well").isEqualTo(expected);
            assertThat(map.getRGB(100, 300) >>> 24).isEqualTo(255);
            assertThat(map.getRGB(300, 100) >>> 24).as("transparent away from wells").isZero();
        }
    }

    /** The offline base's roads: drawn in their grey where WFS places a road, and nothing between the roads. */
    @Test
    void roadsAreDrawnWhereWfsPlacesThem() {
        JsonNode roads = http.get("/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=gw:roads&OUTPUTFORMAT=application/json").json().get("features");
        assertThat(roads.size()).as("the demo's road segments").isGreaterThan(5);
        JsonNode road = roads.get(0);
        assertThat(road.get("properties").get("speed_kmh").asDouble()).isPositive();
        // The middle of the segment's first leg, at the centre of a 200 m view.
        JsonNode line = road.get("geometry").get("coordinates");
        double lon = (line.get(0).get(0).asDouble() + line.get(1).get(0).asDouble()) / 2;
        double lat = (line.get(0).get(1).asDouble() + line.get(1).get(1).asDouble()) / 2;
        double half = 0.001;
        BufferedImage map = image("SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=roads&STYLES=&CRS=CRS:84&WIDTH=201&HEIGHT=201&FORMAT=image/png"
                + "&TRANSPARENT=TRUE&BBOX=" + f(lon - half) + "," + f(lat - half) + "," + f(lon + half) + "," + f(lat + half));
        assertThat(map.getRGB(100, 100) & 0xFFFFFF).as("road grey on the road").isEqualTo(0x9E9E9E);
        // The demo's roads run east-west and north-south: a corner of the view, ~140 m off the road's axis, is empty
        // unless another road crosses there; at least three of the four corners are.
        int empty = 0;
        for (int[] corner : new int[][] {{5, 5}, {195, 5}, {5, 195}, {195, 195}}) {
            if (map.getRGB(corner[0], corner[1]) >>> 24 == 0) empty++;
        }
        assertThat(empty).as("transparent corners").isGreaterThanOrEqualTo(3);
    }

    @Test
    void projectedMapsPlaceTheWellToo() {
        Well well = benzeneAt("GW-U04");
        double r = 6378137.0;
        double x = r * Math.toRadians(well.lon());
        double y = r * Math.log(Math.tan(Math.PI / 4 + Math.toRadians(well.lat()) / 2));
        // 256 px over 512 m with the well at the centre.
        BufferedImage mercator = image("SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=quality_class.benzene&STYLES=&CRS=EPSG:3857&WIDTH=256&HEIGHT=256"
                + "&FORMAT=image/png&TRANSPARENT=TRUE&BBOX=" + f(x - 256) + "," + f(y - 256) + "," + f(x + 256) + "," + f(y + 256));
        assertThat(mercator.getRGB(128, 128) & 0xFFFFFF).isEqualTo(CLASS_RGB[well.qualityClass() - 1]);
    }

    @Test
    void png8JpegLegendAndFeatureInfo() {
        Well well = benzeneAt("GW-U04");
        String view = "&CRS=CRS:84&BBOX=" + f(well.lon() - 0.002) + "," + f(well.lat() - 0.002) + "," + f(well.lon() + 0.002) + "," + f(well.lat() + 0.002)
                + "&WIDTH=200&HEIGHT=200&STYLES=";
        BufferedImage png8 = image("SERVICE=WMS&REQUEST=GetMap&LAYERS=risk_zones,enterprises,wells&FORMAT=image/png8" + view);
        assertThat(png8.getColorModel()).isInstanceOf(IndexColorModel.class);
        BufferedImage jpeg = image("SERVICE=WMS&REQUEST=GetMap&LAYERS=surface.benzene.Q1,wells&FORMAT=image/jpeg" + view);
        assertThat(jpeg.getWidth()).isEqualTo(200);
        BufferedImage legend = image("SERVICE=WMS&REQUEST=GetLegendGraphic&LAYER=quality_class.benzene&FORMAT=image/png");
        assertThat(legend.getHeight()).isGreaterThan(100);

        String info = "/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetFeatureInfo&LAYERS=quality_class.benzene&QUERY_LAYERS=quality_class.benzene&I=100&J=100"
                + "&FORMAT=image/png" + view;
        JsonNode json = http.get(info + "&INFO_FORMAT=application/json").json();
        assertThat(json.get("features")).hasSize(1);
        assertThat(json.get("features").get(0).get("properties").get("well_code").asString()).isEqualTo("GW-U04");
        assertThat(http.get(info + "&INFO_FORMAT=text/html").body()).contains("<table>").contains("GW-U04");
        assertThat(http.get(info + "&INFO_FORMAT=text/plain").body()).contains("well_code = GW-U04");
    }

    @Test
    void timeSelectsThePlumeOfThatMoment() {
        String plumes = "SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=plumes&STYLES=&CRS=CRS:84&WIDTH=300&HEIGHT=200&FORMAT=image/png"
                + "&TRANSPARENT=TRUE&BBOX=121.004,32.548,121.012,32.556";
        long beforeLeak = drawn(image(plumes + "&TIME=2026-01-01T00:00:00Z"));
        long spring = drawn(image(plumes + "&TIME=2026-04-01T00:00:00Z"));
        long autumn = drawn(image(plumes + "&TIME=2026-10-01T00:00:00Z"));
        assertThat(beforeLeak).isZero();
        assertThat(spring).isPositive();
        assertThat(autumn).isGreaterThan(spring);
    }

    @Test
    void repeatedTilesComeFromTheCacheUntilNewReadingsArrive() {
        String tile = "SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=quality_class.ph&STYLES=&CRS=EPSG:3857&WIDTH=256&HEIGHT=256"
                + "&FORMAT=image/png&BBOX=13468000,3832000,13472000,3836000";
        image(tile);
        long hits = cache.hits();
        image(tile);
        assertThat(cache.hits()).isEqualTo(hits + 1);
        Http.Response stored = http.post("/api/v1/readings",
                "[{\"well\": \"GW-U30\", \"parameter\": \"ph\", \"time\": \"2025-11-02T23:30:00+08:00\", \"value\": 7.2}]", "admin", "demo-admin");
        assertThat(stored.status()).as(stored.body()).isEqualTo(200);
        long misses = cache.misses();
        long deadline = System.currentTimeMillis() + 5000;
        // The cache hears of the commit through the event bus, a moment after the upload returns.
        while (cache.misses() == misses && System.currentTimeMillis() < deadline) image(tile);
        assertThat(cache.misses()).isGreaterThan(misses);
    }

    @Test
    void badRequestsGetServiceExceptionReports() {
        String map = "/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&STYLES=&FORMAT=image/png&WIDTH=256&HEIGHT=256";
        assertException(http.get(map + "&LAYERS=nothing&CRS=EPSG:4326&BBOX=32,121,33,122"), "LayerNotDefined");
        assertException(http.get(map + "&LAYERS=wells&CRS=EPSG:999999&BBOX=32,121,33,122"), "InvalidCRS");
        assertException(http.get(map + "&LAYERS=wells&CRS=EPSG:4326&BBOX=33,121,32,122"), null);
        assertException(http.get(map + "&LAYERS=wells&CRS=EPSG:4326&BBOX=32,121,abc,122"), null);
        assertException(http.get("/wms?SERVICE=WMS&REQUEST=GetMap&STYLES=&FORMAT=image/png&WIDTH=100000&HEIGHT=256&LAYERS=wells&CRS=EPSG:4326&BBOX=32,121,33,122"), null);
        assertException(http.get(map.replace("FORMAT=image/png", "FORMAT=image/tiff") + "&LAYERS=wells&CRS=EPSG:4326&BBOX=32,121,33,122"),
                "InvalidFormat");
        assertException(http.get(map.replace("STYLES=", "STYLES=fancy") + "&LAYERS=wells&CRS=EPSG:4326&BBOX=32,121,33,122"), "StyleNotDefined");
        assertException(http.get(map + "&LAYERS=plumes&CRS=EPSG:4326&BBOX=32,121,33,122&TIME=yesterday"), "InvalidDimensionValue");
        // A year no database stores (found by OgcFuzzTest: PostgreSQL's "timestamp out of range" answered 500; H2 took it).
        assertException(http.get(map + "&LAYERS=plumes&CRS=EPSG:4326&BBOX=32,121,33,122&TIME=2026-03-01/%2B999999999-12-31T23:59:59Z"),
                "InvalidDimensionValue");
    }

    /**
     * A trace's heat map (issue #21) is a layer of its parameter with TIME, drawn in the class of each candidate's
     * probability, the most probable on top; a trace run again over the same window replaces it, and the image drawn
     * before is not served again (a heat map is written without new readings, which alone moved the image cache on). The
     * layer's times are the traces' window ends (a client steps from one heat map to the next), the latest by default.
     */
    @Test
    void aTracesHeatMapIsALayerWithTimeAndATraceRunAgainRedrawsIt() {
        Well well = benzeneAt("GW-U04");
        // Two overlapping cells centred on the well: the larger faint, the smaller likely, drawn on top whatever their order.
        StoredHeatMaps heatMaps = new StoredHeatMaps(database);
        Instant from = Instant.parse("2025-10-01T00:00:00Z");
        Instant to = Instant.parse("2025-11-01T00:00:00Z");
        heatMaps.benzene(from, to, List.of(StoredHeatMaps.square("PS-X", 0.9, well.lon(), well.lat(), 0.0002),
                StoredHeatMaps.square("cell-x", 0.01, well.lon(), well.lat(), 0.0004)));
        try {
            assertThat(http.get("/wms?SERVICE=WMS&REQUEST=GetCapabilities").body()).contains("<Name>source_probabilities.benzene.Q1</Name>");
            String map = "/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=source_probabilities.benzene.Q1&STYLES=&CRS=CRS:84&BBOX="
                    + f(well.lon() - 0.001) + "," + f(well.lat() - 0.001) + "," + f(well.lon() + 0.001) + "," + f(well.lat() + 0.001)
                    + "&WIDTH=100&HEIGHT=100&FORMAT=image/png&TRANSPARENT=TRUE&TIME=";
            BufferedImage likely = http.image(map + "2025-11-15T00:00:00Z");
            assertThat(likely.getRGB(50, 50) >>> 24).isPositive();
            assertThat(red(likely.getRGB(50, 50))).as("the likely class's dark red over the faint cell").isLessThan(170);
            // Between the two squares only the faint cell: its pale yellow (to 2 in a channel: the canvas's alpha rounds).
            assertNear(likely.getRGB(50, 36), 0xFFEDA0);
            assertThat(likely.getRGB(2, 2) >>> 24).as("outside the cells").isZero();
            assertThat(http.image(map + "2025-10-15T00:00:00Z").getRGB(50, 50) >>> 24).as("before the window ended").isZero();

            heatMaps.benzene(from, to, List.of(StoredHeatMaps.square("PS-X", 0.1, well.lon(), well.lat(), 0.0002)));
            BufferedImage weak = http.image(map + "2025-11-15T00:00:00Z");
            assertNear(weak.getRGB(50, 50), 0xFEB24C);
            assertThat(weak.getRGB(50, 36) >>> 24).as("the faint cell is gone").isZero();

            heatMaps.benzene(to, Instant.parse("2025-12-01T00:00:00Z"), List.of(StoredHeatMaps.square("PS-X", 0.3, well.lon(), well.lat(), 0.0002)));
            Document caps = Xml.parse(http.get("/wms?SERVICE=WMS&REQUEST=GetCapabilities").body());
            Element time = timeOf(caps, "source_probabilities.benzene.Q1");
            assertThat(time.getTextContent()).isEqualTo("2025-11-01T00:00:00Z,2025-12-01T00:00:00Z");
            assertThat(time.getAttribute("default")).isEqualTo("2025-12-01T00:00:00Z");
            assertThat(timeOf(caps, "plumes").getTextContent()).as("the other layers: any instant, hourly").endsWith("/current/PT1H");
            assertNear(http.image(map + "2025-12-01T00:00:00Z").getRGB(50, 50), 0xF03B20);
        } finally {
            heatMaps.deleteAll();
        }
    }

    /** The time dimension of the named layer in a capabilities document. */
    private static Element timeOf(Document caps, String layer) {
        Element named = Xml.all(caps, Xml.WMS, "Name").stream().filter(n -> n.getTextContent().equals(layer)).findFirst().orElseThrow();
        Element dimension = (Element) ((Element) named.getParentNode()).getElementsByTagNameNS(Xml.WMS, "Dimension").item(0);
        assertThat(dimension).as("%s's time dimension", layer).isNotNull();
        return dimension;
    }

    private static int red(int argb) {
        return (argb >> 16) & 0xFF;
    }

    private static void assertNear(int argb, int rgb) {
        for (int shift : new int[] {16, 8, 0}) {
            assertThat((argb >> shift) & 0xFF).as("%06x against %06x", argb & 0xFFFFFF, rgb).isCloseTo((rgb >> shift) & 0xFF, within(2));
        }
    }

    private static void assertException(Http.Response response, String code) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        Document report = Xml.parse(response.body());
        assertThat(report.getDocumentElement().getLocalName()).isEqualTo("ServiceExceptionReport");
        Element exception = Xml.all(report, Xml.OGC, "ServiceException").get(0);
        if (code != null) assertThat(exception.getAttribute("code")).isEqualTo(code);
        assertThat(exception.getTextContent()).isNotBlank();
    }

    private static long drawn(BufferedImage image) {
        long count = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) if ((image.getRGB(x, y) >>> 24) != 0) count++;
        }
        return count;
    }
}
