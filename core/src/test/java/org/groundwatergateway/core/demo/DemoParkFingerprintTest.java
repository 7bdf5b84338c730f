package org.groundwatergateway.core.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.groundwatergateway.analytics.tracing.FingerprintLibrary.Shift;
import org.groundwatergateway.analytics.tracing.FingerprintMatcher;
import org.groundwatergateway.analytics.tracing.FingerprintMatcher.Candidate;
import org.groundwatergateway.analytics.tracing.FingerprintMatcher.Match;
import org.groundwatergateway.analytics.tracing.FingerprintMatcher.ObservedProfile;
import org.groundwatergateway.analytics.tracing.FingerprintMatcher.SourceLocation;
import org.groundwatergateway.core.parameter.PollutantFingerprints;
import org.junit.jupiter.api.Test;

/**
 * Fingerprint matching on the demo park's readings (DemoSignals, no database) 30 days after each release: the
 * wells above background, what else they measure, and their pH and conductivity, against the ten enterprises'
 * declarations. The leaking enterprise must be among the two most probable.
 */
class DemoParkFingerprintTest {

    private final DemoSignals signals = new DemoSignals();
    private final FingerprintMatcher matcher = new FingerprintMatcher(PollutantFingerprints.load(), DemoPark.FLOW,
            FingerprintMatcher.DEFAULTS);

    private double[] series(DemoPark.WellPlan well, String parameter) {
        return signals.series(new DemoSignals.Stream(well.code() + "/" + parameter, well, parameter, false), DemoSignals.HOURS);
    }

    private static double mean(double[] values, int from, int to) {
        return Arrays.stream(values, from, to).filter(v -> !Double.isNaN(v)).average().orElseThrow();
    }

    /**
     * The profile at {@code at}: a well is impacted where the last three days' mean of {@code pollutant} exceeds the
     * week before the release by {@code threshold} (ten times the analyser's absolute noise); field parameters shift
     * where they moved by more than 0.1 pH unit or 5 % of conductivity.
     */
    private ObservedProfile profile(DemoPark.Leak leak, String pollutant, String other, double threshold, double otherThreshold, Instant at) {
        int now = (int) Duration.between(DemoPark.START, at).toHours();
        int before = (int) Duration.between(DemoPark.START, leak.start()).toHours();
        List<FingerprintMatcher.Well> impacted = new ArrayList<>();
        Set<String> clear = new HashSet<>(Set.of(other));
        Map<String, Shift> shifts = new HashMap<>();
        for (DemoPark.WellPlan well : DemoPark.wells()) {
            if (well.confined()) continue;
            double[] values = series(well, pollutant);
            if (mean(values, now - 72, now) - mean(values, before - 168, before) < threshold) continue;
            impacted.add(new FingerprintMatcher.Well(well.code(), well.east(), well.north()));
            double[] others = series(well, other);
            if (mean(others, now - 72, now) - mean(others, before - 168, before) >= otherThreshold) clear.remove(other);
            double[] ph = series(well, "ph");
            double dph = mean(ph, now - 72, now) - mean(ph, before - 168, before);
            shifts.merge("ph", dph < -0.1 ? Shift.DOWN : dph > 0.1 ? Shift.UP : Shift.NONE, (a, b) -> a == Shift.NONE ? b : a);
            double[] ec = series(well, "conductivity");
            double dec = mean(ec, now - 72, now) / mean(ec, before - 168, before) - 1;
            shifts.merge("conductivity", dec > 0.05 ? Shift.UP : dec < -0.05 ? Shift.DOWN : Shift.NONE, (a, b) -> a == Shift.NONE ? b : a);
        }
        return new ObservedProfile(impacted, Set.of(pollutant), clear, shifts);
    }

    private static List<Candidate> enterprises() {
        return DemoPark.ENTERPRISES.stream().map(e -> new Candidate(e.number(), e.nameZh(), e.industry(), e.processes(), e.pollutants(),
                List.of(new SourceLocation(e.sourceCode(), e.sourceEast(), e.sourceNorth(), 20)))).toList();
    }

    private static void print(String title, ObservedProfile profile, List<Match> ranking) {
        System.out.println(title + ": impacted " + profile.impactedWells().stream().map(FingerprintMatcher.Well::code).toList()
                + ", clear " + profile.clear() + ", shifts " + profile.fieldShifts());
        for (Match m : ranking.subList(0, 3)) {
            System.out.printf(Locale.ROOT, "  %s p=%.4g%n", m.candidate().id(), m.probability());
            m.evidence().forEach(e -> System.out.printf(Locale.ROOT, "    %s %s %.3g %s%n", e.kind(), e.subject(), e.likelihood(), e.reason()));
        }
    }

    @Test
    void benzenePlumeMatchesThePetrochemicalWorks() {
        DemoPark.Leak leak = DemoPark.BENZENE_LEAK;
        ObservedProfile profile = profile(leak, "benzene", "chromium-vi", 0.5, 0.005, leak.start().plus(Duration.ofDays(30)));
        List<Match> ranking = matcher.rank(enterprises(), profile);
        print("benzene", profile, ranking);
        assertThat(profile.impactedWells()).extracting(FingerprintMatcher.Well::code).contains("GW-U04");
        assertThat(ranking.subList(0, 2)).extracting(m -> m.candidate().id()).contains("E01");
        assertThat(ranking.stream().mapToDouble(Match::probability).sum()).isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-12));
    }

    @Test
    void chromiumPlumeWithFallingPhAndRisingConductivityMatchesThePlatingWorks() {
        DemoPark.Leak leak = DemoPark.CHROMIUM_LEAK;
        ObservedProfile profile = profile(leak, "chromium-vi", "benzene", 0.005, 0.5, leak.start().plus(Duration.ofDays(30)));
        List<Match> ranking = matcher.rank(enterprises(), profile);
        print("chromium (VI)", profile, ranking);
        assertThat(profile.fieldShifts()).containsEntry("ph", Shift.DOWN).containsEntry("conductivity", Shift.UP);
        assertThat(ranking.subList(0, 2)).extracting(m -> m.candidate().id()).contains("E05");
    }
}
