package org.groundwatergateway.gateway;

import java.time.Instant;
import java.util.List;
import org.groundwatergateway.core.geo.Cgcs2000;
import org.groundwatergateway.core.site.SourceProbabilityRepository;
import org.groundwatergateway.core.storage.Database;
import org.locationtech.jts.geom.Coordinate;

/** Source-probability heat maps of the demo park's benzene in Q1, stored as an incident's analysis stores them, for the map services to show. */
final class StoredHeatMaps {

    private final Database database;
    private final SourceProbabilityRepository repository;

    StoredHeatMaps(Database database) {
        this.database = database;
        this.repository = new SourceProbabilityRepository(database);
    }

    /** A trace of benzene in Q1 over [from, to), of no incident, found these cells, replacing the one over a window with the same end. */
    void benzene(Instant from, Instant to, List<SourceProbabilityRepository.Cell> cells) {
        var jdbc = database.jdbc();
        long park = jdbc.sql("SELECT id FROM parks").query(Long.class).single();
        long benzene = jdbc.sql("SELECT id FROM parameters WHERE code = 'benzene'").query(Long.class).single();
        long q1 = jdbc.sql("SELECT id FROM aquifer_layers WHERE code = 'Q1'").query(Long.class).single();
        repository.replace(new SourceProbabilityRepository.Trace(park, benzene, q1, from, to, null, "test"), Instant.now(), cells);
    }

    void deleteAll() {
        database.jdbc().sql("DELETE FROM source_traces").update();
    }

    /** A square candidate of the given half side, in degrees, centred on a longitude/latitude. */
    static SourceProbabilityRepository.Cell square(String candidate, double probability, double lon, double lat, double half) {
        return new SourceProbabilityRepository.Cell(candidate, null, probability, Cgcs2000.GEOMETRY_FACTORY.createPolygon(new Coordinate[] {
                new Coordinate(lon - half, lat - half), new Coordinate(lon + half, lat - half), new Coordinate(lon + half, lat + half),
                new Coordinate(lon - half, lat + half), new Coordinate(lon - half, lat - half)}));
    }
}
