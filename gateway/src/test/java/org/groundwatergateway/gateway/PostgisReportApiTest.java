package org.groundwatergateway.gateway;

import org.groundwatergateway.core.testing.TestDatabases;
import org.groundwatergateway.core.testing.TestDatabases.TestDatabase;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The reports' own SQL (online hours by epoch arithmetic, class SQL, counts by flag) on PostgreSQL/PostGIS, with the
 * figures {@link ReportApiTest} checks on H2GIS: a fresh database holding the two demo days and the test's month.
 */
class PostgisReportApiTest extends ReportApiTest {

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
