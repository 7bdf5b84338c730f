package org.groundwatergateway.ogc.wms;

import java.awt.Color;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.groundwatergateway.core.parameter.Parameter;
import org.groundwatergateway.core.parameter.ParameterRepository;
import org.groundwatergateway.core.site.SiteFlow;
import org.groundwatergateway.core.site.SiteRepository;
import org.groundwatergateway.core.site.SourceProbabilityRepository;
import org.groundwatergateway.core.storage.Database;
import org.groundwatergateway.ogc.feature.DisclosedType;
import org.groundwatergateway.ogc.feature.Feature;
import org.groundwatergateway.ogc.feature.FeatureStore;
import org.groundwatergateway.ogc.feature.PublishedFeatureTypes;
import org.groundwatergateway.ogc.wms.MapLayer.LegendEntry;
import org.groundwatergateway.policies.Viewer;

/**
 * The layers WMS offers a viewer: each published feature type with its style, and for every parameter the wells
 * measure that has GB/T 14848 limits, a quality-class layer and a concentration surface, for every aquifer with
 * water levels its flow arrows, and for every parameter and aquifer an incident traced its source-probability heat map.
 */
public final class MapLayers {

    private static final Color OUTLINE = new Color(60, 60, 60);
    /** Roads in the grey of a printed base map, under everything the platform measures. */
    private static final Color ROAD = new Color(0x9E, 0x9E, 0x9E);

    private final PublishedFeatureTypes types;
    private final Database database;
    private final FeatureStore store;
    private final SiteRepository sites;
    /** The heat maps' (parameter, aquifer) listings, by what the stored heat maps are at and the disclosure. */
    private final Map<List<Object>, TracedGroups> traced = new java.util.concurrent.ConcurrentHashMap<>();
    private static final long LISTING_KEPT_NANOS = 60_000_000_000L;
    private static final int LISTINGS_KEPT = 64;

    public MapLayers(PublishedFeatureTypes types, Database database, FeatureStore store) {
        this.types = types;
        this.database = database;
        this.store = store;
        this.sites = new SiteRepository(database);
    }

    List<MapLayer> visibleTo(Viewer viewer) {
        List<MapLayer> layers = new ArrayList<>();
        for (DisclosedType type : types.visibleTo(viewer)) {
            // Readings and heat maps are drawn one parameter a layer (below).
            if (type.name().equals(PublishedFeatureTypes.LATEST_READINGS.name())
                    || type.name().equals(PublishedFeatureTypes.SOURCE_PROBABILITIES.name())) continue;
            layers.add(styled(type));
        }
        Map<String, Parameter> all = new java.util.HashMap<>();
        new ParameterRepository(database).findAll().forEach(p -> all.put(p.code(), p));
        types.find(viewer, PublishedFeatureTypes.SOURCE_PROBABILITIES.name()).ifPresent(heatMaps -> layers.addAll(heatMapLayers(heatMaps, all)));
        types.find(viewer, PublishedFeatureTypes.LATEST_READINGS.name()).ifPresent(latest -> {
            Map<String, Parameter> parameters = new java.util.TreeMap<>();
            all.values().stream().filter(p -> p.classLimits() != null).forEach(p -> parameters.put(p.code(), p));
            List<String[]> measured = measured().stream().filter(pair -> parameters.containsKey(pair[0])).toList();
            measured.stream().map(pair -> pair[0]).distinct().forEach(code -> layers.add(new QualityClassLayer(latest, parameters.get(code))));
            // A surface is interpolated from the values as shown (at coarsened places, if so); an audience shown classes
            // only gets no surface, which would put concentrations back between the classes.
            // The flow arrows are drawn from the water levels as shown too, and likewise not from classes: a gradient from
            // exact heads would give back the head differences the classes hide.
            if (!latest.disclosure().bucketed().containsKey("result_value")) {
                measured.forEach(pair -> layers.add(new ConcentrationSurfaceLayer(latest, parameters.get(pair[0]), pair[1])));
                headsMeasured().forEach(pair -> layers.add(new GroundwaterFlowLayer(latest, sites, pair[0], pair[1])));
            }
        });
        return layers;
    }

