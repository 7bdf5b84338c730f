package org.groundwatergateway.catalog;

import java.util.List;
import org.groundwatergateway.core.monitoring.Datastream;
import org.groundwatergateway.core.monitoring.MonitoringRepository;
import org.groundwatergateway.core.monitoring.Sensor;
import org.groundwatergateway.core.monitoring.Well;
import org.groundwatergateway.core.parameter.Parameter;
import org.groundwatergateway.core.parameter.ParameterRepository;
import org.groundwatergateway.core.park.AquiferLayer;
import org.groundwatergateway.core.park.Enterprise;
import org.groundwatergateway.core.park.Park;
import org.groundwatergateway.core.park.ParkRepository;
import org.groundwatergateway.core.storage.Database;

/** The linked resources' facts read from the store's repositories. */
public final class StoredResourceFacts implements ResourceFacts {

    private final ParkRepository parks;
    private final MonitoringRepository monitoring;
    private final ParameterRepository parameters;

    public StoredResourceFacts(Database database) {
        this.parks = new ParkRepository(database);
        this.monitoring = new MonitoringRepository(database);
        this.parameters = new ParameterRepository(database);
    }

    @Override
    public List<Park> parks() {
        return parks.findAll();
    }

    @Override
    public List<AquiferLayer> aquifers() {
        return parks.findAll().stream().flatMap(p -> parks.findAquifers(p.id()).stream()).toList();
    }

    @Override
    public List<Well> wells() {
        return monitoring.findWells();
    }

    @Override
    public List<Datastream> datastreams() {
        return monitoring.findDatastreams();
    }

    @Override
    public List<Sensor> sensors() {
        return monitoring.findSensors();
    }

    @Override
    public List<Parameter> parameters() {
        return parameters.findAll();
    }

    @Override
    public List<Enterprise> enterprises() {
        return parks.findAll().stream().flatMap(p -> parks.findEnterprises(p.id()).stream()).toList();
    }
}
