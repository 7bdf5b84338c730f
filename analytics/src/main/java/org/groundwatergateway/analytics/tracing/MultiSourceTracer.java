package org.groundwatergateway.analytics.tracing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.groundwatergateway.analytics.InvalidArgument;
import org.groundwatergateway.analytics.Progress;
import org.groundwatergateway.analytics.Stage;
import org.groundwatergateway.analytics.flow.BackTracker;
import org.groundwatergateway.analytics.flow.UniformFlow;
import org.groundwatergateway.analytics.statistics.DifferentialEvolutionMcmc;
import org.groundwatergateway.analytics.tracing.BayesianSourceTracer.Candidate;
import org.groundwatergateway.analytics.tracing.BayesianSourceTracer.CandidatePosterior;
import org.groundwatergateway.analytics.tracing.BayesianSourceTracer.EnterprisePosterior;
import org.groundwatergateway.analytics.tracing.BayesianSourceTracer.ErrorModel;
import org.groundwatergateway.analytics.tracing.BayesianSourceTracer.Interval;
import org.groundwatergateway.analytics.tracing.BayesianSourceTracer.Observation;
import org.groundwatergateway.analytics.tracing.BayesianSourceTracer.TimeInterval;
import org.groundwatergateway.analytics.transport.DomenicoSource;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.operation.union.UnaryUnionOp;

/**
 * Source tracing that admits what the transport model gets wrong and finds more than one source (issue #21): the
 * readings are explained as the sum of the known plumes (documented, ongoing releases whose place is known; their
 * start and strength are fitted) and of up to {@code maxNewSources} new releases among the candidates.
 *
 * <ul>
 *   <li><b>Forward model</b>: Domenico's (1987) plume of each source in the {@link UniformFlow} frame, summed, with its
 *       lateral and vertical spread taken at x + 2αL·x/(x + 0.1αL), about x + 2αL beyond αL, instead of the distance x
 *       ({@link #NEAR_FIELD_LENGTHS}, {@link #NEAR_FIELD_TAPER}): Domenico's
 *       spread vanishes at the source, so a well beside a source (a few metres along, tens across) was out of its reach
 *       whatever the dispersivities, where the exact solution spreads there by longitudinal dispersion (the error of the
 *       approximation is largest near the source and off the centre line: West, Kueper &amp; Ungs 2007, Ground Water 45,
 *       126). The aquifer's transport is uncertain and marginalised as nuisance parameters shared by all sources: seepage
 *       velocity (log-normal factor), the three dispersivities (log-normal factors) and the flow azimuth (normal offset).</li>
 *   <li><b>Error model</b> on h(c) = ln(c + κ), κ the absolute error (the log with an offset of McInerney et al. 2017,
 *       Water Resour. Res. 53, 2199): h(reading) = h(μ) + ε, ε normal with variance rel² + (abs/(μ + κ))² + (s·σₘ)²,
 *       where s = P/(μ + κ) is the plume's share of the modelled value and σₘ the structural (model) error of the plume,
 *       whose variance is a parameter with a log-normal prior, marginalised with the rest. Readings below their detection
 *       limit are left-censored and contribute Φ((h(DL) − h(μ))/σ) (the Tobit likelihood, Tobin 1958, Econometrica 26, 24).</li>
 *   <li><b>Tempering</b>: a well's daily readings are not independent evidence (the model's error at a well persists),
 *       so each well's log-likelihood is scaled to {@code effectiveReadingsPerWell} readings: a power likelihood
 *       (Bissiri, Holmes &amp; Walker 2016, J. R. Stat. Soc. B 78, 1103; Miller &amp; Dunson 2019, JASA 114, 1113).
 *       Long series are thinned to at most {@link #READINGS_PER_WELL} readings evenly over the window.</li>
 *   <li><b>Posterior and evidence</b> of each model (which candidates release): the posterior mode in unbounded
 *       coordinates (starts and log C₀ through the logit of their uniform priors) by BFGS from two starts (the screened
 *       nuisance, and that of the model without the new source), and Laplace's approximation of
 *       the evidence there (Tierney &amp; Kadane 1986; Kass &amp; Raftery 1995). The models that carry the posterior are
 *       sampled by differential-evolution MCMC from the past ({@link org.groundwatergateway.analytics.statistics.DifferentialEvolutionMcmc},
 *       ter Braak &amp; Vrugt 2008), whose convergence is reported as rank-normalised split-R̂ and bulk effective sample
 *       size (Vehtari et al. 2021); the others keep draws from their Laplace approximation. Where a model has several
 *       plumes, each one's own velocity (its path, its compound's retardation) is marginalised through the start and the
 *       mass discharge ({@link Priors#plumeVelocityLnSd}); the start is reported with its shortest 90 % interval.</li>
 *   <li><b>Model selection</b> by Bayes factors: P(k new sources) uniform over 0…k; within k, the candidates' prior
 *       weights. Every candidate is screened as one new source beside the known plumes (start on a grid, log C₀ by
 *       Laplace's method, the nuisance at the known plumes' fit and at five points towards slower, faster and wider
 *       plumes); the best are fitted in full, then for the best one or two
 *       a second source is screened and the best pairs are fitted (a forward selection), and the best single release is
 *       paired with each other one that explains readings on its own (its nuisance fit to the best one's plume can hide a
 *       second release from the screen); single releases not fitted keep their screened evidence.</li>
 *   <li><b>A candidate's probability</b> is that of a new release there that the wells see: one whose plume adds at least
 *       half the detection limit to some reading kept (the evidence's criterion), summed over the models that contain it, each
 *       weighted by the share of its posterior (draws; for a screened model, its screened evidence) where the release is
 *       seen. A release that has reached no well yet, passes between them or is too weak to show agrees with any readings,
 *       so it keeps its prior; counted as a source it gave every candidate out of the network's sight the prior's share
 *       and put it above a true source whose few readings at the detection limit were not worth its Occam factor. An
 *       enterprise's likewise (where a model releases at two of its candidates, the share of the one seen more: a lower
 *       bound). The start, C₀ and mass-discharge intervals are given that the candidate releases, seen or not.</li>
 * </ul>
 * Seeded: the same readings give the same answer, on any number of threads.
 */
public final class MultiSourceTracer {

    /**
     * What the tracer doesn't know about the aquifer and its own model, as prior spreads around the settings' plume.
     *
     * @param velocityLnSd spread of ln(true/assumed seepage velocity); covers the fitted flow's error and retardation
     * @param azimuthSdDegrees spread of the flow direction
     * @param modelErrorMedian median of σₘ, the structural error of the plume (log scale)
     * @param effectiveReadingsPerWell how many independent readings a well's series is worth (tempering; 6 by default, about
     *     one every ten days of a 60-day window: measured on the release scenarios against 3 and 12, it ranks the true
     *     source first more often than 3 and as often as 12, with its 90 % intervals inside the target band; docs/tracing.md)
     * @param strengthLnSd structural error of a source's strength as the readings see it (screen depth, source width
     *     and depth, decay, retardation, the approximate solution): a log-normal factor on the plume that the readings
     *     cannot tell from C₀, so it is marginalised exactly by widening the C₀ and mass discharge posteriors with it
     * @param plumeVelocityLnSd spread of ln(a plume's own velocity / the velocity its model's plumes share), where a model
     *     has several: each plume travels its own path and its compound its own retardation. At the wells that see a
     *     plume the readings cannot tell its own velocity from its start (the same arrival), so it is marginalised by
     *     moving the start by the change of travel time to them (and the mass discharge by the velocity)
     * @param knownPlumeDispersivityLnSd spread of ln(a known plume's own αL, αT, αV / the ones its model's plumes share):
     *     a documented plume is older and has travelled further than a new release, and dispersivity grows with the
     *     distance travelled (Gelhar, Welty &amp; Rehfeldt 1992), its source's shape is its own; fitted, so that the known
     *     plume's own shape is not read as a new release beside it
     * @param wellBiasLnSd spread of a well's own structural error: the modelled plume at a well is off by a factor
     *     exp(b), b ~ N(0, τ²) the same for all its readings (its screen, the local aquifer, the plume's true shape),
     *     marginalised in closed form; 0 for none. A well the model sees too weak or too strong then costs at most
     *     about ln(1 + τ²·precision)/2, not its readings' full misfit: evidence that a further source could take up
     */
    public record Priors(double velocityLnSd, double azimuthSdDegrees, double longitudinalLnSd, double transverseLnSd, double verticalLnSd,
                         double modelErrorMedian, double modelErrorLnSd, double effectiveReadingsPerWell, double strengthLnSd,
                         double plumeVelocityLnSd, double knownPlumeDispersivityLnSd, double wellBiasLnSd) {

        public static final Priors DEFAULTS = new Priors(0.3, 5, 0.7, 1.0, 1.0, 0.3, 0.5, 6, 1.0, 0.2, 0.5, 1.0);

        public Priors {
            if (!(velocityLnSd > 0 && azimuthSdDegrees > 0 && longitudinalLnSd > 0 && transverseLnSd > 0 && verticalLnSd > 0
                    && modelErrorMedian > 0 && modelErrorLnSd > 0 && effectiveReadingsPerWell > 0 && strengthLnSd >= 0
                    && plumeVelocityLnSd >= 0 && knownPlumeDispersivityLnSd > 0 && wellBiasLnSd >= 0)) {
                throw new InvalidArgument("analytics.tracing.priors");
            }
        }
    }

    /**
     * @param plume the transport model's centre (its C₀ is ignored); its seepage velocity must be the flow's
     * @param concentrationBounds prior range of a new source's C₀, log-uniform (known sources: down to a thousandth of the low bound)
     * @param maxNewSources 0, 1 or 2
     * @param draws MCMC draws kept per chain (four chains, run until converged and thinned to this), and Laplace draws of unsampled models
     */
    public record Settings(UniformFlow flow, DomenicoSource plume, double sampleDepth, double effectivePorosity, ErrorModel error,
                           double[] concentrationBounds, Priors priors, int maxNewSources, int draws, long seed) {
        public Settings {
            if (Math.abs(plume.seepageVelocity() - flow.seepageVelocity()) > 1e-12) throw new InvalidArgument("analytics.tracing.velocity");
            if (concentrationBounds.length != 2 || !(concentrationBounds[0] > 0 && concentrationBounds[1] > concentrationBounds[0])) {
                throw new InvalidArgument("analytics.tracing.concentrationBounds");
            }
            if (draws < 20 || maxNewSources < 0 || maxNewSources > 2) throw new InvalidArgument("analytics.tracing.draws");
            concentrationBounds = concentrationBounds.clone();
        }
    }

