package org.groundwatergateway.core.demo;

import static org.groundwatergateway.core.demo.DemoPark.GRID;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.groundwatergateway.analytics.spatial.Isobands;
import org.groundwatergateway.analytics.spatial.RegularGrid;
import org.groundwatergateway.analytics.transport.DomenicoSource;
import org.groundwatergateway.core.geo.Cgcs2000;
import org.groundwatergateway.core.monitoring.MonitoringRepository;
import org.groundwatergateway.core.monitoring.NetworkCoverage;
import org.groundwatergateway.core.park.AquiferLayer;
import org.groundwatergateway.core.park.Park;
import org.groundwatergateway.core.park.ParkRepository;
import org.groundwatergateway.core.park.RiskZone;
import org.groundwatergateway.core.parameter.Parameter;
import org.groundwatergateway.core.plume.Plume;
import org.groundwatergateway.core.plume.PlumeRepository;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * The demo park's map layers beyond its monitoring network: the risk zones of its assessment, the outlines of
 * its two modelled leaks month by month, and the coverage of its monitoring network.
 *
 * <p>Plume bands come from the leak model run with its plausible parameter range (seepage velocity ×0.8 and
 * dispersivities ×0.7 for P05, ×1.25 and ×1.4 for P95) until the Monte Carlo transport of the analytics module
 * writes them; the method text says so on every outline.
 */
final class DemoLayers {

    /**
     * The version of the leak model the outlines are drawn with, stored with each: raise it when {@code DemoPark.Leak} or
     * its Domenico source changes what an outline is.
     */
    static final String PLUME_MODEL_VERSION = "demo-domenico-1";
    /** Plume outlines are cut at the GB/T 14848 class III limit, the usual groundwater quality target. */
    private static final int TARGET_CLASS = 3;
    private static final double CELL_M = 5;
    private static final double COVERAGE_RADIUS_M = 250;
    private static final GeometryFactory LOCAL = new GeometryFactory();

    private DemoLayers() {}

    static void writeRiskZones(ParkRepository parks, Park park) {
        LocalDate assessed = LocalDate.of(2025, 9, 30);
        List<Geometry> assessedAreas = new ArrayList<>();
        for (DemoPark.EnterprisePlan e : DemoPark.ENTERPRISES) {
            Geometry source = rectangle(e.sourceEast() - 60, e.sourceNorth() - 60, e.sourceEast() + 60, e.sourceNorth() + 60);
            Geometry plot = rectangle(e.west(), e.south(), e.east(), e.north());
            parks.insert(new RiskZone(null, park.id(), "RZ-" + e.number() + "-H", e.nameZh() + " " + e.sourceNameZh() + "高风险区",
                    RiskZone.Level.HIGH, "重点设施（" + e.sourceNameZh() + "）及其 60 m 范围，特征污染物：" + String.join("、", e.pollutants()),
                    assessed, lonLat(source)));
            parks.insert(new RiskZone(null, park.id(), "RZ-" + e.number() + "-M", e.nameZh() + "厂区中风险区", RiskZone.Level.MEDIUM,
                    "企业厂区（" + e.industry() + "）", assessed, lonLat(plot.difference(source))));
            assessedAreas.add(plot.union(source));
        }
        Geometry rest = rectangle(0, 0, 3000, 2000).difference(LOCAL.buildGeometry(assessedAreas).union());
        parks.insert(new RiskZone(null, park.id(), "RZ-LOW", "园区公共区域低风险区", RiskZone.Level.LOW, "无重点设施的公共区域", assessed, lonLat(rest)));
    }

    static void writePlumes(PlumeRepository plumes, Park park, Map<String, Parameter> parameters) {
        List<Plume> outlines = new ArrayList<>();
        Instant end = DemoPark.START.plus(Duration.ofDays(DemoPark.FULL_DAYS));
        for (DemoPark.Leak leak : List.of(DemoPark.BENZENE_LEAK, DemoPark.CHROMIUM_LEAK)) {
            Parameter parameter = parameters.get(leak.parameterCode());
            double threshold = parameter.classLimits().bounds(TARGET_CLASS).upper();
            for (Instant at = leak.start().plus(Duration.ofDays(30)); !at.isAfter(end); at = at.plus(Duration.ofDays(30))) {
                outlines.add(outline(park, parameter, leak, at, Plume.Band.P05, leak.model(0.8, 0.7), threshold));
                outlines.add(outline(park, parameter, leak, at, Plume.Band.P50, leak.model(), threshold));
                outlines.add(outline(park, parameter, leak, at, Plume.Band.P95, leak.model(1.25, 1.4), threshold));
            }
        }
        plumes.insert(outlines);
    }

    static void writeCoverage(MonitoringRepository monitoring, Park park, List<AquiferLayer> aquifers) {
        var wells = monitoring.findWells(park.id());
        for (AquiferLayer aquifer : aquifers) {
            monitoring.replaceCoverage(park.id(), NetworkCoverage.of(park.boundary(), aquifer.id(), wells, COVERAGE_RADIUS_M));
        }
    }

    private static Plume outline(Park park, Parameter parameter, DemoPark.Leak leak, Instant at, Plume.Band band,
                                 DomenicoSource model, double threshold) {
        // The grid reaches further down the flow direction (east-south-east) than up it.
        // The model gives mg/L; the threshold is in the parameter's unit.
        double scale = parameter.unit().equals("µg/L") ? 1000 : 1;
        RegularGrid grid = RegularGrid.sample(leak.east() - 150, leak.north() - 300, CELL_M, CELL_M, 161, 101,
                (e, n) -> scale * leak.concentration(model, e, n, at));
        Geometry area = Isobands.atOrAbove(grid, threshold, LOCAL);
        String method = "演示模型 Domenico (1987)，" + switch (band) {
            case P05 -> "流速×0.8、弥散度×0.7";
            case P50 -> "标称参数";
            case P95 -> "流速×1.25、弥散度×1.4";
        };
        return new Plume(null, park.id(), parameter.id(), leak.sourceCode(), at, band, threshold, method, area.getArea(), lonLat(area),
                PLUME_MODEL_VERSION);
    }

    private static Geometry rectangle(double west, double south, double east, double north) {
        return LOCAL.toGeometry(new Envelope(west, east, south, north));
    }

    private static Geometry lonLat(Geometry local) {
        return Cgcs2000.GEOMETRY_FACTORY.createGeometry(GRID.lonLatMapping().applyTo(local));
    }
}