    Optional<MapLayer> find(Viewer viewer, String name) {
        return visibleTo(viewer).stream().filter(layer -> layer.name().equals(name)).findFirst();
    }

    /**
     * A layer for every parameter and aquifer traced, as the viewer is shown the heat maps (rows, delay): no more is
     * named, and none where the viewer is not shown which parameter or aquifer a heat map is of. The listing reads every
     * heat map's cells, so it is kept while no trace is stored and for a minute at most (a delay's cutoff moves on).
     */
    private List<MapLayer> heatMapLayers(DisclosedType heatMaps, Map<String, Parameter> parameters) {
        if (heatMaps.type().property("parameter").isEmpty() || heatMaps.type().property("aquifer").isEmpty()) return List.of();
        String stored = new SourceProbabilityRepository(database).stamp();
        List<Object> key = List.of(stored, heatMaps.disclosure());
        long now = System.nanoTime();
        TracedGroups groups = traced.get(key);
        if (groups == null || now - groups.listedAt() > LISTING_KEPT_NANOS) {
            if (traced.size() > LISTINGS_KEPT) traced.clear();
            groups = new TracedGroups(tracedGroups(heatMaps), now);
            traced.put(key, groups);
        }
        List<MapLayer> layers = new ArrayList<>();
        for (var group : groups.groups().entrySet()) {
            List<Object> of = group.getKey();
            if (of.get(0) == null || of.get(1) == null) continue;
            layers.add(new SourceProbabilityLayer(heatMaps, parameters.get((String) of.get(0)), (String) of.get(1), stored, group.getValue()));
        }
        return layers;
    }

    /** (parameter, aquifer) of every heat map the viewer is shown, with the ends of their traced windows where it is shown them, oldest first. */
    private Map<List<Object>, List<Instant>> tracedGroups(DisclosedType heatMaps) {
        boolean timed = heatMaps.type().property("window_to").isPresent();
        Map<List<Object>, List<Instant>> groups = new LinkedHashMap<>();
        for (List<Object> row : store.distinct(heatMaps, timed ? List.of("parameter", "aquifer", "window_to") : List.of("parameter", "aquifer"), null)) {
            List<Instant> ends = groups.computeIfAbsent(Arrays.asList(row.get(0), row.get(1)), of -> new ArrayList<>());
            if (timed && row.get(2) != null) ends.add((Instant) row.get(2));
        }
        return groups;
    }

    /** The heat maps' (parameter, aquifer) as one disclosure shows them, with their window ends, and when they were listed ({@link System#nanoTime}). */
    private record TracedGroups(Map<List<Object>, List<Instant>> groups, long listedAt) {}

    /** (park code, aquifer code) of every aquifer with water levels measured at its wells. */
    private List<String[]> headsMeasured() {
        return database.jdbc().sql("SELECT DISTINCT k.code AS park, a.code AS aquifer FROM datastreams d "
                        + "JOIN parameters p ON p.id = d.parameter_id JOIN wells w ON w.id = d.well_id JOIN parks k ON k.id = w.park_id "
                        + "JOIN aquifer_layers a ON a.id = w.aquifer_id WHERE p.code = ? ORDER BY k.code, a.code")
                .param(SiteFlow.HEADS).query((rs, n) -> new String[] {rs.getString("park"), rs.getString("aquifer")}).list();
    }

    /** (parameter code, aquifer code) of every parameter measured at wells, by aquifer. */
    private List<String[]> measured() {
        return database.jdbc().sql("SELECT DISTINCT p.code AS parameter, a.code AS aquifer FROM datastreams d "
                        + "JOIN parameters p ON p.id = d.parameter_id JOIN wells w ON w.id = d.well_id "
                        + "JOIN aquifer_layers a ON a.id = w.aquifer_id ORDER BY p.code, a.code")
                .query((rs, n) -> new String[] {rs.getString("parameter"), rs.getString("aquifer")}).list();
    }

