package org.groundwatergateway.analytics.tracing;

import org.groundwatergateway.analytics.Stage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.commons.math3.special.Erf;
import org.groundwatergateway.analytics.InvalidArgument;
import org.groundwatergateway.analytics.Progress;
import org.groundwatergateway.analytics.flow.UniformFlow;
import org.groundwatergateway.analytics.transport.DomenicoSource;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.operation.union.UnaryUnionOp;

/**
 * Where, when and how strongly a continuous source released what the wells measure: Bayesian inversion of the
 * Domenico (1987) plume over candidate source locations, release start and source concentration, after the
 * source-identification framework of Sohn, Reynolds, Singh &amp; Gadgil (2002, Risk Analysis 22(6), 1101-1116) and
 * Keats, Yee &amp; Lien (2007, Atmospheric Environment 41, 465-479).
 *
 * <ul>
 *   <li>Forward model: a reading at a well is background + C₀·f, f the {@link DomenicoSource} solution for a unit
 *       source in the {@link UniformFlow} frame (the model is linear in C₀).</li>
 *   <li>Measurement error: normal with σ² = (relative·μ)² + absolute², the two-component model of Rocke &amp;
 *       Lorenzo (1995, Technometrics 37(2), 176-184); a reading below its detection limit is left-censored and
 *       contributes Φ((DL − μ)/σ).</li>
 *   <li>Priors: the candidates' weights; start uniform between the given bounds; log C₀ uniform between the given
 *       bounds.</li>
 *   <li>Posterior: for each candidate, C₀ is integrated out by nested trapezoidal quadrature on log C₀ (refined
 *       around the peak until it spans several nodes), and the start by adaptive multiple importance sampling
 *       (Cornuet, Marin, Mira &amp; Robert 2012, Scand. J. Statist. 39, 798-812): stratified uniform draws, then
 *       Gaussian kernels on the weighted draws mixed with the uniform prior (a defensive mixture, Hesterberg 1995),
 *       every draw finally weighted against the mixture of all proposals (Owen &amp; Zhou 2000). The estimate of
 *       each candidate's evidence gives its posterior probability; a seeded random source makes runs repeatable.</li>
 * </ul>
 * Readings far from any candidate's reach (the model gives less than a millionth of the absolute error even for the
 * largest C₀ and earliest start) are fitted by background alone for that candidate, which is exact to that bound.
 */
public final class BayesianSourceTracer {

    /** Measurement (and model) error: σ = √((relative·μ)² + absolute²), in the unit of the readings. */
    public record ErrorModel(double relative, double absolute) {
        public ErrorModel {
            if (relative < 0 || !(absolute > 0)) throw new InvalidArgument("analytics.tracing.error");
        }

        double sigma(double mean) {
            double r = relative * mean;
            return Math.sqrt(r * r + absolute * absolute);
        }
    }

    /**
     * @param plume the transport model; its source concentration is ignored (C₀ is inferred) and its seepage velocity
     *     must be the flow's
     * @param sampleDepth depth of the well screens below the water table, m
     * @param concentrationBounds prior range of C₀ (unit of the readings), log-uniform
     * @param samplesPerRound importance draws of the start per round; {@code rounds} rounds per candidate
     */
    public record Settings(UniformFlow flow, DomenicoSource plume, double sampleDepth, double effectivePorosity, ErrorModel error,
                           double[] concentrationBounds, int samplesPerRound, int rounds, long seed) {
        public Settings {
            if (Math.abs(plume.seepageVelocity() - flow.seepageVelocity()) > 1e-12) {
                throw new InvalidArgument("analytics.tracing.velocity");
            }
            if (concentrationBounds.length != 2 || !(concentrationBounds[0] > 0 && concentrationBounds[1] > concentrationBounds[0])) {
                throw new InvalidArgument("analytics.tracing.concentrationBounds");
            }
            if (samplesPerRound < 4 || rounds < 1) throw new InvalidArgument("analytics.tracing.draws");
            concentrationBounds = concentrationBounds.clone();
        }
    }

