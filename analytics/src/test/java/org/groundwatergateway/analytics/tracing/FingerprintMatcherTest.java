package org.groundwatergateway.analytics.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.groundwatergateway.analytics.flow.UniformFlow;
import org.groundwatergateway.analytics.tracing.FingerprintLibrary.FieldIndicator;
import org.groundwatergateway.analytics.tracing.FingerprintLibrary.Fingerprint;
import org.groundwatergateway.analytics.tracing.FingerprintLibrary.Industry;
import org.groundwatergateway.analytics.tracing.FingerprintLibrary.Shift;
import org.groundwatergateway.analytics.tracing.FingerprintMatcher.Candidate;
import org.groundwatergateway.analytics.tracing.FingerprintMatcher.Match;
import org.groundwatergateway.analytics.tracing.FingerprintMatcher.ObservedProfile;
import org.groundwatergateway.analytics.tracing.FingerprintMatcher.SourceLocation;
import org.groundwatergateway.analytics.tracing.FingerprintMatcher.Well;
import org.junit.jupiter.api.Test;

/** The classifier's probabilities are the products of its factors, normalised; checked against hand calculation. */
class FingerprintMatcherTest {

    private static final FingerprintLibrary LIBRARY = new FingerprintLibrary(List.of(
            new Fingerprint("18540-29-9", "铬(六价)", "Chromium (VI)", "chromium-vi", "heavy metal", List.of(), "", Set.of("C3360", "C2645"),
                    List.of("镀铬 chromium plating"), List.of(new FieldIndicator("ph", Shift.DOWN, "C3360")), List.of("test")),
            new Fingerprint("71-43-2", "苯", "Benzene", "benzene", "VOC", List.of(), "", Set.of("C2511"), List.of("苯储运 benzene storage"),
                    List.of(), List.of("test"))),
            List.of(new Industry("C3360", "金属表面处理及热处理加工", "Metal surface treatment", List.of("电镀", "electroplating")),
                    new Industry("C2645", "染料制造", "Dyestuff manufacturing", List.of("染料")),
                    new Industry("C2511", "原油加工及石油制品制造", "Crude oil processing", List.of("石化"))));

    private final FingerprintMatcher matcher = new FingerprintMatcher(LIBRARY, new UniformFlow(90, 0.1), FingerprintMatcher.DEFAULTS);

    private static Candidate candidate(String id, String industry, List<String> processes, List<String> pollutants, double x, double y) {
        return new Candidate(id, id, industry, processes, pollutants, List.of(new SourceLocation("PS-" + id, x, y, 10)));
    }

    @Test
    void probabilitiesAreNormalisedProductsOfTheFactors() {
        // Both 10 m upgradient of the well on the axis (position factor 1). A declares Cr(VI) (0.8) and is an
        // electroplater expecting pH down (observed: 0.8), benzene clear (not implied: 1 - 0.02).
        // B is a dye works: Cr(VI) implied by industry (0.4), pH down not expected (0.1), declares benzene (1 - 0.8).
        Candidate a = candidate("A", "电镀", List.of("镀铬"), List.of("chromium-vi"), -10, 0);
        Candidate b = candidate("B", "染料", List.of(), List.of("benzene"), -10, 0);
        ObservedProfile observed = new ObservedProfile(List.of(new Well("W1", 0, 0)), Set.of("chromium-vi"), Set.of("benzene"),
                Map.of("ph", Shift.DOWN));
        List<Match> ranking = matcher.rank(List.of(b, a), observed);
        double la = 0.8 * 0.98 * 0.8;
        double lb = 0.4 * 0.2 * 0.1;
        assertThat(ranking.get(0).candidate().id()).isEqualTo("A");
        assertThat(ranking.get(0).probability()).isCloseTo(la / (la + lb), within(1e-12));
        assertThat(ranking.get(1).probability()).isCloseTo(lb / (la + lb), within(1e-12));
        assertThat(ranking.get(0).likelihood()).isCloseTo(la, within(1e-12));
    }

    @Test
    void positionFollowsTheTransverseSpreadAndPenalisesDowngradientSources() {
        Candidate near = candidate("N", "电镀", List.of(), List.of("chromium-vi"), 0, 0);
        ObservedProfile offAxis = new ObservedProfile(List.of(new Well("W", 100, 20)), Set.of("chromium-vi"), Set.of(), Map.of());
        // x = 100 m, 15 m beyond the 5 m half-width; sigma^2 = 2 * 0.5 * 100 + (100 tan 10 deg)^2.
        double variance = 100 + Math.pow(100 * Math.tan(Math.toRadians(10)), 2);
        double expected = Math.exp(-15 * 15 / (2 * variance));
        Match match = matcher.rank(List.of(near), offAxis).get(0);
        assertThat(match.evidence().stream().filter(e -> e.kind().equals("position")).findFirst().orElseThrow().likelihood())
                .isCloseTo(expected, within(1e-12));
        // A source downgradient of the well reaches it only with the floor probability.
        Candidate downstream = candidate("D", "电镀", List.of(), List.of("chromium-vi"), 200, 20);
        Match down = matcher.rank(List.of(downstream), offAxis).get(0);
        assertThat(down.evidence().stream().filter(e -> e.kind().equals("position")).findFirst().orElseThrow().likelihood())
                .isEqualTo(FingerprintMatcher.DEFAULTS.unreachable());
    }

    @Test
    void declaredProcessesImplyPollutants() {
        // No industry match, but the declared process 苯储运 is one of benzene's processes.
        Candidate depot = candidate("T", "物流", List.of("苯储运"), List.of(), -10, 0);
        ObservedProfile observed = new ObservedProfile(List.of(new Well("W", 0, 0)), Set.of("benzene"), Set.of(), Map.of());
        Match match = matcher.rank(List.of(depot), observed).get(0);
        assertThat(match.likelihood()).isCloseTo(0.4, within(1e-12));
    }
}
