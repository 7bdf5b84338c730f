package org.groundwatergateway.core.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import org.groundwatergateway.analytics.Progress;
import org.groundwatergateway.analytics.transport.FiniteVolumeTransport;
import org.groundwatergateway.analytics.transport.MonteCarloTransport;
import org.groundwatergateway.analytics.transport.ParameterDistribution;
import org.groundwatergateway.analytics.transport.TransportGrid;
import org.groundwatergateway.core.demo.DemoPark;
import org.groundwatergateway.core.demo.DemoParkLoader;
import org.groundwatergateway.core.problem.InvalidInput;
import org.groundwatergateway.core.storage.Database;
import org.groundwatergateway.core.testing.TestDatabases;
import org.groundwatergateway.core.testing.TestDatabases.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * How a plume question is set up: the conductivity and gradient its Monte Carlo takes (Darcy's K = v·nₑ/i on a uniform
 * velocity, the aquifer's own on a flow field), the Monte Carlo's grid around the source and the points, the defaults,
 * and the refusals; checked against values worked out by hand, on two days of the demo park stored in H2GIS.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlumeForecastsTest {

    private static final FiniteVolumeTransport.Parameters BENZENE = new FiniteVolumeTransport.Parameters(1.2, 0.0015, 5, 0.5, 0);
    private static final TransportGrid GRID = new TransportGrid(-40, -60, 2, 4, 120, 30);

    private TestDatabase db;
    private PlumeForecasts forecasts;

    @BeforeAll
    void twoDemoDays() {
        db = TestDatabases.h2gis();
        Database database = Database.migrate(db.dataSource());
        new DemoParkLoader(database).loadIfAbsent(2, p -> { });
        Clock twoDaysIn = Clock.fixed(DemoPark.START.plus(Duration.ofDays(2)), ZoneOffset.UTC);
        forecasts = new PlumeForecasts(new SiteRepository(database), new SiteReadings(database), twoDaysIn);
    }

    @AfterAll
    void close() {
        db.close();
    }

    private static FiniteVolumeTransport.Source continuing(double x, double y) {
        return new FiniteVolumeTransport.Source(x, y, 20, 12, 0, Double.POSITIVE_INFINITY);
    }

    private static PlumeForecasts.Uncertainty uncertain(Double gradient) {
        return new PlumeForecasts.Uncertainty(null, null, gradient, null, null, null, null, null, null, null);
    }

    private static PlumeForecasts.Question question(PlumeForecasts.Flow flow, List<FiniteVolumeTransport.Source> sources, double[][] points,
                                                    PlumeForecasts.Method method, PlumeForecasts.Uncertainty uncertainty) {
        return new PlumeForecasts.Question(flow, BENZENE, sources, points, new double[] {365, 730}, method, uncertainty);
    }

    private static double fixed(ParameterDistribution distribution) {
        assertThat(distribution).isInstanceOf(ParameterDistribution.Fixed.class);
        return ((ParameterDistribution.Fixed) distribution).value();
    }

    @Test
    void onAUniformVelocityTheMonteCarloTakesDarcysConductivityAndAGridAroundSourceAndPoints() {
        // East at 0.156 m/d, nₑ 0.3, i 0.0013: K = 0.156 · 0.3 / 0.0013 = 36 m/d.
        var flow = new PlumeForecasts.UniformVelocity(GRID, 0.156, 0, 0.3);
        var question = question(flow, List.of(continuing(10, 0)), new double[][] {{35, 0}, {100, 35}}, PlumeForecasts.Method.NUMERICAL,
                uncertain(0.0013));
        MonteCarloTransport.Request monteCarlo = forecasts.prepare(question).monteCarlo();

        assertThat(fixed(monteCarlo.uncertainty().hydraulicConductivity())).isCloseTo(36, within(1e-9));
        assertThat(fixed(monteCarlo.uncertainty().effectivePorosity())).isEqualTo(0.3);
        assertThat(fixed(monteCarlo.uncertainty().longitudinalDispersivity())).isEqualTo(5);
        assertThat(fixed(monteCarlo.uncertainty().sourceConcentration())).isEqualTo(12);
        assertThat(monteCarlo.site().hydraulicGradient()).isEqualTo(0.0013);
        assertThat(monteCarlo.site().transverseDispersivityRatio()).isCloseTo(0.1, within(1e-12));
        // From the source at (10, 0) the points lie 25 and 90 m along the flow, 0 and 35 m to its left.
        assertThat(monteCarlo.points().get(1).x()).isCloseTo(90, within(1e-9));
        assertThat(monteCarlo.points().get(1).y()).isCloseTo(35, within(1e-9));
        // Cells of min(dx, dy) = 2 m: 10 upgradient, ⌈90/2⌉ = 45 to the farthest point and 20 beyond, so nx = 75, x0 = -21;
        // across ⌈35/2⌉ = 18 to the widest point (wider than the 20 m source) and 20 beyond on each side, so ny = 76, y0 = -76.
        assertThat(monteCarlo.grid()).isEqualTo(new TransportGrid(-21, -76, 2, 2, 75, 76));
        assertThat(monteCarlo.method()).isEqualTo(MonteCarloTransport.Method.FINITE_VOLUME);
        // Defaults: 1 % of the source's 12, the last day asked, 200 realisations, seed 1.
        assertThat(monteCarlo.threshold()).isCloseTo(0.12, within(1e-12));
        assertThat(monteCarlo.horizonDays()).isEqualTo(730);
        assertThat(monteCarlo.realisations()).isEqualTo(200);
        assertThat(monteCarlo.seed()).isEqualTo(1);
    }

    @Test
    void withoutAPorosityAUniformVelocityHasAQuarterAndTheAnalyticalMonteCarloNoGrid() {
        // South at 0.2 m/d, nₑ 0.25 by default, i 0.002: K = 0.2 · 0.25 / 0.002 = 25 m/d.
        var flow = new PlumeForecasts.UniformVelocity(GRID, 0, -0.2, null);
        PlumeForecasts.Run run = forecasts.prepare(question(flow, List.of(continuing(0, 0)), new double[][] {{0, -30}},
                PlumeForecasts.Method.ANALYTICAL, uncertain(0.002)));
        assertThat(run.flow().azimuthDegrees()).isCloseTo(180, within(1e-9));
        assertThat(fixed(run.monteCarlo().uncertainty().hydraulicConductivity())).isCloseTo(25, within(1e-9));
        assertThat(fixed(run.monteCarlo().uncertainty().effectivePorosity())).isEqualTo(0.25);
        assertThat(run.monteCarlo().method()).isEqualTo(MonteCarloTransport.Method.WEXLER);
        assertThat(run.monteCarlo().grid()).isNull();
    }

    @Test
    void aDeterministicQuestionRunsWithoutAMonteCarlo() {
        var flow = new PlumeForecasts.UniformVelocity(GRID, 0.156, 0, null);
        PlumeForecasts.Run run = forecasts.prepare(question(flow, List.of(continuing(0, 0)), new double[][] {{25, 0}, {90, 5}},
                PlumeForecasts.Method.ANALYTICAL, null));
        assertThat(run.monteCarlo()).isNull();
        PlumeForecasts.Forecast forecast = run.forecast(Progress.NONE);
        assertThat(forecast.bands()).isNull();
        assertThat(forecast.concentrations()).hasDimensions(2, 2);
        // Near the source a year on the plume is there, below the source's 12 mg/L, and it grows from one year to two.
        assertThat(forecast.concentrations()[0][0]).isBetween(1.0, 12.0);
        assertThat(forecast.concentrations()[0][1]).isGreaterThanOrEqualTo(forecast.concentrations()[0][0]);
        assertThat(forecast.flow().azimuthDegrees()).isCloseTo(90, within(1e-9));
    }

    @Test
    void onAParksFlowFieldTheMonteCarloTakesTheAquifersConductivityAndRegionalGradient() {
        // The demo's Q1 (docs/demo-park.md): K 30 m/d, nₑ 0.25, gradient 0.0013 to azimuth 105°; a source at PS-E01-TF.
        var field = new PlumeForecasts.ParkFlowField(DemoPark.PARK_CODE, null, null, null, null);
        double[][] points = {{736, 1274}};
        PlumeForecasts.Run run = forecasts.prepare(question(field, List.of(continuing(650, 1297)), points, PlumeForecasts.Method.NUMERICAL,
                uncertain(null)));
        MonteCarloTransport.Request monteCarlo = run.monteCarlo();
        assertThat(fixed(monteCarlo.uncertainty().hydraulicConductivity())).isEqualTo(30);
        assertThat(fixed(monteCarlo.uncertainty().effectivePorosity())).isEqualTo(0.25);
        // Two days of noisy hourly heads fit a plane a little off the truth (AnalyticsApiTest allows the velocity 0.02 m/d of 0.156).
        assertThat(monteCarlo.site().hydraulicGradient()).isCloseTo(0.0013, within(0.13 * 0.0013));
        assertThat(run.flow().azimuthDegrees()).isCloseTo(105, within(5.0));
        // Without a grid the Monte Carlo's cells are 5 m, though the field's nodes are 50 m apart.
        assertThat(monteCarlo.grid().dx()).isEqualTo(5);
        assertThat(monteCarlo.grid().x0()).isEqualTo(-52.5);
        assertThat(run.scenario().grid().dx()).isEqualTo(50);

        // A gradient asked for is the Monte Carlo's, the conductivity still the aquifer's (not v·nₑ/i).
        MonteCarloTransport.Request asked = forecasts.prepare(question(field, List.of(continuing(650, 1297)), points,
                PlumeForecasts.Method.NUMERICAL, uncertain(0.002))).monteCarlo();
        assertThat(asked.site().hydraulicGradient()).isEqualTo(0.002);
        assertThat(fixed(asked.uncertainty().hydraulicConductivity())).isEqualTo(30);
    }

    @Test
    void whatCannotBeForecastIsRefusedNamingTheRequestsFieldInEitherLanguage() {
        var east = new PlumeForecasts.UniformVelocity(GRID, 0.156, 0, null);
        double[][] points = {{25, 0}};
        assertRefused(question(new PlumeForecasts.UniformVelocity(GRID, 0, 0, null), List.of(continuing(0, 0)), points,
                PlumeForecasts.Method.NUMERICAL, null), "velocity", "the groundwater must move", "地下水须有流动");
        assertRefused(question(east, List.of(continuing(0, 0)), points, PlumeForecasts.Method.NUMERICAL, uncertain(null)),
                "uncertainty.hydraulicGradient", "is required (positive) without a flow field", "未给流场时必填（正数）");
        assertRefused(question(east, List.of(continuing(0, 0), continuing(0, 30)), points, PlumeForecasts.Method.NUMERICAL, uncertain(0.0013)),
                "uncertainty", "the Monte Carlo takes one source, not 2", "蒙特卡洛模拟只取一个污染源，实际为 2 个");
        assertRefused(question(east, List.of(new FiniteVolumeTransport.Source(0, 0, 20, 12, 0, 100)), points, PlumeForecasts.Method.NUMERICAL,
                uncertain(0.0013)), "uncertainty", "the Monte Carlo takes a release that goes on (no endDay)", "蒙特卡洛模拟只取持续释放（不设 endDay）");
        assertThatThrownBy(() -> forecasts.prepare(question(new PlumeForecasts.ParkFlowField("NOPE", null, null, null, null),
                List.of(continuing(0, 0)), points, PlumeForecasts.Method.NUMERICAL, null)))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("park"));
    }

    private void assertRefused(PlumeForecasts.Question question, String field, String english, String chinese) {
        assertThatThrownBy(() -> forecasts.prepare(question)).isInstanceOfSatisfying(InvalidInput.class, e -> {
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.message(Locale.ENGLISH)).isEqualTo(field + ": " + english);
            assertThat(e.message(Locale.SIMPLIFIED_CHINESE)).isEqualTo(field + "：" + chinese);
        });
    }
}
