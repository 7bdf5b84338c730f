package org.groundwatergateway.core.warning;

import java.time.LocalDate;
import org.groundwatergateway.core.geo.Cgcs2000;
import org.groundwatergateway.core.geo.LocalGrid;
import org.groundwatergateway.core.monitoring.Datastream;
import org.groundwatergateway.core.monitoring.MonitoringRepository;
import org.groundwatergateway.core.monitoring.Sensor;
import org.groundwatergateway.core.monitoring.Well;
import org.groundwatergateway.core.parameter.ParameterRepository;
import org.groundwatergateway.core.park.AquiferLayer;
import org.groundwatergateway.core.park.Park;
import org.groundwatergateway.core.park.ParkRepository;
import org.groundwatergateway.core.storage.Database;
import org.groundwatergateway.core.testing.TestDatabases;
import org.locationtech.jts.geom.Coordinate;

/** A 1 km test park with one unconfined aquifer on a fresh H2GIS, for the warning tests: wells with a datastream each. */
final class TestPark implements AutoCloseable {

    private static final LocalGrid GRID = new LocalGrid(121.0, 32.54);

    final Database database;
    final ParameterRepository parameters;
    final MonitoringRepository monitoring;
    final ParkRepository parks;
    final Park park;
    final AquiferLayer q1;
    private final TestDatabases.TestDatabase testDatabase;
    private int wells;

    TestPark() {
        testDatabase = TestDatabases.h2gis();
        database = Database.migrate(testDatabase.dataSource());
        parameters = new ParameterRepository(database);
        parameters.loadCatalogIfEmpty();
        monitoring = new MonitoringRepository(database);
        parks = new ParkRepository(database);
        park = parks.insert(new Park(null, "TP", "测试园区", "Test park", "320623", "石油化工",
                Cgcs2000.GEOMETRY_FACTORY.createPolygon(new Coordinate[] {GRID.toLonLat(0, 0), GRID.toLonLat(1000, 0),
                        GRID.toLonLat(1000, 1000), GRID.toLonLat(0, 1000), GRID.toLonLat(0, 0)})));
        q1 = parks.insert(new AquiferLayer(null, park.id(), "Q1", "潜水含水层", "Unconfined", AquiferLayer.Confinement.UNCONFINED, 1, 12, 30, 0.25));
    }

    /** A new well of the given role in Q1 with a datastream of the parameter. */
    Datastream stream(Well.Role role, String parameter) {
        String code = "T-%02d".formatted(++wells);
        Well well = monitoring.insert(new Well(null, park.id(), code, "测试井", GRID.point(100 + wells, 400), 5, 5.5, 3, 10, q1.id(), role,
                Well.Status.ACTIVE));
        return streamAt(well, parameter);
    }

    /** Another datastream at a well. */
    Datastream streamAt(Well well, String parameter) {
        Sensor sensor = monitoring.insert(new Sensor(null, well.code() + "-" + parameter, "3206232400%04d".formatted(well.id()), "EXO2",
                "S" + well.id() + parameter, 30, LocalDate.of(2026, 1, 1)));
        return monitoring.insert(new Datastream(null, well.code() + "/" + parameter, well.id(), null,
                parameters.findByCode(parameter).orElseThrow().id(), sensor.id(), null, 60));
    }

    double classIII(String parameter) {
        return parameters.findByCode(parameter).orElseThrow().classLimits().bounds(3).upper();
    }

    @Override
    public void close() throws Exception {
        testDatabase.close();
    }
}
