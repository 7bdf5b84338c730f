package org.groundwatergateway.core.site;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.groundwatergateway.analytics.network.NetworkInfill;
import org.groundwatergateway.analytics.network.WellRedundancy;
import org.groundwatergateway.analytics.spatial.Overlay;
import org.groundwatergateway.analytics.spatial.RegularGrid;
import org.groundwatergateway.core.monitoring.Well;
import org.groundwatergateway.core.park.RiskZone;
import org.groundwatergateway.core.problem.InvalidInput;

/**
 * The monitoring network of an aquifer reviewed on one parameter: which wells tell little that their neighbours do not
 * (MAROS slope factors; background and sentinel wells are always kept, since their job is not to map the plume), and
 * where new wells would most reduce the kriging variance weighted by the park's risk zones.
 */
public final class SiteNetwork {

    /** Risk weights of the park's zones (HJ 25.3 levels); outside every zone, the background weight. */
    static final double HIGH = 1.0;
    static final double MEDIUM = 0.5;
    static final double LOW = 0.2;
    static final double OUTSIDE = 0.1;

    public record Review(SiteSurface surface, WellRedundancy.Assessment redundancy, NetworkInfill.Plan infill, RegularGrid risk) {}

    private SiteNetwork() {}

    /**
     * @param varianceShare a node counts as covered where the kriging variance is at most this share of the variogram's sill
     */
    public static Review review(SiteSurface surface, List<RiskZone> zones, int newWells, double varianceShare) {
        if (surface.method() != SiteSurface.Method.KRIGING) {
            throw new InvalidInput("core.site.networkNeedsKriging", null, SiteSurface.MIN_WELLS_FOR_KRIGING);
        }
        if (newWells < 0 || newWells > 50) throw new InvalidInput("core.site.newWells", "newWells");
        if (!(varianceShare > 0 && varianceShare < 1)) throw new InvalidInput("core.site.varianceShare", "varianceShare");
        Site site = surface.site();
        List<WellRedundancy.Well> wells = new ArrayList<>();
        Set<String> keep = new HashSet<>();
        Site.WellValues at = site.wellValues(surface.values());
        int k = 0;
        for (Well well : surface.values().keySet()) {
            wells.add(new WellRedundancy.Well(well.code(), at.xs()[k], at.ys()[k], at.values()[k]));
            if (well.role() == Well.Role.BACKGROUND || well.role() == Well.Role.BOUNDARY_SENTINEL) keep.add(well.code());
            k++;
        }
        double[] xs = at.xs();
        double[] ys = at.ys();
        WellRedundancy.Assessment redundancy = WellRedundancy.assess(wells, WellRedundancy.Thresholds.maros(), keep);
        RegularGrid grid = surface.estimate();
        List<Overlay.Zone> weighted = zones.stream().map(z -> new Overlay.Zone(site.toLocal(z.area()), weight(z.level()))).toList();
        RegularGrid risk = Overlay.weights(weighted, OUTSIDE, grid.x0(), grid.y0(), grid.dx(), grid.dy(), grid.nx(), grid.ny());
        NetworkInfill.Plan plan = new NetworkInfill(surface.variogram(), 16).plan(xs, ys, risk, newWells,
                varianceShare * surface.variogram().sill());
        return new Review(surface, redundancy, plan, risk);
    }

    private static double weight(RiskZone.Level level) {
        switch (level) {
            case HIGH: return HIGH;
            case MEDIUM: return MEDIUM;
            default: return LOW;
        }
    }
}
