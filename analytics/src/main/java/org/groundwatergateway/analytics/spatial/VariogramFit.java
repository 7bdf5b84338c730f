package org.groundwatergateway.analytics.spatial;

import org.apache.commons.math3.exception.TooManyEvaluationsException;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.NelderMeadSimplex;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.SimplexOptimizer;
import org.groundwatergateway.analytics.InvalidArgument;

/**
 * Fits a {@link VariogramModel} to an {@link EmpiricalVariogram} by weighted least squares with the weights of
 * Cressie (1985, "Fitting variogram models by weighted least squares", Math. Geol. 17(5)): it minimises
 * Σ N_j·(γ̂_j − γ(h_j))² / γ(h_j)², the model itself in the denominator, so classes with many pairs and short lags,
 * where the model is small and matters most for kriging, weigh most. That sum is the weighted SSE by which
 * {@link #best} chooses among the shapes.
 *
 * <p>The model is linear in nugget and partial sill once the range is fixed, so a ladder of ranges is searched with
 * those two found by iteratively reweighted linear least squares (non-negative), and the best rung is then polished
 * by Nelder–Mead on all parameters together.
 *
 * <p>A Gaussian model always keeps a nugget of at least 1 % of its sill. Without one its kriging matrices are so badly
 * conditioned (Posa 1989, Math. Geol. 21(7); Ababou, Bagtzoglou &amp; Wood 1994, Math. Geol. 26(1)) that large systems
 * turn singular and estimates beyond the wells overshoot the data many times over; with it the smallest eigenvalue of
 * the correlation matrix is at least 0.01, which bounds the condition number of the covariance block by 100 times the
 * number of neighbours.
 */
public final class VariogramFit {

    public record Fitted(VariogramModel model, double weightedSse) {}

    private static final int RUNGS = 60;
    private static final double GAUSSIAN_NUGGET_SHARE = 0.01;
    private static final int REWEIGHTINGS = 30;

    private VariogramFit() {}

    /** The shape with the smallest weighted SSE, nugget allowed. */
    public static Fitted best(EmpiricalVariogram variogram) {
        return best(variogram, true);
    }

    /** The shape with the smallest weighted SSE; without {@code nugget} the nugget is held at its least (zero but for the Gaussian). */
    public static Fitted best(EmpiricalVariogram variogram, boolean nugget) {
        Fitted best = null;
        for (VariogramModel.Shape shape : VariogramModel.Shape.values()) {
            Fitted fitted = fit(variogram, shape, nugget);
            if (best == null || fitted.weightedSse() < best.weightedSse()) best = fitted;
        }
        return best;
    }

    /** One shape; without {@code nugget} the nugget is held at its least. */
    public static Fitted fit(EmpiricalVariogram variogram, VariogramModel.Shape shape, boolean nugget) {
        if (variogram.classes() < (nugget ? 3 : 2)) throw new InvalidArgument("analytics.spatial.fewClasses");
        double largestGamma = 0;
        for (double g : variogram.semivariances()) largestGamma = Math.max(largestGamma, g);
        if (largestGamma == 0) throw new InvalidArgument("analytics.spatial.constant");
        double[] lags = variogram.lags();
        // Ranges from half the first lag (everything at the sill) to four times the last (nearly linear).
        double shortest = lags[0] / 2;
        double longest = 4 * lags[lags.length - 1];
        Fitted best = null;
        for (int r = 0; r < RUNGS; r++) {
            double range = shortest * Math.pow(longest / shortest, r / (RUNGS - 1.0));
            Fitted rung = sillsFor(variogram, shape, range, nugget);
            if (best == null || rung.weightedSse() < best.weightedSse()) best = rung;
        }
        return polish(variogram, best, nugget, Math.log(shortest), Math.log(longest));
    }

    /** Cressie's criterion; infinite where the model is zero at a class with pairs. */
    static double weightedSse(EmpiricalVariogram variogram, VariogramModel model) {
        double sum = 0;
        for (int j = 0; j < variogram.classes(); j++) {
            double gamma = model.semivariance(variogram.lags()[j]);
            if (!(gamma > 0)) return Double.POSITIVE_INFINITY;
            double ratio = variogram.semivariances()[j] / gamma - 1;
            sum += variogram.pairs()[j] * ratio * ratio;
        }
        return sum;
    }

