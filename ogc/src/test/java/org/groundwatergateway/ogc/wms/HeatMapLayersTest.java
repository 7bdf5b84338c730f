package org.groundwatergateway.ogc.wms;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.groundwatergateway.core.demo.DemoParkLoader;
import org.groundwatergateway.core.geo.Cgcs2000;
import org.groundwatergateway.core.site.SourceProbabilityRepository;
import org.groundwatergateway.core.storage.Database;
import org.groundwatergateway.core.testing.TestDatabases;
import org.groundwatergateway.core.testing.TestDatabases.TestDatabase;
import org.groundwatergateway.ogc.feature.FeatureStore;
import org.groundwatergateway.ogc.feature.PublishedFeatureTypes;
import org.groundwatergateway.policies.AccessPolicy;
import org.groundwatergateway.policies.Disclosure;
import org.groundwatergateway.policies.Viewer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.locationtech.jts.geom.Coordinate;

/**
 * The heat maps' WMS layers (issue #21) are named from the heat maps as the viewer is shown them: a layer per parameter
 * and aquifer traced; none of a parameter whose rows the viewer is not shown; none, and every other layer still, where
 * the viewer is not shown which aquifer a heat map is of.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HeatMapLayersTest {

    private TestDatabase test;
    private Database database;

    @BeforeAll
    void aHeatMapOfBenzeneAndOneOfChromium() {
        test = TestDatabases.h2gis();
        database = Database.migrate(test.dataSource());
        new DemoParkLoader(database).loadIfAbsent(2, p -> {});
        var jdbc = database.jdbc();
        long park = jdbc.sql("SELECT id FROM parks").query(Long.class).single();
        long q1 = jdbc.sql("SELECT id FROM aquifer_layers WHERE code = 'Q1'").query(Long.class).single();
        SourceProbabilityRepository heatMaps = new SourceProbabilityRepository(database);
        for (String parameter : List.of("benzene", "chromium-vi")) {
            long id = jdbc.sql("SELECT id FROM parameters WHERE code = ?").param(parameter).query(Long.class).single();
            heatMaps.replace(new SourceProbabilityRepository.Trace(park, id, q1, Instant.parse("2025-10-01T00:00:00Z"),
                    Instant.parse("2025-11-01T00:00:00Z"), null, "test"), Instant.now(), List.of(new SourceProbabilityRepository.Cell("PS-X",
                    null, 0.9, Cgcs2000.GEOMETRY_FACTORY.createPolygon(new Coordinate[] {new Coordinate(121, 32.5), new Coordinate(121.001, 32.5),
                            new Coordinate(121.001, 32.501), new Coordinate(121, 32.5)}))));
        }
    }

    @AfterAll
    void close() {
        test.close();
    }

    private List<String> layers(AccessPolicy policy) {
        return new MapLayers(new PublishedFeatureTypes(policy), database, new FeatureStore(database, Clock.systemUTC()))
                .visibleTo(Viewer.anonymous()).stream().map(MapLayer::name).toList();
    }

    @Test
    void aLayerPerParameterAndAquiferAsTheViewerIsShownThem() {
        assertThat(layers((viewer, dataset) -> Disclosure.full())).contains("source_probabilities.benzene.Q1", "source_probabilities.chromium-vi.Q1");
        AccessPolicy benzeneOnly = (viewer, dataset) -> dataset.equals("source_probabilities")
                ? Disclosure.builder().restrictTo("parameter", Set.of("benzene")).build() : Disclosure.full();
        assertThat(layers(benzeneOnly)).contains("source_probabilities.benzene.Q1").doesNotContain("source_probabilities.chromium-vi.Q1");
        AccessPolicy aquiferWithheld = (viewer, dataset) -> dataset.equals("source_probabilities")
                ? Disclosure.builder().withhold(Set.of("aquifer")).build() : Disclosure.full();
        assertThat(layers(aquiferWithheld)).contains("wells", "quality_class.benzene").noneMatch(name -> name.startsWith("source_probabilities"));
    }
}
