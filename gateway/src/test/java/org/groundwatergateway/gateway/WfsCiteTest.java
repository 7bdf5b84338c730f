package org.groundwatergateway.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.groundwatergateway.gateway.cite.CiteResults;
import org.groundwatergateway.gateway.cite.CiteRun;
import org.groundwatergateway.gateway.cite.Geotk321OnJava17;
import org.groundwatergateway.gateway.cite.SchemaMirror;
import org.junit.jupiter.api.Test;

/** OGC CITE ets-wfs20 (WFS 2.0, ISO 19142) against the demo park, read-only (the service is not transactional). */
class WfsCiteTest extends RunningGateway {

    /** Tests that fail for reasons outside the gateway (docs/conformance.md): test, why. */
    private static final Map<String, String> OUTSIDE_OUR_CONTROL = Map.of(
            "TransactionCapabilitiesTests.implementsTransactionalWFS", "Transactional WFS is an optional class the service does not claim",
            "LockingCapabilitiesTests.implementsLockingWFS", "Locking WFS is an optional class the service does not claim",
            "GetFeatureWithLockTests.sutImplementsGetFeatureWithLock", "Locking WFS is an optional class the service does not claim",
            "BBOXTests.bboxWithDefaultExtent", "the suite rounds the 3 km park's extent to 0.01 degrees: a zero-width box",
            "BBOXTests.nonSpecificBBOX", "the suite rounds the 3 km park's extent to 0.01 degrees: a zero-width box",
            "IntersectsTests.intersectsCurve", "suite NullPointerException: MultiSurface members inherit srsName (GML 3.2 §10.1.3.2)",
            "IntersectsTests.intersectsPolygon", "suite NullPointerException: MultiSurface members inherit srsName (GML 3.2 §10.1.3.2)");
    /** The suite's XML catalogs: where its jar keeps its copies of the OGC and W3C schemas. */
    private static final List<String> CATALOGS = List.of("org/opengis/cite/iso19142/schema-catalog.xml",
            "org/opengis/cite/iso19136/schema-catalog.xml");

    @Test
    void etsWfs20Passes() throws Exception {
        CiteRun suite = Geotk321OnJava17.patch(CiteRun.of("wfs20", Path.of("target", "cite-results", "wfs20"))
                .withJars("jaxb-api.jar", "jaxb-impl.jar", "jakarta.activation.jar", "javax.xml.soap-api.jar"));
        CiteResults results;
        try (SchemaMirror schemas = new SchemaMirror(suite.jar(), CATALOGS)) {
            results = suite.jvmOptions(schemas.jvmOptions())
                    .run(Map.of("wfs", http.base() + "/wfs?service=WFS&request=GetCapabilities"), Duration.ofMinutes(20));
        }
        System.out.println("ets-wfs20: " + results.summary());
        assertThat(results.failuresExcept(failure -> OUTSIDE_OUR_CONTROL.containsKey(failure.test()))).as(() -> CiteResults.describe(results.failures())).isEmpty();
        assertThat(results.passed()).isPositive();
    }
}
