package org.groundwatergateway.analytics.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class CorrelationTest {

    /**
     * Anscombe (1973, "Graphs in Statistical Analysis", The American Statistician 27(1):17–21): sets I–III share
     * x and, to the printed precision, R² = 0.667 and the slope 0.5 with standard error 0.118 — so t = 0.5/0.118 on
     * 9 degrees of freedom, which for a simple regression is the t of r. The three sets agree with the table only to
     * about its last digit (set II has R² = 0.6662), so the tolerances are R² 1e-3, t 0.01 (the rounding of the
     * standard error) and p, from that t, 5e-5.
     */
    @Test
    void pearsonReproducesAnscombesQuartet() {
        double[] x = {10, 8, 13, 9, 11, 14, 6, 4, 12, 7, 5};
        double[][] ys = {
                {8.04, 6.95, 7.58, 8.81, 8.33, 9.96, 7.24, 4.26, 10.84, 4.82, 5.68},
                {9.14, 8.14, 8.74, 8.77, 9.26, 8.10, 6.13, 3.10, 9.13, 7.26, 4.74},
                {7.46, 6.77, 12.74, 7.11, 7.81, 8.84, 6.08, 5.39, 8.15, 6.42, 5.73}};
        for (double[] y : ys) {
            Correlation c = Correlation.pearson(x, y);
            assertThat(c.method()).isEqualTo(Correlation.Method.PEARSON);
            assertThat(c.n()).isEqualTo(11);
            assertThat(c.coefficient() * c.coefficient()).isCloseTo(0.667, within(1e-3));
            assertThat(c.t()).isCloseTo(0.5 / 0.118, within(0.01));
            // Two-sided P(|T9| > 4.24) = 0.00217.
            assertThat(c.pValue()).isCloseTo(0.00217, within(5e-5));
        }
    }

    /**
     * The worked example of Wikipedia's "Spearman's rank correlation coefficient" (IQ against hours of television,
     * ten people, no ties): Σd² = 194, so ρ = 1 − 6·194/(10·99) = −29/165, and the article's one-sided
     * P(T8 &gt; t) = 0.6864058 makes the two-sided p 2·(1 − 0.6864058). Tolerances 1e-12 and 1e-6.
     */
    @Test
    void spearmanReproducesThePublishedRankExample() {
        double[] iq = {106, 86, 100, 101, 99, 103, 97, 113, 112, 110};
        double[] tv = {7, 0, 27, 50, 28, 29, 20, 12, 6, 17};
        Correlation c = Correlation.spearman(iq, tv);
        assertThat(c.coefficient()).isCloseTo(-29.0 / 165, within(1e-12));
        assertThat(c.pValue()).isCloseTo(2 * (1 - 0.6864058), within(1e-6));
    }

    /**
     * Hollander and Wolfe (1973, "Nonparametric Statistical Methods", p. 187f), Hunter L lightness against panel
     * score for nine lots of canned tuna: the rank differences give Σd² = 48, ρ = 1 − 6·48/(9·80) = 0.6. And with a
     * tie, by hand: x = (1, 2, 2, 3) has mid-ranks (1, 2.5, 2.5, 4) against y's (1, 2, 3, 4), so ρ = 4.5/√(4.5·5) = 3/√10.
     * Tolerance 1e-12.
     */
    @Test
    void spearmanRanksTiesByTheirMidRank() {
        double[] hunter = {44.4, 45.9, 41.9, 53.3, 44.7, 44.1, 50.7, 45.2, 60.1};
        double[] panel = {2.6, 3.1, 2.5, 5.0, 3.6, 4.0, 5.2, 2.8, 3.8};
        assertThat(Correlation.spearman(hunter, panel).coefficient()).isCloseTo(0.6, within(1e-12));
        assertThat(Correlation.spearman(new double[] {1, 2, 2, 3}, new double[] {1, 2, 3, 4}).coefficient())
                .isCloseTo(3 / Math.sqrt(10), within(1e-12));
    }

    @Test
    void aPerfectLineIsCertainAndBadInputIsNamed() {
        Correlation exact = Correlation.pearson(new double[] {1, 2, 3, 4}, new double[] {8, 6, 4, 2});
        assertThat(exact.coefficient()).isCloseTo(-1, within(1e-12));
        assertThat(exact.pValue()).isZero();
        assertThatThrownBy(() -> Correlation.pearson(new double[] {1, 2, 3}, new double[] {5, 5, 5})).hasMessageContaining("constant");
        assertThatThrownBy(() -> Correlation.spearman(new double[] {1, 2}, new double[] {1, 2})).hasMessageContaining("at least 3");
        assertThatThrownBy(() -> Correlation.spearman(new double[] {1, Double.NaN, 3}, new double[] {1, 2, 3})).hasMessageContaining("pair 2");
    }
}