    /** A reading at a well (grid metres), with the background it rides on and the detection limit. */
    public record Observation(String wellCode, double x, double y, Instant time, double value, double background, double detectionLimit) {}

    /**
     * A place the release may have come from: a potential source or a grid cell. {@code footprint} is what the
     * credible region is made of; {@code enterpriseId} (nullable) the enterprise it belongs to.
     */
    public record Candidate(String id, String enterpriseId, double x, double y, Geometry footprint, double priorWeight) {
        public Candidate {
            if (!(priorWeight > 0)) throw new InvalidArgument("analytics.tracing.priorWeight", id);
        }
    }

    /** Posterior median and equal-tailed 90 % credible interval. */
    public record Interval(double median, double lower, double upper) {}

    public record TimeInterval(Instant median, Instant lower, Instant upper) {}

    /**
     * A candidate's posterior probability and, given it, the release start, source concentration and mass discharge;
     * the intervals are null where no reading constrains them (no reading within the candidate's reach, or no mass).
     */
    public record CandidatePosterior(Candidate candidate, double probability, TimeInterval start, Interval sourceConcentration,
                                     Interval massDischargeGramsPerDay) {}

    /** An enterprise's posterior probability (its candidates together) and its release start and mass discharge. */
    public record EnterprisePosterior(String enterpriseId, double probability, TimeInterval start, Interval massDischargeGramsPerDay) {}

    /**
     * @param candidates every candidate with its posterior mass, most probable first: the heat map
     * @param credibleSet the most probable candidates whose masses add up to the credible mass
     * @param credibleRegion the union of their footprints
     * @param backTrack the flow line from the most impacted well upgradient to the top candidate's cross-section,
     *     then across to it
     * @param reachedCandidates how many candidates' plumes could reach any reading at all
     */
    public record Result(List<CandidatePosterior> candidates, List<EnterprisePosterior> enterprises, List<Candidate> credibleSet,
                         Geometry credibleRegion, LineString backTrack, int reachedCandidates) {}