    /** A documented, ongoing release: its place is known, its start lies between the two instants, its strength is fitted. */
    public record KnownSource(Candidate candidate, Instant earliestStart, Instant latestStart) {}

    /** The readings of one well a source explains (its modelled contribution at least half their detection limit). */
    public record Evidence(String wellCode, Instant from, Instant to, int readings, int detections) {}

    /**
     * A source of the most probable model: a known plume or a new release, with its posterior probability of being a seen
     * source (1 for a known one), release start, C₀ and mass discharge (median and 90 % interval), the readings it
     * explains, the flow path back from its most impacted well (see {@link BackTracker}), and the effective sample size of
     * its model's sampler.
     */
    public record Source(Candidate candidate, boolean known, double probability, TimeInterval start, Interval sourceConcentration,
                         Interval massDischargeGramsPerDay, List<Evidence> evidence, LineString backTrack, double effectiveSampleSize,
                         double rHat) {}

    /**
     * One model tried: its new sources, log evidence (against background only: Laplace's approximation where fitted, the
     * screening's otherwise), posterior probability and, where sampled by MCMC, the sampler's convergence (the largest
     * split-R̂ and the smallest effective sample size over the sources' starts and log C₀).
     */
    public record ModelFit(List<String> newSources, double logEvidence, double probability, boolean fitted, boolean sampled, int draws,
                           double effectiveSampleSize, double rHat) {}

    /**
     * @param sources the most probable model's sources, known ones first
     * @param candidates every candidate with its probability of being a new source the wells see, most probable first: the
     *     heat map
     * @param newSourceCount posterior probability of 0, 1, … new releases (seen or not)
     */
    public record Result(List<Source> sources, List<CandidatePosterior> candidates, List<EnterprisePosterior> enterprises,
                         List<Candidate> credibleSet, Geometry credibleRegion, LineString backTrack, int reachedCandidates,
                         double[] newSourceCount, List<ModelFit> models) {}

    static final int READINGS_PER_WELL = 12;
    /**
     * How many longitudinal dispersivities beyond x the plume's lateral and vertical spread is taken at, from about αL
     * downstream of the source on (nearer, the added spread tapers to nothing: {@link #NEAR_FIELD_TAPER}): a heuristic,
     * chosen against the exact steady plume of a source through the aquifer's depth (2-D; Wilson &amp; Miller 1978,
     * J. Hydraul. Div. 104, 503: C ∝ exp(x/2αL) K₀(√(x² + y²αL/αT)/2αL)). Its lateral fall-off C(x, y)/C(x, 0) with the
     * tapered spread is 0.037 at 4 m along and 25 m across with αL 13 m and αT 2 m, where the exact one is 0.033 and
     * Domenico's 4e-9; from ten longitudinal dispersivities on, where the plume is at least a tenth of its centre line, it
     * is within 21 % of the exact one (MultiSourceTracerTest). The added spread grows in from the source plane
     * ({@link #NEAR_FIELD_TAPER}), where the plume is the patch itself (C₀ on it once the front has passed, nothing beside
     * it), as the scenarios' exact patch source has it by its boundary condition; on the patch's width the step from C₀
     * to nothing at x = 0 remains, as in that solution. Not exact: nearer than 10αL it can be up to 3.1 times too wide, a
     * 3-D point source falls off faster still (0.006 at that point), and the centre line is below Domenico's at every
     * x > 0, so a C₀ read from a well just below a source comes out higher. Measured on the release scenarios
     * (docs/tracing.md).
     */
    static final double NEAR_FIELD_LENGTHS = 2;
    /**
     * The added spread is 2αL·x/(x + 0.1αL): half of it at a tenth of αL, nine tenths at αL. Off the patch the plume then
     * fades in from 0 at the source plane instead of starting at its full spread, so that a well beside a source at the
     * edge of the flow does not see it switch on and off as the azimuth turns.
     */
    static final double NEAR_FIELD_TAPER = 0.1;
    private static final int GLOBALS = 6;
    private static final int U = 0, AL = 1, AT = 2, AV = 3, TH = 4, SM = 5;
    /** A known plume's own ln αL, ln αT, ln αV offsets from the shared ones, after the globals (known plumes first). */
    private static final int KNOWN_EXTRA = 3;
    private static final int START_GRID = 24;
    private static final int FIRST_SHORTLIST = 8;
    private static final int SECOND_SHORTLIST = 4;
    private static final int SECOND_BASES = 2;
    private static final double TAIL = 0.05;
    private static final double LOG_2PI = Math.log(2 * Math.PI);

    private final Settings settings;
    private final Priors priors;
    private final BackTracker paths;
    private final GeometryFactory geometry = new GeometryFactory();

    /** A tracer that draws each source's back-tracked path as the uniform flow's straight line. */
    public MultiSourceTracer(Settings settings) {
        this(settings, settings.flow());
    }

    /**
     * @param paths draws each source's back-tracked path from the well it impacts most (on a site, the pathline on its
     *     head surface); the inversion itself models the plumes in the settings' uniform flow
     */
    public MultiSourceTracer(Settings settings, BackTracker paths) {
        this.settings = settings;
        this.priors = settings.priors();
        this.paths = paths;
    }

    // ---------------------------------------------------------------- the data

    private static final class Data {
        Instant origin;
        int wells;
        String[] code;
        double[] wx, wy, omega;
        int[] first, last;          // reading range of each well in the thinned arrays
        double[] t, hv, b, dl, base;
        boolean[] detected;
        Instant[] time;
        Observation[] all;          // every reading, for the evidence
        int[] allWell;
    }

    private Data prepare(List<Observation> observations, Instant origin) {
        Map<String, List<Observation>> byWell = new LinkedHashMap<>();
        for (Observation o : observations) byWell.computeIfAbsent(o.wellCode(), k -> new ArrayList<>()).add(o);
        Data d = new Data();
        d.origin = origin;
        d.wells = byWell.size();
        d.code = new String[d.wells];
        d.wx = new double[d.wells];
        d.wy = new double[d.wells];
        d.omega = new double[d.wells];
        d.first = new int[d.wells];
        d.last = new int[d.wells];
        List<Observation> kept = new ArrayList<>();
        d.all = observations.toArray(new Observation[0]);
        d.allWell = new int[d.all.length];
        Map<String, Integer> index = new HashMap<>();
        int w = 0;
        for (var entry : byWell.entrySet()) {
            List<Observation> series = new ArrayList<>(entry.getValue());
            series.sort(Comparator.comparing(Observation::time));
            index.put(entry.getKey(), w);
            d.code[w] = entry.getKey();
            d.wx[w] = series.get(0).x();
            d.wy[w] = series.get(0).y();
            d.first[w] = kept.size();
            int n = series.size();
            int m = Math.min(n, READINGS_PER_WELL);
            for (int j = 0; j < m; j++) kept.add(series.get(m == 1 ? n - 1 : (int) Math.round(j * (n - 1) / (double) (m - 1))));
            d.last[w] = kept.size();
            d.omega[w] = Math.min(1, priors.effectiveReadingsPerWell() / m);
            w++;
        }
        for (int i = 0; i < d.all.length; i++) d.allWell[i] = index.get(d.all[i].wellCode());
        int n = kept.size();
        d.t = new double[n];
        d.hv = new double[n];
        d.b = new double[n];
        d.dl = new double[n];
        d.base = new double[n];
        d.detected = new boolean[n];
        d.time = new Instant[n];
        double kappa = settings.error().absolute();
        for (int i = 0; i < n; i++) {
            Observation o = kept.get(i);
            d.t[i] = days(origin, o.time());
            d.detected[i] = o.value() >= o.detectionLimit();
            d.hv[i] = Math.log((d.detected[i] ? o.value() : o.detectionLimit()) + kappa);
            d.b[i] = Math.max(0, o.background());
            d.dl[i] = o.detectionLimit();
            d.time[i] = o.time();
        }
        for (int i = 0; i < n; i++) d.base[i] = readingLogLikelihood(d, i, 0, 0);
        return d;
    }

    private static double days(Instant from, Instant to) {
        return Duration.between(from, to).toMillis() / 86_400_000.0;
    }

    /** A reading's log-likelihood on the h scale for modelled plume {@code plume} over its background. */
    private double readingLogLikelihood(Data d, int i, double plume, double modelError) {
        double kappa = settings.error().absolute();
        double mu = d.b[i] + plume;
        double share = plume / (mu + kappa);
        double a = settings.error().absolute() / (mu + kappa);
        double rel = settings.error().relative();
        double sigma = Math.sqrt(rel * rel + a * a + share * share * modelError * modelError);
        double z = (d.hv[i] - Math.log(mu + kappa)) / sigma;
        return d.detected[i] ? -0.5 * z * z - Math.log(sigma) : logPhi(z);
    }

    /**
     * A well's bias b (h(μ) moves by b·sᵢ at reading i) integrated out against its tempered Gaussian readings:
     * ln ∫ exp(−ω Σ (rᵢ − b sᵢ)²/2σᵢ²) N(b; 0, τ²) db less the same at b = 0, given Σ rᵢsᵢ/σᵢ² and Σ sᵢ²/σᵢ².
     */
    static double wellBias(double omega, double rs, double ss, double tau2) {
        return 0.5 * omega * omega * rs * rs / (omega * ss + 1 / tau2) - 0.5 * Math.log1p(tau2 * omega * ss);
    }

    // ---------------------------------------------------------------- fast error functions

    /**
     * ln erfc(x) for x ≥ 0 by the Chebyshev fit of Press, Teukolsky, Vetterling &amp; Flannery (Numerical Recipes, 2nd ed.,
     * §6.2, erfcc: fractional error below 1.2e-7 everywhere), taken in logs so that it never underflows.
     */
    static double logErfcPositive(double x) {
        double t = 1 / (1 + 0.5 * x);
        return Math.log(t) - x * x - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806
                + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
    }

