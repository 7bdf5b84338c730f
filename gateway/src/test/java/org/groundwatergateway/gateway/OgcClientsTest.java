package org.groundwatergateway.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.groundwatergateway.core.storage.Database;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** The platform's OGC services as real clients use them: GDAL/OGR and OWSLib, from Debian's packages. */
class OgcClientsTest extends RunningGateway {

    private static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(90);
    private static final String PYTHON = "/usr/bin/python3";

    @TempDir
    Path work;

    @Autowired
    private Database database;

    /** A trace's heat map at GW-U04, so that every client reads the source-probability layer and feature type with cells in. */
    @BeforeEach
    void aTracesHeatMap() {
        JsonNode u04 = http.get("/ogcapi/collections/wells/items?f=json&limit=100").json().get("features").valueStream()
                .filter(f -> f.at("/properties/code").asString().equals("GW-U04")).findFirst().orElseThrow();
        double lon = u04.at("/geometry/coordinates/0").asDouble();
        double lat = u04.at("/geometry/coordinates/1").asDouble();
        new StoredHeatMaps(database).benzene(Instant.parse("2025-10-01T00:00:00Z"), Instant.parse("2025-11-01T00:00:00Z"),
                List.of(StoredHeatMaps.square("PS-X", 0.9, lon, lat, 0.0002), StoredHeatMaps.square("cell-x", 0.05, lon, lat, 0.0004)));
    }

    @AfterEach
    void noHeatMap() {
        new StoredHeatMaps(database).deleteAll();
    }

    private static Command.Result ok(Command.Result result) {
        assertThat(result.exitCode()).as(result.output()).isZero();
        return result;
    }

    @Test
    void ogrinfoReadsEveryFeatureTypeAndCountsTheWells() {
        Command.requireInstalled("ogrinfo");
        String layers = ok(Command.run(List.of("ogrinfo", "-ro", "WFS:" + http.base() + "/ows?SERVICE=WFS"), CLIENT_TIMEOUT)).output();
        assertThat(layers).contains("gw:wells", "gw:plumes", "gw:risk_zones", "gw:latest_readings");
        for (String type : featureTypes()) {
            String summary = ok(Command.run(List.of("ogrinfo", "-ro", "-so", "WFS:" + http.base() + "/wfs", type), CLIENT_TIMEOUT)).output();
            assertThat(summary).as(type).contains("Feature Count: ");
        }
        String wells = ok(Command.run(List.of("ogrinfo", "-ro", "-so", "WFS:" + http.base() + "/wfs", "gw:wells"), CLIENT_TIMEOUT)).output();
        assertThat(wells).contains("Feature Count: " + wellCount()).contains("code: String").contains("ground_elevation_m: Real");
    }

    /** The feature types the WFS capabilities announce. */
    private List<String> featureTypes() {
        List<String> types = Xml.texts(Xml.parse(http.get("/wfs?SERVICE=WFS&REQUEST=GetCapabilities").body()), Xml.WFS, "Name");
        assertThat(types).contains("gw:wells");
        return types;
    }

    /** The layers the WMS capabilities announce (not the service's own name, nor the default style). */
    private List<String> mapLayers() {
        List<String> layers = Xml.texts(Xml.parse(http.get("/wms?SERVICE=WMS&REQUEST=GetCapabilities").body()), Xml.WMS, "Name").stream()
                .filter(name -> !name.equals("WMS") && !name.equals("default")).toList();
        assertThat(layers).contains("wells", "plumes", "quality_class.benzene", "source_probabilities.benzene.Q1");
        return layers;
    }

