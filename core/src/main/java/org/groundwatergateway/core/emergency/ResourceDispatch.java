package org.groundwatergateway.core.emergency;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.groundwatergateway.core.geo.LocalGrid;
import org.groundwatergateway.core.site.Site;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;

/**
 * The park's emergency resources for an incident: for each resource its disposal plan asks for, the nearest available one
 * by road from the park's depots; and their hold while out. A drill's dispatch is rehearsed: the resource is routed but
 * stays available, so that a real incident during a drill finds it; and a drill routes the nearest one whatever real
 * incidents hold, so that drills and real incidents never compete for resources.
 */
public final class ResourceDispatch {

    /** What the plan asked for ({@code wanted}, a name part) and the dispatch routed for it, or none when none is available. */
    public record Routed(String wanted, Dispatch dispatch) {}

    private static final GeometryFactory GEOMETRIES = new GeometryFactory();

    private final EmergencyRepository emergency;
    private final double travelSpeedKmh;

    public ResourceDispatch(EmergencyRepository emergency, double travelSpeedKmh) {
        if (!(travelSpeedKmh > 0)) throw new IllegalArgumentException("travel speed must be positive");
        this.emergency = emergency;
        this.travelSpeedKmh = travelSpeedKmh;
    }

    /**
     * Routes one resource per entry of the plan, in the plan's order, each nearest by road to the incident. Nothing is
     * stored or held: the caller stores each dispatch and then {@link #hold}s its resource.
     */
    public List<Routed> route(Site site, Incident incident, DisposalPlan plan, Instant at) {
        LocalGrid grid = site.grid();
        RoadNetwork roads = RoadNetwork.of(emergency.findRoads(site.park().id()), c -> {
            double[] xy = grid.toLocal(c.x, c.y);
            return new Coordinate(xy[0], xy[1]);
        });
        double[] place = site.local(incident.location());
        Coordinate target = new Coordinate(place[0], place[1]);
        // Each depot's stock is read once and its route found once, however many of the plan's resources it holds.
        Map<Depot, List<EmergencyResource>> stock = new LinkedHashMap<>();
        for (Depot depot : emergency.findDepots(site.park().id())) stock.put(depot, emergency.findResources(depot.id()));
        Map<Long, RoadNetwork.Route> routes = new HashMap<>();
        Set<Long> taken = new HashSet<>();
        List<Routed> routed = new ArrayList<>();
        for (String wanted : plan.resources()) {
            Dispatch best = null;
            for (Map.Entry<Depot, List<EmergencyResource>> depot : stock.entrySet()) {
                Optional<EmergencyResource> resource = depot.getValue().stream()
                        .filter(r -> (incident.drill() != null || r.status() == EmergencyResource.Status.AVAILABLE)
                                && !taken.contains(r.id()) && r.nameZh().contains(wanted)).findFirst();
                if (resource.isEmpty()) continue;
                RoadNetwork.Route route = routes.computeIfAbsent(depot.getKey().id(), id -> {
                    double[] from = site.local(depot.getKey().location());
                    return roads.route(new Coordinate(from[0], from[1]), target);
                });
                if (best == null || route.lengthM() < best.lengthM()) {
                    var line = grid.lonLatMapping().applyTo(GEOMETRIES.createLineString(route.path().toArray(Coordinate[]::new)));
                    best = new Dispatch(null, incident.id(), resource.get(), depot.getKey(), (LineString) line, route.lengthM(),
                            route.minutesAt(travelSpeedKmh), Dispatch.Status.DISPATCHED, at, null);
                }
            }
            if (best != null) taken.add(best.resource().id());
            routed.add(new Routed(wanted, best));
        }
        return routed;
    }

    /** A real incident's resource is out (DISPATCHED) once its dispatch is stored; a drill's stays available. */
    public void hold(Dispatch dispatch, Incident incident) {
        if (incident.drill() == null) emergency.updateStatus(dispatch.resource().id(), EmergencyResource.Status.DISPATCHED);
    }

    /** A resource back from a real incident is available again; a drill's never stopped being. */
    public void release(Dispatch dispatch, Incident incident) {
        if (incident.drill() == null) emergency.updateStatus(dispatch.resource().id(), EmergencyResource.Status.AVAILABLE);
    }
}