    static double erfc(double x) {
        return x >= 0 ? Math.exp(logErfcPositive(x)) : 2 - Math.exp(logErfcPositive(-x));
    }

    /** erf(a) − erf(b) for a ≥ b without cancellation in the tails. */
    static double erfDifference(double a, double b) {
        if (b >= 0) return erfc(b) - erfc(a);
        if (a <= 0) return erfc(-a) - erfc(-b);
        return 2 - erfc(a) - erfc(-b);
    }

    /** ln Φ(z). */
    static double logPhi(double z) {
        double x = -z / Math.sqrt(2);
        return x >= 0 ? Math.log(0.5) + logErfcPositive(x) : Math.log(1 - 0.5 * Math.exp(logErfcPositive(-x)));
    }

    // ---------------------------------------------------------------- the forward model

    /**
     * Domenico (1987) for a unit source, as {@link DomenicoSource#concentration} with the transport parameters given, but
     * its lateral and vertical spread taken up to {@link #NEAR_FIELD_LENGTHS} longitudinal dispersivities further than x.
     */
    static double domenico(double x, double y, double z, double days, double v, double retardation, double decay, double ax,
                           double ay, double az, double width, double depth) {
        if (days <= 0 || x <= 0) return 0;
        double vr = v / retardation;
        double lambda = decay / retardation;
        double root = Math.sqrt(1 + 4 * lambda * ax / vr);
        double arg = (x - vr * days * root) / (2 * Math.sqrt(ax * vr * days));
        if (arg > 8) return 0;
        double longitudinal = Math.exp(x / (2 * ax) * (1 - root)) * erfc(arg);
        double spread = x + NEAR_FIELD_LENGTHS * ax * x / (x + NEAR_FIELD_TAPER * ax);
        double sy = 2 * Math.sqrt(ay * spread);
        double lateral = erfDifference((y + width / 2) / sy, (y - width / 2) / sy);
        double sz = 2 * Math.sqrt(az * spread);
        double vertical = erfDifference((z + depth) / sz, (z - depth) / sz);
        return longitudinal * lateral * vertical / 8;
    }

    /**
     * A model: which candidates release (known ones first), their priors, and the wells they may reach. Its parameters:
     * the shared nuisance ({@link #GLOBALS}), each known plume's own dispersivity offsets ({@link #KNOWN_EXTRA}), then
     * each source's start and log C₀ (new sources last, so that one more is appended at the end).
     */
    private final class Model {
        final int[] sources;        // candidate indices
        final int known;
        final int offset;           // index of the first source's start
        final double[] startLow, startHigh, logLow, logHigh;
        final int[] wells;
        final int dimension;

        Model(int[] sources, int known, Problem p) {
            this.sources = sources;
            this.known = known;
            int n = sources.length;
            startLow = new double[n];
            startHigh = new double[n];
            logLow = new double[n];
            logHigh = new double[n];
            boolean[] touched = new boolean[p.data.wells];
            for (int s = 0; s < n; s++) {
                int c = sources[s];
                startLow[s] = p.startLow[c];
                startHigh[s] = p.startHigh[c];
                logLow[s] = p.logLow[c];
                logHigh[s] = p.logHigh[c];
                for (int w : p.reach[c]) touched[w] = true;
            }
            wells = IntStream.range(0, touched.length).filter(w -> touched[w]).toArray();
            offset = GLOBALS + KNOWN_EXTRA * known;
            dimension = offset + 2 * n;
        }

        /** Index of source s's start in the parameters (its log C₀ is the next). */
        int at(int s) {
            return offset + 2 * s;
        }

        double start(double[] theta, int s) {
            return startLow[s] + (startHigh[s] - startLow[s]) * logistic(theta[at(s)]);
        }

        double logConcentration(double[] theta, int s) {
            return logLow[s] + (logHigh[s] - logLow[s]) * logistic(theta[at(s) + 1]);
        }

        /** The parameters with the sources' starts and log C₀ on their own scales instead of through their logits. */
        double[] natural(double[] theta) {
            double[] x = theta.clone();
            for (int s = 0; s < sources.length; s++) {
                x[at(s)] = start(theta, s);
                x[at(s) + 1] = logConcentration(theta, s);
            }
            return x;
        }

        /** The inverse of {@link #natural}. */
        double[] logit(double[] x) {
            double[] theta = x.clone();
            for (int s = 0; s < sources.length; s++) {
                theta[at(s)] = exactLogit((x[at(s)] - startLow[s]) / (startHigh[s] - startLow[s]));
                theta[at(s) + 1] = exactLogit((x[at(s) + 1] - logLow[s]) / (logHigh[s] - logLow[s]));
            }
            return theta;
        }
    }

    private static double logistic(double t) {
        return 1 / (1 + Math.exp(-t));
    }

    /** The logit without {@link #logit}'s margin for starting the optimiser (only a bound itself is moved inside). */
    private static double exactLogit(double fraction) {
        double f = Math.min(1 - 1e-12, Math.max(1e-12, fraction));
        return Math.log(f / (1 - f));
    }

    private static double logit(double fraction) {
        double f = Math.min(1 - 1e-4, Math.max(1e-4, fraction));
        return Math.log(f / (1 - f));
    }

    /** Log density of the logistic distribution: a uniform prior seen through the logit. */
    private static double logLogisticDensity(double t) {
        double a = Math.abs(t);
        return -a - 2 * Math.log1p(Math.exp(-a));
    }

    /** Everything one trace shares: the data, the candidates and their reach. */
    private final class Problem {
        final Data data;
        final List<Candidate> candidates;
        final double[] startLow, startHigh, logLow, logHigh;
        final int[][] reach;
        final double v0, azimuth0;
        final DomenicoSource plume;

        Problem(Data data, List<Candidate> candidates, double[] startLow, double[] startHigh, double[] logLow, double[] logHigh) {
            this.data = data;
            this.candidates = candidates;
            this.startLow = startLow;
            this.startHigh = startHigh;
            this.logLow = logLow;
            this.logHigh = logHigh;
            this.plume = settings.plume();
            this.v0 = settings.flow().seepageVelocity();
            this.azimuth0 = settings.flow().azimuthDegrees();
            reach = new int[candidates.size()][];
            double tMax = 0;
            for (double t : data.t) tMax = Math.max(tMax, t);
            for (int c = 0; c < candidates.size(); c++) {
                Candidate cand = candidates.get(c);
                double furthest = v0 * Math.exp(3 * priors.velocityLnSd()) / plume.retardation() * (tMax - startLow[c])
                        + 8 * Math.sqrt(plume.longitudinalDispersivity() * Math.exp(3 * priors.longitudinalLnSd()) * v0 * 3 * (tMax - startLow[c]));
                double angle = Math.toRadians(3 * priors.azimuthSdDegrees());
                double spreadT = plume.transverseDispersivity() * Math.exp(3 * priors.transverseLnSd());
                List<Integer> wells = new ArrayList<>();
                for (int w = 0; w < data.wells; w++) {
                    double dx = data.wx[w] - cand.x();
                    double dy = data.wy[w] - cand.y();
                    double along = settings.flow().along(dx, dy);
                    double across = Math.abs(settings.flow().across(dx, dy));
                    double distance = Math.hypot(dx, dy);
                    if (distance > furthest) continue;
                    if (along <= -distance * Math.sin(angle)) continue;
                    double reachAcross = plume.sourceWidth() / 2 + 6 * Math.sqrt(spreadT * Math.max(distance, 1)) + distance * Math.sin(angle);
                    if (across > reachAcross) continue;
                    wells.add(w);
                }
                reach[c] = wells.stream().mapToInt(Integer::intValue).toArray();
            }
        }

        /** Adds source s's plume (C₀ times the unit plume) at the readings of its reach to {@code plume}. */
        void addPlume(Model m, double[] theta, int s, double[] out, double concentration) {
            int c = m.sources[s];
            Candidate cand = candidates.get(c);
            double start = m.start(theta, s);
            double v = v0 * Math.exp(theta[U]);
            int own = GLOBALS + KNOWN_EXTRA * s;
            boolean known = s < m.known;
            double ax = plume.longitudinalDispersivity() * Math.exp(theta[AL] + (known ? theta[own] : 0));
            double ay = plume.transverseDispersivity() * Math.exp(theta[AT] + (known ? theta[own + 1] : 0));
            double az = plume.verticalDispersivity() * Math.exp(theta[AV] + (known ? theta[own + 2] : 0));
            double azimuth = Math.toRadians(azimuth0 + theta[TH]);
            double east = Math.sin(azimuth);
            double north = Math.cos(azimuth);
            for (int w : reach[c]) {
                double dx = data.wx[w] - cand.x();
                double dy = data.wy[w] - cand.y();
                double along = dx * east + dy * north;
                if (along <= 0) continue;
                double across = -dx * north + dy * east;
                for (int i = data.first[w]; i < data.last[w]; i++) {
                    double f = domenico(along, across, settings.sampleDepth(), data.t[i] - start, v, plume.retardation(), plume.decayPerDay(),
                            ax, ay, az, plume.sourceWidth(), plume.sourceDepth());
                    out[i] += concentration * f;
                }
            }
        }

        /**
         * Whether source s of the model at {@code theta} adds at least half the detection limit to some reading the likelihood
         * keeps (the evidence's criterion, there on every reading): a release the wells see, not one that has reached none of
         * them yet or is too weak to show.
         */
        boolean seen(Model m, double[] theta, int s) {
            double[] at = new double[data.t.length];
            addPlume(m, theta, s, at, Math.exp(m.logConcentration(theta, s)));
            for (int w : reach[m.sources[s]]) for (int i = data.first[w]; i < data.last[w]; i++) if (at[i] > 0 && at[i] >= 0.5 * data.dl[i]) return true;
            return false;
        }