    @Test
    void ogr2ogrCopiesWellsIntoAGeoPackageWithAFilterAppliedOnTheServer() {
        Command.requireInstalled("ogr2ogr");
        Path gpkg = work.resolve("wells.gpkg");
        ok(Command.run(List.of("ogr2ogr", "-f", "GPKG", gpkg.toString(), "WFS:" + http.base() + "/ows?SERVICE=WFS", "gw:wells",
                "-where", "aquifer = 'C1'", "-nln", "deep_wells"), CLIENT_TIMEOUT));
        String copied = ok(Command.run(List.of("ogrinfo", "-ro", "-so", gpkg.toString(), "deep_wells"), CLIENT_TIMEOUT)).output();
        assertThat(copied).contains("Feature Count: 10").contains("Geometry: Point");
        String one = ok(Command.run(List.of("ogrinfo", "-ro", gpkg.toString(), "deep_wells", "-where", "code = 'GW-C01'"), CLIENT_TIMEOUT)).output();
        assertThat(one).contains("POINT (121.");
    }

    @Test
    void owslibReadsCapabilitiesAndFeatures() {
        Command.requireInstalled(PYTHON);
        String script = String.join("\n",
                "from owslib.wfs import WebFeatureService",
                "wfs = WebFeatureService('" + http.base() + "/wfs', version='2.0.0')",
                "print('TYPES', sorted(wfs.contents))",
                "print('OPS', sorted(op.name for op in wfs.operations))",
                "import json",
                "for t in sorted(wfs.contents):",
                "    print('TYPE', t, len(json.loads(wfs.getfeature(typename=[t], outputFormat='application/json').read())['features']))");
        String output = ok(Command.run(List.of(PYTHON, "-c", script), CLIENT_TIMEOUT)).output();
        assertThat(output).contains("'gw:wells'").contains("'gw:enterprises'").contains("GetPropertyValue").contains("TYPE gw:receptors 3")
                .contains("TYPE gw:wells " + wellCount()).contains("TYPE gw:source_probabilities 2");
        for (String type : featureTypes()) assertThat(output).as(type).contains("TYPE " + type + " ");
    }

    /** OWSLib posts a GetFeature with a FES filter, its attributes in lower case (typenames, outputformat). */
    @Test
    void owslibPostsAGetFeatureWithAFilter() {
        Command.requireInstalled(PYTHON);
        String script = String.join("\n",
                "from owslib.wfs import WebFeatureService",
                "from owslib.fes2 import PropertyIsEqualTo, Filter",
                "from owslib.etree import etree",
                "import json",
                "wfs = WebFeatureService('" + http.base() + "/wfs', version='2.0.0')",
                "f = etree.tostring(Filter(PropertyIsEqualTo(propertyname='aquifer', literal='C1')).toXML()).decode()",
                // OWSLib's POST request takes the fes:Filter child of the element it is given.
                "wrapped = '<Query xmlns:fes=\"http://www.opengis.net/fes/2.0\">' + f + '</Query>'",
                "r = wfs.getfeature(typename=['gw:wells'], filter=wrapped, method='Post', outputFormat='application/json')",
                "d = json.loads(r.read())",
                "print('POST', len(d['features']), sorted(set(x['properties']['aquifer'] for x in d['features'])))");
        assertThat(ok(Command.run(List.of(PYTHON, "-c", script), CLIENT_TIMEOUT)).output()).contains("POST 10 ['C1']");
    }

    /** What a regulator does in QGIS 3.22 (Debian's, headless): add every WMS layer and every WFS feature type. */
    @Test
    void qgisAddsEveryWmsLayerAndFeatureType() throws Exception {
        Command.requireInstalled(PYTHON);
        assertThat(Command.run(List.of(PYTHON, "-c", "import qgis.core"), CLIENT_TIMEOUT).exitCode()).as("python3-qgis is installed by .ci/run").isZero();
        Path script = work.resolve("qgis_layers.py");
        try (var in = getClass().getResourceAsStream("/clients/qgis_layers.py")) {
            java.nio.file.Files.copy(in, script);
        }
        String output = ok(Command.run(List.of(PYTHON, script.toString(), http.base()), CLIENT_TIMEOUT)).output();
        assertThat(output).contains("QGIS 3.").contains("LAYER wells VALID").contains("LAYER quality_class.benzene VALID")
                .contains("LAYER plumes VALID").doesNotContain("INVALID").contains("WFS gw:wells True " + wellCount());
        for (String layer : mapLayers()) assertThat(output).as(layer).contains("LAYER " + layer + " VALID");
        for (String type : featureTypes()) assertThat(output).as(type).contains("WFS " + type + " True ");
    }

