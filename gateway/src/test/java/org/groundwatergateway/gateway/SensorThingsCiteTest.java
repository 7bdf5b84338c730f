package org.groundwatergateway.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.groundwatergateway.gateway.cite.CiteResults;
import org.groundwatergateway.gateway.cite.CiteRun;
import org.groundwatergateway.gateway.cite.CredentialsProxy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * OGC CITE ets-sta10 (SensorThings API 1.0), conformance levels 1 (sensing core), 2 (create-update-delete) and 3
 * (filtering), against a throwaway gateway of its own (level 2 creates and deletes entities). The suite sends no
 * credentials, so it talks to a loopback proxy that signs it in as the demo's park operator; the gateway's public base
 * URL is the proxy, so every link the suite follows leads back through it.
 */
class SensorThingsCiteTest extends RunningGateway {

    private static final CredentialsProxy PROXY = new CredentialsProxy("admin", "demo-admin");
    /**
     * Open server-side failures of issue #14 (docs/conformance.md): none. Level 2's tests create, patch and delete generic
     * Things with their Locations, HistoricalLocations, FeaturesOfInterest and Datastreams, and patch an Observation's
     * phenomenonTime and result, which keeps its id (a new version in the same lineage, V6_27). This test fails when a
     * listed one starts passing too, so that the list only shrinks.
     */
    private static final Set<String> OPEN_IN_ISSUE_14 = Set.of();
    /**
     * The suite's own: checkQueriesPriorityOrdering reads the Observation's numeric result with org.json's
     * {@code getString}, which the org.json bundled in the aio jar (20240303) refuses for a number ("is not a string")
     * after the count (6) and the page it checks are right. A result is returned as the number its client sent.
     */
    private static final Set<String> SUITE_DEFECTS = Set.of("Capability3Tests.checkQueriesPriorityOrdering");

    @DynamicPropertySource
    static void behindTheProxy(DynamicPropertyRegistry registry) {
        registry.add("gw.public-base-url", PROXY::base);
    }

    @AfterAll
    static void closeProxy() {
        PROXY.close();
    }

    @Test
    void etsSta10LevelsOneToThreePass() throws Exception {
        PROXY.forwardTo(http.base());
        CiteResults results = CiteRun.of("sta10", Path.of("target", "cite-results", "sta10"))
                .run(Map.of("iut", PROXY.base() + "/sta/v1.1", "ics", "3"), Duration.ofMinutes(10));
        System.out.println("ets-sta10: " + results.summary());
        Set<String> expected = new HashSet<>(OPEN_IN_ISSUE_14);
        expected.addAll(SUITE_DEFECTS);
        assertThat(results.failuresExcept(expected)).as(() -> CiteResults.describe(results.failures())).isEmpty();
        assertThat(results.failures()).extracting(CiteResults.Failure::test).as("open failures that now pass: shorten the list")
                .containsAll(expected);
        assertThat(results.passed()).isPositive();
    }
}