        /**
         * How far along the flow source s of the model at {@code theta} has travelled to the well it reaches most (its
         * largest modelled contribution at the well's last reading): the distance whose travel time its start is read from.
         */
        double informativeDistance(Model m, double[] theta, int s) {
            double[] unit = new double[data.t.length];
            addPlume(m, theta, s, unit, 1);
            Candidate cand = candidates.get(m.sources[s]);
            double best = 0;
            double distance = 0;
            for (int w : reach[m.sources[s]]) {
                double at = unit[data.last[w] - 1];
                if (at > best) {
                    best = at;
                    distance = settings.flow().along(data.wx[w] - cand.x(), data.wy[w] - cand.y());
                }
            }
            return Math.max(distance, 0);
        }

        double logLikelihood(Model m, double[] plumeAt, double modelError) {
            return logLikelihood(m.wells, plumeAt, modelError);
        }

        /** The tempered log-likelihood ratio against background over the readings of the wells given. */
        double logLikelihood(int[] wells, double[] plumeAt, double modelError) {
            double kappa = settings.error().absolute();
            double rel = settings.error().relative();
            double tau2 = priors.wellBiasLnSd() * priors.wellBiasLnSd();
            double sum = 0;
            for (int w : wells) {
                double well = 0;
                double rs = 0;
                double ss = 0;
                for (int i = data.first[w]; i < data.last[w]; i++) {
                    if (plumeAt[i] == 0) continue;
                    double mu = data.b[i] + plumeAt[i];
                    double share = plumeAt[i] / (mu + kappa);
                    double a = kappa / (mu + kappa);
                    double variance = rel * rel + a * a + share * share * modelError * modelError;
                    double sigma = Math.sqrt(variance);
                    double r = data.hv[i] - Math.log(mu + kappa);
                    double z = r / sigma;
                    if (data.detected[i]) {
                        well += -0.5 * z * z - Math.log(sigma) - data.base[i];
                        rs += r * share / variance;
                        ss += share * share / variance;
                    } else {
                        well += logPhi(z) - data.base[i];
                    }
                }
                double omega = data.omega[w];
                sum += omega * well;
                if (tau2 > 0 && ss > 0) sum += wellBias(omega, rs, ss, tau2);
            }
            return sum;
        }

        double logPrior(Model m, double[] theta) {
            double lp = normal(theta[U], priors.velocityLnSd()) + normal(theta[AL], priors.longitudinalLnSd())
                    + normal(theta[AT], priors.transverseLnSd()) + normal(theta[AV], priors.verticalLnSd())
                    + normal(theta[TH], priors.azimuthSdDegrees()) + normal(theta[SM] - Math.log(priors.modelErrorMedian()), priors.modelErrorLnSd());
            for (int k = GLOBALS; k < m.offset; k++) lp += normal(theta[k], priors.knownPlumeDispersivityLnSd());
            for (int k = m.offset; k < m.dimension; k++) lp += logLogisticDensity(theta[k]);
            return lp;
        }

        /** Log posterior density (unnormalised: likelihood against background only times the prior) in unbounded coordinates. */
        double logPosterior(Model m, double[] theta, double[] scratch) {
            return logPosterior(m, theta, scratch, null);
        }

        /**
         * As {@link #logPosterior(Model, double[], double[])}, each source's unit plume kept in {@code cache} and computed
         * again only where the parameters it depends on (the shared transport, its own offsets and its start) changed: a
         * gradient or Hessian step in one source's start or any log C₀ then evaluates one plume or none (the same sums,
         * to the bit).
         */
        double logPosterior(Model m, double[] theta, double[] scratch, PlumeCache cache) {
            for (int w : m.wells) Arrays.fill(scratch, data.first[w], data.last[w], 0);
            for (int s = 0; s < m.sources.length; s++) {
                double c0 = Math.exp(m.logConcentration(theta, s));
                if (cache == null) {
                    addPlume(m, theta, s, scratch, c0);
                    continue;
                }
                double[] unit = cache.unit(m, theta, s);
                for (int w : reach[m.sources[s]]) for (int i = data.first[w]; i < data.last[w]; i++) scratch[i] += c0 * unit[i];
            }
            double value = logLikelihood(m, scratch, Math.exp(theta[SM])) + logPrior(m, theta);
            return Double.isFinite(value) ? value : Double.NEGATIVE_INFINITY;
        }
    }

    /** Each source's unit plume at the readings, with the parameters it was computed at (one per fit or sampler run, not shared between threads). */
    private final class PlumeCache {
        final Problem problem;
        final double[][] unit;
        final double[][] key;

        PlumeCache(Problem problem, Model m) {
            this.problem = problem;
            unit = new double[m.sources.length][problem.data.t.length];
            key = new double[m.sources.length][];
        }

        double[] unit(Model m, double[] theta, int s) {
            int own = GLOBALS + KNOWN_EXTRA * s;
            boolean known = s < m.known;
            double[] k = key[s];
            boolean same = k != null && k[0] == theta[U] && k[1] == theta[AL] && k[2] == theta[AT] && k[3] == theta[AV] && k[4] == theta[TH]
                    && k[5] == theta[m.at(s)] && (!known || k[6] == theta[own] && k[7] == theta[own + 1] && k[8] == theta[own + 2]);
            if (!same) {
                key[s] = known ? new double[] {theta[U], theta[AL], theta[AT], theta[AV], theta[TH], theta[m.at(s)], theta[own], theta[own + 1], theta[own + 2]}
                        : new double[] {theta[U], theta[AL], theta[AT], theta[AV], theta[TH], theta[m.at(s)]};
                Arrays.fill(unit[s], 0);
                problem.addPlume(m, theta, s, unit[s], 1);
            }
            return unit[s];
        }
    }

    private static double normal(double x, double sd) {
        double z = x / sd;
        return -0.5 * z * z - Math.log(sd) - 0.5 * LOG_2PI;
    }

    // ---------------------------------------------------------------- screening

    /**
     * A candidate screened as one more source beside a fitted model: its approximate log evidence gain, best start, log C₀
     * and nuisance, and the share of the screened evidence where the release is seen (see {@link Problem#seen}).
     */
    private record Screen(int candidate, double logGain, double start, double logConcentration, double[] globals, double seen) {}

    /**
     * Offsets of (ln velocity, ln αT, ln αV) at which candidates are screened, in prior standard deviations: a plume
     * narrower than the sparse network's spacing may miss every well at the assumed dispersivities (issue #21).
     */
    private static final double[][] SCREEN_POINTS = {{0, 0, 0}, {0, 1, 0.5}, {0, 2, 1}, {1, 1, 0.5}, {-1, 1, 0.5}, {-1, 2, 1}};

