package org.groundwatergateway.gateway.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.groundwatergateway.core.emergency.Camera;
import org.groundwatergateway.core.emergency.Dispatch;
import org.groundwatergateway.core.emergency.IncidentService;
import org.groundwatergateway.core.geo.PointMapping;
import org.groundwatergateway.core.park.Park;
import org.groundwatergateway.ogc.crs.CoordinateReferenceSystems;
import org.groundwatergateway.ogc.crs.Crs;
import org.groundwatergateway.ogc.wms.WmsRequest;
import org.groundwatergateway.ogc.wms.WmsService;
import org.groundwatergateway.policies.Viewer;
import org.locationtech.jts.awt.ShapeWriter;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * The incident on the park's map: the WMS draws the map the reader may see (risk zones, enterprises, potential sources,
 * receptors, plumes as outlined at the time shown, wells by role), and on it go what belongs to this incident only: the park boundary,
 * the routes of the dispatched resources, the cameras, the forecast reach of its plume front, the incident itself, and a
 * scale bar. Web Mercator, so that
 * shapes read true over a park.
 */
final class IncidentMap {

    /** Bottom to top, as the portal stacks them. */
    static final List<String> LAYERS = List.of("risk_zones", "enterprises", "potential_sources", "receptors", "plumes", "wells");
    /** Size on the page in CSS pixels; drawn at {@link ReportDocument#FIGURE_SCALE} times that. */
    private static final int WIDTH = 670;
    private static final int HEIGHT = 440;
    /** At least this far around the incident is shown, so that the wells near it are on the map. */
    private static final double MIN_HALF_SIDE_M = 900;
    static final Crs WEB_MERCATOR = CoordinateReferenceSystems.lookup("EPSG:3857").orElseThrow();

    private IncidentMap() {}