    private static final double UNREACHED = 1e-6;
    private static final double TAIL = 0.05;
    private static final double DEFENSIVE = 0.1;
    private static final int NODES = 33;
    private static final double LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);

    private final Settings settings;
    private final DomenicoSource unit;

    public BayesianSourceTracer(Settings settings) {
        this.settings = settings;
        DomenicoSource p = settings.plume();
        this.unit = new DomenicoSource(1, p.sourceWidth(), p.sourceDepth(), p.seepageVelocity(), p.retardation(), p.decayPerDay(),
                p.longitudinalDispersivity(), p.transverseDispersivity(), p.verticalDispersivity());
    }

    /**
     * Traces the readings back over the candidates, for release starts between the two instants.
     *
     * @param progress told the fraction done after each candidate; a cancelled run stops with {@link Progress.Cancelled}
     */
    public Result trace(List<Candidate> candidates, List<Observation> observations, Instant earliestStart, Instant latestStart,
                        double credibleMass, Progress progress) {
        if (candidates.isEmpty() || observations.isEmpty()) throw new InvalidArgument("analytics.tracing.nothingToTrace");
        if (!latestStart.isAfter(earliestStart)) throw new InvalidArgument("analytics.tracing.startWindow");
        double span = days(earliestStart, latestStart);
        Reading[] readings = new Reading[observations.size()];
        for (int i = 0; i < readings.length; i++) readings[i] = new Reading(observations.get(i), days(earliestStart, observations.get(i).time()));
        Random random = new Random(settings.seed());
        List<Fit> fits = new ArrayList<>();
        int reached = 0;
        for (int c = 0; c < candidates.size(); c++) {
            Fit fit = fit(candidates.get(c), readings, span, random);
            if (fit.draws.length > 0) reached++;
            fits.add(fit);
            progress.advance((c + 1) / (double) candidates.size(), Stage.of("analytics.stage.tracingCandidate", c + 1, candidates.size()));
        }
        return summarise(fits, readings, earliestStart, credibleMass, reached);
    }

    private static double days(Instant from, Instant to) {
        return Duration.between(from, to).toMillis() / 86_400_000.0;
    }

    /** An observation with its time in days from the earliest start and its background-only log-likelihood. */
    private final class Reading {
        final Observation observation;
        final double t;
        final double nullLog;

        Reading(Observation observation, double t) {
            this.observation = observation;
            this.t = t;
            this.nullLog = logLikelihood(observation, observation.background());
        }
    }

    private double logLikelihood(Observation o, double mean) {
        double sigma = settings.error().sigma(mean);
        if (o.value() < o.detectionLimit()) return logNormalCdf((o.detectionLimit() - mean) / sigma);
        double z = (o.value() - mean) / sigma;
        return -0.5 * z * z - Math.log(sigma) - LOG_SQRT_2PI;
    }

    /** log Φ(z), with the leading term of its asymptotic series where erfc underflows. */
    static double logNormalCdf(double z) {
        if (z > -30) return Math.log(0.5 * Erf.erfc(-z / Math.sqrt(2)));
        return -0.5 * z * z - Math.log(-z) - LOG_SQRT_2PI;
    }

    /** One importance draw of the start: its log marginal likelihood (C₀ integrated) and its C₀ posterior on nodes. */
    private record Draw(double start, double logLikelihood, double[] logConcentrations, double[] nodeWeights) {}

    /** A candidate's evidence (log, against background only) and its weighted draws. */
    private record Fit(Candidate candidate, double logEvidence, Draw[] draws, double[] drawWeights) {}

    private Fit fit(Candidate candidate, Reading[] readings, double span, Random random) {
        double logHigh = Math.log(settings.concentrationBounds()[1]);
        List<Reading> reached = new ArrayList<>();
        for (Reading r : readings) {
            double f = unitConcentration(candidate, r.observation, r.t);
            if (Math.exp(logHigh) * f > UNREACHED * settings.error().absolute()) reached.add(r);
        }
        if (reached.isEmpty()) return new Fit(candidate, 0, new Draw[0], new double[0]);
        Reading[] near = reached.toArray(new Reading[0]);
        List<Draw> draws = new ArrayList<>();
        List<Proposal> proposals = new ArrayList<>();
        int n = settings.samplesPerRound();
        for (int round = 0; round < settings.rounds(); round++) {
            Proposal proposal = round == 0 ? Proposal.uniform(span) : Proposal.adapted(span, draws, weights(draws, proposals, span), n, round);
            proposals.add(proposal);
            for (int k = 0; k < n; k++) {
                double start = round == 0 ? span * (k + random.nextDouble()) / n : proposal.sample(random);
                draws.add(start < 0 || start > span ? new Draw(start, Double.NEGATIVE_INFINITY, null, null) : draw(candidate, near, start));
            }
        }
        double[] logWeights = logWeights(draws, proposals, span);
        double max = max(logWeights);
        double sum = 0;
        for (double w : logWeights) sum += Math.exp(w - max);
        double[] normalised = new double[logWeights.length];
        for (int k = 0; k < normalised.length; k++) normalised[k] = Math.exp(logWeights[k] - max) / sum;
        double logEvidence = max + Math.log(sum / draws.size());
        return new Fit(candidate, logEvidence, draws.toArray(new Draw[0]), normalised);
    }

    private double unitConcentration(Candidate candidate, Observation o, double elapsed) {
        return settings.flow().concentration(unit, candidate.x(), candidate.y(), o.x(), o.y(), settings.sampleDepth(), elapsed);
    }

    /** The start draw's likelihood with C₀ integrated over its log-uniform prior. */
    private Draw draw(Candidate candidate, Reading[] near, double start) {
        double[] f = new double[near.length];
        for (int i = 0; i < near.length; i++) f[i] = unitConcentration(candidate, near[i].observation, near[i].t - start);
        double low = Math.log(settings.concentrationBounds()[0]);
        double high = Math.log(settings.concentrationBounds()[1]);
        double priorWidth = high - low;
        double a = low;
        double b = high;
        double[] nodes = new double[NODES];
        double[] logs = new double[NODES];
        for (int level = 0; ; level++) {
            for (int m = 0; m < NODES; m++) {
                nodes[m] = a + (b - a) * m / (NODES - 1);
                logs[m] = logLikelihood(near, f, Math.exp(nodes[m]));
            }
            int peak = argmax(logs);
            // Refine until the peak spans several nodes: its neighbours three nodes out are no more than e⁻⁸ below it.
            boolean resolved = logs[peak] - logs[Math.max(peak - 3, 0)] < 8 && logs[peak] - logs[Math.min(peak + 3, NODES - 1)] < 8;
            if (resolved || level == 6) break;
            double left = nodes[Math.max(peak - 2, 0)];
            double right = nodes[Math.min(peak + 2, NODES - 1)];
            a = left;
            b = right;
        }
        double step = (b - a) / (NODES - 1);
        double peakLog = max(logs);
        double[] weights = new double[NODES];
        double integral = 0;
        for (int m = 0; m < NODES; m++) {
            double trapezoid = (m == 0 || m == NODES - 1) ? 0.5 : 1;
            weights[m] = trapezoid * Math.exp(logs[m] - peakLog);
            integral += weights[m];
        }
        for (int m = 0; m < NODES; m++) weights[m] /= integral;
        double logMarginal = peakLog + Math.log(integral * step / priorWidth);
        return new Draw(start, logMarginal, nodes.clone(), weights);
    }

    /** Log-likelihood of the reached readings against background only, for source concentration c. */
    private double logLikelihood(Reading[] near, double[] f, double c) {
        double sum = 0;
        for (int i = 0; i < near.length; i++) {
            if (f[i] == 0) continue;
            Observation o = near[i].observation;
            sum += logLikelihood(o, o.background() + c * f[i]) - near[i].nullLog;
        }
        return sum;
    }

    /** A proposal for the start: uniform on [0, span] mixed with Gaussian kernels on earlier draws. */
    private record Proposal(double span, double[] centres, double[] masses, double bandwidth) {

        static Proposal uniform(double span) {
            return new Proposal(span, new double[0], new double[0], 0);
        }

        static Proposal adapted(double span, List<Draw> draws, double[] weights, int perRound, int round) {
            double mean = 0;
            for (int k = 0; k < weights.length; k++) mean += weights[k] * draws.get(k).start();
            double variance = 0;
            double sumSquares = 0;
            for (int k = 0; k < weights.length; k++) {
                double d = draws.get(k).start() - mean;
                variance += weights[k] * d * d;
                sumSquares += weights[k] * weights[k];
            }
            double effective = 1 / sumSquares;
            // Silverman's rule on the weighted draws, but never narrower than the current spacing of draws, which
            // shrinks fourfold each round so that a sharp peak is found in a few rounds.
            double floor = Math.max(span / perRound / Math.pow(4, round - 1), 1.0 / 1440);
            double bandwidth = Math.max(1.06 * Math.sqrt(variance) * Math.pow(effective, -0.2), floor);
            double[] centres = new double[weights.length];
            for (int k = 0; k < centres.length; k++) centres[k] = draws.get(k).start();
            return new Proposal(span, centres, weights.clone(), bandwidth);
        }

        double density(double t) {
            double uniform = t >= 0 && t <= span ? 1 / span : 0;
            if (centres.length == 0) return uniform;
            double kernels = 0;
            for (int k = 0; k < centres.length; k++) {
                if (masses[k] == 0) continue;
                double z = (t - centres[k]) / bandwidth;
                kernels += masses[k] * Math.exp(-0.5 * z * z);
            }
            return DEFENSIVE * uniform + (1 - DEFENSIVE) * kernels / (bandwidth * Math.sqrt(2 * Math.PI));
        }

        double sample(Random random) {
            if (random.nextDouble() < DEFENSIVE) return span * random.nextDouble();
            double u = random.nextDouble();
            int k = 0;
            double cumulative = masses[0];
            while (cumulative < u && k < masses.length - 1) cumulative += masses[++k];
            return centres[k] + bandwidth * random.nextGaussian();
        }
    }

    /** Deterministic-mixture importance weights (log): prior × likelihood over the average of all proposals. */
    private static double[] logWeights(List<Draw> draws, List<Proposal> proposals, double span) {
        double[] logs = new double[draws.size()];
        for (int k = 0; k < logs.length; k++) {
            Draw draw = draws.get(k);
            if (draw.logLikelihood() == Double.NEGATIVE_INFINITY) {
                logs[k] = Double.NEGATIVE_INFINITY;
                continue;
            }
            double mixture = 0;
            for (Proposal p : proposals) mixture += p.density(draw.start());
            mixture /= proposals.size();
            logs[k] = draw.logLikelihood() - Math.log(span) - Math.log(mixture);
        }
        return logs;
    }

    private static double[] weights(List<Draw> draws, List<Proposal> proposals, double span) {
        double[] logs = logWeights(draws, proposals, span);
        double max = max(logs);
        double[] w = new double[logs.length];
        double sum = 0;
        for (int k = 0; k < w.length; k++) sum += w[k] = Math.exp(logs[k] - max);
        for (int k = 0; k < w.length; k++) w[k] /= sum;
        return w;
    }

    private Result summarise(List<Fit> fits, Reading[] readings, Instant origin, double credibleMass, int reached) {
        double priorTotal = fits.stream().mapToDouble(f -> f.candidate.priorWeight()).sum();
        double[] logPosterior = new double[fits.size()];
        for (int c = 0; c < fits.size(); c++) {
            logPosterior[c] = Math.log(fits.get(c).candidate.priorWeight() / priorTotal) + fits.get(c).logEvidence;
        }
        double max = max(logPosterior);
        double sum = 0;
        for (double l : logPosterior) sum += Math.exp(l - max);
        List<CandidatePosterior> posteriors = new ArrayList<>();
        Map<String, List<Double>> enterpriseMass = new LinkedHashMap<>();
        Map<String, List<Fit>> enterpriseFits = new LinkedHashMap<>();
        double[] probability = new double[fits.size()];
        for (int c = 0; c < fits.size(); c++) {
            Fit fit = fits.get(c);
            probability[c] = Math.exp(logPosterior[c] - max) / sum;
            posteriors.add(new CandidatePosterior(fit.candidate, probability[c], startInterval(List.of(fit), new double[] {1}, origin),
                    concentrationInterval(List.of(fit), new double[] {1}, 1), concentrationInterval(List.of(fit), new double[] {1}, massPerConcentration())));
            String enterprise = fit.candidate.enterpriseId();
            if (enterprise != null) {
                enterpriseMass.computeIfAbsent(enterprise, e -> new ArrayList<>()).add(probability[c]);
                enterpriseFits.computeIfAbsent(enterprise, e -> new ArrayList<>()).add(fit);
            }
        }
        List<EnterprisePosterior> enterprises = new ArrayList<>();
        for (var entry : enterpriseFits.entrySet()) {
            double[] m = enterpriseMass.get(entry.getKey()).stream().mapToDouble(Double::doubleValue).toArray();
            double total = 0;
            for (double v : m) total += v;
            enterprises.add(new EnterprisePosterior(entry.getKey(), total, startInterval(entry.getValue(), m, origin),
                    concentrationInterval(entry.getValue(), m, massPerConcentration())));
        }
        enterprises.sort(Comparator.comparingDouble(EnterprisePosterior::probability).reversed());
        posteriors.sort(Comparator.comparingDouble(CandidatePosterior::probability).reversed());
        List<Candidate> credible = new ArrayList<>();
        List<Geometry> footprints = new ArrayList<>();
        double cumulative = 0;
        for (CandidatePosterior p : posteriors) {
            if (cumulative >= credibleMass) break;
            credible.add(p.candidate());
            footprints.add(p.candidate().footprint());
            cumulative += p.probability();
        }
        Geometry region = UnaryUnionOp.union(footprints);
        return new Result(List.copyOf(posteriors), List.copyOf(enterprises), List.copyOf(credible), region,
                backTrack(readings, posteriors.get(0).candidate()), reached);
    }

    private double massPerConcentration() {
        return unit.massDischargeGramsPerDay(settings.effectivePorosity());
    }

    /** Flow line from the well with the largest excess over background, upgradient to the source's cross-section. */
    private LineString backTrack(Reading[] readings, Candidate top) {
        Observation worst = readings[0].observation;
        for (Reading r : readings) {
            Observation o = r.observation;
            if (o.value() - o.background() > worst.value() - worst.background()) worst = o;
        }
        return settings.flow().toSource(worst.x(), worst.y(), top.x(), top.y());
    }

    /** Start quantiles over the draws of several fits, each fit weighted by its mass. */
    private static TimeInterval startInterval(List<Fit> fits, double[] mass, Instant origin) {
        List<double[]> points = new ArrayList<>();
        for (int c = 0; c < fits.size(); c++) {
            Fit fit = fits.get(c);
            for (int k = 0; k < fit.draws.length; k++) {
                double w = mass[c] * fit.drawWeights[k];
                if (w > 0) points.add(new double[] {fit.draws[k].start(), w});
            }
        }
        if (points.isEmpty()) return null;
        double[] q = quantiles(points);
        return new TimeInterval(instant(origin, q[1]), instant(origin, q[0]), instant(origin, q[2]));
    }

    private static Instant instant(Instant origin, double days) {
        return origin.plusMillis(Math.round(days * 86_400_000.0));
    }

    /** Quantiles of C₀ (times {@code scale}) over the draws' node posteriors. */
    private static Interval concentrationInterval(List<Fit> fits, double[] mass, double scale) {
        List<double[]> points = new ArrayList<>();
        for (int c = 0; c < fits.size(); c++) {
            Fit fit = fits.get(c);
            for (int k = 0; k < fit.draws.length; k++) {
                Draw draw = fit.draws[k];
                if (fit.drawWeights[k] == 0 || draw.nodeWeights() == null) continue;
                for (int m = 0; m < NODES; m++) {
                    double w = mass[c] * fit.drawWeights[k] * draw.nodeWeights()[m];
                    if (w > 0) points.add(new double[] {draw.logConcentrations()[m], w});
                }
            }
        }
        if (points.isEmpty()) return null;
        double[] q = quantiles(points);
        return new Interval(scale * Math.exp(q[1]), scale * Math.exp(q[0]), scale * Math.exp(q[2]));
    }

    /** The 5 %, 50 % and 95 % points of a weighted sample (value, weight). */
    static double[] quantiles(List<double[]> points) {
        points.sort(Comparator.comparingDouble(p -> p[0]));
        double total = 0;
        for (double[] p : points) total += p[1];
        double[] levels = {TAIL, 0.5, 1 - TAIL};
        double[] result = new double[3];
        int level = 0;
        double cumulative = 0;
        for (double[] p : points) {
            cumulative += p[1];
            while (level < 3 && cumulative >= levels[level] * total) result[level++] = p[0];
        }
        while (level < 3) result[level++] = points.get(points.size() - 1)[0];
        return result;
    }

    private static int argmax(double[] values) {
        int best = 0;
        for (int k = 1; k < values.length; k++) if (values[k] > values[best]) best = k;
        return best;
    }

    private static double max(double[] values) {
        double m = Double.NEGATIVE_INFINITY;
        for (double v : values) m = Math.max(m, v);
        return m;
    }
}