    /**
     * One more source at candidate c, the rest of {@code base} held at {@code theta}, at a few nuisance points: the start
     * on a grid, log C₀ by golden section and Laplace's method at each start; the evidence gain over the base by the
     * trapezoid rule over starts and by the nuisance points weighted by their prior density.
     */
    private Screen screen(Problem p, Model base, double[] theta, int c) {
        if (p.reach[c].length == 0) return new Screen(c, 0, (p.startLow[c] + p.startHigh[c]) / 2, p.logLow[c], theta.clone(), 0);
        double[] point = new double[SCREEN_POINTS.length];
        double[] pointSeen = new double[SCREEN_POINTS.length];
        double[] pointWeight = new double[SCREEN_POINTS.length];
        Screen best = null;
        double bestTop = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < SCREEN_POINTS.length; k++) {
            double[] th = theta.clone();
            th[U] += SCREEN_POINTS[k][0] * priors.velocityLnSd();
            th[AT] += SCREEN_POINTS[k][1] * priors.transverseLnSd();
            th[AV] += SCREEN_POINTS[k][2] * priors.verticalLnSd();
            double[] result = screenAt(p, base, th, c);
            point[k] = result[0];
            pointSeen[k] = result[4];
            pointWeight[k] = -0.5 * (SCREEN_POINTS[k][0] * SCREEN_POINTS[k][0] + SCREEN_POINTS[k][1] * SCREEN_POINTS[k][1]
                    + SCREEN_POINTS[k][2] * SCREEN_POINTS[k][2]);
            if (result[1] > bestTop) {
                bestTop = result[1];
                best = new Screen(c, 0, result[2], result[3], th, 0);
            }
        }
        double top = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < point.length; k++) top = Math.max(top, point[k] + pointWeight[k]);
        double sum = 0;
        double norm = 0;
        double seen = 0;
        for (int k = 0; k < point.length; k++) {
            double weight = Math.exp(point[k] + pointWeight[k] - top);
            sum += weight;
            seen += weight * pointSeen[k];
            norm += Math.exp(pointWeight[k]);
        }
        return new Screen(c, top + Math.log(sum / norm), best.start(), best.logConcentration(), best.globals(), seen / sum);
    }

    /** {evidence gain, best profile value, its start, its log C₀, the share of the gain where the release is seen} at one nuisance point. */
    private double[] screenAt(Problem p, Model base, double[] theta, int c) {
        Data d = p.data;
        double[] basePlume = new double[d.t.length];
        for (int s = 0; s < base.sources.length; s++) p.addPlume(base, theta, s, basePlume, Math.exp(base.logConcentration(theta, s)));
        int[] one = appended(base.sources, c);
        Model m = new Model(one, base.known, p);
        double[] extended = Arrays.copyOf(theta, m.dimension);
        double modelError = Math.exp(theta[SM]);
        double span = p.startHigh[c] - p.startLow[c];
        double logSpan = p.logHigh[c] - p.logLow[c];
        double[] gains = new double[START_GRID];
        boolean[] seenAt = new boolean[START_GRID];
        double bestGain = Double.NEGATIVE_INFINITY;
        double bestStart = 0;
        double bestLog = 0;
        double[] unit = new double[d.t.length];
        double[] total = new double[d.t.length];
        for (int g = 0; g < START_GRID; g++) {
            double start = p.startLow[c] + span * (g + 0.5) / START_GRID;
            extended[m.at(base.sources.length)] = logit((start - p.startLow[c]) / span);
            extended[m.at(base.sources.length) + 1] = 0;
            Arrays.fill(unit, 0);
            p.addPlume(m, extended, base.sources.length, unit, 1);
            // Only the wells the new plume reaches at this start change the likelihood; elsewhere the terms cancel.
            int[] active = Arrays.stream(p.reach[c]).filter(w -> IntStream.range(d.first[w], d.last[w]).anyMatch(i -> unit[i] != 0)).toArray();
            if (active.length == 0) {
                gains[g] = 0; // a flat profile: no gain, Laplace's width the prior's
                if (0 > bestGain) {
                    bestGain = 0;
                    bestStart = start;
                    bestLog = p.logLow[c];
                }
                continue;
            }
            double baseLikelihood = p.logLikelihood(active, basePlume, modelError);
            java.util.function.DoubleUnaryOperator profile = lc -> {
                double c0 = Math.exp(lc);
                for (int w : active) for (int i = d.first[w]; i < d.last[w]; i++) total[i] = basePlume[i] + c0 * unit[i];
                return p.logLikelihood(active, total, modelError) - baseLikelihood;
            };
            // Golden section on log C₀ over its prior range.
            double a = p.logLow[c];
            double b = p.logHigh[c];
            double r = (Math.sqrt(5) - 1) / 2;
            double x1 = b - r * (b - a);
            double x2 = a + r * (b - a);
            double f1 = profile.applyAsDouble(x1);
            double f2 = profile.applyAsDouble(x2);
            for (int k = 0; k < 24; k++) {
                if (f1 >= f2) {
                    b = x2;
                    x2 = x1;
                    f2 = f1;
                    x1 = b - r * (b - a);
                    f1 = profile.applyAsDouble(x1);
                } else {
                    a = x1;
                    x1 = x2;
                    f1 = f2;
                    x2 = a + r * (b - a);
                    f2 = profile.applyAsDouble(x2);
                }
            }
            double peak = (a + b) / 2;
            double top = profile.applyAsDouble(peak);
            double h = 0.05;
            double curvature = -(profile.applyAsDouble(peak + h) - 2 * top + profile.applyAsDouble(peak - h)) / (h * h);
            // Laplace's method, never wider than the prior.
            double width = curvature > 0 ? Math.min(Math.sqrt(2 * Math.PI / curvature), logSpan) : logSpan;
            gains[g] = top + Math.log(width / logSpan);
            double c0 = Math.exp(peak);
            for (int w : active) for (int i = d.first[w]; i < d.last[w]; i++) seenAt[g] |= unit[i] > 0 && c0 * unit[i] >= 0.5 * d.dl[i];
            if (top > bestGain) {
                bestGain = top;
                bestStart = start;
                bestLog = peak;
            }
        }
        double max = Arrays.stream(gains).max().orElseThrow();
        double sum = 0;
        double seen = 0;
        for (int g = 0; g < START_GRID; g++) {
            sum += Math.exp(gains[g] - max);
            if (seenAt[g]) seen += Math.exp(gains[g] - max);
        }
        return new double[] {max + Math.log(sum / START_GRID), bestGain, bestStart, bestLog, seen / sum};
    }

    private static int[] appended(int[] sources, int c) {
        int[] one = Arrays.copyOf(sources, sources.length + 1);
        one[sources.length] = c;
        return one;
    }

    // ---------------------------------------------------------------- fitting a model

    /** A fitted model: mode, evidence and weighted draws (each a parameter vector). */
    private static final class Fit {
        Model model;
        double[] mode;
        double logEvidence;
        double ess;
        double[][] draws = new double[0][];
        double[] weights = new double[0];
        double[][] root;
        long seed;
        boolean fitted;
        boolean sampled;
        double rHat = Double.NaN;
        double probability;
        /** Per source, the share of the posterior where the wells see it ({@link Problem#seen}). */
        double[] seen;
    }

    /**
     * Fits a model from each start (BFGS) and keeps the highest mode: the screened nuisance may suit the new source and
     * not the sources already fitted, whose own nuisance then is the better start (from the screen's alone, a fit could
     * end far below the model without the new source).
     */
    private Fit fit(Problem p, Model m, long seed, double[]... starts) {
        double[] scratch = new double[p.data.t.length];
        PlumeCache cache = new PlumeCache(p, m);
        java.util.function.ToDoubleFunction<double[]> f = th -> -p.logPosterior(m, th, scratch, cache);
        double[] mode = null;
        double lowest = Double.POSITIVE_INFINITY;
        for (int k = 0; k < starts.length; k++) {
            double[] start = starts[k];
            if (IntStream.range(0, k).anyMatch(j -> Arrays.equals(starts[j], start))) continue;
            double[] candidate = bfgs(f, start.clone());
            double value = f.applyAsDouble(candidate);
            if (mode == null || value < lowest) {
                mode = candidate;
                lowest = value;
            }
        }
        double[][] hessian = hessian(f, mode);
        EigenDecomposition eigen = new EigenDecomposition(new Array2DRowRealMatrix(hessian, false));
        int d = m.dimension;
        double[][] root = new double[d][d];          // Σ^(1/2) = V diag(1/√λ)
        double logDetH = 0;
        for (int k = 0; k < d; k++) {
            double lambda = Math.max(eigen.getRealEigenvalue(k), 0.02);
            double[] vec = eigen.getEigenvector(k).toArray();
            logDetH += Math.log(lambda);
            for (int i = 0; i < d; i++) root[i][k] = vec[i] / Math.sqrt(lambda);
        }
        Fit fit = new Fit();
        fit.model = m;
        fit.mode = mode;
        fit.root = root;
        fit.seed = seed;
        fit.fitted = true;
        // Laplace's approximation of the evidence (Tierney & Kadane 1986, JASA 81, 82; Kass & Raftery 1995, JASA 90, 773).
        fit.logEvidence = -f.applyAsDouble(mode) + 0.5 * d * LOG_2PI - 0.5 * logDetH;
        // Until it is sampled: draws from the Laplace approximation itself.
        Random random = new Random(seed);
        int n = settings.draws();
        fit.draws = new double[n][];
        fit.weights = new double[n];
        for (int k = 0; k < n; k++) {
            double[] z = new double[d];
            for (int i = 0; i < d; i++) z[i] = random.nextGaussian();
            double[] x = mode.clone();
            for (int i = 0; i < d; i++) for (int j = 0; j < d; j++) x[i] += root[i][j] * z[j];
            fit.draws[k] = x;
            fit.weights[k] = 1.0 / n;
        }
        fit.ess = Double.NaN;
        fit.rHat = Double.NaN;
        return fit;
    }

    private static final int CHAINS = 4;
    private static final double SAMPLED_MASS = 0.01;
    private static final int SAMPLED_MODELS = 4;
    /**
     * The sampler runs until every source's start and log C₀ has a rank-normalised R̂ below 1.01 and a bulk effective
     * sample size of at least 400 (the bars of Vehtari et al. 2021, §4), or for at most 8,000 steps a chain.
     */
    static final DifferentialEvolutionMcmc.Settings SAMPLER = new DifferentialEvolutionMcmc.Settings(1000, 8000, 500, 1.01, 400);
    /** The sampler for the other models sampled (less probable than the most probable one): the same bars, at most 2,000 steps. */
    static final DifferentialEvolutionMcmc.Settings SECONDARY_SAMPLER = new DifferentialEvolutionMcmc.Settings(1000, 2000, 500, 1.01, 400);
    /** Initial archive: this many states per dimension, from the Laplace approximation widened by {@link #OVERDISPERSION}. */
    private static final int ARCHIVE_PER_DIMENSION = 10;
    private static final double OVERDISPERSION = 1.5;

    /**
     * Samples a fitted model's posterior by DE-MCz ({@link DifferentialEvolutionMcmc}; ter Braak &amp; Vrugt 2008), four
     * chains and the archive started over the Laplace approximation widened by half, until converged. The sources' starts
     * and log C₀ are sampled on their own scales (their priors are uniform) with reflection at the prior's bounds, not
     * through the logit the optimiser uses: a posterior that fills its prior up to a bound has a logistic tail in the logit,
     * which a random walk crosses slowly (the adaptive Metropolis sampler before this mixed to R̂ ≈ 1.6 and ESS ≈ 8 in
     * 300 steps, its proposal shrunk by covariances of chains that had not moved). The draws are kept in the logit
     * coordinates, thinned to {@code settings.draws()} a chain.
     */
    private void sample(Problem p, Fit fit, DifferentialEvolutionMcmc.Settings sampler) {
        Model m = fit.model;
        double[] scratch = new double[p.data.t.length];
        int d = m.dimension;
        Random random = new Random(fit.seed ^ 0x5DEECE66DL);
        double[] lower = new double[d];
        double[] upper = new double[d];
        Arrays.fill(lower, Double.NEGATIVE_INFINITY);
        Arrays.fill(upper, Double.POSITIVE_INFINITY);
        int[] monitored = new int[d - m.offset];
        for (int s = 0; s < m.sources.length; s++) {
            lower[m.at(s)] = m.startLow[s];
            upper[m.at(s)] = m.startHigh[s];
            lower[m.at(s) + 1] = m.logLow[s];
            upper[m.at(s) + 1] = m.logHigh[s];
        }
        for (int k = 0; k < monitored.length; k++) monitored[k] = m.offset + k;
        double[][] archive = new double[ARCHIVE_PER_DIMENSION * d][];
        for (int k = 0; k < archive.length; k++) {
            double[] theta = fit.mode.clone();
            for (int j = 0; j < d; j++) {
                double zj = OVERDISPERSION * random.nextGaussian();
                for (int i = 0; i < d; i++) theta[i] += fit.root[i][j] * zj;
            }
            archive[k] = m.natural(theta);
        }
        // The uniform priors' density is flat on the natural scale: the logit posterior less the logistic Jacobian.
        java.util.function.ToDoubleFunction<double[]> target = x -> {
            double[] theta = m.logit(x);
            double value = p.logPosterior(m, theta, scratch);
            for (int k = m.offset; k < d; k++) value -= logLogisticDensity(theta[k]);
            return value;
        };
        DifferentialEvolutionMcmc.Run run = DifferentialEvolutionMcmc.sample(target, Arrays.copyOf(archive, CHAINS), archive, lower, upper,
                monitored, sampler, random);
        int perChain = run.draws()[0].length;
        int thin = Math.max(1, (perChain + settings.draws() - 1) / settings.draws());
        List<double[]> kept = new ArrayList<>();
        for (double[][] chain : run.draws()) for (int t = perChain - 1; t >= 0; t -= thin) kept.add(m.logit(chain[t]));
        fit.draws = kept.toArray(new double[0][]);
        fit.weights = new double[fit.draws.length];
        Arrays.fill(fit.weights, 1.0 / fit.draws.length);
        fit.rHat = run.rHat();
        fit.ess = run.effectiveSampleSize();
        fit.sampled = true;
    }

    /** BFGS with central-difference gradients and a backtracking (Armijo) line search (Nocedal &amp; Wright 2006, §6.1). */
    static double[] bfgs(java.util.function.ToDoubleFunction<double[]> f, double[] x) {
        int d = x.length;
        double[][] h = new double[d][d];
        for (int i = 0; i < d; i++) h[i][i] = 0.5;
        double fx = f.applyAsDouble(x);
        if (!Double.isFinite(fx)) return x;
        double[] g = gradient(f, x);
        for (int iteration = 0; iteration < 80; iteration++) {
            double[] p = new double[d];
            for (int i = 0; i < d; i++) for (int j = 0; j < d; j++) p[i] -= h[i][j] * g[j];
            double slope = 0;
            for (int i = 0; i < d; i++) slope += p[i] * g[i];
            if (slope >= 0) {
                for (int i = 0; i < d; i++) Arrays.fill(h[i], 0);
                for (int i = 0; i < d; i++) h[i][i] = 0.5;
                for (int i = 0; i < d; i++) p[i] = -0.5 * g[i];
                slope = 0;
                for (int i = 0; i < d; i++) slope += p[i] * g[i];
            }
            double norm = 0;
            for (double v : p) norm = Math.max(norm, Math.abs(v));
            double step = norm > 3 ? 3 / norm : 1;
            double[] next = new double[d];
            double fn = Double.NaN;
            boolean moved = false;
            for (int k = 0; k < 30; k++) {
                for (int i = 0; i < d; i++) next[i] = x[i] + step * p[i];
                fn = f.applyAsDouble(next);
                if (Double.isFinite(fn) && fn <= fx + 1e-4 * step * slope) {
                    moved = true;
                    break;
                }
                step /= 2;
            }
            if (!moved) break;
            double[] gn = gradient(f, next);
            double[] s = new double[d];
            double[] y = new double[d];
            double sy = 0;
            for (int i = 0; i < d; i++) {
                s[i] = next[i] - x[i];
                y[i] = gn[i] - g[i];
                sy += s[i] * y[i];
            }
            double change = fx - fn;
            x = next;
            g = gn;
            fx = fn;
            if (sy > 1e-12) {
                double[] hy = new double[d];
                for (int i = 0; i < d; i++) for (int j = 0; j < d; j++) hy[i] += h[i][j] * y[j];
                double yhy = 0;
                for (int i = 0; i < d; i++) yhy += y[i] * hy[i];
                for (int i = 0; i < d; i++) {
                    for (int j = 0; j < d; j++) {
                        h[i][j] += (sy + yhy) * s[i] * s[j] / (sy * sy) - (hy[i] * s[j] + s[i] * hy[j]) / sy;
                    }
                }
            }
            double gmax = 0;
            for (double v : g) gmax = Math.max(gmax, Math.abs(v));
            if (gmax < 1e-3 || change < 1e-7) break;
        }
        return x;
    }

    private static double[] gradient(java.util.function.ToDoubleFunction<double[]> f, double[] x) {
        double h = 1e-4;
        double[] g = new double[x.length];
        double[] y = x.clone();
        for (int i = 0; i < x.length; i++) {
            y[i] = x[i] + h;
            double up = f.applyAsDouble(y);
            y[i] = x[i] - h;
            double down = f.applyAsDouble(y);
            y[i] = x[i];
            g[i] = (up - down) / (2 * h);
            if (!Double.isFinite(g[i])) g[i] = 0;
        }
        return g;
    }

    private static double[][] hessian(java.util.function.ToDoubleFunction<double[]> f, double[] x) {
        int d = x.length;
        double h = 1e-3;
        double f0 = f.applyAsDouble(x);
        double[][] hes = new double[d][d];
        double[] y = x.clone();
        for (int i = 0; i < d; i++) {
            y[i] = x[i] + h;
            double up = f.applyAsDouble(y);
            y[i] = x[i] - h;
            double down = f.applyAsDouble(y);
            y[i] = x[i];
            hes[i][i] = (up - 2 * f0 + down) / (h * h);
            for (int j = 0; j < i; j++) {
                y[i] = x[i] + h;
                y[j] = x[j] + h;
                double pp = f.applyAsDouble(y);
                y[j] = x[j] - h;
                double pm = f.applyAsDouble(y);
                y[i] = x[i] - h;
                double mm = f.applyAsDouble(y);
                y[j] = x[j] + h;
                double mp = f.applyAsDouble(y);
                y[i] = x[i];
                y[j] = x[j];
                hes[i][j] = hes[j][i] = (pp - pm - mp + mm) / (4 * h * h);
            }
        }
        for (double[] row : hes) for (int j = 0; j < d; j++) if (!Double.isFinite(row[j])) row[j] = 0;
        return hes;
    }

    // ---------------------------------------------------------------- the trace

    /**
     * Traces the readings over the candidates as the sum of the known plumes and up to {@code maxNewSources} new releases
     * starting between the two instants.
     */
    public Result trace(List<Candidate> candidates, List<KnownSource> known, List<Observation> observations, Instant earliestStart,
                        Instant latestStart, double credibleMass, Progress progress) {
        if (observations.isEmpty() || candidates.isEmpty() && known.isEmpty()) throw new InvalidArgument("analytics.tracing.nothingToTrace");
        if (!latestStart.isAfter(earliestStart)) throw new InvalidArgument("analytics.tracing.startWindow");
        for (KnownSource k : known) if (!k.latestStart().isAfter(k.earliestStart())) throw new InvalidArgument("analytics.tracing.startWindow");
        Instant origin = earliestStart;
        for (KnownSource k : known) if (k.earliestStart().isBefore(origin)) origin = k.earliestStart();
        Data data = prepare(observations, origin);
        List<String> knownIds = known.stream().map(k -> k.candidate().id()).toList();
        List<Candidate> all = new ArrayList<>();
        known.forEach(k -> all.add(k.candidate()));
        for (Candidate c : candidates) if (!knownIds.contains(c.id())) all.add(c);
        int nk = known.size();
        int n = all.size();
        double[] startLow = new double[n];
        double[] startHigh = new double[n];
        double[] logLow = new double[n];
        double[] logHigh = new double[n];
        double lowC = Math.log(settings.concentrationBounds()[0]);
        double highC = Math.log(settings.concentrationBounds()[1]);
        for (int c = 0; c < n; c++) {
            if (c < nk) {
                startLow[c] = days(origin, known.get(c).earliestStart());
                startHigh[c] = days(origin, known.get(c).latestStart());
                logLow[c] = lowC - Math.log(1000);
            } else {
                startLow[c] = days(origin, earliestStart);
                startHigh[c] = days(origin, latestStart);
                logLow[c] = lowC;
            }
            logHigh[c] = highC;
        }
        Problem p = new Problem(data, all, startLow, startHigh, logLow, logHigh);
        int reached = 0;
        for (int c = nk; c < n; c++) if (p.reach[c].length > 0) reached++;

        // The known plumes alone.
        double[] theta0 = new double[GLOBALS];
        theta0[SM] = Math.log(priors.modelErrorMedian());
        Model known0 = new Model(new int[0], 0, p);
        for (int k = 0; k < nk; k++) {
            Screen s = screen(p, known0, theta0, k);
            Model previous = known0;
            known0 = new Model(appended(known0.sources, k), k + 1, p);
            // The screen's nuisance, the known plumes' own offsets as they were (the new one's at its prior's centre).
            double[] next = new double[known0.dimension];
            System.arraycopy(s.globals(), 0, next, 0, previous.offset);
            for (int j = 0; j < k; j++) {
                next[known0.at(j)] = s.globals()[previous.at(j)];
                next[known0.at(j) + 1] = s.globals()[previous.at(j) + 1];
            }
            next[known0.at(k)] = logit((s.start() - startLow[k]) / (startHigh[k] - startLow[k]));
            next[known0.at(k) + 1] = logit((s.logConcentration() - logLow[k]) / (logHigh[k] - logLow[k]));
            theta0 = next;
        }
        Fit base;
        if (nk == 0) {
            base = new Fit();
            base.model = known0;
            base.mode = theta0;
            base.logEvidence = 0;
            base.ess = Double.NaN;
            base.fitted = true;
        } else {
            base = fit(p, known0, settings.seed(), theta0);
        }
        progress.advance(0.1, Stage.of("analytics.stage.tracingKnown"));
        List<Fit> fits = new ArrayList<>();
        fits.add(base);
        if (settings.maxNewSources() >= 1 && n > nk) {
            Fit b = base;
            Screen[] first = IntStream.range(nk, n).parallel().mapToObj(c -> screen(p, b.model, b.mode, c)).toArray(Screen[]::new);
            progress.advance(0.3, Stage.of("analytics.stage.tracingScreen"));
            Screen[] ranked = first.clone();
            Arrays.sort(ranked, Comparator.comparingDouble((Screen s) -> -s.logGain()));
            int shortlist = Math.min(FIRST_SHORTLIST, ranked.length);
            List<Fit> singles = IntStream.range(0, shortlist).parallel().mapToObj(r -> {
                Screen s = ranked[r];
                return fit(p, new Model(appended(b.model.sources, s.candidate()), nk, p), seed(s.candidate(), -1), extend(s.globals(), s, p),
                        extend(b.mode, s, p));
            }).toList();
            fits.addAll(singles);
            for (int r = shortlist; r < ranked.length; r++) fits.add(screened(p, b, ranked[r]));
            progress.advance(0.65, Stage.of("analytics.stage.tracingFit"));
            if (settings.maxNewSources() >= 2 && ranked.length >= 2) {
                List<Fit> bestSingles = new ArrayList<>(singles);
                bestSingles.sort(Comparator.comparingDouble((Fit f) -> -f.logEvidence));
                List<int[]> pairs = new ArrayList<>();
                List<double[][]> starts = new ArrayList<>();
                for (Fit single : bestSingles.subList(0, Math.min(SECOND_BASES, bestSingles.size()))) {
                    int firstSource = single.model.sources[single.model.sources.length - 1];
                    Screen[] second = IntStream.range(nk, n).filter(c -> c != firstSource).parallel()
                            .mapToObj(c -> screen(p, single.model, single.mode, c)).toArray(Screen[]::new);
                    Arrays.sort(second, Comparator.comparingDouble((Screen s) -> -s.logGain()));
                    for (int r = 0; r < Math.min(SECOND_SHORTLIST, second.length); r++) {
                        int a = Math.min(firstSource, second[r].candidate());
                        int z = Math.max(firstSource, second[r].candidate());
                        if (pairs.stream().anyMatch(q -> q[0] == a && q[1] == z)) continue;
                        pairs.add(new int[] {a, z});
                        double[][] inits = {extend(second[r].globals(), second[r], p), extend(single.mode, second[r], p)};
                        if (a != firstSource) {
                            // Keep the parameter blocks in candidate order.
                            for (double[] init : inits) {
                                int last = init.length - 2;
                                int prev = last - 2;
                                double t0 = init[prev];
                                double c0 = init[prev + 1];
                                init[prev] = init[last];
                                init[prev + 1] = init[last + 1];
                                init[last] = t0;
                                init[last + 1] = c0;
                            }
                        }
                        starts.add(inits);
                    }
                }
                // The best single release with each other one strongly supported on its own (Bayes factor above 20 against
                // the known plumes alone; Kass & Raftery 1995), at most the second shortlist's length of them, both sources
                // started where their own fits put them.
                Fit top = bestSingles.get(0);
                int topSource = top.model.sources[nk];
                for (Fit other : bestSingles.subList(1, Math.min(1 + SECOND_SHORTLIST, bestSingles.size()))) {
                    if (other.logEvidence < base.logEvidence + Math.log(20)) break;
                    int otherSource = other.model.sources[nk];
                    int a = Math.min(topSource, otherSource);
                    int z = Math.max(topSource, otherSource);
                    if (pairs.stream().anyMatch(q -> q[0] == a && q[1] == z)) continue;
                    pairs.add(new int[] {a, z});
                    starts.add(new double[][] {pairStart(top.mode, other.mode, nk, topSource < otherSource),
                            pairStart(other.mode, top.mode, nk, otherSource < topSource)});
                }
                List<Fit> doubles = IntStream.range(0, pairs.size()).parallel().mapToObj(k -> {
                    int[] pair = pairs.get(k);
                    int[] sources = appended(appended(base.model.sources, pair[0]), pair[1]);
                    return fit(p, new Model(sources, nk, p), seed(pair[0], pair[1]), starts.get(k));
                }).toList();
                fits.addAll(doubles);
            }
        }
        progress.advance(0.95, Stage.of("analytics.stage.tracingFit"));
        return summarise(p, nk, fits, credibleMass, reached);
    }

    private long seed(int a, int b) {
        return settings.seed() * 1_000_003L + a * 7919L + b * 104_729L;
    }

    /**
     * A pair's parameters from two single-release fits: the nuisance and known plumes of {@code from}, each new source's
     * start and log C₀ from its own fit, in candidate order ({@code fromFirst}: {@code from}'s source comes first).
     */
    private static double[] pairStart(double[] from, double[] other, int known, boolean fromFirst) {
        int at = GLOBALS + (KNOWN_EXTRA + 2) * known;
        double[] x = Arrays.copyOf(from, at + 4);
        int mine = fromFirst ? at : at + 2;
        int theirs = fromFirst ? at + 2 : at;
        x[mine] = from[at];
        x[mine + 1] = from[at + 1];
        x[theirs] = other[at];
        x[theirs + 1] = other[at + 1];
        return x;
    }

    /** The parameters {@code theta} (nuisance and sources) with the screened source appended at its screened start and log C₀. */
    private double[] extend(double[] theta, Screen s, Problem p) {
        double[] x = Arrays.copyOf(theta, theta.length + 2);
        int c = s.candidate();
        x[theta.length] = logit((s.start() - p.startLow[c]) / (p.startHigh[c] - p.startLow[c]));
        x[theta.length + 1] = logit((s.logConcentration() - p.logLow[c]) / (p.logHigh[c] - p.logLow[c]));
        return x;
    }

    /** A candidate not fitted in full: its model keeps the screened evidence and has no draws. */
    private Fit screened(Problem p, Fit base, Screen s) {
        Fit f = new Fit();
        f.model = new Model(appended(base.model.sources, s.candidate()), base.model.known, p);
        f.mode = extend(s.globals(), s, p);
        f.logEvidence = base.logEvidence + s.logGain();
        f.ess = Double.NaN;
        f.fitted = false;
        f.seen = new double[f.model.sources.length];
        f.seen[f.model.sources.length - 1] = s.seen();
        return f;
    }

    // ---------------------------------------------------------------- summaries

    private Result summarise(Problem p, int nk, List<Fit> fits, double credibleMass, int reached) {
        List<Candidate> all = p.candidates;
        int n = all.size();
        double weightTotal = 0;
        double weightSquares = 0;
        for (int c = nk; c < n; c++) {
            weightTotal += all.get(c).priorWeight();
            weightSquares += all.get(c).priorWeight() * all.get(c).priorWeight();
        }
        int kmax = settings.maxNewSources();
        double[] logPost = new double[fits.size()];
        for (int k = 0; k < fits.size(); k++) {
            Fit f = fits.get(k);
            int newSources = f.model.sources.length - nk;
            double prior = -Math.log(kmax + 1.0);
            if (newSources == 1) prior += Math.log(all.get(f.model.sources[nk]).priorWeight() / weightTotal);
            if (newSources == 2) {
                prior += Math.log(all.get(f.model.sources[nk]).priorWeight() * all.get(f.model.sources[nk + 1]).priorWeight()
                        / ((weightTotal * weightTotal - weightSquares) / 2));
            }
            logPost[k] = prior + f.logEvidence;
        }
        double max = Arrays.stream(logPost).max().orElseThrow();
        double sum = 0;
        for (double l : logPost) sum += Math.exp(l - max);
        double[] count = new double[kmax + 1];
        for (int k = 0; k < fits.size(); k++) {
            Fit f = fits.get(k);
            f.probability = Math.exp(logPost[k] - max) / sum;
            count[f.model.sources.length - nk] += f.probability;
        }
        // The models that carry the posterior are sampled by MCMC; the others keep draws from their Laplace approximation.
        // The most probable runs until converged (or the cap); the others, whose draws weigh less in every summary and
        // whose convergence is not the one reported for the sources, for at most SECONDARY_SAMPLER's steps.
        List<Fit> toSample = fits.stream().filter(f -> f.fitted && f.root != null && f.probability >= SAMPLED_MASS)
                .sorted(Comparator.comparingDouble((Fit f) -> -f.probability)).limit(SAMPLED_MODELS).toList();
        IntStream.range(0, toSample.size()).parallel().forEach(k -> sample(p, toSample.get(k), k == 0 ? SAMPLER : SECONDARY_SAMPLER));
        // A candidate's probability is that of releasing where the wells see it: a release that reaches no reading (too late,
        // too weak, or passing between the wells) is not what the readings tell of, and "nothing new" explains them as well.
        fits.stream().filter(f -> f.fitted && f.probability > 0).toList().parallelStream().forEach(f -> f.seen = seenShares(p, f));
        double[] inclusion = new double[n];
        for (Fit f : fits) {
            for (int s = nk; s < f.model.sources.length; s++) inclusion[f.model.sources[s]] += f.probability * (f.seen == null ? 0 : f.seen[s]);
        }
        List<CandidatePosterior> posteriors = new ArrayList<>();
        for (int c = nk; c < n; c++) {
            Summary s = summary(p, fits, c);
            posteriors.add(new CandidatePosterior(all.get(c), inclusion[c], s.start, s.concentration, s.mass));
        }
        posteriors.sort(Comparator.comparingDouble(CandidatePosterior::probability).reversed());
        Map<String, List<Integer>> byEnterprise = new LinkedHashMap<>();
        for (int c = nk; c < n; c++) {
            if (all.get(c).enterpriseId() != null) byEnterprise.computeIfAbsent(all.get(c).enterpriseId(), e -> new ArrayList<>()).add(c);
        }
        List<EnterprisePosterior> enterprises = new ArrayList<>();
        for (var entry : byEnterprise.entrySet()) {
            double probability = 0;
            for (Fit f : fits) {
                double seen = 0; // a model releasing at two of the enterprise's candidates: the one seen more (a lower bound)
                for (int s = nk; s < f.model.sources.length; s++) {
                    if (entry.getValue().contains(f.model.sources[s]) && f.seen != null) seen = Math.max(seen, f.seen[s]);
                }
                probability += f.probability * seen;
            }
            Summary s = summary(p, fits, entry.getValue().stream().mapToInt(Integer::intValue).toArray());
            enterprises.add(new EnterprisePosterior(entry.getKey(), probability, s.start, s.mass));
        }
        enterprises.sort(Comparator.comparingDouble(EnterprisePosterior::probability).reversed());
        double inclusionTotal = posteriors.stream().mapToDouble(CandidatePosterior::probability).sum();
        List<Candidate> credible = new ArrayList<>();
        List<Geometry> footprints = new ArrayList<>();
        double cumulative = 0;
        for (CandidatePosterior c : posteriors) {
            if (cumulative >= credibleMass * inclusionTotal || c.probability() <= 0) break;
            credible.add(c.candidate());
            footprints.add(c.candidate().footprint());
            cumulative += c.probability();
        }
        Geometry region = footprints.isEmpty() ? geometry.createPolygon() : UnaryUnionOp.union(footprints);

        Fit best = fits.stream().filter(f -> f.fitted || f.model.sources.length == nk).max(Comparator.comparingDouble(f -> f.probability)).orElse(fits.get(0));
        List<Source> sources = new ArrayList<>();
        LineString topTrack = null;
        double topProbability = -1; // the top new source's path: the most probable one (a second may be unseen)
        for (int s = 0; s < best.model.sources.length; s++) {
            int c = best.model.sources[s];
            Summary sum1 = summary(p, fits, c);
            double[] mine = new double[p.data.all.length];
            List<Evidence> evidence = evidence(p, best, s, mine);
            LineString track = backTrack(p, all.get(c), mine);
            boolean isKnown = s < nk;
            sources.add(new Source(all.get(c), isKnown, isKnown ? 1 : inclusion[c], sum1.start, sum1.concentration, sum1.mass, evidence,
                    track, best.ess, best.rHat));
            if (!isKnown && inclusion[c] > topProbability) {
                topTrack = track;
                topProbability = inclusion[c];
            }
            if (isKnown && s == 0 && best.model.sources.length == nk) topTrack = track;
        }
        if (topTrack == null && !posteriors.isEmpty() && posteriors.get(0).probability() > 0) {
            topTrack = backTrack(p, posteriors.get(0).candidate(), null);
        }
        List<ModelFit> models = new ArrayList<>();
        fits.stream().sorted(Comparator.comparingDouble((Fit f) -> -f.probability)).forEach(f -> {
            List<String> ids = new ArrayList<>();
            for (int s = nk; s < f.model.sources.length; s++) ids.add(all.get(f.model.sources[s]).id());
            models.add(new ModelFit(List.copyOf(ids), f.logEvidence, f.probability, f.fitted, f.sampled, f.draws.length, f.ess, f.rHat));
        });
        return new Result(List.copyOf(sources), List.copyOf(posteriors), List.copyOf(enterprises), List.copyOf(credible), region, topTrack,
                reached, count, List.copyOf(models));
    }

    /** Per source of a fitted model, the weighted share of its draws in which the wells see it ({@link Problem#seen}). */
    private static double[] seenShares(Problem p, Fit f) {
        double[] shares = new double[f.model.sources.length];
        for (int s = f.model.known; s < shares.length; s++) {
            for (int k = 0; k < f.draws.length; k++) if (p.seen(f.model, f.draws[k], s)) shares[s] += f.weights[k];
        }
        return shares;
    }

    private record Summary(TimeInterval start, Interval concentration, Interval mass) {}

    /**
     * Start, C₀ and mass discharge of candidate(s) over the draws of every fitted model containing them, weighted by model
     * probability: C₀ and mass discharge as median and equal-tailed 90 % interval, the start as median and shortest 90 %
     * interval (a start posterior often runs up to the prior's bound, where an equal-tailed interval stops short of it).
     */
    private Summary summary(Problem p, List<Fit> fits, int... candidates) {
        List<double[]> starts = new ArrayList<>();
        List<double[]> concentrations = new ArrayList<>();
        List<double[]> masses = new ArrayList<>();
        DomenicoSource plume = settings.plume();
        double area = settings.effectivePorosity() * plume.sourceWidth() * plume.sourceDepth();
        // The strength error, confounded with C₀, is marginalised by convolving ln C₀ with it; where a model has several
        // plumes, each one's own velocity likewise, through the start and the mass discharge (Monte Carlo, seeded).
        Random random = new Random(settings.seed() + 31L * Arrays.hashCode(candidates));
        int replicas = priors.strengthLnSd() > 0 || priors.plumeVelocityLnSd() > 0 ? 8 : 1;
        for (Fit f : fits) {
            if (!f.fitted || f.draws.length == 0 || f.probability <= 0) continue;
            double ownVelocitySd = f.model.sources.length > 1 ? priors.plumeVelocityLnSd() : 0;
            for (int s = 0; s < f.model.sources.length; s++) {
                int c = f.model.sources[s];
                if (Arrays.stream(candidates).noneMatch(x -> x == c)) continue;
                double distance = ownVelocitySd > 0 ? p.informativeDistance(f.model, f.mode, s) : 0;
                for (int k = 0; k < f.draws.length; k++) {
                    double w = f.probability * f.weights[k];
                    if (!(w > 0)) continue;
                    double[] th = f.draws[k];
                    double lc = f.model.logConcentration(th, s);
                    double start = f.model.start(th, s);
                    double velocity = settings.flow().seepageVelocity() * Math.exp(th[U]);
                    double travel = distance * plume.retardation() / velocity;
                    for (int r = 0; r < replicas; r++) {
                        double own = ownVelocitySd * random.nextGaussian();
                        double shifted = start + travel * (1 - Math.exp(-own));
                        starts.add(new double[] {reflect(shifted, f.model.startLow[s], f.model.startHigh[s]), w / replicas});
                        double l = lc + priors.strengthLnSd() * random.nextGaussian();
                        concentrations.add(new double[] {l, w / replicas});
                        masses.add(new double[] {l + own + Math.log(velocity * area), w / replicas});
                    }
                }
            }
        }
        if (starts.isEmpty()) return new Summary(null, null, null);
        double[] t = shortestInterval(starts);
        double[] c = BayesianSourceTracer.quantiles(concentrations);
        double[] m = BayesianSourceTracer.quantiles(masses);
        Instant o = p.data.origin;
        return new Summary(new TimeInterval(instant(o, t[1]), instant(o, t[0]), instant(o, t[2])),
                new Interval(Math.exp(c[1]), Math.exp(c[0]), Math.exp(c[2])), new Interval(Math.exp(m[1]), Math.exp(m[0]), Math.exp(m[2])));
    }

    /** A value folded into [low, high] by reflection at the bounds, as the sampler folds its proposals. */
    private static double reflect(double value, double low, double high) {
        double[] folded = DifferentialEvolutionMcmc.fold(new double[] {value}, new double[] {low}, new double[] {high});
        return folded[0];
    }

    /**
     * {lower, median, upper} of weighted points {value, weight}: the shortest interval holding 1 − 2·{@link #TAIL} of the
     * weight (the highest-density interval of a unimodal posterior; Chen &amp; Shao 1999, J. Comput. Graph. Stat. 8, 69)
     * and the weighted median.
     */
    static double[] shortestInterval(List<double[]> points) {
        points.sort(Comparator.comparingDouble(q -> q[0]));
        int n = points.size();
        double[] cumulative = new double[n + 1];
        for (int k = 0; k < n; k++) cumulative[k + 1] = cumulative[k] + points.get(k)[1];
        double total = cumulative[n];
        double median = points.get(n - 1)[0];
        for (int k = 0; k < n; k++) {
            if (cumulative[k + 1] >= 0.5 * total) {
                median = points.get(k)[0];
                break;
            }
        }
        double need = (1 - 2 * TAIL) * total;
        double lower = points.get(0)[0];
        double upper = points.get(n - 1)[0];
        int j = 0;
        for (int i = 0; i < n; i++) {
            if (j < i) j = i;
            while (j < n && cumulative[j + 1] - cumulative[i] < need) j++;
            if (j == n) break;
            if (points.get(j)[0] - points.get(i)[0] < upper - lower) {
                lower = points.get(i)[0];
                upper = points.get(j)[0];
            }
        }
        return new double[] {lower, median, upper};
    }

    private static Instant instant(Instant origin, double days) {
        return origin.plusMillis(Math.round(days * 86_400_000.0));
    }

    /** The readings (all of them, not only the thinned ones) where source s of the fit's mode contributes at least half the detection limit. */
    private List<Evidence> evidence(Problem p, Fit fit, int s, double[] contribution) {
        Model m = fit.model;
        double[] th = fit.mode;
        Candidate cand = p.candidates.get(m.sources[s]);
        double start = m.start(th, s);
        double c0 = Math.exp(m.logConcentration(th, s));
        DomenicoSource plume = settings.plume();
        double v = p.v0 * Math.exp(th[U]);
        double azimuth = Math.toRadians(p.azimuth0 + th[TH]);
        int own = GLOBALS + KNOWN_EXTRA * s;
        boolean known = s < m.known;
        double ax = plume.longitudinalDispersivity() * Math.exp(th[AL] + (known ? th[own] : 0));
        double ay = plume.transverseDispersivity() * Math.exp(th[AT] + (known ? th[own + 1] : 0));
        double az = plume.verticalDispersivity() * Math.exp(th[AV] + (known ? th[own + 2] : 0));
        Map<Integer, long[]> byWell = new LinkedHashMap<>();
        Map<Integer, Instant[]> spans = new HashMap<>();
        Data d = p.data;
        for (int i = 0; i < d.all.length; i++) {
            Observation o = d.all[i];
            double dx = o.x() - cand.x();
            double dy = o.y() - cand.y();
            double along = dx * Math.sin(azimuth) + dy * Math.cos(azimuth);
            double across = -dx * Math.cos(azimuth) + dy * Math.sin(azimuth);
            double f = domenico(along, across, settings.sampleDepth(), days(d.origin, o.time()) - start, v, plume.retardation(), plume.decayPerDay(),
                    ax, ay, az, plume.sourceWidth(), plume.sourceDepth());
            contribution[i] = c0 * f;
            if (contribution[i] < 0.5 * o.detectionLimit()) continue;
            long[] counts = byWell.computeIfAbsent(d.allWell[i], w -> new long[2]);
            counts[0]++;
            if (o.value() >= o.detectionLimit()) counts[1]++;
            Instant[] span = spans.computeIfAbsent(d.allWell[i], w -> new Instant[] {o.time(), o.time()});
            if (o.time().isBefore(span[0])) span[0] = o.time();
            if (o.time().isAfter(span[1])) span[1] = o.time();
        }
        List<Evidence> evidence = new ArrayList<>();
        byWell.forEach((w, counts) -> evidence.add(new Evidence(d.code[w], spans.get(w)[0], spans.get(w)[1], (int) counts[0], (int) counts[1])));
        return List.copyOf(evidence);
    }

    /**
     * The flow line from the well the source impacts most (else the well with the largest excess over background)
     * upgradient to where it passes the source, then across to it.
     */
    private LineString backTrack(Problem p, Candidate source, double[] contribution) {
        Data d = p.data;
        int worst = 0;
        for (int i = 1; i < d.all.length; i++) {
            double a = contribution == null ? d.all[i].value() - d.all[i].background() : contribution[i];
            double b = contribution == null ? d.all[worst].value() - d.all[worst].background() : contribution[worst];
            if (a > b) worst = i;
        }
        Observation o = d.all[worst];
        return paths.toSource(o.x(), o.y(), source.x(), source.y());
    }
}
