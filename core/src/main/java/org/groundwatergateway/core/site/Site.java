package org.groundwatergateway.core.site;

import java.util.List;
import java.util.Map;
import org.groundwatergateway.core.geo.LocalGrid;
import org.groundwatergateway.core.monitoring.Well;
import org.groundwatergateway.core.park.AquiferLayer;
import org.groundwatergateway.core.park.Enterprise;
import org.groundwatergateway.core.park.Park;
import org.groundwatergateway.core.park.PotentialSource;
import org.groundwatergateway.core.park.Receptor;
import org.groundwatergateway.core.problem.InvalidInput;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * A park as the analyses see it: everything in metres east and north of the park's south-west corner
 * ({@link LocalGrid}), because flow, transport and kriging work in metres and days.
 */
public record Site(Park park, LocalGrid grid, List<AquiferLayer> aquifers, List<Well> wells, List<Enterprise> enterprises,
                   List<PotentialSource> sources, List<Receptor> receptors) {

    public Site {
        aquifers = List.copyOf(aquifers);
        wells = List.copyOf(wells);
        enterprises = List.copyOf(enterprises);
        sources = List.copyOf(sources);
        receptors = List.copyOf(receptors);
    }

    /** Local east/north (m) of a geometry's centroid. */
    public double[] local(Geometry geometry) {
        var centroid = geometry.getCentroid();
        return grid.toLocal(centroid.getX(), centroid.getY());
    }

    /** The geometry in local metres. */
    public Geometry toLocal(Geometry geometry) {
        return grid.localMapping().applyTo(geometry);
    }

    /** The park's extent in local metres. */
    public Envelope extent() {
        return toLocal(park.boundary()).getEnvelopeInternal();
    }

    /** Whether a place (lon/lat) lies within {@code marginM} of the park's extent: where its events can be. */
    public boolean reaches(double lon, double lat, double marginM) {
        double[] local = grid.toLocal(lon, lat);
        Envelope near = extent();
        near.expandBy(marginM);
        return near.contains(local[0], local[1]);
    }

    public AquiferLayer aquifer(String code) {
        return aquifers.stream().filter(a -> a.code().equals(code)).findFirst().orElseThrow(() -> new InvalidInput(
                "core.site.noAquifer", "aquifer", park.code(), aquifers.stream().map(AquiferLayer::code).toList(), code));
    }

    /** The aquifer of that code, or without one the shallowest ({@link #shallowestAquifer}). */
    public AquiferLayer aquiferOrShallowest(String code) {
        return code == null ? shallowestAquifer() : aquifer(code);
    }

    /** The park's uppermost unconfined aquifer, where a leak arrives first; else its first. */
    public AquiferLayer shallowestAquifer() {
        return aquifers.stream().filter(a -> a.confinement() == AquiferLayer.Confinement.UNCONFINED).findFirst()
                .orElseGet(() -> aquifers.get(0));
    }

    public List<Well> wellsIn(AquiferLayer aquifer) {
        return wells.stream().filter(w -> w.aquiferId() == aquifer.id() && w.status() == Well.Status.ACTIVE).toList();
    }

    /** Values at wells as coordinate and value arrays in local metres, in the map's order, for the interpolators. */
    public record WellValues(double[] xs, double[] ys, double[] values) {}

    public WellValues wellValues(Map<Well, Double> values) {
        double[] xs = new double[values.size()];
        double[] ys = new double[values.size()];
        double[] zs = new double[values.size()];
        int k = 0;
        for (Map.Entry<Well, Double> value : values.entrySet()) {
            double[] xy = local(value.getKey().location());
            xs[k] = xy[0];
            ys[k] = xy[1];
            zs[k++] = value.getValue();
        }
        return new WellValues(xs, ys, zs);
    }

    /** Nodes {nx, ny} of a grid over the extent at {@code cellSizeM}; grids of more than a million nodes are refused. */
    public static int[] nodes(Envelope extent, double cellSizeM) {
        if (!(cellSizeM >= 5 && cellSizeM <= 500)) throw new InvalidInput("core.site.cellSize", "cellSize", cellSizeM);
        int nx = (int) Math.ceil(extent.getWidth() / cellSizeM) + 1;
        int ny = (int) Math.ceil(extent.getHeight() / cellSizeM) + 1;
        if ((long) nx * ny > 1_000_000) throw new InvalidInput("core.site.tooManyNodes", "cellSize", cellSizeM, nx, ny);
        return new int[] {nx, ny};
    }

    public Enterprise enterprise(long id) {
        return enterprises.stream().filter(e -> e.id() == id).findFirst().orElseThrow();
    }
}
