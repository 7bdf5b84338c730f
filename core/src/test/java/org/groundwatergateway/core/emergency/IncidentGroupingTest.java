package org.groundwatergateway.core.emergency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.groundwatergateway.core.alert.Alert;
import org.groundwatergateway.core.monitoring.Well;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * One plume, one incident: the demo's benzene wells (10, 25, 45, 90 and 180 m down the flow from the tank farm) join the
 * incident opened at the first; the chromium leak 1.1 km away, another pollutant, another aquifer or a closed-off radius
 * do not.
 */
class IncidentGroupingTest {

    private static final long Q1 = 1;
    private static final long C1 = 2;
    private static final IncidentGrouping GROUPING = IncidentGrouping.DEFAULTS;
    /** The demo's benzene source (650, 1300) and 10 m down the flow to azimuth 105°: GW-U04. */
    private static final double[] U04 = down(650, 1300, 10);

    @Test
    void wellsDownTheSamePlumeJoinTheOpenIncident() {
        Incident benzene = incident(1, "benzene");
        List<IncidentGrouping.Open> open = List.of(new IncidentGrouping.Open(benzene, Q1, U04[0], U04[1]));
        for (double along : new double[] {25, 45, 90, 180}) {
            double[] well = down(650, 1300, along);
            assertThat(GROUPING.joins("benzene", Q1, well[0], well[1], open)).as("%.0f m", along).contains(benzene);
        }
    }

    @Test
    void anotherPollutantAquiferOrPlaceOpensItsOwn() {
        Incident benzene = incident(1, "benzene");
        List<IncidentGrouping.Open> open = List.of(new IncidentGrouping.Open(benzene, Q1, U04[0], U04[1]));
        double[] u05 = down(650, 1300, 25);
        assertThat(GROUPING.joins("chromium-vi", Q1, u05[0], u05[1], open)).isEmpty();
        assertThat(GROUPING.joins("benzene", C1, u05[0], u05[1], open)).isEmpty();
        // The chromium leak's first well, 10 m below (1500, 600): 1,100 m from GW-U04.
        double[] u09 = down(1500, 600, 10);
        assertThat(GROUPING.joins("benzene", Q1, u09[0], u09[1], open)).isEmpty();
        // Just inside and just outside the radius.
        assertThat(GROUPING.joins("benzene", Q1, U04[0] + 499.9, U04[1], open)).contains(benzene);
        assertThat(GROUPING.joins("benzene", Q1, U04[0] + 500.1, U04[1], open)).isEmpty();
        assertThat(GROUPING.joins("benzene", Q1, U04[0], U04[1], List.of())).isEmpty();
    }

    @Test
    void theNearestOfTwoOpenIncidentsTakesTheAlert() {
        Incident west = incident(1, "benzene");
        Incident east = incident(2, "benzene");
        List<IncidentGrouping.Open> open = List.of(new IncidentGrouping.Open(west, Q1, 0, 0), new IncidentGrouping.Open(east, Q1, 400, 0));
        assertThat(GROUPING.joins("benzene", Q1, 150, 0, open)).contains(west);
        assertThat(GROUPING.joins("benzene", Q1, 250, 0, open)).contains(east);
    }

    @Test
    void aBoundarySentinelReachedRaisesTheLevelToOneAndConcentrationsOnlyRise() {
        for (Well.Role role : Well.Role.values()) {
            ResponseLevel expected = role == Well.Role.BOUNDARY_SENTINEL ? ResponseLevel.LEVEL_1 : ResponseLevel.LEVEL_2;
            assertThat(GROUPING.escalated(ResponseLevel.LEVEL_2, role)).as(role.name()).isEqualTo(expected);
        }
        assertThat(GROUPING.escalated(ResponseLevel.LEVEL_1, Well.Role.DOWNGRADIENT)).isEqualTo(ResponseLevel.LEVEL_1);
        assertThat(IncidentGrouping.concentration(10.0, 12.0)).isEqualTo(12.0);
        assertThat(IncidentGrouping.concentration(10.0, 3.0)).isEqualTo(10.0);
        assertThat(IncidentGrouping.concentration(null, 3.0)).isEqualTo(3.0);
        assertThat(IncidentGrouping.concentration(10.0, null)).isEqualTo(10.0);
        assertThatThrownBy(() -> new IncidentGrouping(0)).hasMessageContaining("radius");
    }

    /** {@code along} metres down the demo's flow (azimuth 105°) from (east, north). */
    private static double[] down(double east, double north, double along) {
        double a = Math.toRadians(105);
        return new double[] {east + along * Math.sin(a), north + along * Math.cos(a)};
    }

    private static Incident incident(long id, String parameter) {
        return new Incident(id, 1, null, parameter, null, new GeometryFactory().createPoint(new Coordinate(121, 32.5)), ResponseLevel.LEVEL_2,
                Alert.Level.SEVERE, Incident.Status.OPEN, 1.0, "VOC-U-1", Instant.EPOCH, null, null, null,
                new Incident.Analysis(Incident.AnalysisState.PENDING, null, null, null, null, null), null, null, null);
    }
}
