package org.groundwatergateway.gateway;

import org.groundwatergateway.core.testing.TestDatabases;
import org.groundwatergateway.core.testing.TestDatabases.TestDatabase;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Provenance's own SQL (versions of an observation, the review tasks covering it, an incident's aquifer, the reviewed
 * observations of the SPARQL graph) on PostgreSQL/PostGIS, with the answers {@link CatalogProvenanceTest} checks on H2GIS.
 */
class PostgisCatalogProvenanceTest extends CatalogProvenanceTest {

    private static TestDatabase database;

    @DynamicPropertySource
    static void postgis(DynamicPropertyRegistry registry) {
        database = TestDatabases.postgis();
        // The context outlives the class (Spring caches it until the JVM ends); the database goes with the JVM.
        Runtime.getRuntime().addShutdownHook(new Thread(database::close, "drop-" + database.url()));
        registry.add("spring.datasource.url", database::url);
        registry.add("spring.datasource.username", database::user);
        registry.add("spring.datasource.password", () -> "");
        registry.add("gw.demo", () -> true);
    }
}
