package org.groundwatergateway.analytics.flow;

import java.util.Optional;
import org.groundwatergateway.analytics.InvalidArgument;
import org.groundwatergateway.analytics.spatial.EmpiricalVariogram;
import org.groundwatergateway.analytics.spatial.OrdinaryKriging;
import org.groundwatergateway.analytics.spatial.RegularGrid;
import org.groundwatergateway.analytics.spatial.VariogramFit;
import org.groundwatergateway.analytics.spatial.VariogramModel;

/**
 * The water table from the heads measured in wells, as a least-squares plane plus ordinary kriging of the residuals
 * (regression kriging: Odeh, McBratney &amp; Chittleborough 1995, Geoderma 67; Hengl, Heuvelink &amp; Rossiter 2007,
 * Computers &amp; Geosciences 33).
 *
 * <p>Why not kriging the heads alone: a water table slopes across a park, a drift that breaks the constant mean
 * ordinary kriging assumes. Its variogram then grows like h² (see {@code VariogramTest}), the fitted model describes
 * the slope rather than the local correlation, and away from the wells the estimate falls back to a local mean, which
 * flattens the gradient at the edges and turns the flow there. The plane carries the regional gradient, which is what
 * drives flow, everywhere; kriging adds the mounds and cones the wells show. The residual variogram has no nugget:
 * heads are smooth (they solve the flow equation), so differences between close wells are real.
 */
public final class HeadSurface {

    /** Fewer wells give too few pairs for a residual variogram. */
    private static final int MIN_WELLS_FOR_RESIDUALS = 6;
    /** Up to this many wells every estimate uses all of them, which keeps the surface free of neighbourhood seams. */
    private static final int NEIGHBOURS = 64;

    /** h = head + slopeX·(x − x0) + slopeY·(y − y0), through the wells' centroid (x0, y0). */
    public record Plane(double x0, double y0, double head, double slopeX, double slopeY) {
        public double at(double x, double y) {
            return head + slopeX * (x - x0) + slopeY * (y - y0);
        }
    }

    private final Plane trend;
    private final OrdinaryKriging residuals;

    private HeadSurface(Plane trend, OrdinaryKriging residuals) {
        this.trend = trend;
        this.residuals = residuals;
    }

    /** @param heads water levels (m above datum) at the wells (x, y in projected metres) */
    public static HeadSurface fit(double[] xs, double[] ys, double[] heads) {
        if (xs.length != ys.length || xs.length != heads.length) throw new IllegalArgumentException("well arrays differ in length");
        if (xs.length < 3) throw new InvalidArgument("analytics.flow.threeWells");
        Plane plane = plane(xs, ys, heads);
        int n = xs.length;
        double[] residual = new double[n];
        double largest = 0;
        double scale = 1;
        for (int k = 0; k < n; k++) {
            residual[k] = heads[k] - plane.at(xs[k], ys[k]);
            largest = Math.max(largest, Math.abs(residual[k]));
            scale = Math.max(scale, Math.abs(heads[k]));
        }
        if (n < MIN_WELLS_FOR_RESIDUALS || largest <= 1e-9 * scale) return new HeadSurface(plane, null);
        EmpiricalVariogram variogram = EmpiricalVariogram.of(xs, ys, residual);
        if (variogram.classes() < 2) return new HeadSurface(plane, null);
        VariogramModel model = VariogramFit.best(variogram, false).model();
        return new HeadSurface(plane, new OrdinaryKriging(xs, ys, residual, model, NEIGHBOURS));
    }

    public Plane trend() {
        return trend;
    }

    /** The model the residuals were kriged with; empty when the plane alone explains the heads. */
    public Optional<VariogramModel> residualVariogram() {
        return residuals == null ? Optional.empty() : Optional.of(residuals.model());
    }

    public double at(double x, double y) {
        return trend.at(x, y) + (residuals == null ? 0 : residuals.at(x, y).value());
    }

    /** Heads at the nodes of a grid laid out like {@link RegularGrid#sample}. */
    public RegularGrid grid(double x0, double y0, double dx, double dy, int nx, int ny) {
        RegularGrid heads = RegularGrid.sample(x0, y0, dx, dy, nx, ny, trend::at);
        if (residuals == null) return heads;
        RegularGrid kriged = residuals.grid(x0, y0, dx, dy, nx, ny).estimate();
        for (int j = 0; j < ny; j++) {
            for (int i = 0; i < nx; i++) heads.values()[j][i] += kriged.value(i, j);
        }
        return heads;
    }

    /** Least squares in coordinates centred on the wells, which keeps the normal equations well conditioned. */
    private static Plane plane(double[] xs, double[] ys, double[] heads) {
        int n = xs.length;
        double mx = 0, my = 0, mh = 0;
        for (int k = 0; k < n; k++) {
            mx += xs[k];
            my += ys[k];
            mh += heads[k];
        }
        mx /= n;
        my /= n;
        mh /= n;
        double sxx = 0, sxy = 0, syy = 0, sxh = 0, syh = 0;
        for (int k = 0; k < n; k++) {
            double u = xs[k] - mx;
            double w = ys[k] - my;
            double h = heads[k] - mh;
            sxx += u * u;
            sxy += u * w;
            syy += w * w;
            sxh += u * h;
            syh += w * h;
        }
        double determinant = sxx * syy - sxy * sxy;
        if (!(determinant > 1e-12 * sxx * syy)) throw new InvalidArgument("analytics.flow.collinear");
        return new Plane(mx, my, mh, (syy * sxh - sxy * syh) / determinant, (sxx * syh - sxy * sxh) / determinant);
    }
}
