package org.groundwatergateway.analytics.tracing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.groundwatergateway.analytics.InvalidArgument;
import org.groundwatergateway.analytics.flow.UniformFlow;
import org.groundwatergateway.analytics.tracing.FingerprintLibrary.FieldIndicator;
import org.groundwatergateway.analytics.tracing.FingerprintLibrary.Fingerprint;
import org.groundwatergateway.analytics.tracing.FingerprintLibrary.Shift;

/**
 * Which enterprise's chemistry and position fit an observed plume: a naive Bayes classifier (Duda, Hart &amp; Stork
 * 2001, Pattern Classification, 2nd ed., §2.9) over independent pieces of evidence, with equal prior odds.
 *
 * <p>The likelihood of the observation given enterprise e is the product of
 * <ul>
 *   <li>for each pollutant found elevated, the chance p that a release from e carries it: {@code declared} when e
 *       declares it, {@code implied} when the library links it to e's industry (GB/T 4754) or to one of its
 *       declared processes, else {@code unexpected}; for each pollutant measured and not elevated, 1 − p;</li>
 *   <li>for each field parameter whose shift was observed (pH down, conductivity up, none…), 0.8 for the shift the
 *       library expects with these pollutants from e's industry, 0.15 for no shift, 0.05 for the opposite; where
 *       nothing is expected, 0.8 for no shift and 0.1 each way;</li>
 *   <li>the position: for the best of e's potential sources, the product over impacted wells of the chance that
 *       its plume reaches the well, exp(−d²/2σ²) with d the well's distance from the plume edge across the flow and
 *       σ² = 2αT·x + (x·tanδθ)² the transverse spread (Domenico &amp; Schwartz 1998, Physical and Chemical
 *       Hydrogeology, §17.3) widened for the uncertain flow direction δθ; a well upgradient of the source (x ≤ 0)
 *       gets the floor {@code unreachable}, which also bounds every factor from below.</li>
 * </ul>
 * Probabilities are these likelihoods normalised over the candidates: they assume the source is one of them.
 */
public final class FingerprintMatcher {

    /** Chances used by the classifier; {@link #DEFAULTS} documents the choices. */
    public record Settings(double declared, double implied, double unexpected, double unreachable,
                           double transverseDispersivity, double flowDirectionUncertaintyDegrees) {
        public Settings {
            if (!(unexpected > 0 && unexpected < implied && implied < declared && declared < 1)) {
                throw new InvalidArgument("analytics.tracing.fingerprintOrder");
            }
            if (!(unreachable > 0 && unreachable < 1)) throw new InvalidArgument("analytics.tracing.unreachable");
        }
    }

    /**
     * A declared pollutant is usually in a release (0.8), a pollutant the industry implies is a toss-up (0.4), any
     * other rarely (0.02); a plume reaches an upgradient well by chance at most 1 in 100 (mis-read flow, pumping);
     * αT = 0.5 m and a flow direction known to ±10°.
     */
    public static final Settings DEFAULTS = new Settings(0.8, 0.4, 0.02, 0.01, 0.5, 10);

    private static final double EXPECTED_SHIFT = 0.8;
    private static final double MISSING_SHIFT = 0.15;
    private static final double OPPOSITE_SHIFT = 0.05;
    private static final double UNEXPECTED_SHIFT = 0.1;

    /** A potential source of an enterprise: where (grid metres) and how wide across the flow. */
    public record SourceLocation(String code, double x, double y, double widthM) {}

    /** An enterprise as declared: free-text industry, processes and characteristic pollutants (parameter codes). */
    public record Candidate(String id, String name, String industry, List<String> processes, List<String> characteristicPollutants,
                            List<SourceLocation> sources) {
        public Candidate {
            processes = List.copyOf(processes);
            characteristicPollutants = List.copyOf(characteristicPollutants);
            sources = List.copyOf(sources);
            if (sources.isEmpty()) throw new InvalidArgument("analytics.tracing.noLocation", id);
        }
    }

    public record Well(String code, double x, double y) {}

    /**
     * What the impacted wells show: parameters above background, parameters measured and not above it, and the
     * shift of field parameters (pH, conductivity…) where it was observed.
     */
    public record ObservedProfile(List<Well> impactedWells, Set<String> elevated, Set<String> clear, Map<String, Shift> fieldShifts) {
        public ObservedProfile {
            impactedWells = List.copyOf(impactedWells);
            elevated = Set.copyOf(elevated);
            clear = Set.copyOf(clear);
            fieldShifts = Map.copyOf(fieldShifts);
            if (impactedWells.isEmpty()) throw new InvalidArgument("analytics.tracing.noImpactedWell");
        }
    }

    /** One factor of a candidate's likelihood and why. */
    public record Evidence(String kind, String subject, double likelihood, String reason) {}

    /** A candidate's share of the probability, its unnormalised likelihood, and the evidence behind it. */
    public record Match(Candidate candidate, double probability, double likelihood, List<Evidence> evidence) {}

    private final FingerprintLibrary library;
    private final UniformFlow flow;
    private final Settings settings;

    public FingerprintMatcher(FingerprintLibrary library, UniformFlow flow, Settings settings) {
        this.library = library;
        this.flow = flow;
        this.settings = settings;
    }

