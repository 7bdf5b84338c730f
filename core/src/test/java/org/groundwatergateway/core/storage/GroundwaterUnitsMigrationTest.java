package org.groundwatergateway.core.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.flywaydb.core.Flyway;
import org.groundwatergateway.core.parameter.Parameter;
import org.groundwatergateway.core.parameter.ParameterCatalog;
import org.groundwatergateway.core.testing.TestDatabases;
import org.groundwatergateway.core.testing.TestDatabases.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Upgrading a database across V6_8 (issue #21 item 5): a catalogue loaded before it had every GB 36600-only item in
 * mg/kg; afterwards each parameter has the unit a new database's catalogue gives it, on H2GIS and on PostGIS alike.
 */
class GroundwaterUnitsMigrationTest {

    @Test
    void anOlderCatalogueGetsTheUnitsOfTheCurrentOneOnH2gis() {
        upgrade(TestDatabases::h2gis, "h2gis");
    }

    @Test
    void anOlderCatalogueGetsTheUnitsOfTheCurrentOneOnPostgis() {
        upgrade(TestDatabases::postgis, "postgis");
    }

    private static void upgrade(Supplier<TestDatabase> fresh, String folder) {
        try (TestDatabase db = fresh.get()) {
            Flyway.configure().dataSource(db.dataSource()).locations("classpath:db/migration/common", "classpath:db/migration/" + folder)
                    .target("6.6").load().migrate();
            JdbcClient jdbc = JdbcClient.create(db.dataSource());
            // The catalogue as it was loaded before: the same rows, GB 36600-only items (category "soil: …") in mg/kg.
            for (Parameter p : ParameterCatalog.load()) {
                String unit = p.category().startsWith("soil: ") ? "mg/kg" : p.unit();
                jdbc.sql("INSERT INTO parameters (code, name_zh, name_en, unit, category) VALUES (?, ?, ?, ?, ?)")
                        .params(p.code(), p.nameZh(), p.nameEn(), unit, p.category()).update();
            }
            assertThat(jdbc.sql("SELECT unit FROM parameters WHERE code = 'aniline'").query(String.class).single()).isEqualTo("mg/kg");

            Database database = Database.migrate(db.dataSource());

            Map<String, String> stored = database.jdbc().sql("SELECT code, unit FROM parameters").query((rs, row) -> Map.entry(rs.getString(1), rs.getString(2)))
                    .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
            Map<String, String> current = ParameterCatalog.load().stream().collect(Collectors.toMap(Parameter::code, Parameter::unit));
            assertThat(stored).isEqualTo(current);
            assertThat(stored.get("aniline")).isEqualTo("µg/L");
            assertThat(stored.get("nitrobenzene")).isEqualTo("µg/L");
        }
    }
}
