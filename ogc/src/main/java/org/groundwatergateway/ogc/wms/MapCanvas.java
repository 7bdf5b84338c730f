package org.groundwatergateway.ogc.wms;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.Point2D;
import org.groundwatergateway.core.geo.PointMapping;
import org.groundwatergateway.ogc.crs.Crs;
import org.locationtech.jts.awt.ShapeWriter;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * A map image being drawn: the Java2D surface, anti-aliased, and the mapping from stored longitude/latitude
 * through the map's CRS to pixels (row 0 at the top).
 */
final class MapCanvas {

    final Graphics2D graphics;
    final int width;
    final int height;
    final Envelope extent;
    private final PointMapping toMapCrs;
    private final ShapeWriter shapes;

    MapCanvas(Graphics2D graphics, int width, int height, Crs crs, Envelope extent) {
        this.graphics = graphics;
        this.width = width;
        this.height = height;
        this.extent = extent;
        this.toMapCrs = crs.geographic() ? PointMapping.IDENTITY : crs.fromLonLat();
        graphics.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        graphics.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        graphics.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        this.shapes = new ShapeWriter((coordinate, view) -> {
            double[] pixel = pixel(coordinate.x, coordinate.y);
            view.setLocation(pixel[0], pixel[1]);
        });
    }

    /** The pixel position (fractional) of a longitude/latitude. */
    double[] pixel(double lon, double lat) {
        double[] xy = toMapCrs.apply(lon, lat);
        return new double[] {(xy[0] - extent.getMinX()) / extent.getWidth() * width, (extent.getMaxY() - xy[1]) / extent.getHeight() * height};
    }

    /** A stored geometry as a Java2D shape in pixels. */
    Shape shape(Geometry lonLat) {
        return shapes.toShape(lonLat);
    }

    /** Map units per pixel along x, for symbol margins. */
    double unitsPerPixel() {
        return extent.getWidth() / width;
    }

    static Point2D.Double point(double[] pixel) {
        return new Point2D.Double(pixel[0], pixel[1]);
    }
}
