package org.groundwatergateway.gateway.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import org.groundwatergateway.core.emergency.Camera;
import org.groundwatergateway.core.emergency.Dispatch;
import org.groundwatergateway.core.emergency.IncidentService;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;

/**
 * The incident on a map for its report: the routes of the dispatched resources from their depots, the cameras around
 * it, and the direction the groundwater carries the plume, on a longitude/latitude plate carrée scaled by cos(latitude)
 * so that distances read true over a park.
 */
final class IncidentMap {

    private static final int WIDTH = 900;
    private static final int HEIGHT = 600;
    private static final int PAD = 50;

    private IncidentMap() {}

    static BufferedImage draw(IncidentService.Details details) {
        Coordinate at = details.incident().location().getCoordinate();
        Envelope extent = new Envelope(at);
        for (Dispatch d : details.dispatches()) extent.expandToInclude(d.route().getEnvelopeInternal());
        for (Camera c : details.cameras()) extent.expandToInclude(c.location().getCoordinate());
        extent.expandBy(Math.max(extent.getWidth(), extent.getHeight()) * 0.1 + 0.002);
        double kx = Math.cos(Math.toRadians(at.y));
        double scale = Math.min((WIDTH - 2 * PAD) / (extent.getWidth() * kx), (HEIGHT - 2 * PAD) / extent.getHeight());

        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(new Color(0xf7f7f2));
            g.fillRect(0, 0, WIDTH, HEIGHT);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            java.util.function.Function<Coordinate, double[]> px = c -> new double[] {
                    PAD + (c.x - extent.getMinX()) * kx * scale, HEIGHT - PAD - (c.y - extent.getMinY()) * scale};
            g.setStroke(new BasicStroke(2.5f));
            for (Dispatch d : details.dispatches()) {
                Path2D path = new Path2D.Double();
                Coordinate[] cs = d.route().getCoordinates();
                for (int i = 0; i < cs.length; i++) {
                    double[] p = px.apply(cs[i]);
                    if (i == 0) path.moveTo(p[0], p[1]);
                    else path.lineTo(p[0], p[1]);
                }
                g.setColor(new Color(0x2f6fdb));
                g.draw(path);
                double[] depot = px.apply(d.depot().location().getCoordinate());
                g.fillRect((int) depot[0] - 5, (int) depot[1] - 5, 10, 10);
                g.setColor(Color.DARK_GRAY);
                g.drawString(d.depot().nameZh(), (int) depot[0] + 8, (int) depot[1] + 4);
            }
            for (Camera c : details.cameras()) {
                double[] p = px.apply(c.location().getCoordinate());
                g.setColor(new Color(0x6a4c93));
                g.fillPolygon(new int[] {(int) p[0], (int) p[0] - 6, (int) p[0] + 6}, new int[] {(int) p[1] - 7, (int) p[1] + 5, (int) p[1] + 5}, 3);
            }
            double[] centre = px.apply(at);
            if (details.incident().flow() != null) {
                // The plume goes where the water goes: an arrow of 150 px along the regional flow.
                double azimuth = Math.toRadians(details.incident().flow().azimuthDegrees());
                double ex = centre[0] + 150 * Math.sin(azimuth);
                double ey = centre[1] - 150 * Math.cos(azimuth);
                g.setColor(new Color(0xd62828));
                g.setStroke(new BasicStroke(3f));
                g.drawLine((int) centre[0], (int) centre[1], (int) ex, (int) ey);
                double back = Math.toRadians(25);
                for (double side : new double[] {-back, back}) {
                    double a = azimuth + Math.PI + side;
                    g.drawLine((int) ex, (int) ey, (int) (ex + 14 * Math.sin(a)), (int) (ey - 14 * Math.cos(a)));
                }
                g.drawString(String.format(java.util.Locale.ROOT, "地下水流向 flow %.0f°, %.3f m/d", details.incident().flow().azimuthDegrees(),
                        details.incident().flow().seepageVelocity()), (int) ex + 6, (int) ey);
            }
            g.setColor(new Color(0xd62828));
            g.fillOval((int) centre[0] - 8, (int) centre[1] - 8, 16, 16);
            g.setColor(Color.DARK_GRAY);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
            g.drawString("事件位置 incident", (int) centre[0] + 10, (int) centre[1] - 10);
            // A scale bar of a round number of metres.
            double metresPerPixel = 111_320 / scale;
            double bar = BarChart.niceCeiling(metresPerPixel * 120);
            int barPx = (int) (bar / metresPerPixel);
            g.setStroke(new BasicStroke(2f));
            g.drawLine(PAD, HEIGHT - 20, PAD + barPx, HEIGHT - 20);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            g.drawString((long) bar + " m", PAD + barPx + 6, HEIGHT - 16);
            g.drawString("■ 物资库 depot   — 调度路线 route   ▲ 摄像头 camera   ● 事件 incident", PAD + barPx + 80, HEIGHT - 16);
        } finally {
            g.dispose();
        }
        return image;
    }
}
