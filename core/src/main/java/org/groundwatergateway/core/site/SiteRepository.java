package org.groundwatergateway.core.site;

import org.groundwatergateway.core.geo.LocalGrid;
import org.groundwatergateway.core.monitoring.MonitoringRepository;
import org.groundwatergateway.core.park.Park;
import org.groundwatergateway.core.park.ParkRepository;
import org.groundwatergateway.core.problem.InvalidInput;
import org.groundwatergateway.core.storage.Database;
import org.locationtech.jts.geom.Envelope;

/** Loads a park with its aquifers, wells, enterprises, potential sources and receptors, for an analysis. */
public final class SiteRepository {

    private final ParkRepository parks;
    private final MonitoringRepository monitoring;

    public SiteRepository(Database database) {
        this.parks = new ParkRepository(database);
        this.monitoring = new MonitoringRepository(database);
    }

    public Site load(String parkCode) {
        Park park = parks.findByCode(parkCode).orElseThrow(() -> new InvalidInput("core.park.unknown", "park", parkCode));
        Envelope extent = park.boundary().getEnvelopeInternal();
        return new Site(park, new LocalGrid(extent.getMinX(), extent.getMinY()), parks.findAquifers(park.id()),
                monitoring.findWells(park.id()), parks.findEnterprises(park.id()), parks.findPotentialSources(park.id()),
                parks.findReceptors(park.id()));
    }
}
