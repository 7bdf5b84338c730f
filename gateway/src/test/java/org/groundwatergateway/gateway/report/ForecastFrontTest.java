package org.groundwatergateway.gateway.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.time.Instant;
import java.util.List;
import org.groundwatergateway.core.alert.Alert;
import org.groundwatergateway.core.emergency.Incident;
import org.groundwatergateway.core.emergency.PlumeForecast;
import org.groundwatergateway.core.emergency.ResponseLevel;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;

/** The incident's forecast front on its map: the last day's reach, down the flow, band and arrow where they belong. */
class ForecastFrontTest {

    private static final PlumeForecast FORECAST = new PlumeForecast(List.of(
            new PlumeForecast.Band(PlumeForecast.Kind.POINT, "flow line 50 m", 50, 0, 365, 0.1, 0.2, 0.3),
            new PlumeForecast.Band(PlumeForecast.Kind.FRONT, "front", 0, 0, 365, 40, 80, 150),
            new PlumeForecast.Band(PlumeForecast.Kind.FRONT, "front", 0, 0, 1825, 200, 300, 450)), List.of());

    @Test
    void theReachIsTheLastForecastDaysFrontAndOnlyOnceTheAnalysisIsDone() {
        ForecastFront front = ForecastFront.of(incident(Incident.AnalysisState.DONE, 90), FORECAST);
        assertThat(front).isEqualTo(new ForecastFront(90, 1825, 200, 300, 450));
        assertThat(front.label()).isEqualTo("第 1825 天前锋 300 米");
        assertThat(ForecastFront.of(incident(Incident.AnalysisState.FAILED, 90), FORECAST)).isNull();
        assertThat(ForecastFront.of(incident(Incident.AnalysisState.DONE, 90), null)).isNull();
    }

    @Test
    void pointsLieDownTheFlowClockwiseFromNorth() {
        double[] origin = {1000, 2000};
        // 135°: south-east; 2 map units per metre.
        double[] p = new ForecastFront(135, 1, 0, 100, 0).along(origin, 100, 2);
        assertThat(p[0]).isCloseTo(1000 + 200 / Math.sqrt(2), within(1e-9));
        assertThat(p[1]).isCloseTo(2000 - 200 / Math.sqrt(2), within(1e-9));
        Envelope extent = new Envelope(origin[0], origin[0], origin[1], origin[1]);
        new ForecastFront(135, 1, 0, 50, 100).include(extent, origin, 2);
        assertThat(extent.getMaxX()).isCloseTo(p[0], within(1e-9));
        assertThat(extent.getMinY()).isCloseTo(p[1], within(1e-9));
    }

    @Test
    void theBandAndArrowAreDrawnEastOfAnIncidentWhoseWaterFlowsEast() {
        // 1 pixel per map unit per metre; the incident in the middle of a 400 × 200 image.
        BufferedImage image = new BufferedImage(400, 200, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 400, 200);
        Envelope extent = new Envelope(-200, 200, -100, 100);
        new ForecastFront(90, 1825, 60, 120, 180).draw(g, new double[] {0, 0}, 1, extent, 1, new Font(Font.SANS_SERIF, Font.PLAIN, 11), 1);
        g.dispose();
        // The band from 60 to 180 m east: reddish at 150 m (past the arrow), white at 30 m west and 190 m east.
        assertThat(reddish(image.getRGB(200 + 150, 100 - 5))).isTrue();
        assertThat(reddish(image.getRGB(200 - 30, 100))).isFalse();
        assertThat(reddish(image.getRGB(200 + 190, 100))).isFalse();
        // The arrowhead's tip at the median reach: the dark red just behind it.
        assertThat(new Color(image.getRGB(200 + 120 - 3, 100))).isEqualTo(ForecastFront.ARROW);
    }

    private static boolean reddish(int rgb) {
        Color c = new Color(rgb);
        return c.getRed() > 200 && c.getGreen() < 200 && c.getBlue() < 200;
    }

    private static Incident incident(Incident.AnalysisState state, double azimuth) {
        return new Incident(1L, 1, null, "benzene", null, new GeometryFactory().createPoint(new Coordinate(121, 32.5)), ResponseLevel.LEVEL_2,
                Alert.Level.SEVERE, Incident.Status.OPEN, 1.0, "VOC-U-1", Instant.EPOCH, null, null, null,
                new Incident.Analysis(state, null, null, 0.01, 200, Instant.EPOCH), new Incident.Flow(azimuth, 0.1), null, null);
    }
}
