package org.groundwatergateway.gateway.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.util.Comparator;
import java.util.Locale;
import org.groundwatergateway.core.emergency.Incident;
import org.groundwatergateway.core.emergency.PlumeForecast;
import org.locationtech.jts.geom.Envelope;

/**
 * The incident's own plume forecast on its map: how far the front (the concentration above the threshold) reaches down
 * the flow on the last forecast day — the median as an arrow from the incident, the 5–95 % range as a translucent band
 * on the same line. The forecast is a Monte Carlo reach along the flow line, not an outline, so it is drawn as one.
 *
 * @param azimuthDegrees the direction the water flows to, clockwise from north
 */
record ForecastFront(double azimuthDegrees, double day, double p05M, double p50M, double p95M) {

    static final Color BAND = new Color(229, 57, 53, 100);
    static final Color ARROW = new Color(0xb7, 0x1c, 0x1c);

    /** The reach on the last forecast day of a finished analysis; null when there is none to draw. */
    static ForecastFront of(Incident incident, PlumeForecast forecast) {
        if (forecast == null || incident.flow() == null || incident.analysis() == null
                || incident.analysis().state() != Incident.AnalysisState.DONE) return null;
        return forecast.bands().stream().filter(b -> b.kind() == PlumeForecast.Kind.FRONT).max(Comparator.comparingDouble(PlumeForecast.Band::day))
                .filter(b -> b.p95() > 0)
                .map(b -> new ForecastFront(incident.flow().azimuthDegrees(), b.day(), b.p05(), b.p50(), b.p95())).orElse(null);
    }

    /** The point {@code metres} down the flow from {@code origin}, in a projection of {@code unitsPerMetre} map units per metre. */
    double[] along(double[] origin, double metres, double unitsPerMetre) {
        double a = Math.toRadians(azimuthDegrees);
        return new double[] {origin[0] + metres * unitsPerMetre * Math.sin(a), origin[1] + metres * unitsPerMetre * Math.cos(a)};
    }

    /** Widens {@code extent} (map units) to hold the P95 reach. */
    void include(Envelope extent, double[] origin, double unitsPerMetre) {
        double[] end = along(origin, p95M, unitsPerMetre);
        extent.expandToInclude(end[0], end[1]);
    }

    /**
     * Draws on a map whose pixel of map point (x, y) is ((x − minX)·scale, (maxY − y)·scale).
     *
     * @param s the figure's scale over CSS pixels, for stroke widths and type
     */
    void draw(Graphics2D g, double[] origin, double unitsPerMetre, Envelope extent, double scale, Font font, float s) {
        double[] from = pixel(along(origin, p05M, unitsPerMetre), extent, scale);
        double[] to = pixel(along(origin, p95M, unitsPerMetre), extent, scale);
        double[] start = pixel(origin, extent, scale);
        double[] head = pixel(along(origin, p50M, unitsPerMetre), extent, scale);
        g.setColor(BAND);
        g.setStroke(new BasicStroke(16 * s, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND));
        g.draw(new Line2D.Double(from[0], from[1], to[0], to[1]));
        g.setColor(ARROW);
        g.setStroke(new BasicStroke(2.5f * s, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 10, new float[] {7 * s, 4 * s}, 0));
        g.draw(new Line2D.Double(start[0], start[1], head[0], head[1]));
        // The arrowhead points down the flow; on screen y grows southwards.
        double a = Math.toRadians(azimuthDegrees);
        double ux = Math.sin(a);
        double uy = -Math.cos(a);
        double length = 12 * s;
        double half = 6 * s;
        Path2D arrow = new Path2D.Double();
        arrow.moveTo(head[0], head[1]);
        arrow.lineTo(head[0] - ux * length - uy * half, head[1] - uy * length + ux * half);
        arrow.lineTo(head[0] - ux * length + uy * half, head[1] - uy * length - ux * half);
        arrow.closePath();
        g.fill(arrow);
        // On a white ground, so that it reads over the base map's symbols.
        g.setFont(font.deriveFont(Font.BOLD));
        FontMetrics metrics = g.getFontMetrics();
        float x = (float) (head[0] + 10 * s);
        float y = (float) (head[1] + 14 * s);
        g.setColor(new Color(255, 255, 255, 210));
        g.fillRect((int) (x - 3 * s), (int) (y - metrics.getAscent()), (int) (metrics.stringWidth(label()) + 6 * s), metrics.getHeight());
        g.setColor(ARROW);
        g.drawString(label(), x, y);
    }

    String label() {
        return String.format(Locale.ROOT, "第 %.0f 天前锋 %.0f 米", day, p50M);
    }

    private static double[] pixel(double[] xy, Envelope extent, double scale) {
        return new double[] {(xy[0] - extent.getMinX()) * scale, (extent.getMaxY() - xy[1]) * scale};
    }
}
