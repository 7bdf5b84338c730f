package org.groundwatergateway.analytics.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.groundwatergateway.analytics.spatial.RegularGrid;
import org.groundwatergateway.analytics.transport.FiniteVolumeTransport;
import org.groundwatergateway.analytics.transport.TransportGrid;
import org.junit.jupiter.api.Test;

class FlowFieldTest {

    private static final double K = 12;
    private static final double POROSITY = 0.3;

    /**
     * A planar water table h = h0 − i·(x cosθ + y sinθ): ∇h = −i(cosθ, sinθ) at every node, edges included,
     * q = K·i(cosθ, sinθ) and v = q/nₑ (Darcy's law and the average linear velocity, Freeze &amp; Cherry 1979, ch. 2). Tolerance 1e-12 relative.
     */
    @Test
    void aPlanarWaterTableGivesTheExactGradientFluxAndSeepageVelocity() {
        double i = 0.002;
        double theta = Math.toRadians(30);
        RegularGrid head = RegularGrid.sample(100, 200, 25, 20, 41, 31, (x, y) -> 8.0 - i * (x * Math.cos(theta) + y * Math.sin(theta)));
        FlowField field = new FlowField(head, K, POROSITY);
        double tolerance = 1e-12 * K * i / POROSITY;
        for (int row = 0; row < 31; row++) {
            for (int col = 0; col < 41; col++) {
                assertThat(field.gradientX(col, row)).isCloseTo(-i * Math.cos(theta), within(1e-12 * i));
                assertThat(field.gradientY(col, row)).isCloseTo(-i * Math.sin(theta), within(1e-12 * i));
                assertThat(field.flux(col, row).vx()).isCloseTo(K * i * Math.cos(theta), within(tolerance));
                assertThat(field.flux(col, row).vy()).isCloseTo(K * i * Math.sin(theta), within(tolerance));
                assertThat(field.velocity(col, row).vx()).isCloseTo(K * i * Math.cos(theta) / POROSITY, within(tolerance));
                assertThat(field.velocity(col, row).vy()).isCloseTo(K * i * Math.sin(theta) / POROSITY, within(tolerance));
            }
        }
        FlowField.FlowVector between = field.velocityAt(333.3, 471.1);
        assertThat(between.speed()).isCloseTo(K * i / POROSITY, within(tolerance));
        // Flow 30° north of east is 60° clockwise from north.
        assertThat(between.azimuthDegrees()).isCloseTo(60, within(1e-9));
        List<FlowField.FlowVector> arrows = field.arrows(10);
        assertThat(arrows).hasSize(4 * 3);
        assertThat(arrows.get(0).x()).isEqualTo(100 + 5 * 25);
        assertThat(arrows.get(0).y()).isEqualTo(200 + 5 * 20);
    }

    /** h = 10 − 0.01x + 4·10⁻⁶(x² − y²): central differences are exact for a quadratic at the inner nodes. */
    @Test
    void centralDifferencesAreExactForAQuadraticWaterTable() {
        RegularGrid head = RegularGrid.sample(0, 0, 10, 10, 101, 101, FlowFieldTest::quadratic);
        FlowField field = new FlowField(head, K, POROSITY);
        for (int j = 1; j < 100; j += 7) {
            for (int i = 1; i < 100; i += 7) {
                assertThat(field.gradientX(i, j)).isCloseTo(-0.01 + 8e-6 * i * 10, within(1e-12));
                assertThat(field.gradientY(i, j)).isCloseTo(-8e-6 * j * 10, within(1e-12));
            }
        }
    }

    /**
     * The seepage velocities go to the transport solver cell by cell: a transport grid whose cell centres are the head
     * nodes, index i + j·nx; on a planar water table the run must equal the solver's own uniform-flow run.
     */
    @Test
    void transportRunsOnTheFlowField() {
        RegularGrid quadraticHead = RegularGrid.sample(-50, 20, 5, 4, 30, 20, FlowFieldTest::quadratic);
        FlowField curved = new FlowField(quadraticHead, K, POROSITY);
        TransportGrid cells = curved.transportGrid();
        double[] vx = curved.seepageVelocityX();
        double[] vy = curved.seepageVelocityY();
        for (int j = 0; j < 20; j++) {
            for (int i = 0; i < 30; i++) {
                assertThat(cells.centreX(i)).isCloseTo(-50 + 5 * i, within(1e-12));
                assertThat(cells.centreY(j)).isCloseTo(20 + 4 * j, within(1e-12));
                assertThat(vx[i + j * 30]).isEqualTo(curved.velocity(i, j).vx());
                assertThat(vy[i + j * 30]).isEqualTo(curved.velocity(i, j).vy());
            }
        }

        double gradient = 0.003;
        double theta = Math.toRadians(-20);
        RegularGrid planar = RegularGrid.sample(0, 0, 4, 4, 60, 40, (x, y) -> 5 - gradient * (x * Math.cos(theta) + y * Math.sin(theta)));
        FlowField field = new FlowField(planar, K, POROSITY);
        FiniteVolumeTransport.Parameters p = new FiniteVolumeTransport.Parameters(1.5, 0.001, 2, 0.2, 0);
        List<FiniteVolumeTransport.Source> sources = List.of(new FiniteVolumeTransport.Source(30, 100, 8, 1, 0, 40));
        double speed = K * gradient / POROSITY;
        double[] onField = new FiniteVolumeTransport(field.transportGrid(), field.seepageVelocityX(), field.seepageVelocityY(), p, sources)
                .run(new double[] {60}).get(0);
        double[] uniform = FiniteVolumeTransport.uniform(field.transportGrid(), speed * Math.cos(theta), speed * Math.sin(theta), p, sources)
                .run(new double[] {60}).get(0);
        double peak = 0;
        for (int k = 0; k < uniform.length; k++) {
            assertThat(onField[k]).isCloseTo(uniform[k], within(1e-12));
            peak = Math.max(peak, uniform[k]);
        }
        assertThat(peak).isGreaterThan(0.5);
    }

    static double quadratic(double x, double y) {
        return 10 - 0.01 * x + 4e-6 * (x * x - y * y);
    }
}
