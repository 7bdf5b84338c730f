package org.groundwatergateway.analytics.transport;

import static org.apache.commons.math3.special.Erf.erfc;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class FiniteVolumeTransportTest {

    /**
     * A 1-D column (one row of 1 m cells) fed at x = 0 with C₀ = 1: the numerical solution must match Ogata &amp;
     * Banks (1961) within 2 % of C₀ at every benchmark point, with and without retardation.
     */
    @Test
    void matchesOgataBanksWithinTwoPercentOfTheSourceConcentration() {
        for (double retardation : new double[] {1.0, 2.0}) {
            TransportGrid column = new TransportGrid(-0.5, -0.5, 1, 1, 300, 1);
            FiniteVolumeTransport model = FiniteVolumeTransport.uniform(column, 0.5, 0,
                    new FiniteVolumeTransport.Parameters(retardation, 0, 2.0, 0.2, 0),
                    List.of(new FiniteVolumeTransport.Source(0, 0, 1, 1.0, 0, 1e9)));
            double[] days = {40, 120, 200};
            List<double[]> fields = model.run(days);
            OgataBanks exact = new OgataBanks(1.0, 0.5, 1.0, retardation);
            for (int k = 0; k < days.length; k++) {
                for (double x = 5; x <= 120; x += 5) {
                    assertThat(model.at(fields.get(k), x, 0)).as("R=%s t=%s x=%s", retardation, days[k], x)
                            .isCloseTo(exact.concentration(x, days[k]), within(0.02));
                }
            }
        }
    }

    /**
     * Ogata &amp; Banks (1961), USGS Professional Paper 411-A, eq. 20, without retardation: a semi-infinite column whose
     * inflow boundary x = 0 is held at C₀ from t = 0, C/C₀ = ½ [erfc((x − vt)/(2√(Dt))) + exp(vx/D)·erfc((x + vt)/(2√(Dt)))].
     * Written out here, apart from {@link OgataBanks}, so that the benchmarks below check the solver against the
     * formula and not against another class of the code.
     */
    private static double ogataBanks(double x, double days, double velocity, double dispersion) {
        double spread = 2 * Math.sqrt(dispersion * days);
        return 0.5 * (erfc((x - velocity * days) / spread) + Math.exp(velocity * x / dispersion) * erfc((x + velocity * days) / spread));
    }

    /**
     * MT3DMS benchmark problem 1, case b (Zheng &amp; Wang 1999, MT3DMS documentation, §7.1: advection and dispersion)
     * on its own grid: one row of 10 m cells from the inflow boundary at x = 0, v = 0.24 m/d, αL = 10 m, t = 2000 d,
     * C₀ = 1 at the inflow boundary. The release sits on the grid's inflow edge, so the edge face is held at C₀ (a
     * Dirichlet boundary, as in Ogata &amp; Banks) rather than the first cell's centre half a cell downstream, which
     * was 0.021 C₀ off at x = 400 m and 0.039 C₀ at 500 m. Tolerance 0.01 C₀, what MT3DMS's TVD scheme achieves, at
     * 400 and 500 m and at every cell centre.
     */
    @Test
    void mt3dmsProblemOneBOnItsOwnGridIsWithinOnePercentOfOgataBanks() {
        double v = 0.24;
        double dispersivity = 10;
        TransportGrid row = new TransportGrid(0, -5, 10, 10, 101, 1);
        FiniteVolumeTransport model = FiniteVolumeTransport.uniform(row, v, 0, new FiniteVolumeTransport.Parameters(1, 0, dispersivity, 0, 0),
                List.of(new FiniteVolumeTransport.Source(0, 0, 10, 1.0, 0, Double.POSITIVE_INFINITY)));
        double[] field = model.run(new double[] {2000}).get(0);
        for (double x : new double[] {400, 500}) {
            assertThat(model.at(field, x, 0)).as("x=%s", x).isCloseTo(ogataBanks(x, 2000, v, dispersivity * v), within(0.01));
        }
        for (int i = 0; i < row.nx(); i++) {
            double x = row.centreX(i);
            assertThat(field[i]).as("x=%s", x).isCloseTo(ogataBanks(x, 2000, v, dispersivity * v), within(0.01));
        }
    }

    /**
     * Cells longer across the flow than along it (1 m along, 4 m or 10 m across, flow along x or along y): the held
     * source is one cell along the flow, so a single row of such cells fed at the centre of its first cell still
     * matches Ogata &amp; Banks within 2 % of C₀ as square cells do (before, the held cells reached
     * max(dx, dy)/2 = 2 m or 5 m downstream).
     */
    @Test
    void cellsLongerAcrossTheFlowHoldTheSourceOverHalfACellAlongIt() {
        double v = 0.5;
        for (double across : new double[] {4, 10}) {
            for (boolean northward : new boolean[] {false, true}) {
                TransportGrid row = northward ? new TransportGrid(-across / 2, -0.5, across, 1, 1, 300) : new TransportGrid(-0.5, -across / 2, 1, across, 300, 1);
                FiniteVolumeTransport model = FiniteVolumeTransport.uniform(row, northward ? 0 : v, northward ? v : 0,
                        new FiniteVolumeTransport.Parameters(1, 0, 2.0, 0.2, 0), List.of(new FiniteVolumeTransport.Source(0, 0, 1, 1.0, 0, 1e9)));
                double[] days = {40, 120, 200};
                List<double[]> fields = model.run(days);
                for (int k = 0; k < days.length; k++) {
                    for (double s = 1; s <= 120; s += 1) {
                        double c = northward ? model.at(fields.get(k), 0, s) : model.at(fields.get(k), s, 0);
                        assertThat(c).as("across=%s northward=%s t=%s s=%s", across, northward, days[k], s)
                                .isCloseTo(ogataBanks(s, days[k], v, 1.0), within(0.02));
                    }
                }
            }
        }
    }

    /**
     * Wexler's (1992) strip source ({@link WexlerStripSource}, itself checked against his STRIPI test problem) on
     * cells 1 m along the flow and 4 m across it, the strip's edges on cell faces, flow along x and along y: within 2 %
     * of C₀ from 1 m to 120 m, as the square-cell benchmark above. Both forms of the source: held cells centred on the
     * source line (the inflow column held clean beside the strip), and the strip on the grid's inflow edge (the edge
     * faces held, clean beside it). Before, the held cells reached 2 m downstream: 0.052 C₀ off.
     */
    @Test
    void aStripSourceOnCellsLongerAcrossTheFlowMatchesWexler() {
        double v = 0.3;
        FiniteVolumeTransport.Parameters p = new FiniteVolumeTransport.Parameters(1.5, 0.001, 4, 0.4, 0);
        WexlerStripSource exact = new WexlerStripSource(1, 20, v, 1.5, 0.001, 4, 0.4);
        double[] days = {150, 400, 1000};
        for (boolean onEdge : new boolean[] {false, true}) {
            for (boolean northward : new boolean[] {false, true}) {
                double start = onEdge ? 0 : -0.5;
                // 1 m along the flow, 4 m across it; faces across at ±10 m, the strip's edges.
                TransportGrid grid = northward ? new TransportGrid(-42, start, 4, 1, 21, 130) : new TransportGrid(start, -42, 1, 4, 130, 21);
                FiniteVolumeTransport model = FiniteVolumeTransport.uniform(grid, northward ? 0 : v, northward ? v : 0, p, List.of(
                        new FiniteVolumeTransport.Source(0, 0, 1000, 0, 0, 1e9),
                        new FiniteVolumeTransport.Source(0, 0, 20, 1, 0, 1e9)));
                List<double[]> fields = model.run(days);
                for (int k = 0; k < days.length; k++) {
                    for (double s = 1; s <= 120; s += s < 10 ? 1 : 5) {
                        for (double n : new double[] {0, 5, 15, 25}) {
                            double c = northward ? model.at(fields.get(k), -n, s) : model.at(fields.get(k), s, n);
                            assertThat(c).as("edge=%s northward=%s t=%s along=%s across=%s", onEdge, northward, days[k], s, n)
                                    .isCloseTo(exact.concentration(s, n, days[k]), within(0.02));
                        }
                    }
                }
            }
        }
    }

    /** A release on an edge the water leaves by, or with no flow, is held cells: the edge cell at its concentration. */
    @Test
    void aSourceOnAnOutflowEdgeHoldsTheEdgeCell() {
        TransportGrid row = new TransportGrid(0, 0, 2, 2, 20, 1);
        FiniteVolumeTransport model = FiniteVolumeTransport.uniform(row, 0.5, 0, new FiniteVolumeTransport.Parameters(1, 0, 1, 0.1, 0),
                List.of(new FiniteVolumeTransport.Source(40, 1, 2, 1.0, 0, 1e9)));
        double[] field = model.run(new double[] {10}).get(0);
        assertThat(field[19]).isEqualTo(1.0);
        assertThat(field[17]).isGreaterThan(0).isLessThan(0.5);
    }

    @Test
    void ogataBanksIsHalfTheSourceAtTheAdvectiveFrontForLargePecletNumbers() {
        OgataBanks sharp = new OgataBanks(10, 1, 0.01, 1);
        assertThat(sharp.concentration(100, 100)).isCloseTo(5, within(0.05));
        assertThat(sharp.concentration(90, 100)).isCloseTo(10, within(1e-6));
        assertThat(sharp.concentration(110, 100)).isCloseTo(0, within(1e-6));
        assertThat(new OgataBanks(1, 0.5, 1, 1).concentration(0, 10)).isEqualTo(1);
    }

    /** Flow along a diagonal must carry a plume the same way as flow along an axis: the dispersion cross terms at work. */
    @Test
    void aPlumeDoesNotDependOnTheDirectionOfFlowOnTheGrid() {
        TransportGrid grid = new TransportGrid(-100, -100, 2, 2, 100, 100);
        FiniteVolumeTransport.Parameters p = new FiniteVolumeTransport.Parameters(1, 0, 5, 1, 0);
        double speed = 0.4;
        FiniteVolumeTransport east = FiniteVolumeTransport.uniform(grid, speed, 0, p, List.of(new FiniteVolumeTransport.Source(-60, 0, 6, 1, 0, 30)));
        double d = Math.sqrt(0.5);
        FiniteVolumeTransport diagonal = FiniteVolumeTransport.uniform(grid, speed * d, speed * d, p,
                List.of(new FiniteVolumeTransport.Source(-60 * d, -60 * d, 6, 1, 0, 30)));
        double[] alongX = east.run(new double[] {200}).get(0);
        double[] alongDiagonal = diagonal.run(new double[] {200}).get(0);
        double peak = 0;
        for (double s = -60; s <= 60; s += 4) {
            for (double n = -20; n <= 20; n += 4) {
                double a = east.at(alongX, s, n);
                double b = diagonal.at(alongDiagonal, (s - n) * d, (s + n) * d);
                peak = Math.max(peak, a);
                assertThat(b).as("s=%s n=%s", s, n).isCloseTo(a, within(0.1 * 0.05 + 0.15 * a));
            }
        }
        assertThat(peak).isGreaterThan(0.01);
    }

    @Test
    void decayRemovesMassAtItsRate() {
        TransportGrid grid = new TransportGrid(0, 0, 1, 1, 50, 1);
        FiniteVolumeTransport model = FiniteVolumeTransport.uniform(grid, 0.0, 0,
                new FiniteVolumeTransport.Parameters(1, 0.01, 0, 0, 0.5),
                List.of(new FiniteVolumeTransport.Source(25, 0.5, 1, 1.0, 0, 1)));
        List<double[]> fields = model.run(new double[] {1, 101});
        double before = java.util.Arrays.stream(fields.get(0)).sum();
        double after = java.util.Arrays.stream(fields.get(1)).sum();
        // Diffusion alone keeps the mass (no flow, no flux across the edges); decay takes exp(-0.01 · 100) of it.
        assertThat(after / before).isCloseTo(Math.exp(-1), within(1e-9));
    }

    /**
     * The benchmark: a 20 m strip source in uniform flow with dispersion, retardation and decay must match
     * Wexler's (1992) strip-source solution (aquifer of infinite width) within 2 % of C₀ at every benchmark point, on
     * and off the centre line, early and late. The strip is the column of 1 m cells through the source point whose
     * centres lie within 10 m of the axis — 20 cells, exactly the strip — and, as in Wexler's problem, the rest of the
     * inflow line is held clean (an earlier, zero-concentration source across the grid; the strip, listed later, holds
     * its own cells).
     */
    @Test
    void matchesWexlerStripSourceWithinTwoPercentOfTheSourceConcentration() {
        double v = 0.3;
        FiniteVolumeTransport.Parameters p = new FiniteVolumeTransport.Parameters(1.5, 0.001, 4, 0.4, 0);
        TransportGrid grid = new TransportGrid(-0.5, -40, 1, 1, 130, 80);
        FiniteVolumeTransport model = FiniteVolumeTransport.uniform(grid, v, 0, p, List.of(
                new FiniteVolumeTransport.Source(0, 0, 1000, 0, 0, 1e9),
                new FiniteVolumeTransport.Source(0, 0, 20, 1, 0, 1e9)));
        WexlerStripSource exact = new WexlerStripSource(1, 20, v, 1.5, 0.001, 4, 0.4);
        double[] days = {150, 400, 1000};
        List<double[]> fields = model.run(days);
        for (int k = 0; k < days.length; k++) {
            for (double x = 5; x <= 120; x += 5) {
                for (double y : new double[] {0, 5, 10, 15, 25}) {
                    assertThat(model.at(fields.get(k), x, y)).as("t=%s x=%s y=%s", days[k], x, y)
                            .isCloseTo(exact.concentration(x, y, days[k]), within(0.02));
                }
            }
        }
    }

    /**
     * Decay in one reach only (a reactive zone from x = L on, set per cell): the steady 1-D profile is
     * C = A + B·exp(v x / D) upstream of L and C(L)·exp(m (x − L)) downstream, m = (v − √(v² + 4λRD)) / (2D), with C and
     * the dispersive flux continuous at L and C(0) = C₀. Within 2 % of C₀ from the source to 150 m.
     */
    @Test
    void decaySetPerCellGivesTheTwoZoneSteadyProfile() {
        double v = 0.5;
        double d = 1.0;
        double r = 1.5;
        double lambda = 0.01;
        TransportGrid column = new TransportGrid(-0.5, -0.5, 1, 1, 300, 1);
        FiniteVolumeTransport plain = FiniteVolumeTransport.uniform(column, v, 0, new FiniteVolumeTransport.Parameters(r, 0, d / v, 0.1, 0),
                List.of(new FiniteVolumeTransport.Source(0, 0, 1, 1.0, 0, 1e9)));
        double[] decay = new double[column.cells()];
        for (int i = 41; i < column.nx(); i++) decay[i] = lambda;
        FiniteVolumeTransport zoned = plain.withDecay(decay);
        double[] field = zoned.run(new double[] {3000}).get(0);
        double length = 40.5;
        double m = (v - Math.sqrt(v * v + 4 * lambda * r * d)) / (2 * d);
        double p = Math.exp(v * length / d);
        double b = d * m / ((v - d * m) * p + d * m);
        double a = 1 - b;
        for (double x = 1; x <= 150; x += 1) {
            double expected = x <= length ? a + b * Math.exp(v * x / d) : (a + b * p) * Math.exp(m * (x - length));
            assertThat(zoned.at(field, x, 0)).as("x=%s", x).isCloseTo(expected, within(0.02));
        }
    }

    /**
     * Water converging on a pumping well leaves with its solute: a uniform concentration stays uniform around the well
     * (to 1e-9) until the clean water drawn in at the edges arrives; without the sink it would pile up above C₀.
     */
    @Test
    void aSinkTakesWaterAwayAtItsConcentration() {
        TransportGrid grid = new TransportGrid(-50, -50, 2, 2, 50, 50);
        double[] vx = new double[grid.cells()];
        double[] vy = new double[grid.cells()];
        for (int j = 0; j < grid.ny(); j++) {
            for (int i = 0; i < grid.nx(); i++) {
                double x = grid.centreX(i) - 1;
                double y = grid.centreY(j) - 1;
                double r2 = x * x + y * y;
                // Radial inflow to a well at the centre of cell (25, 25), speed 2/r m/d.
                if (r2 > 0) {
                    vx[i + j * grid.nx()] = -2 * x / r2;
                    vy[i + j * grid.nx()] = -2 * y / r2;
                }
            }
        }
        FiniteVolumeTransport model = new FiniteVolumeTransport(grid, vx, vy, new FiniteVolumeTransport.Parameters(1, 0, 1, 0.1, 0), List.of());
        double[] initial = new double[grid.cells()];
        java.util.Arrays.fill(initial, 1.0);
        double[][] last = new double[1][];
        model.run(initial, 0, new double[] {50}, (index, day, field) -> last[0] = field.clone());
        // Clean water from the edges, 48 m away, is still more than 30 m out after 50 days.
        for (double x = -16; x <= 16; x += 2) {
            for (double y = -16; y <= 16; y += 2) {
                if (Math.hypot(x, y) <= 16) assertThat(model.at(last[0], x + 1, y + 1)).as("x=%s y=%s", x, y).isCloseTo(1.0, within(1e-9));
            }
        }
        assertThat(java.util.Arrays.stream(last[0]).max().orElseThrow()).isLessThanOrEqualTo(1.0 + 1e-9);
    }

    @Test
    void aRunResumedFromAnIntermediateFieldContinuesTheSameRun() {
        TransportGrid grid = new TransportGrid(-10, -30, 2, 2, 60, 30);
        FiniteVolumeTransport model = FiniteVolumeTransport.uniform(grid, 0.3, 0.1, new FiniteVolumeTransport.Parameters(1.2, 0.001, 3, 0.3, 0),
                List.of(new FiniteVolumeTransport.Source(0, 0, 8, 1, 0, 150)));
        List<double[]> straight = model.run(new double[] {100, 250});
        double[][] resumed = new double[1][];
        model.run(straight.get(0), 100, new double[] {250}, (index, day, field) -> resumed[0] = field.clone());
        assertThat(resumed[0]).containsExactly(straight.get(1), within(1e-12));
    }
}