    private static FeatureTypeLayer styled(DisclosedType type) {
        switch (type.name()) {
            case "wells": {
                Map<String, Color> byRole = Map.of("BACKGROUND", new Color(0x1E, 0x88, 0xE5), "SOURCE_AREA", new Color(0xE5, 0x39, 0x35),
                        "DOWNGRADIENT", new Color(0xFB, 0x8C, 0x00), "BOUNDARY_SENTINEL", new Color(0x8E, 0x24, 0xAA));
                Function<Feature, Symbolizer> style = f -> Symbolizer.point(byRole.getOrDefault((String) f.properties().get("role"), Color.GRAY), OUTLINE, 5);
                List<LegendEntry> legend = List.of(new LegendEntry("背景井 background", style.apply(role("BACKGROUND"))),
                        new LegendEntry("源区井 source area", style.apply(role("SOURCE_AREA"))),
                        new LegendEntry("下游井 downgradient", style.apply(role("DOWNGRADIENT"))),
                        new LegendEntry("边界哨兵井 boundary sentinel", style.apply(role("BOUNDARY_SENTINEL"))));
                return new FeatureTypeLayer(type, style, legend, false);
            }
            case "plumes": {
                Symbolizer p50 = Symbolizer.area(new Color(229, 57, 53, 110), new Color(183, 28, 28), 1.6f);
                Symbolizer p95 = Symbolizer.dashed(new Color(229, 57, 53), 1.2f);
                Symbolizer p05 = Symbolizer.dashed(new Color(120, 20, 20), 1.0f);
                Function<Feature, Symbolizer> style = f -> switch (String.valueOf(f.properties().get("band"))) {
                    case "P05" -> p05;
                    case "P95" -> p95;
                    default -> p50;
                };
                return new FeatureTypeLayer(type, style, List.of(new LegendEntry("污染羽 P50 plume", p50),
                        new LegendEntry("95% 上界 P95 band", p95), new LegendEntry("5% 下界 P05 band", p05)), true);
            }
            case "risk_zones": {
                Symbolizer high = Symbolizer.area(new Color(229, 57, 53, 90), new Color(229, 57, 53), 1);
                Symbolizer medium = Symbolizer.area(new Color(251, 140, 0, 70), new Color(251, 140, 0), 1);
                Symbolizer low = Symbolizer.area(new Color(253, 216, 53, 50), new Color(200, 170, 30), 1);
                Function<Feature, Symbolizer> style = f -> switch (String.valueOf(f.properties().get("risk_level"))) {
                    case "HIGH" -> high;
                    case "MEDIUM" -> medium;
                    default -> low;
                };
                return new FeatureTypeLayer(type, style, List.of(new LegendEntry("高风险 high", high), new LegendEntry("中风险 medium", medium),
                        new LegendEntry("低风险 low", low)), false);
            }
            case "enterprises":
                return uniform(type, Symbolizer.area(new Color(120, 144, 156, 60), new Color(69, 90, 100), 1.2f), "企业 enterprise");
            case "receptors":
                return uniform(type, new Symbolizer(new Color(0, 150, 136, 90), new Color(0, 105, 92), 2f, null, 6), "敏感受体 receptor");
            case "potential_sources":
                return uniform(type, Symbolizer.area(new Color(142, 36, 170, 120), new Color(74, 20, 140), 1.2f), "潜在污染源 potential source");
            case "roads":
                return uniform(type, new Symbolizer(null, ROAD, 3f, null, 0), "道路 road");
            case "foreign_latest_readings":
                return uniform(type, Symbolizer.point(new Color(0x5E, 0x35, 0xB1), OUTLINE, 5), "友邻园区监测点 partner park's point");
            case "network_coverage":
                return uniform(type, Symbolizer.area(new Color(67, 160, 71, 50), new Color(46, 125, 50), 1f), "监测覆盖 covered");
            default:
                return uniform(type, Symbolizer.area(new Color(100, 100, 100, 60), OUTLINE, 1f), type.type().titleEn());
        }
    }

    private static FeatureTypeLayer uniform(DisclosedType type, Symbolizer symbol, String label) {
        return new FeatureTypeLayer(type, f -> symbol, List.of(new LegendEntry(label, symbol)), false);
    }

    private static Feature role(String role) {
        return new Feature("legend", Map.of("role", role), null);
    }
}
