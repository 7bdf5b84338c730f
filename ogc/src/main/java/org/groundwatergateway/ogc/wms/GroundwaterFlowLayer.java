package org.groundwatergateway.ogc.wms;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.groundwatergateway.core.geo.Cgcs2000;
import org.groundwatergateway.core.monitoring.Well;
import org.groundwatergateway.core.site.Site;
import org.groundwatergateway.core.site.SiteFlow;
import org.groundwatergateway.core.site.SiteRepository;
import org.groundwatergateway.ogc.feature.DisclosedType;
import org.groundwatergateway.ogc.feature.Feature;
import org.groundwatergateway.ogc.feature.FeatureQuery;
import org.groundwatergateway.ogc.feature.FeatureStore;
import org.groundwatergateway.ogc.filter.Filter;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;

/**
 * The groundwater flow of one aquifer of a park as arrows of seepage velocity on the grid the flow analysis answers
 * with ({@link SiteFlow#CELL_M}, an arrow every {@link SiteFlow#ARROWS_EVERY} nodes), pointing where the water flows
 * and coloured by its speed. The heads are the water levels the viewer is shown (at the places it is shown them), each
 * well's mean over the {@link #WINDOW} ending at TIME (or at the latest level), so the map never knows more than the
 * viewer's latest readings. Arrows are drawn only near the wells: within their convex hull, widened by a sixth of its
 * size, as the concentration surfaces are.
 */
record GroundwaterFlowLayer(DisclosedType source, SiteRepository sites, String park, String aquifer) implements MapLayer {

    static final String PREFIX = "groundwater_flow.";
    /** The heads are averaged over this long, sampled once a day, so one logger's hiccup does not turn the arrows. */
    static final Duration WINDOW = Duration.ofDays(7);
    private static final int SAMPLES = 7;
    /** Arrows are this long on the map, pixels, whatever the speed: the colour gives the speed. */
    private static final double LENGTH_PX = 22;
    private static final double HEAD_PX = 7;
    /** Speed class limits, m/d, and the colours of the six classes. */
    private static final double[] SPEED_LIMITS = {0.02, 0.05, 0.1, 0.2, 0.5};
    private static final Color[] SPEED_COLOURS = {new Color(0x90CAF9), new Color(0x42A5F5), new Color(0x1565C0), new Color(0x6A1B9A),
            new Color(0xC2185B), new Color(0xB71C1C)};
    /** How many wells' heads feature info reads: all of them, as a map does, since every well shapes the flow. */
    private static final int ALL_WELLS = 10_000;
    private static final GeometryFactory LOCAL = new GeometryFactory();

    @Override
    public String name() {
        return PREFIX + aquifer;
    }

    @Override
    public String title() {
        return "地下水流向（" + aquifer + "）Groundwater flow direction, aquifer " + aquifer;
    }

    @Override
    public String abstractText() {
        return "Seepage velocity arrows of aquifer " + aquifer + " from the wells' mean water levels over the " + WINDOW.toDays()
                + " days ending at TIME (default: the latest levels): a least-squares plane plus kriged residuals, v = −K∇h/nₑ; "
                + "arrows point where the water flows, coloured by speed (m/d), every " + (int) (SiteFlow.CELL_M * SiteFlow.ARROWS_EVERY)
                + " m near the wells.";
    }

    @Override
    public Filter filter() {
        return new Filter.And(List.of(new Filter.Comparison(Filter.ComparisonOperator.EQUAL_TO, "parameter", SiteFlow.HEADS, true),
                new Filter.Comparison(Filter.ComparisonOperator.EQUAL_TO, "aquifer", aquifer, true)));
    }

    @Override
    public Filter filter(Filter inView) {
        return filter();
    }

    @Override
    public boolean timeAware() {
        return true;
    }