    /** @param asOf the time the map shows (the plumes as outlined then) */
    static BufferedImage draw(IncidentService.Details details, Park park, Instant asOf, WmsService wms, Viewer viewer, ReportFont font) {
        PointMapping project = WEB_MERCATOR.fromLonLat();
        Coordinate at = details.incident().location().getCoordinate();
        double[] centre = project.apply(at.x, at.y);
        // Web Mercator stretches distances by 1 / cos(latitude).
        double unitsPerMetre = 1 / Math.cos(Math.toRadians(at.y));
        Envelope extent = new Envelope(centre[0], centre[0], centre[1], centre[1]);
        extent.expandBy(MIN_HALF_SIDE_M * unitsPerMetre);
        for (Dispatch d : details.dispatches()) include(extent, project.applyTo(d.route()));
        for (Camera c : details.cameras()) include(extent, project.applyTo(c.location()));
        ForecastFront front = ForecastFront.of(details.incident(), details.forecast());
        if (front != null) front.include(extent, centre, unitsPerMetre);
        extent.expandBy(0.08 * Math.max(extent.getWidth(), extent.getHeight()));
        fitAspect(extent);

        BufferedImage image = wmsFigure(extent, asOf, wms, viewer);
        int h = image.getHeight();
        Graphics2D g = overlay(image);
        try {
            double scale = image.getWidth() / extent.getWidth();
            ShapeWriter shapes = shapes(project, extent, scale);
            float s = ReportDocument.FIGURE_SCALE;
            Font label = font.awt().deriveFont(Font.PLAIN, 11 * s);
            g.setFont(label);
            if (park != null) boundary(g, shapes.toShape(park.boundary()));
            g.setStroke(new BasicStroke(2.5f * s, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            for (Dispatch d : details.dispatches()) {
                g.setColor(new Color(0x1565c0));
                g.draw(shapes.toShape(d.route()));
                double[] p = pixel(project, extent, scale, d.depot().location().getCoordinate());
                g.fillRect((int) (p[0] - 5 * s), (int) (p[1] - 5 * s), (int) (10 * s), (int) (10 * s));
                g.setColor(Color.DARK_GRAY);
                g.drawString(d.depot().nameZh(), (float) (p[0] + 8 * s), (float) (p[1] + 4 * s));
            }
            g.setColor(new Color(0x6a4c93));
            for (Camera c : details.cameras()) {
                double[] p = pixel(project, extent, scale, c.location().getCoordinate());
                g.fillPolygon(new int[] {(int) p[0], (int) (p[0] - 6 * s), (int) (p[0] + 6 * s)},
                        new int[] {(int) (p[1] - 7 * s), (int) (p[1] + 5 * s), (int) (p[1] + 5 * s)}, 3);
            }
            if (front != null) front.draw(g, centre, unitsPerMetre, extent, scale, label, s);
            double[] p = pixel(project, extent, scale, at);
            g.setColor(Color.WHITE);
            g.fill(new Ellipse2D.Double(p[0] - 10 * s, p[1] - 10 * s, 20 * s, 20 * s));
            g.setColor(new Color(0xd62828));
            g.fill(new Ellipse2D.Double(p[0] - 8 * s, p[1] - 8 * s, 16 * s, 16 * s));
            g.setColor(Color.BLACK);
            g.setFont(label.deriveFont(Font.BOLD));
            g.drawString("事件位置", (float) (p[0] + 12 * s), (float) (p[1] - 10 * s));
            scaleBar(g, label, scale / unitsPerMetre, h, s);
        } finally {
            g.dispose();
        }
        return image;
    }

    /**
     * The map of the extent as the reader may see it, from the WMS at the size on the page (so its symbols keep the size
     * they have on screen), enlarged to the figure's resolution for an overlay drawn at that resolution.
     */
    static BufferedImage wmsFigure(Envelope extent, Instant asOf, WmsService wms, Viewer viewer) {
        BufferedImage map = wms.picture(new WmsRequest.GetMap(LAYERS, List.of(), WEB_MERCATOR, extent, WIDTH, HEIGHT, "image/png", false,
                0xF7F7F2, asOf), viewer);
        BufferedImage image = new BufferedImage(WIDTH * ReportDocument.FIGURE_SCALE, HEIGHT * ReportDocument.FIGURE_SCALE, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g.drawImage(map, 0, 0, image.getWidth(), image.getHeight(), null);
        } finally {
            g.dispose();
        }
        return image;
    }

    /** Graphics for what goes on the map, smoothed. */
    static Graphics2D overlay(BufferedImage image) {
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        return g;
    }

    /** Longitude/latitude geometries to the figure's pixels. */
    static ShapeWriter shapes(PointMapping project, Envelope extent, double scale) {
        return new ShapeWriter((c, view) -> {
            double[] xy = project.apply(c.x, c.y);
            view.setLocation((xy[0] - extent.getMinX()) * scale, (extent.getMaxY() - xy[1]) * scale);
        });
    }

    /** A park's boundary: green, dashed. */
    static void boundary(Graphics2D g, java.awt.Shape boundary) {
        float s = ReportDocument.FIGURE_SCALE;
        g.setColor(new Color(0x2e7d32));
        g.setStroke(new BasicStroke(2 * s, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 10, new float[] {8 * s, 5 * s}, 0));
        g.draw(boundary);
    }

    /** A bar of a round number of metres, about a fifth of the map wide, at the lower left. */
    static void scaleBar(Graphics2D g, Font font, double pixelsPerMetre, int height, float s) {
        double metres = roundDown(WIDTH * s / 5 / pixelsPerMetre);
        int length = (int) Math.round(metres * pixelsPerMetre);
        int x = (int) (14 * s);
        int y = height - (int) (14 * s);
        g.setColor(new Color(255, 255, 255, 210));
        g.fillRect(x - (int) (6 * s), y - (int) (18 * s), length + (int) (80 * s), (int) (26 * s));
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(2 * s));
        g.drawLine(x, y, x + length, y);
        g.drawLine(x, y - (int) (5 * s), x, y);
        g.drawLine(x + length, y - (int) (5 * s), x + length, y);
        g.setFont(font);
        g.drawString(String.format(Locale.ROOT, "%.0f 米", metres), x + length + 8 * s, y + 4 * s);
    }

    /** 1, 2 or 5 times a power of ten, at or below {@code value}. */
    static double roundDown(double value) {
        double power = Math.pow(10, Math.floor(Math.log10(value)));
        for (double step : new double[] {5, 2, 1}) {
            if (step * power <= value) return step * power;
        }
        return power;
    }

    private static double[] pixel(PointMapping project, Envelope extent, double scale, Coordinate lonLat) {
        double[] xy = project.apply(lonLat.x, lonLat.y);
        return new double[] {(xy[0] - extent.getMinX()) * scale, (extent.getMaxY() - xy[1]) * scale};
    }

    private static void include(Envelope extent, Geometry projected) {
        extent.expandToInclude(projected.getEnvelopeInternal());
    }

    /** Widens the short side so the extent has the image's proportions (WMS draws the bbox onto the whole image). */
    static void fitAspect(Envelope extent) {
        double aspect = (double) WIDTH / HEIGHT;
        if (extent.getWidth() / extent.getHeight() < aspect) {
            double grow = (extent.getHeight() * aspect - extent.getWidth()) / 2;
            extent.expandBy(grow, 0);
        } else {
            double grow = (extent.getWidth() / aspect - extent.getHeight()) / 2;
            extent.expandBy(0, grow);
        }
    }
}
