package org.groundwatergateway.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The platform's OGC services as real clients use them: GDAL/OGR and OWSLib, from Debian's packages. */
class OgcClientsTest extends RunningGateway {

    private static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(90);
    private static final String PYTHON = "/usr/bin/python3";

    @TempDir
    Path work;

    private static Command.Result ok(Command.Result result) {
        assertThat(result.exitCode()).as(result.output()).isZero();
        return result;
    }

    @Test
    void ogrinfoListsTheFeatureTypesAndCountsTheWells() {
        Command.requireInstalled("ogrinfo");
        String layers = ok(Command.run(List.of("ogrinfo", "-ro", "WFS:" + http.base() + "/ows?SERVICE=WFS"), CLIENT_TIMEOUT)).output();
        assertThat(layers).contains("gw:wells", "gw:plumes", "gw:risk_zones", "gw:latest_readings");
        String wells = ok(Command.run(List.of("ogrinfo", "-ro", "-so", "WFS:" + http.base() + "/wfs", "gw:wells"), CLIENT_TIMEOUT)).output();
        assertThat(wells).contains("Feature Count: 40").contains("code: String").contains("ground_elevation_m: Real");
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
                "r = wfs.getfeature(typename=['gw:receptors'], outputFormat='application/json')",
                "import json",
                "print('RECEPTORS', len(json.loads(r.read())['features']))");
        String output = ok(Command.run(List.of(PYTHON, "-c", script), CLIENT_TIMEOUT)).output();
        assertThat(output).contains("'gw:wells'").contains("'gw:enterprises'").contains("GetPropertyValue").contains("RECEPTORS 3");
    }
}
