package org.groundwatergateway.gateway.report;

import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.time.Instant;
import java.util.List;
import org.groundwatergateway.core.geo.PointMapping;
import org.groundwatergateway.core.park.Park;
import org.groundwatergateway.ogc.wms.WmsService;
import org.groundwatergateway.policies.Viewer;
import org.locationtech.jts.awt.ShapeWriter;
import org.locationtech.jts.geom.Envelope;

/**
 * The parks on the map as the reader may see it at a time (the WMS's layers as {@link IncidentMap} stacks them), with
 * their boundaries and a scale bar: the map section of a custom report.
 */
final class ParkMap {

    private ParkMap() {}

    static BufferedImage draw(List<Park> parks, Instant asOf, WmsService wms, Viewer viewer, ReportFont font) {
        PointMapping project = IncidentMap.WEB_MERCATOR.fromLonLat();
        Envelope extent = new Envelope();
        for (Park park : parks) extent.expandToInclude(project.applyTo(park.boundary()).getEnvelopeInternal());
        extent.expandBy(0.05 * Math.max(extent.getWidth(), extent.getHeight()));
        IncidentMap.fitAspect(extent);
        BufferedImage image = IncidentMap.wmsFigure(extent, asOf, wms, viewer);
        Graphics2D g = IncidentMap.overlay(image);
        try {
            double scale = image.getWidth() / extent.getWidth();
            ShapeWriter shapes = IncidentMap.shapes(project, extent, scale);
            for (Park park : parks) IncidentMap.boundary(g, shapes.toShape(park.boundary()));
            // Web Mercator stretches distances by 1 / cos(latitude), at the map's middle.
            double latitude = parks.get(0).boundary().getCentroid().getY();
            float s = ReportDocument.FIGURE_SCALE;
            IncidentMap.scaleBar(g, font.awt().deriveFont(Font.PLAIN, 11 * s), scale * Math.cos(Math.toRadians(latitude)), image.getHeight(), s);
        } finally {
            g.dispose();
        }
        return image;
    }
}
