package org.groundwatergateway.analytics.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CensoredStatisticsTest {

    /**
     * USEPA (2009) Unified Guidance, Example 15-1 (p. 15-10): manganese (ppb) at five background wells, five samples
     * each, listed well by well; six non-detects at two detection limits, 2 and 5.
     */
    static final List<CensoredValue> MANGANESE = parse(
            "<5", "12.1", "16.9", "21.6", "<2",
            "<5", "7.7", "53.6", "9.5", "45.9",
            "<5", "5.3", "12.6", "106.3", "34.5",
            "6.3", "11.9", "10", "<2", "77.2",
            "17.9", "22.7", "3.3", "8.4", "<2");

    static List<CensoredValue> parse(String... results) {
        return Arrays.stream(results).map(CensoredValue::parse).toList();
    }

    private static List<CensoredValue> logarithms(List<CensoredValue> data) {
        return data.stream().map(v -> new CensoredValue(Math.log(v.value()), v.censored())).toList();
    }

    /**
     * Example 15-1 estimates the log-scale mean and sd by Kaplan–Meier; Millard's reproduction of the example
     * (EnvStats, enparCensored help and "Chapter 15 Examples" script) prints 2.3092890 and 1.1816102, and on the
     * original scale 19.867000 and 25.317737. Tolerance 1e-6, the printed precision.
     */
    @Test
    void kaplanMeierReproducesUnifiedGuidanceExample15_1() {
        KaplanMeier logs = KaplanMeier.fit(logarithms(MANGANESE));
        assertThat(logs.mean()).isCloseTo(2.3092890, within(1e-6));
        assertThat(logs.sd()).isCloseTo(1.1816102, within(1e-6));
        KaplanMeier ppb = KaplanMeier.fit(MANGANESE);
        assertThat(ppb.mean()).isCloseTo(19.867000, within(1e-6));
        assertThat(ppb.sd()).isCloseTo(25.317737, within(1e-6));
        // Below the lowest detect (3.3) 21 % of the probability is left, on "<2": the 10th percentile is censored.
        assertThat(ppb.quantile(0.10)).isEqualTo(CensoredValue.nonDetect(2));
        assertThat(ppb.quantile(0.50).censored()).isFalse();
    }

    /**
     * By hand for {&lt;1, 2, &lt;3, 4, 5}: going down, at 5 one detect of 5 results at or below it leaves 0.8 below,
     * at 4 one of 4 leaves 0.6, at 2 one of 2 (2 and &lt;1) leaves 0.3, which sits on "&lt;1". Masses 0.3, 0.3, 0.2,
     * 0.2 on &lt;1, 2, 4, 5: mean 2.7, variance 0.3·1.7² + 0.3·0.7² + 0.2·1.3² + 0.2·2.3² = 2.41. The cumulative
     * probability is exactly 0.6 at 2, so the 60th percentile is the midpoint 3. Tolerance 1e-12.
     */
    @Test
    void kaplanMeierMatchesAHandCalculationWithTwoLimits() {
        KaplanMeier km = KaplanMeier.fit(parse("<1", "2", "<3", "4", "5"));
        assertThat(km.mean()).isCloseTo(2.7, within(1e-12));
        assertThat(km.sd()).isCloseTo(Math.sqrt(2.41), within(1e-12));
        assertThat(km.quantile(0.25)).isEqualTo(CensoredValue.nonDetect(1));
        assertThat(km.quantile(0.5)).isEqualTo(CensoredValue.detected(2));
        assertThat(km.quantile(0.6)).isEqualTo(CensoredValue.detected(3));
        assertThat(km.quantile(0.9)).isEqualTo(CensoredValue.detected(5));
    }

    @Test
    void kaplanMeierWithoutNonDetectsIsTheEmpiricalDistribution() {
        KaplanMeier km = KaplanMeier.fit(parse("4", "1", "3", "2"));
        assertThat(km.mean()).isCloseTo(2.5, within(1e-12));
        assertThat(km.sd()).isCloseTo(Math.sqrt(1.25), within(1e-12)); // Σ(x − 2.5)²/4
        assertThat(km.quantile(0.5)).isEqualTo(CensoredValue.detected(2.5));
        assertThat(km.quantile(0.75)).isEqualTo(CensoredValue.detected(3.5));
    }

    /**
     * Example 15-2 (pp. 15-16 to 15-20) applies robust ROS to the same data; its table of Hirsch–Stedinger plotting
     * positions of the detects (as reprinted in Millard's "Chapter 15 Examples" script) is checked to its three
     * decimals. The filled-in sample has log-mean 2.277175 and log-sd 1.261431 (EnvStats elnormCensored,
     * impute.w.qq.reg, hirsch-stedinger, plot.pos.con = 0, which that script names the Guidance's method); on the
     * original scale mean 19.827673 and CV 1.304725 (elnormAltCensored help, rROS, plot.pos.con = 0). Tolerance 1e-6.
     */
    @Test
    void robustRosReproducesUnifiedGuidanceExample15_2() {
        RobustRos ros = RobustRos.fit(MANGANESE);
        double[][] table = {{3.3, 0.245}, {5.3, 0.318}, {6.3, 0.356}, {7.7, 0.394}, {8.4, 0.432}, {9.5, 0.469},
                {10.0, 0.507}, {11.9, 0.545}, {12.1, 0.583}, {12.6, 0.621}, {16.9, 0.659}, {17.9, 0.697}, {21.6, 0.735},
                {22.7, 0.773}, {34.5, 0.811}, {45.9, 0.848}, {53.6, 0.886}, {77.2, 0.924}, {106.3, 0.962}};
        double[] positions = ros.plottingPositions();
        for (double[] row : table) {
            int i = indexOfDetect(row[0]);
            assertThat(positions[i]).as("position of %s", row[0]).isCloseTo(row[1], within(5e-4));
        }
        double[] logs = Arrays.stream(ros.estimates()).map(Math::log).toArray();
        double logMean = Arrays.stream(logs).average().orElseThrow();
        double logSd = Math.sqrt(Arrays.stream(logs).map(x -> (x - logMean) * (x - logMean)).sum() / (logs.length - 1));
        assertThat(logMean).isCloseTo(2.277175, within(1e-6));
        assertThat(logSd).isCloseTo(1.261431, within(1e-6));
        assertThat(ros.mean()).isCloseTo(19.827673, within(1e-6));
        assertThat(ros.sd() / ros.mean()).isCloseTo(1.304725, within(1e-6));
    }

    /**
     * By hand for the same data: A = 18 detects at or above 5 with B = 7 results below 5 give PE(5) = 18/25 = 0.72;
     * A = 1 detect (3.3) in [2, 5) with B = 3 at or below 2 give PE(2) = 0.72 + ¼·0.28 = 0.79. The three "&lt;2" sit
     * at 0.21·r/4 and the three "&lt;5" at 0.28·r/4. The positions of the two limits interleave, so the third "&lt;2"
     * (at 0.1575, above the first two "&lt;5") is filled in above 2 — the method does not clip — but every filled-in
     * value stays below the lowest detect, 3.3, and the median is the 13th value, 10. Tolerance 1e-12.
     */
    @Test
    void robustRosPlacesNonDetectsBelowTheirLimits() {
        RobustRos ros = RobustRos.fit(MANGANESE);
        double[] positions = ros.plottingPositions();
        List<Double> belowTwo = new ArrayList<>();
        List<Double> belowFive = new ArrayList<>();
        for (int i = 0; i < MANGANESE.size(); i++) {
            if (MANGANESE.get(i).censored()) (MANGANESE.get(i).value() == 2 ? belowTwo : belowFive).add(positions[i]);
        }
        assertThat(belowTwo).usingComparatorForType((a, b) -> Math.abs(a - b) < 1e-12 ? 0 : Double.compare(a, b), Double.class)
                .containsExactly(0.0525, 0.105, 0.1575);
        assertThat(belowFive).usingComparatorForType((a, b) -> Math.abs(a - b) < 1e-12 ? 0 : Double.compare(a, b), Double.class)
                .containsExactly(0.07, 0.14, 0.21);
        assertThat(ros.quantile(0.5)).isEqualTo(CensoredValue.detected(10));
        for (int i = 0; i < MANGANESE.size(); i++) {
            if (MANGANESE.get(i).censored()) assertThat(ros.estimates()[i]).isLessThan(3.3);
            else assertThat(ros.estimates()[i]).isEqualTo(MANGANESE.get(i).value());
        }
    }

    @Test
    void robustRosWithoutNonDetectsUsesWeibullPositions() {
        double[] positions = RobustRos.fit(parse("8", "2", "4")).plottingPositions();
        assertThat(positions[0]).isCloseTo(0.75, within(1e-12));
        assertThat(positions[1]).isCloseTo(0.25, within(1e-12));
        assertThat(positions[2]).isCloseTo(0.50, within(1e-12));
    }

    @Test
    void summaryChoosesRobustRosForTheGuidanceExampleAndReportsWhatWasMeasured() {
        CensoredSummary summary = CensoredSummary.of(MANGANESE);
        assertThat(summary.estimator()).isEqualTo(CensoredSummary.Estimator.ROBUST_ROS);
        assertThat(summary.n()).isEqualTo(25);
        assertThat(summary.detects()).isEqualTo(19);
        assertThat(summary.min()).isEqualTo(CensoredValue.nonDetect(2));
        assertThat(summary.max()).isEqualTo(CensoredValue.detected(106.3));
        assertThat(summary.mean()).isCloseTo(19.827673, within(1e-6));
        assertThat(summary.median()).isEqualTo(CensoredValue.detected(10));
        assertThat(summary.percentiles()).containsKeys(0.10, 0.25, 0.50, 0.75, 0.90, 0.95);
        assertThat(summary.percentiles().get(0.5)).isEqualTo(summary.median());

        CensoredSummary km = CensoredSummary.of(MANGANESE, CensoredSummary.Estimator.KAPLAN_MEIER);
        assertThat(km.mean()).isCloseTo(19.867000, within(1e-6));
        assertThat(km.percentiles().get(0.10)).isEqualTo(CensoredValue.nonDetect(2));
    }

    /**
     * Without non-detects: the background of Unified Guidance Example 18-1 (p. 18-9), whose summary (as reprinted
     * by Millard) is mean 27.52, sd 17.10, median 26.7, min 3, max 58.1. Tolerance 5e-3, the printed precision.
     */
    @Test
    void summaryOfCompleteDataIsTheSampleOne() {
        CensoredSummary summary = CensoredSummary.of(parse("12.6", "30.8", "52.0", "28.1", "33.3", "44.0", "3.0", "12.8",
                "58.1", "12.6", "17.6", "25.3"));
        assertThat(summary.estimator()).isEqualTo(CensoredSummary.Estimator.SAMPLE);
        assertThat(summary.mean()).isCloseTo(27.52, within(5e-3));
        assertThat(summary.sd()).isCloseTo(17.10, within(5e-3));
        assertThat(summary.median().value()).isCloseTo(26.7, within(5e-3));
        assertThat(summary.min()).isEqualTo(CensoredValue.detected(3));
        assertThat(summary.max()).isEqualTo(CensoredValue.detected(58.1));
    }

    @Test
    void fewDetectsFallBackToKaplanMeierAndNoneToCountsOnly() {
        CensoredSummary few = CensoredSummary.of(parse("<1", "2", "<3", "4", "5"));
        assertThat(few.estimator()).isEqualTo(CensoredSummary.Estimator.KAPLAN_MEIER);
        assertThat(few.mean()).isCloseTo(2.7, within(1e-12));

        CensoredSummary none = CensoredSummary.of(parse("<1", "<5", "<3"));
        assertThat(none.estimator()).isEqualTo(CensoredSummary.Estimator.NONE);
        assertThat(none.detects()).isZero();
        assertThat(none.mean()).isNaN();
        assertThat(none.median()).isEqualTo(CensoredValue.nonDetect(5));
        assertThat(none.min()).isEqualTo(CensoredValue.nonDetect(1));
    }

    @Test
    void resultsParseAndOrderAsLaboratoriesMeanThem() {
        assertThat(CensoredValue.parse(" < 0.5 ")).isEqualTo(CensoredValue.nonDetect(0.5));
        assertThat(CensoredValue.parse("7.41")).isEqualTo(CensoredValue.detected(7.41));
        assertThat(CensoredValue.nonDetect(5)).isLessThan(CensoredValue.detected(5));
        assertThat(CensoredValue.nonDetect(5).toString()).isEqualTo("<5.0");
        assertThatThrownBy(() -> CensoredValue.parse("ND")).hasMessageContaining("not a result");
        assertThatThrownBy(() -> CensoredSummary.of(MANGANESE, CensoredSummary.Estimator.SAMPLE)).hasMessageContaining("every result detected");
        assertThatThrownBy(() -> RobustRos.fit(parse("<1", "2", "<3"))).hasMessageContaining("two different detected values");
        assertThatThrownBy(() -> KaplanMeier.fit(parse("<1", "<3"))).hasMessageContaining("at least one detected");
    }

    private static int indexOfDetect(double value) {
        for (int i = 0; i < MANGANESE.size(); i++) {
            if (!MANGANESE.get(i).censored() && MANGANESE.get(i).value() == value) return i;
        }
        throw new AssertionError("no detect " + value);
    }
}