    /**
     * Each well's shown water level averaged over daily samples of the window ending at TIME (at the latest shown level
     * without one), at the place it was last shown.
     */
    @Override
    public List<Feature> read(FeatureStore store, Filter inView, Instant time, int maxCount) {
        List<Feature> latest = store.list(FeatureQuery.all(source, filter(), time, maxCount));
        Instant end = time != null ? time : latest.stream().map(f -> (Instant) f.properties().get("phenomenon_time"))
                .filter(t -> t != null).max(Instant::compareTo).orElse(null);
        if (end == null) return List.of();
        Map<String, double[]> sums = new LinkedHashMap<>();
        Map<String, Geometry> places = new LinkedHashMap<>();
        List<List<Feature>> samples = new ArrayList<>(List.of(latest));
        Duration step = WINDOW.dividedBy(SAMPLES);
        for (int k = 1; k < SAMPLES; k++) samples.add(store.list(FeatureQuery.all(source, filter(), end.minus(step.multipliedBy(k)), maxCount)));
        for (List<Feature> sample : samples) {
            for (Feature f : sample) {
                if (!(f.properties().get("result_value") instanceof Double head)) continue;
                String well = (String) f.properties().get("well_code");
                double[] sum = sums.computeIfAbsent(well, w -> new double[2]);
                sum[0] += head;
                sum[1]++;
                places.putIfAbsent(well, f.geometry());
            }
        }
        List<Feature> heads = new ArrayList<>();
        sums.forEach((well, sum) -> heads.add(new Feature(well, Map.of("well_code", well, "result_value", sum[0] / sum[1]), places.get(well))));
        return heads;
    }

    @Override
    public void paint(MapCanvas canvas, List<Feature> heads) {
        flow(heads).ifPresent(drawn -> {
            for (SiteFlow.Arrow arrow : drawn.arrows()) draw(canvas, drawn.site(), arrow);
        });
    }

    /** The arrow nearest the click, if the click is among the arrows drawn: its node, speed (m/d) and azimuth. */
    @Override
    public List<Feature> featuresAt(FeatureStore store, Envelope around, Instant time, int count) {
        Optional<Drawn> drawn = flow(read(store, null, time, ALL_WELLS));
        if (drawn.isEmpty() || drawn.get().arrows().isEmpty()) return List.of();
        Site site = drawn.get().site();
        double[] click = site.grid().toLocal(around.centre().x, around.centre().y);
        SiteFlow.Arrow nearest = null;
        double best = Double.POSITIVE_INFINITY;
        for (SiteFlow.Arrow arrow : drawn.get().arrows()) {
            double d = Math.hypot(arrow.velocity().x() - click[0], arrow.velocity().y() - click[1]);
            if (d < best) {
                best = d;
                nearest = arrow;
            }
        }
        // Beyond half a diagonal of arrow spacing the click is nearer another cell than any arrow drawn.
        if (best > SiteFlow.CELL_M * SiteFlow.ARROWS_EVERY * Math.sqrt(0.5)) return List.of();
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("speed_m_per_d", nearest.velocity().speed());
        properties.put("azimuth_deg", nearest.velocity().azimuthDegrees());
        properties.put("vx_m_per_d", nearest.velocity().vx());
        properties.put("vy_m_per_d", nearest.velocity().vy());
        Point node = Cgcs2000.GEOMETRY_FACTORY.createPoint(nearest.lonLat().getCoordinate());
        return List.of(new Feature("arrow", properties, node));
    }

    private record Drawn(Site site, List<SiteFlow.Arrow> arrows) {}

