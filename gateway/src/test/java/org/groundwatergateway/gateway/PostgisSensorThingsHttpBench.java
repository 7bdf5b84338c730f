package org.groundwatergateway.gateway;

import org.groundwatergateway.core.testing.TestDatabases;
import org.groundwatergateway.core.testing.TestDatabases.TestDatabase;
import org.junit.jupiter.api.Tag;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link SensorThingsHttpBench} against a gateway on PostgreSQL/PostGIS holding the demo park's year. */
@Tag("bench")
class PostgisSensorThingsHttpBench extends SensorThingsHttpBench {

    @DynamicPropertySource
    static void postgis(DynamicPropertyRegistry registry) {
        TestDatabase database = TestDatabases.postgis();
        Runtime.getRuntime().addShutdownHook(new Thread(database::close, "drop-" + database.url()));
        registry.add("spring.datasource.url", database::url);
        registry.add("spring.datasource.username", database::user);
        registry.add("spring.datasource.password", () -> "");
        registry.add("gw.demo", () -> true);
    }
}