    /** QGIS and GDAL find a WMS's layers only with unprefixed capabilities: gdalinfo lists every layer the service names. */
    @Test
    void gdalinfoFindsEveryWmsLayer() {
        Command.requireInstalled("gdalinfo");
        String info = ok(Command.run(List.of("gdalinfo", "WMS:" + http.base() + "/wms"), CLIENT_TIMEOUT)).output();
        for (String layer : mapLayers()) assertThat(info).as("gdalinfo lists " + layer).contains("LAYERS=" + layer + "&");
    }

    @Test
    void gdalTranslateSavesAWmsMapWithTheWellInItsClassColour() throws Exception {
        Command.requireInstalled("gdal_translate");
        // GW-U01 is a clean background well: GB/T 14848 class I for benzene, at the centre of this view.
        double lon = 121.001065, lat = 32.543607, d = 0.002;
        String url = http.base() + "/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=quality_class.benzene&STYLES=&CRS=EPSG:4326"
                + String.format(java.util.Locale.ROOT, "&BBOX=%.6f,%.6f,%.6f,%.6f", lat - d, lon - d, lat + d, lon + d)
                + "&FORMAT=image/png&TRANSPARENT=TRUE";
        Path png = work.resolve("map.png");
        ok(Command.run(List.of("gdal_translate", "-of", "PNG", "-outsize", "201", "201", "WMS:" + url, png.toString()), CLIENT_TIMEOUT));
        java.awt.image.BufferedImage map = javax.imageio.ImageIO.read(png.toFile());
        int[] rgb = map.getRaster().getPixel(100, 100, (int[]) null);
        assertThat(rgb[0] << 16 | rgb[1] << 8 | rgb[2]).as("class I blue at the well").isEqualTo(0x1E88E5);
    }

    @Test
    void owslibReadsWmsCapabilitiesAndGetsAMap() {
        Command.requireInstalled(PYTHON);
        Path out = work.resolve("owslib.png");
        String script = String.join("\n",
                "from owslib.wms import WebMapService",
                "wms = WebMapService('" + http.base() + "/ows', version='1.3.0')",
                "print('LAYERS', sorted(wms.contents))",
                "print('TIME', wms['plumes'].timepositions)",
                "heat = wms['source_probabilities.benzene.Q1']",
                "print('HEAT', heat.timepositions, heat.defaulttimeposition)",
                // OWSLib takes the box as x/y and swaps it into EPSG:4326's latitude-first order for WMS 1.3.0 itself.
                "img = wms.getmap(layers=['risk_zones', 'wells'], styles=['', ''], srs='EPSG:4326', bbox=(120.99, 32.53, 121.05, 32.57), "
                        + "size=(300, 200), format='image/png')",
                "data = img.read()", "open('" + out + "', 'wb').write(data)",
                "for name in sorted(wms.contents):",
                "    one = wms.getmap(layers=[name], styles=[''], srs='EPSG:4326', bbox=(120.99, 32.53, 121.05, 32.57), size=(64, 64), format='image/png')",
                "    print('MAP', name, one.read()[:8] == b'\\x89PNG\\r\\n\\x1a\\n')");
        String output = ok(Command.run(List.of(PYTHON, "-c", script), CLIENT_TIMEOUT)).output();
        assertThat(output).contains("'quality_class.benzene'").contains("'wells'");
        assertThat(output).as("the heat map's times: its traces' window ends").contains("HEAT ['2025-11-01T00:00:00Z'] 2025-11-01T00:00:00Z");
        assertThat(out.toFile().length()).as(output).isGreaterThan(1000);
        for (String layer : mapLayers()) assertThat(output).as(layer).contains("MAP " + layer + " True");
    }
}
