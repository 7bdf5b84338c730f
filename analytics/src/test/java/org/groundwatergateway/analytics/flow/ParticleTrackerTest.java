package org.groundwatergateway.analytics.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.groundwatergateway.analytics.spatial.RegularGrid;
import org.junit.jupiter.api.Test;

class ParticleTrackerTest {

    private static final double K = 10;
    private static final double POROSITY = 0.25;

    /** Uniform flow: a particle moves v·t along the flow direction. Tolerance 1e-9 m. */
    @Test
    void aParticleTravelsVelocityTimesTimeAlongTheFlow() {
        double i = 0.004;
        double theta = Math.toRadians(125);
        RegularGrid head = RegularGrid.sample(0, 0, 10, 10, 101, 101, (x, y) -> 20 - i * (x * Math.cos(theta) + y * Math.sin(theta)));
        ParticleTracker tracker = new ParticleTracker(new FlowField(head, K, POROSITY));
        double speed = K * i / POROSITY;
        ParticleTracker.Pathline path = tracker.forward(700, 300, 2000);
        assertThat(path.stop()).isEqualTo(ParticleTracker.Stop.TIME_LIMIT);
        assertThat(path.days()).isEqualTo(2000);
        assertThat(path.end().x()).isCloseTo(700 + speed * 2000 * Math.cos(theta), within(1e-9));
        assertThat(path.end().y()).isCloseTo(300 + speed * 2000 * Math.sin(theta), within(1e-9));
        assertThat(path.length()).isCloseTo(speed * 2000, within(1e-9));
        // Steps are held to a quarter of a 10 m cell.
        assertThat(path.points().size() - 1).isGreaterThanOrEqualTo((int) (speed * 2000 / 2.5));
    }

    /** East at 0.5 m/d from x = 900 reaches the edge x = 1000 after 200 days, where the path stops. */
    @Test
    void aPathStopsWhereItLeavesTheGrid() {
        RegularGrid head = RegularGrid.sample(0, 0, 10, 10, 101, 101, (x, y) -> 30 - 0.0125 * x);
        ParticleTracker tracker = new ParticleTracker(new FlowField(head, K, POROSITY));
        ParticleTracker.Pathline path = tracker.forward(900, 500, 10_000);
        assertThat(path.stop()).isEqualTo(ParticleTracker.Stop.GRID_EDGE);
        assertThat(path.end().x()).isCloseTo(1000, within(1e-9));
        assertThat(path.end().y()).isCloseTo(500, within(1e-9));
        assertThat(path.days()).isCloseTo(200, within(1e-6));
        ParticleTracker.Pathline still = new ParticleTracker(new FlowField(RegularGrid.sample(0, 0, 10, 10, 5, 5, (x, y) -> 3), K, POROSITY))
                .forward(20, 20, 100);
        assertThat(still.stop()).isEqualTo(ParticleTracker.Stop.STAGNATION);
    }

    /**
     * h = 10 − 0.01x + 4·10⁻⁶(x² − y²) (harmonic: no recharge) gives vx = A(0.01 − 8·10⁻⁶x), vy = 8·10⁻⁶A·y with
     * A = K/nₑ, which the grid represents exactly away from its edges; the pathline is x(t) = 1250 − (1250 − x₀)e^{−rt},
     * y(t) = y₀e^{rt}, r = 8·10⁻⁶A. Tolerance 1 mm after 1000 days and some 450 m of travel.
     */
    @Test
    void aCurvedPathFollowsTheAnalyticalPathline() {
        RegularGrid head = RegularGrid.sample(0, 0, 10, 10, 101, 101, FlowFieldTest::quadratic);
        ParticleTracker tracker = new ParticleTracker(new FlowField(head, K, POROSITY));
        double r = 8e-6 * K / POROSITY;
        ParticleTracker.Pathline path = tracker.forward(200, 400, 1000);
        assertThat(path.stop()).isEqualTo(ParticleTracker.Stop.TIME_LIMIT);
        for (ParticleTracker.PathPoint p : path.points()) {
            assertThat(p.x()).as("x at %s d", p.days()).isCloseTo(1250 - 1050 * Math.exp(-r * p.days()), within(1e-3));
            assertThat(p.y()).as("y at %s d", p.days()).isCloseTo(400 * Math.exp(r * p.days()), within(1e-3));
        }
    }

    /** Tracking back from where a particle arrived, for as long as it travelled, returns to its start. Tolerance 1 mm. */
    @Test
    void backwardTrackingReturnsToTheStart() {
        RegularGrid head = RegularGrid.sample(0, 0, 10, 10, 101, 101,
                (x, y) -> FlowFieldTest.quadratic(x, y) + 0.3 * Math.sin(x / 170) * Math.cos(y / 230));
        ParticleTracker tracker = new ParticleTracker(new FlowField(head, K, POROSITY));
        ParticleTracker.Pathline there = tracker.forward(150, 450, 800);
        assertThat(there.stop()).isEqualTo(ParticleTracker.Stop.TIME_LIMIT);
        assertThat(there.length()).isGreaterThan(200);
        ParticleTracker.Pathline back = tracker.backward(there.end().x(), there.end().y(), 800);
        assertThat(back.end().x()).isCloseTo(150, within(1e-3));
        assertThat(back.end().y()).isCloseTo(450, within(1e-3));
        assertThat(back.length()).isCloseTo(there.length(), within(1e-2));
    }
}
