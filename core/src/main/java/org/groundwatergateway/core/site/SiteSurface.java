package org.groundwatergateway.core.site;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.groundwatergateway.analytics.spatial.EmpiricalVariogram;
import org.groundwatergateway.analytics.spatial.InverseDistanceWeighting;
import org.groundwatergateway.analytics.spatial.Isobands;
import org.groundwatergateway.analytics.spatial.OrdinaryKriging;
import org.groundwatergateway.analytics.spatial.RegularGrid;
import org.groundwatergateway.analytics.spatial.VariogramFit;
import org.groundwatergateway.analytics.spatial.VariogramModel;
import org.groundwatergateway.core.monitoring.Well;
import org.groundwatergateway.core.park.AquiferLayer;
import org.groundwatergateway.core.problem.InvalidInput;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * A parameter interpolated over a park from the mean its wells measured over a period: ordinary kriging with a
 * variogram fitted to the data (and its kriging variance), or inverse-distance weighting where there are too few
 * wells for a variogram. Grid nodes in local metres, {@link RegularGrid#sample} layout.
 *
 * @param variogram null for inverse distance
 * @param variance null for inverse distance
 */
public record SiteSurface(Site site, AquiferLayer aquifer, String parameterCode, Map<Well, Double> values, Method method,
                          VariogramModel variogram, RegularGrid estimate, RegularGrid variance) {

    public enum Method { KRIGING, INVERSE_DISTANCE }

    /** Fewer wells than this give too few pairs per lag for a variogram worth fitting. */
    public static final int MIN_WELLS_FOR_KRIGING = 8;
    private static final int NEIGHBOURS = 16;
    private static final GeometryFactory LOCAL = new GeometryFactory();

    /** The area where the estimate is at or above a level, in EPSG:4490 (longitude, latitude). */
    public record Contour(double level, Geometry area) {}

    public static SiteSurface of(Site site, AquiferLayer aquifer, SiteReadings readings, String parameterCode, Instant from, Instant to,
                                 Method method, double cellSizeM) {
        Map<Well, Double> values = readings.periodMeans(site, aquifer, parameterCode, from, to);
        if (values.size() < 3) {
            throw new InvalidInput("core.site.fewWells", null, parameterCode, values.size(), aquifer.code());
        }
        Site.WellValues at = site.wellValues(values);
        double[] xs = at.xs();
        double[] ys = at.ys();
        double[] zs = at.values();
        Envelope extent = site.extent();
        int[] nodes = Site.nodes(extent, cellSizeM);
        int nx = nodes[0];
        int ny = nodes[1];
        if (method == Method.KRIGING && values.size() >= MIN_WELLS_FOR_KRIGING) {
            VariogramModel model = VariogramFit.best(EmpiricalVariogram.of(xs, ys, zs)).model();
            var grid = new OrdinaryKriging(xs, ys, zs, model, NEIGHBOURS)
                    .grid(extent.getMinX(), extent.getMinY(), cellSizeM, cellSizeM, nx, ny);
            return new SiteSurface(site, aquifer, parameterCode, values, Method.KRIGING, model, grid.estimate(), grid.variance());
        }
        var idw = new InverseDistanceWeighting(xs, ys, zs, 2);
        RegularGrid estimate = RegularGrid.sample(extent.getMinX(), extent.getMinY(), cellSizeM, cellSizeM, nx, ny, idw::at);
        return new SiteSurface(site, aquifer, parameterCode, values, Method.INVERSE_DISTANCE, null, estimate, null);
    }

    /** The areas at or above each level, in the order given; a level the estimate nowhere reaches has none. */
    public List<Contour> contours(List<Double> levels) {
        return levels.stream().map(level -> new Contour(level, Isobands.atOrAbove(estimate, level, LOCAL)))
                .filter(contour -> !contour.area().isEmpty())
                .map(contour -> new Contour(contour.level(), site.grid().lonLatMapping().applyTo(contour.area()))).toList();
    }
}
