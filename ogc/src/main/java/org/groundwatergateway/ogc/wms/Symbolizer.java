package org.groundwatergateway.ogc.wms;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;

/**
 * How one feature is drawn: fill and outline colours (either may be null), outline width and dash, and the
 * radius of point symbols, all in pixels.
 */
record Symbolizer(Color fill, Color stroke, float strokeWidth, float[] dash, double pointRadius) {

    static Symbolizer area(Color fill, Color stroke, float strokeWidth) {
        return new Symbolizer(fill, stroke, strokeWidth, null, 0);
    }

    static Symbolizer dashed(Color stroke, float strokeWidth) {
        return new Symbolizer(null, stroke, strokeWidth, new float[] {6, 4}, 0);
    }

    static Symbolizer point(Color fill, Color stroke, double radius) {
        return new Symbolizer(fill, stroke, 1.2f, null, radius);
    }

    void draw(MapCanvas canvas, Geometry lonLat) {
        for (int i = 0; i < lonLat.getNumGeometries(); i++) {
            Geometry part = lonLat.getGeometryN(i);
            Shape shape;
            if (part instanceof Point p) {
                double[] pixel = canvas.pixel(p.getX(), p.getY());
                shape = new Ellipse2D.Double(pixel[0] - pointRadius, pixel[1] - pointRadius, 2 * pointRadius, 2 * pointRadius);
            } else {
                shape = canvas.shape(part);
            }
            paint(canvas, shape, part.getDimension() > 0 || part instanceof Point);
        }
    }

    /** Draws a shape, filling it if it is an area or a point symbol. */
    void paint(MapCanvas canvas, Shape shape, boolean fillable) {
        if (fill != null && fillable) {
            canvas.graphics.setColor(fill);
            canvas.graphics.fill(shape);
        }
        if (stroke != null) {
            canvas.graphics.setColor(stroke);
            canvas.graphics.setStroke(new BasicStroke(strokeWidth, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 10, dash, 0));
            canvas.graphics.draw(shape);
        }
    }
}
