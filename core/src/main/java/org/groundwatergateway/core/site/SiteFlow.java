package org.groundwatergateway.core.site;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.groundwatergateway.analytics.flow.FlowField;
import org.groundwatergateway.analytics.flow.HeadSurface;
import org.groundwatergateway.analytics.flow.UniformFlow;
import org.groundwatergateway.core.monitoring.Well;
import org.groundwatergateway.core.park.AquiferLayer;
import org.groundwatergateway.core.problem.InvalidInput;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

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

    public static SiteFlow of(Site site, AquiferLayer aquifer, SiteReadings readings, Instant from, Instant to, double cellSizeM) {
        Map<Well, Double> heads = readings.periodMeans(site, aquifer, "water-level", from, to);
        if (heads.size() < 3) {
            throw new InvalidInput("core.site.fewHeads", null, aquifer.code(), site.park().code(), heads.size(), from, to);
        }
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

    /** A geometry in local metres back to longitude/latitude. */
    public Geometry toLonLat(Geometry local) {
        return site.grid().lonLatMapping().applyTo(local);
    }
}