    /** The candidates, most probable first. */
    public List<Match> rank(List<Candidate> candidates, ObservedProfile observed) {
        List<double[]> logs = new ArrayList<>();
        List<List<Evidence>> evidence = new ArrayList<>();
        double best = Double.NEGATIVE_INFINITY;
        for (Candidate candidate : candidates) {
            List<Evidence> items = new ArrayList<>();
            Set<String> industries = library.industryCodes(candidate.industry());
            chemistry(candidate, industries, observed, items);
            fieldShifts(industries, observed, items);
            items.add(position(candidate, observed.impactedWells()));
            double log = items.stream().mapToDouble(e -> Math.log(e.likelihood())).sum();
            logs.add(new double[] {log});
            evidence.add(items);
            best = Math.max(best, log);
        }
        double total = 0;
        for (double[] log : logs) total += Math.exp(log[0] - best);
        List<Match> matches = new ArrayList<>();
        for (int k = 0; k < candidates.size(); k++) {
            double log = logs.get(k)[0];
            matches.add(new Match(candidates.get(k), Math.exp(log - best) / total, Math.exp(log), List.copyOf(evidence.get(k))));
        }
        matches.sort(Comparator.comparingDouble(Match::probability).reversed());
        return matches;
    }

    private void chemistry(Candidate candidate, Set<String> industries, ObservedProfile observed, List<Evidence> items) {
        for (String parameter : sorted(observed.elevated())) {
            Link link = link(candidate, industries, parameter);
            items.add(new Evidence("elevated", parameter, link.chance, link.reason + ratios(parameter)));
        }
        for (String parameter : sorted(observed.clear())) {
            Link link = link(candidate, industries, parameter);
            items.add(new Evidence("not elevated", parameter, 1 - link.chance, link.reason));
        }
    }

    private record Link(double chance, String reason) {}

    private Link link(Candidate candidate, Set<String> industries, String parameter) {
        if (candidate.characteristicPollutants().contains(parameter)) return new Link(settings.declared(), "declared characteristic pollutant");
        for (Fingerprint fingerprint : library.byParameter(parameter)) {
            for (String industry : industries) {
                if (fingerprint.industryCodes().contains(industry)) {
                    return new Link(settings.implied(), "library links it to industry " + industry);
                }
            }
            for (String process : candidate.processes()) {
                if (fingerprint.usedBy(process)) return new Link(settings.implied(), "library links it to process " + process);
            }
        }
        return new Link(settings.unexpected(), "neither declared nor implied by industry or processes");
    }

    private String ratios(String parameter) {
        StringBuilder text = new StringBuilder();
        for (Fingerprint fingerprint : library.byParameter(parameter)) {
            if (!fingerprint.typicalRatios().isBlank()) text.append("; typical: ").append(fingerprint.typicalRatios());
        }
        return text.toString();
    }

    private void fieldShifts(Set<String> industries, ObservedProfile observed, List<Evidence> items) {
        for (String parameter : sorted(observed.fieldShifts().keySet())) {
            Shift seen = observed.fieldShifts().get(parameter);
            EnumSet<Shift> expected = EnumSet.noneOf(Shift.class);
            for (String pollutant : observed.elevated()) {
                for (Fingerprint fingerprint : library.byParameter(pollutant)) {
                    for (FieldIndicator indicator : fingerprint.fieldIndicators()) {
                        if (indicator.parameterCode().equals(parameter) && industries.contains(indicator.industryCode())) {
                            expected.add(indicator.shift());
                        }
                    }
                }
            }
            if (expected.size() == 1) {
                Shift shift = expected.iterator().next();
                double chance = seen == shift ? EXPECTED_SHIFT : seen == Shift.NONE ? MISSING_SHIFT : OPPOSITE_SHIFT;
                items.add(new Evidence("field shift", parameter, chance, "expected " + name(shift) + ", observed " + name(seen)));
            } else {
                double chance = seen == Shift.NONE ? EXPECTED_SHIFT : UNEXPECTED_SHIFT;
                items.add(new Evidence("field shift", parameter, chance, "no shift expected from this industry, observed " + name(seen)));
            }
        }
    }

    private Evidence position(Candidate candidate, List<Well> wells) {
        double best = -1;
        String reason = "";
        double spread = Math.tan(Math.toRadians(settings.flowDirectionUncertaintyDegrees()));
        for (SourceLocation source : candidate.sources()) {
            double product = 1;
            StringBuilder text = new StringBuilder(source.code()).append(':');
            for (Well well : wells) {
                double x = flow.along(well.x() - source.x(), well.y() - source.y());
                double y = flow.across(well.x() - source.x(), well.y() - source.y());
                double reach = settings.unreachable();
                if (x > 0) {
                    double variance = 2 * settings.transverseDispersivity() * x + (x * spread) * (x * spread);
                    double outside = Math.max(0, Math.abs(y) - source.widthM() / 2);
                    reach = Math.max(reach, Math.exp(-outside * outside / (2 * variance)));
                }
                product *= reach;
                text.append(String.format(Locale.ROOT, " %s %.0f m %s, %.0f m off axis (%.3g);", well.code(), Math.abs(x),
                        x > 0 ? "downgradient" : "upgradient", Math.abs(y), reach));
            }
            if (product > best) {
                best = product;
                reason = text.toString();
            }
        }
        return new Evidence("position", candidate.id(), best, reason.trim());
    }

    private static List<String> sorted(Set<String> values) {
        return values.stream().sorted().toList();
    }

    private static String name(Shift shift) {
        return shift.name().toLowerCase(Locale.ROOT);
    }
}
