package org.groundwatergateway.core.site;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.groundwatergateway.analytics.flow.FlowField;
import org.groundwatergateway.analytics.flow.HeadSurface;
import org.groundwatergateway.analytics.flow.ParticleTracker;
import org.groundwatergateway.analytics.flow.UniformFlow;
import org.groundwatergateway.core.monitoring.Well;
import org.groundwatergateway.core.park.AquiferLayer;
import org.groundwatergateway.core.problem.InvalidInput;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;

/**
 * The groundwater flow of one aquifer of a park, from the heads its wells measured over a period (the mean of
 * their daily means): a head surface over the park, its receptors and a margin, and the seepage velocity field
 * with the aquifer's conductivity and effective porosity.
 *
 * @param heads the mean head at each well that measured one, m above datum
 */
public record SiteFlow(Site site, AquiferLayer aquifer, Map<Well, Double> heads, HeadSurface surface, FlowField field) {

    /** Around the park and its receptors, so that a plume and its path to a receptor stay inside the field. */
    public static final double MARGIN_M = 300;

    /** The parameter whose values are heads. */
    public static final String HEADS = "water-level";
    /** The REST answer's and the map's grid spacing, m, unless a request asks for another. */
    public static final double CELL_M = 50;
    /** An arrow every this many nodes, unless a request asks for another: one per 250 m on the default grid. */
    public static final int ARROWS_EVERY = 5;

    private static final GeometryFactory LOCAL = new GeometryFactory();

    /** Which way a particle is tracked: where it goes, or where it came from. */
    public enum Direction { FORWARD, BACKWARD }

    /**
     * A seepage velocity arrow.
     *
     * @param lonLat the node it stands on
     * @param velocity at the node, local metres east and north, m/d
     */
    public record Arrow(Point lonLat, FlowField.FlowVector velocity) {}

    /** A particle's path: its vertices in longitude/latitude, in the tracker's order, with the tracker's account of it. */
    public record Path(LineString lonLat, Direction direction, ParticleTracker.Pathline line) {}

    public static SiteFlow of(Site site, AquiferLayer aquifer, SiteReadings readings, Instant from, Instant to, double cellSizeM) {
        Map<Well, Double> heads = readings.periodMeans(site, aquifer, HEADS, from, to);
        if (heads.size() < 3) {
            throw new InvalidInput("core.site.fewHeads", null, aquifer.code(), site.park().code(), heads.size(), from, to);
        }
        return ofHeads(site, aquifer, heads, cellSizeM);
    }

    /**
     * The flow from heads already known, at the wells' places as given (a map draws it from the heads and places its
     * viewer is shown); at least three wells that are not in one line.
     */
    public static SiteFlow ofHeads(Site site, AquiferLayer aquifer, Map<Well, Double> heads, double cellSizeM) {
        Site.WellValues at = site.wellValues(heads);
        HeadSurface surface = HeadSurface.fit(at.xs(), at.ys(), at.values());
        Envelope extent = site.extent();
        for (var receptor : site.receptors()) extent.expandToInclude(site.toLocal(receptor.geometry()).getEnvelopeInternal());
        extent.expandBy(MARGIN_M);
        int[] nodes = Site.nodes(extent, cellSizeM);
        FlowField field = new FlowField(surface.grid(extent.getMinX(), extent.getMinY(), cellSizeM, cellSizeM, nodes[0], nodes[1]),
                aquifer.hydraulicConductivity(), aquifer.effectivePorosity());
        return new SiteFlow(site, aquifer, heads, surface, field);
    }

    /**
     * The flow from the heads of the {@code window} that ends with the last heads measured before {@code before}: the
     * latest state known then, also when the loggers have been silent for a while (or a drill runs ahead of the data).
     */
    public static SiteFlow lastBefore(Site site, AquiferLayer aquifer, SiteReadings readings, Instant before, Duration window,
                                      double cellSizeM) {
        Instant to = readings.latest(site, aquifer, "water-level", before).orElseThrow(() -> new InvalidInput(
                "core.site.noHeads", null, site.park().code(), aquifer.code(), before)).plusSeconds(1);
        return of(site, aquifer, readings, to.minus(window), to, cellSizeM);
    }

    /** The regional flow: the direction and seepage velocity of the head surface's trend plane. */
    public UniformFlow regional() {
        HeadSurface.Plane plane = surface.trend();
        double k = field.conductivity() / field.effectivePorosity();
        FlowField.FlowVector v = new FlowField.FlowVector(0, 0, -k * plane.slopeX(), -k * plane.slopeY());
        if (!(v.speed() > 0)) throw new InvalidInput("core.site.flat", null, aquifer.code());
        return new UniformFlow(v.azimuthDegrees(), v.speed());
    }

    /** The hydraulic gradient of the regional flow: v·nₑ/K. */
    public double regionalGradient() {
        return regional().seepageVelocity() * field.effectivePorosity() / field.conductivity();
    }

    /** Seepage velocity arrows at every {@code every}-th node each way (see {@link FlowField#arrows}). */
    public List<Arrow> arrows(int every) {
        List<Arrow> arrows = new ArrayList<>();
        for (FlowField.FlowVector v : field.arrows(every)) {
            arrows.add(new Arrow((Point) toLonLat(LOCAL.createPoint(new Coordinate(v.x(), v.y()))), v));
        }
        return arrows;
    }

    /** The path of a particle released at a longitude/latitude, tracked {@code days} along or against the flow. */
    public Path pathline(double lon, double lat, double days, Direction direction) {
        double[] xy = site.grid().toLocal(lon, lat);
        ParticleTracker tracker = new ParticleTracker(field);
        ParticleTracker.Pathline line = direction == Direction.FORWARD ? tracker.forward(xy[0], xy[1], days) : tracker.backward(xy[0], xy[1], days);
        List<Coordinate> points = new ArrayList<>();
        for (ParticleTracker.PathPoint p : line.points()) points.add(new Coordinate(p.x(), p.y()));
        // A particle that cannot move still gets a line, of one point twice.
        if (points.size() == 1) points.add(points.get(0).copy());
        return new Path((LineString) toLonLat(LOCAL.createLineString(points.toArray(Coordinate[]::new))), direction, line);
    }

    /** A geometry in local metres back to longitude/latitude. */
    public Geometry toLonLat(Geometry local) {
        return site.grid().lonLatMapping().applyTo(local);
    }
}
