package org.groundwatergateway.ogc.wms;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.groundwatergateway.analytics.spatial.InverseDistanceWeighting;
import org.groundwatergateway.analytics.spatial.Isobands;
import org.groundwatergateway.analytics.spatial.RegularGrid;
import org.groundwatergateway.core.parameter.Parameter;
import org.groundwatergateway.ogc.feature.DisclosedType;
import org.groundwatergateway.ogc.feature.Feature;
import org.groundwatergateway.ogc.filter.Filter;
import org.locationtech.jts.awt.ShapeWriter;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * One parameter's latest values in one aquifer, interpolated between its wells as a colour-ramped raster with
 * contour lines at the GB/T 14848 class limits. Interpolation is inverse-distance (power 2) on the logarithm of
 * the concentration, since concentrations spread over orders of magnitude and one hot well would otherwise
 * colour the whole park; aquifers are never mixed. The surface is drawn only within the convex hull of the wells,
 * widened by a sixth of its size, so the map does not invent concentrations far from any measurement.
 */
record ConcentrationSurfaceLayer(DisclosedType source, Parameter parameter, String aquifer) implements MapLayer {

    static final String PREFIX = "surface.";
    /** Pixels per interpolated cell: the raster is smooth at a quarter of the work. */
    private static final int CELL = 4;
    private static final int ALPHA = 150;
    private static final GeometryFactory PIXELS = new GeometryFactory();
    /** Values at or below zero (not detected) enter the logarithm as this fraction of the class I limit. */
    private static final double NON_DETECT_FRACTION = 0.1;

    @Override
    public String name() {
        return PREFIX + parameter.code() + "." + aquifer;
    }

    @Override
    public String title() {
        return parameter.nameZh() + "浓度面（" + aquifer + "）" + parameter.nameEn() + " concentration surface, aquifer " + aquifer;
    }

    @Override
    public String abstractText() {
        return "Latest " + parameter.nameEn() + " values in aquifer " + aquifer
                + " interpolated between its wells, with contours at the GB/T 14848 class limits.";
    }

    @Override
    public Filter filter() {
        return new Filter.And(List.of(new Filter.Comparison(Filter.ComparisonOperator.EQUAL_TO, "parameter", parameter.code(), true),
                new Filter.Comparison(Filter.ComparisonOperator.EQUAL_TO, "aquifer", aquifer, true)));
    }

    /** Wells outside the view still shape the surface inside it, so all of them are read. */
    @Override
    public Filter filter(Filter inView) {
        return filter();
    }

    @Override
    public boolean timeAware() {
        return true;
    }

    @Override
    public void paint(MapCanvas canvas, List<Feature> features) {
        List<double[]> samples = new ArrayList<>();
        for (Feature f : features) {
            Object value = f.properties().get("result_value");
            if (value == null) continue;
            double[] pixel = canvas.pixel(f.geometry().getCoordinate().x, f.geometry().getCoordinate().y);
            samples.add(new double[] {pixel[0], pixel[1], Math.log10(Math.max((Double) value, floor()))});
        }
        if (samples.size() < 3) return;
        double[] xs = samples.stream().mapToDouble(s -> s[0]).toArray();
        double[] ys = samples.stream().mapToDouble(s -> s[1]).toArray();
        double[] vs = samples.stream().mapToDouble(s -> s[2]).toArray();
        InverseDistanceWeighting idw = new InverseDistanceWeighting(xs, ys, vs, 2);
        Geometry hull = PIXELS.createMultiPointFromCoords(samples.stream().map(s -> new Coordinate(s[0], s[1])).toArray(Coordinate[]::new))
                .convexHull();
        Geometry area = hull.buffer(Math.max(hull.getEnvelopeInternal().getWidth(), hull.getEnvelopeInternal().getHeight()) / 6);

        int nx = canvas.width / CELL + 2;
        int ny = canvas.height / CELL + 2;
        RegularGrid grid = RegularGrid.sample(0, 0, CELL, CELL, nx, ny, (x, y) -> Math.pow(10, idw.at(x, y)));
        BufferedImage raster = new BufferedImage(nx, ny, BufferedImage.TYPE_INT_ARGB);
        for (int j = 0; j < ny; j++) {
            for (int i = 0; i < nx; i++) raster.setRGB(i, j, ramp(grid.value(i, j)));
        }
        var clip = new ShapeWriter().toShape(area);
        canvas.graphics.setClip(clip);
        canvas.graphics.drawImage(raster, 0, 0, nx * CELL, ny * CELL, null);
        contours(canvas, grid);
        canvas.graphics.setClip(null);
    }

    private double floor() {
        Double classOne = parameter.classLimits() == null ? null : parameter.classLimits().bounds(1).upper();
        return classOne != null && classOne > 0 ? classOne * NON_DETECT_FRACTION : 1e-6;
    }

    private void contours(MapCanvas canvas, RegularGrid grid) {
        if (parameter.classLimits() == null) return;
        canvas.graphics.setColor(new Color(40, 40, 40, 220));
        canvas.graphics.setStroke(new BasicStroke(1.3f));
        ShapeWriter shapes = new ShapeWriter();
        Geometry frame = PIXELS.toGeometry(new org.locationtech.jts.geom.Envelope(0, grid.dx() * (grid.nx() - 1), 0, grid.dy() * (grid.ny() - 1)))
                .getBoundary().buffer(1);
        for (double limit : parameter.classLimits().upperLimits()) {
            Geometry above = Isobands.atOrAbove(grid, limit, PIXELS);
            if (above.isEmpty()) continue;
            canvas.graphics.draw(shapes.toShape(above.getBoundary().difference(frame)));
        }
    }

    /**
     * Blue through green and yellow to red on a log scale of the value over the class III limit: two decades
     * below is blue, the limit itself yellow, two decades above red.
     */
    private int ramp(double value) {
        Double limit = parameter.classLimits() == null ? null : parameter.classLimits().bounds(3).upper();
        double t = limit == null || limit <= 0 || value <= 0 ? 0 : (Math.log10(value / limit) + 2) / 4;
        t = Math.max(0, Math.min(1, t));
        Color[] stops = QualityClassColours.CLASS;
        double position = t * (stops.length - 1);
        int k = Math.min(stops.length - 2, (int) position);
        double f = position - k;
        int r = (int) Math.round(stops[k].getRed() + f * (stops[k + 1].getRed() - stops[k].getRed()));
        int g = (int) Math.round(stops[k].getGreen() + f * (stops[k + 1].getGreen() - stops[k].getGreen()));
        int b = (int) Math.round(stops[k].getBlue() + f * (stops[k + 1].getBlue() - stops[k].getBlue()));
        return (ALPHA << 24) | (r << 16) | (g << 8) | b;
    }

    @Override
    public List<LegendEntry> legend() {
        List<LegendEntry> entries = new ArrayList<>();
        for (int c = 1; c <= 5; c++) {
            Color colour = QualityClassColours.CLASS[c - 1];
            entries.add(new LegendEntry(QualityClassColours.NAMES[c - 1], Symbolizer.area(new Color(colour.getRed(), colour.getGreen(), colour.getBlue(), ALPHA), null, 0)));
        }
        entries.add(new LegendEntry("类别界线 class limits", Symbolizer.area(null, new Color(40, 40, 40), 1.3f)));
        return entries;
    }
}