    /** The flow from the heads shown, and its arrows near the wells; none from fewer than three wells. */
    private Optional<Drawn> flow(List<Feature> heads) {
        if (heads.size() < 3) return Optional.empty();
        Site site = sites.load(park);
        Map<String, Well> wells = new LinkedHashMap<>();
        site.wells().forEach(w -> wells.put(w.code(), w));
        Map<Well, Double> shown = new LinkedHashMap<>();
        List<Coordinate> places = new ArrayList<>();
        for (Feature f : heads) {
            Well well = wells.get((String) f.properties().get("well_code"));
            if (well == null || !(f.geometry() instanceof Point at)) continue;
            shown.put(well.withLocation(at), (Double) f.properties().get("result_value"));
            double[] xy = site.local(at);
            places.add(new Coordinate(xy[0], xy[1]));
        }
        if (shown.size() < 3) return Optional.empty();
        Geometry hull = LOCAL.createMultiPointFromCoords(places.toArray(Coordinate[]::new)).convexHull();
        if (hull.getDimension() < 2) return Optional.empty();
        Envelope size = hull.getEnvelopeInternal();
        Geometry near = hull.buffer(Math.max(size.getWidth(), size.getHeight()) / 6);
        SiteFlow flow = SiteFlow.ofHeads(site, site.aquifer(aquifer), shown, SiteFlow.CELL_M);
        List<SiteFlow.Arrow> arrows = new ArrayList<>();
        for (SiteFlow.Arrow arrow : flow.arrows(SiteFlow.ARROWS_EVERY)) {
            if (arrow.velocity().speed() > 0 && near.contains(LOCAL.createPoint(new Coordinate(arrow.velocity().x(), arrow.velocity().y())))) {
                arrows.add(arrow);
            }
        }
        return Optional.of(new Drawn(site, arrows));
    }

    /**
     * An arrow centred on its node, pointing along the flow as the map's projection shows it: the direction is taken
     * from a point a metre downstream, so a map in degrees (EPSG:4326) leans the arrows as it stretches east-west.
     */
    private static void draw(MapCanvas canvas, Site site, SiteFlow.Arrow arrow) {
        var v = arrow.velocity();
        double[] node = canvas.pixel(arrow.lonLat().getX(), arrow.lonLat().getY());
        if (node[0] < -LENGTH_PX || node[1] < -LENGTH_PX || node[0] > canvas.width + LENGTH_PX || node[1] > canvas.height + LENGTH_PX) return;
        Coordinate ahead = site.grid().toLonLat(v.x() + v.vx() / v.speed(), v.y() + v.vy() / v.speed());
        double[] tip = canvas.pixel(ahead.x, ahead.y);
        double dx = tip[0] - node[0];
        double dy = tip[1] - node[1];
        double norm = Math.hypot(dx, dy);
        if (!(norm > 0)) return;
        dx /= norm;
        dy /= norm;
        double half = LENGTH_PX / 2;
        double headX = node[0] + dx * half;
        double headY = node[1] + dy * half;
        double baseX = headX - dx * HEAD_PX;
        double baseY = headY - dy * HEAD_PX;
        canvas.graphics.setColor(colour(v.speed()));
        canvas.graphics.setStroke(new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        canvas.graphics.draw(new Line2D.Double(node[0] - dx * half, node[1] - dy * half, baseX, baseY));
        Path2D.Double head = new Path2D.Double();
        head.moveTo(headX, headY);
        head.lineTo(baseX - dy * HEAD_PX / 2, baseY + dx * HEAD_PX / 2);
        head.lineTo(baseX + dy * HEAD_PX / 2, baseY - dx * HEAD_PX / 2);
        head.closePath();
        canvas.graphics.fill(head);
    }

    private static Color colour(double speed) {
        int k = 0;
        while (k < SPEED_LIMITS.length && speed >= SPEED_LIMITS[k]) k++;
        return SPEED_COLOURS[k];
    }

    @Override
    public List<LegendEntry> legend() {
        List<LegendEntry> entries = new ArrayList<>();
        for (int k = 0; k < SPEED_COLOURS.length; k++) {
            String label = k == 0 ? "< " + SPEED_LIMITS[0] + " m/d"
                    : k == SPEED_LIMITS.length ? "≥ " + SPEED_LIMITS[k - 1] + " m/d" : SPEED_LIMITS[k - 1] + "–" + SPEED_LIMITS[k] + " m/d";
            entries.add(new LegendEntry("渗流速度 seepage " + label, Symbolizer.area(SPEED_COLOURS[k], null, 0)));
        }
        return entries;
    }
}