    /** Nugget and partial sill for a fixed range: linear least squares, reweighted by the model until it settles. */
    private static Fitted sillsFor(EmpiricalVariogram variogram, VariogramModel.Shape shape, double range, boolean nugget) {
        VariogramModel unit = new VariogramModel(shape, 0, 1, range);
        int n = variogram.classes();
        double[] f = new double[n];
        double[] weight = new double[n];
        double floor = leastNugget(shape);
        double smallest = 0;
        for (double g : variogram.semivariances()) if (g > 0 && (smallest == 0 || g < smallest)) smallest = g;
        for (int j = 0; j < n; j++) {
            f[j] = unit.semivariance(variogram.lags()[j]);
            // Cressie's weights start from the data and then follow the model.
            double g = Math.max(variogram.semivariances()[j], smallest);
            weight[j] = variogram.pairs()[j] / (g * g);
        }
        double c0 = 0;
        double c1 = 0;
        for (int iteration = 0; iteration < REWEIGHTINGS; iteration++) {
            double sw = 0, swf = 0, swff = 0, swg = 0, swfg = 0;
            for (int j = 0; j < n; j++) {
                double g = variogram.semivariances()[j];
                sw += weight[j];
                swf += weight[j] * f[j];
                swff += weight[j] * f[j] * f[j];
                swg += weight[j] * g;
                swfg += weight[j] * f[j] * g;
            }
            double determinant = sw * swff - swf * swf;
            double nextC0 = 0;
            double nextC1 = 0;
            boolean free = false;
            if (nugget && determinant > 1e-12 * sw * swff) {
                nextC0 = (swff * swg - swf * swfg) / determinant;
                nextC1 = (sw * swfg - swf * swg) / determinant;
                if (nextC1 < 0) {
                    nextC0 = swg / sw;
                    nextC1 = 0;
                }
                free = nextC0 >= floor * nextC1;
            }
            if (!free) {
                // On the least nugget, c₀ = floor·c₁: one parameter, γ = c₁·(floor + f).
                double swgg = 0, swgz = 0;
                for (int j = 0; j < n; j++) {
                    double g = floor + f[j];
                    swgg += weight[j] * g * g;
                    swgz += weight[j] * g * variogram.semivariances()[j];
                }
                nextC1 = swgz / swgg;
                nextC0 = floor * nextC1;
            }
            boolean settled = Math.abs(nextC0 - c0) + Math.abs(nextC1 - c1) <= 1e-13 * (nextC0 + nextC1);
            c0 = nextC0;
            c1 = nextC1;
            if (settled || !(c0 + c1 > 0)) break;
            for (int j = 0; j < n; j++) {
                double model = c0 + c1 * f[j];
                weight[j] = variogram.pairs()[j] / (model * model);
            }
        }
        if (!(c0 + c1 > 0)) return new Fitted(unit, Double.POSITIVE_INFINITY);
        VariogramModel model = new VariogramModel(shape, c0, c1, range);
        return new Fitted(model, weightedSse(variogram, model));
    }

    /** Nelder–Mead on (nugget, partial sill, log range), the range held within the searched ladder. */
    private static Fitted polish(EmpiricalVariogram variogram, Fitted start, boolean nugget, double logShortest, double logLongest) {
        VariogramModel m = start.model();
        VariogramModel.Shape shape = m.shape();
        double scale = m.sill();
        ObjectiveFunction objective = new ObjectiveFunction(p -> {
            VariogramModel trial = model(shape, p, nugget, logShortest, logLongest);
            return trial == null ? Double.POSITIVE_INFINITY : weightedSse(variogram, trial);
        });
        double[] guess = nugget ? new double[] {m.nugget(), m.partialSill(), Math.log(m.range())} : new double[] {m.partialSill(), Math.log(m.range())};
        double[] steps = nugget ? new double[] {0.1 * scale, 0.1 * scale, 0.1} : new double[] {0.1 * scale, 0.1};
        Fitted best = start;
        // A second start from the first result guards against a simplex that collapsed early.
        for (int pass = 0; pass < 2; pass++) {
            try {
                PointValuePair found = new SimplexOptimizer(1e-13, 1e-30).optimize(new MaxEval(20_000), objective, GoalType.MINIMIZE,
                        new InitialGuess(guess), new NelderMeadSimplex(steps));
                VariogramModel polished = model(shape, found.getPoint(), nugget, logShortest, logLongest);
                if (polished != null && found.getValue() < best.weightedSse()) best = new Fitted(polished, found.getValue());
                guess = found.getPoint();
            } catch (TooManyEvaluationsException notConverged) {
                break;
            }
        }
        return best;
    }

    /** The least nugget of a shape, as a multiple of its partial sill. */
    private static double leastNugget(VariogramModel.Shape shape) {
        return shape == VariogramModel.Shape.GAUSSIAN ? GAUSSIAN_NUGGET_SHARE / (1 - GAUSSIAN_NUGGET_SHARE) : 0;
    }

    private static VariogramModel model(VariogramModel.Shape shape, double[] p, boolean nugget, double logShortest, double logLongest) {
        double c1 = Math.abs(p[nugget ? 1 : 0]);
        double c0 = Math.max(nugget ? Math.abs(p[0]) : 0, leastNugget(shape) * c1);
        double logRange = Math.max(logShortest, Math.min(logLongest, p[nugget ? 2 : 1]));
        return c0 + c1 > 0 ? new VariogramModel(shape, c0, c1, Math.exp(logRange)) : null;
    }
}
