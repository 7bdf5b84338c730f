package org.groundwatergateway.ogc.feature;

import static org.groundwatergateway.ogc.feature.PropertyType.DATETIME;
import static org.groundwatergateway.ogc.feature.PropertyType.DOUBLE;
import static org.groundwatergateway.ogc.feature.PropertyType.INTEGER;
import static org.groundwatergateway.ogc.feature.PropertyType.STRING;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.groundwatergateway.core.parameter.GroundwaterClassLimits;
import org.groundwatergateway.core.storage.Rows;
import org.groundwatergateway.ogc.xml.Namespaces;
import org.groundwatergateway.policies.AccessPolicy;
import org.groundwatergateway.policies.Viewer;
import org.groundwatergateway.policies.published.Door;
import org.groundwatergateway.policies.published.PublishedDataset;
import org.groundwatergateway.policies.published.PublishedDatasets;
import org.groundwatergateway.policies.sharing.Datasets;

/**
 * The feature types every OGC service publishes (WFS feature types, WMS layers, OGC API collections): each dataset of
 * the registry ({@link PublishedDatasets}) published through WFS, bound by its id to its properties and its view over
 * the schema, and the policy that decides what a viewer sees of them. Titles and descriptions are the registry's.
 */
public final class PublishedFeatureTypes {

    /** The GB/T 14848 class (1–5) of {@code r.result_value} under parameter {@code p}; null where no limits exist. */
    private static final String QUALITY_CLASS = GroundwaterClassLimits.classSql("r.result_value", "p");

    public static final FeatureType WELLS = bind("wells",
            List.of(text("code", "编号", "Code"), text("name_zh", "名称", "Name"), text("park_code", "园区", "Park"),
                    text("aquifer", "含水层", "Aquifer"), text("role", "功能", "Role"), text("status", "状态", "Status"),
                    number("ground_elevation_m", "地面高程(m)", "Ground elevation (m)"),
                    number("screen_top_depth_m", "滤管顶深(m)", "Screen top depth (m)"),
                    number("screen_bottom_depth_m", "滤管底深(m)", "Screen bottom depth (m)")),
            "code",
            asOf -> SqlFragment.of("SELECT w.id AS fid, w.location AS geom, w.code, w.name_zh, k.code AS park_code, a.code AS aquifer, "
                    + "w.role, w.status, w.ground_elevation_m, w.screen_top_depth_m, w.screen_bottom_depth_m "
                    + "FROM wells w JOIN aquifer_layers a ON a.id = w.aquifer_id JOIN parks k ON k.id = w.park_id"));

    public static final FeatureType LATEST_READINGS = bind("latest_readings",
            List.of(text("well_code", "井编号", "Well"), text("well_name", "井名称", "Well name"), text("aquifer", "含水层", "Aquifer"),
                    text("parameter", "指标代码", "Parameter"), text("parameter_name", "指标", "Parameter name"), text("unit", "单位", "Unit"),
                    number("result_value", "监测值", "Value"), new FeatureProperty("phenomenon_time", DATETIME, "监测时间", "Time"),
                    new FeatureProperty("quality_flags", INTEGER, "质量标记", "Quality flags"),
                    new FeatureProperty("gbt14848_class", INTEGER, "水质类别", "GB/T 14848 class")),
            "well_code",
            PublishedFeatureTypes::latestReadings).withClassColumn("result_value", "gbt14848_class");

    public static final FeatureType PLUMES = bind("plumes",
            List.of(text("parameter", "指标代码", "Parameter"), text("parameter_name", "指标", "Parameter name"),
                    text("source_code", "污染源", "Source"), new FeatureProperty("valid_time", DATETIME, "时间", "Valid time"),
                    text("band", "置信带", "Band"), number("threshold", "阈值", "Threshold"), text("unit", "单位", "Unit"),
                    text("method", "方法", "Method"), number("area_m2", "面积(m²)", "Area (m²)")),
            "valid_time",
            PublishedFeatureTypes::plumes);

    /** The heat maps of incidents' source traces: at a time, per park, parameter and aquifer, the latest trace whose window ended by then. */
    public static final FeatureType SOURCE_PROBABILITIES = bind("source_probabilities",
            List.of(text("parameter", "指标代码", "Parameter"), text("parameter_name", "指标", "Parameter name"),
                    text("aquifer", "含水层", "Aquifer"), text("candidate", "候选源", "Candidate source"),
                    text("enterprise", "企业", "Enterprise"), number("probability", "新释放概率", "Probability of a new release"),
                    new FeatureProperty("window_from", DATETIME, "溯源时段起", "Traced from"),
                    new FeatureProperty("window_to", DATETIME, "溯源时段止", "Traced to"),
                    new FeatureProperty("computed_at", DATETIME, "计算时间", "Computed at"),
                    new FeatureProperty("incident_id", INTEGER, "事件", "Incident")),
            "window_to",
            PublishedFeatureTypes::sourceProbabilities);

    public static final FeatureType RISK_ZONES = bind("risk_zones",
            List.of(text("code", "编号", "Code"), text("name_zh", "名称", "Name"), text("risk_level", "风险等级", "Risk level"),
                    text("basis", "依据", "Basis"), text("assessed_on", "评估日期", "Assessed on")),
            "code",
            asOf -> SqlFragment.of("SELECT z.id AS fid, z.geom, z.code, z.name_zh, z.risk_level, z.basis, "
                    + "CAST(z.assessed_on AS VARCHAR(10)) AS assessed_on FROM risk_zones z"));

    public static final FeatureType ENTERPRISES = bind("enterprises",
            List.of(text("credit_code", "统一社会信用代码", "Unified social credit code"), text("name_zh", "名称", "Name"),
                    text("name_en", "英文名称", "Name (English)"), text("industry", "行业", "Industry"),
                    text("processes", "生产工艺", "Processes"), text("characteristic_pollutants", "特征污染物", "Characteristic pollutants")),
            "credit_code",
            asOf -> SqlFragment.of("SELECT e.id AS fid, e.boundary AS geom, e.credit_code, e.name_zh, e.name_en, e.industry, "
                    + "e.processes, e.characteristic_pollutants FROM enterprises e"));

    public static final FeatureType RECEPTORS = bind("receptors",
            List.of(text("code", "编号", "Code"), text("kind", "类型", "Kind"), text("name_zh", "名称", "Name"),
                    text("protection_level", "保护级别", "Protection level")),
            "code",
            asOf -> SqlFragment.of("SELECT r.id AS fid, r.geom, r.code, r.kind, r.name_zh, r.protection_level FROM receptors r"));

    public static final FeatureType POTENTIAL_SOURCES = bind("potential_sources",
            List.of(text("code", "编号", "Code"), text("kind", "类型", "Kind"), text("name_zh", "名称", "Name"),
                    text("enterprise", "企业", "Enterprise"), text("pollutants", "污染物", "Pollutants")),
            "code",
            asOf -> SqlFragment.of("SELECT s.id AS fid, s.geom, s.code, s.kind, s.name_zh, e.credit_code AS enterprise, s.pollutants "
                    + "FROM potential_sources s LEFT JOIN enterprises e ON e.id = s.enterprise_id"));

    public static final FeatureType ROADS = bind("roads",
            List.of(text("name_zh", "名称", "Name"), number("speed_kmh", "限速(km/h)", "Speed limit (km/h)")),
            "name_zh",
            asOf -> SqlFragment.of("SELECT r.id AS fid, r.geom, r.name_zh, r.speed_kmh FROM road_segments r"));

    public static final FeatureType NETWORK_COVERAGE = bind("network_coverage",
            List.of(text("aquifer", "含水层", "Aquifer"), number("radius_m", "探测半径(m)", "Detection radius (m)"),
                    new FeatureProperty("well_count", INTEGER, "井数", "Wells"),
                    number("covered_fraction", "覆盖比例", "Covered fraction"),
                    new FeatureProperty("computed_at", DATETIME, "计算时间", "Computed at")),
            "aquifer",
            asOf -> SqlFragment.of("SELECT c.id AS fid, c.geom, a.code AS aquifer, c.radius_m, c.well_count, c.covered_fraction, "
                    + "c.computed_at FROM network_coverage c JOIN aquifer_layers a ON a.id = c.aquifer_id"));

    /**
     * What partners share with us, mirrored: each datastream's latest observation (at or before the time asked for),
     * where the partner shows its Thing, with the origin every door carries. Governed by {@code foreign_observations}.
     */
    public static final FeatureType FOREIGN_LATEST_READINGS = bind("foreign_latest_readings",
            List.of(text("origin_park", "来源园区", "Origin park"), text("origin_gateway", "来源网关", "Origin gateway"),
                    text("well", "井/点位", "Well or point"), text("datastream", "数据流", "Datastream"), text("unit", "单位", "Unit"),
                    number("result_value", "监测值", "Value"), new FeatureProperty("phenomenon_time", DATETIME, "监测时间", "Time"),
                    text("licence", "许可", "Licence"), text("source_disclosure", "来源方脱敏", "Masked by the source"),
                    new FeatureProperty("last_success_at", DATETIME, "最近一次同步", "Last successful pull")),
            "datastream",
            PublishedFeatureTypes::foreignLatestReadings);

    /** Every feature type, in the registry's order; each dataset the registry publishes through WFS has its view here. */
    public static final List<FeatureType> ALL = inRegistryOrder(WELLS, LATEST_READINGS, PLUMES, SOURCE_PROBABILITIES, RISK_ZONES, ENTERPRISES, RECEPTORS,
            POTENTIAL_SOURCES, ROADS, NETWORK_COVERAGE, FOREIGN_LATEST_READINGS);

    /** How far back a value counts as the value at an instant (WMS TIME, OGC API datetime). */
    static final Duration LOOKBACK = Duration.ofDays(3);

    private final AccessPolicy policy;

    public PublishedFeatureTypes(AccessPolicy policy) {
        this.policy = policy;
    }

    /** The types the viewer may see, as it may see them. */
    public List<DisclosedType> visibleTo(Viewer viewer) {
        return ALL.stream().map(type -> disclose(viewer, type)).flatMap(Optional::stream).toList();
    }

    /** A type by name, with or without a namespace prefix; empty if unknown or not visible to the viewer. */
    public Optional<DisclosedType> find(Viewer viewer, String name) {
        String local = Namespaces.localName(name);
        return ALL.stream().filter(type -> type.name().equals(local)).findFirst().flatMap(type -> disclose(viewer, type));
    }

    private Optional<DisclosedType> disclose(Viewer viewer, FeatureType type) {
        String dataset = type.dataset().governedBy();
        return DisclosedType.of(type, Datasets.wholeOrNothing(dataset, policy.disclose(viewer, dataset)));
    }

    /**
     * Now: the stored latest reading of each datastream. At an instant: the latest current reading in the
     * {@link #LOOKBACK} before it, found per datastream through the readings key, so history maps stay fast on
     * a year of hourly data; a well silent for longer shows no value at that instant.
     */
    private static SqlFragment latestReadings(Instant asOf) {
        String columns = "SELECT d.id AS fid, w.location AS geom, w.code AS well_code, w.name_zh AS well_name, a.code AS aquifer, "
                + "p.code AS parameter, "
                + "p.name_zh AS parameter_name, p.unit, r.result_value, r.phenomenon_time, r.quality_flags, " + QUALITY_CLASS + " AS gbt14848_class ";
        // At dual-sensor wells the first sensor's datastream speaks for the well.
        String firstSensor = "NOT EXISTS (SELECT 1 FROM datastreams o WHERE o.well_id = d.well_id AND o.parameter_id = d.parameter_id AND o.id < d.id)";
        String sites = "JOIN datastreams d ON d.id = r.datastream_id JOIN wells w ON w.id = d.well_id JOIN aquifer_layers a ON a.id = w.aquifer_id "
                + "JOIN parameters p ON p.id = d.parameter_id ";
        if (asOf == null) return SqlFragment.of(columns + "FROM latest_readings r " + sites + "WHERE " + firstSensor);
        // The reading is found by id: H2 would otherwise join on the datastream alone and scan its whole history.
        return SqlFragment.of(columns + "FROM (SELECT (SELECT x.id FROM readings x WHERE x.datastream_id = s.id AND x.current_version "
                        + "AND x.phenomenon_time <= ? AND x.phenomenon_time > ? ORDER BY x.phenomenon_time DESC LIMIT 1) AS reading_id "
                        + "FROM datastreams s WHERE s.well_id IS NOT NULL) t JOIN readings r ON r.id = t.reading_id "
                        + sites + "WHERE " + firstSensor,
                Rows.timestamp(asOf), Rows.timestamp(asOf.minus(LOOKBACK)));
    }

    private static SqlFragment foreignLatestReadings(Instant asOf) {
        // Each datastream's newest time from the primary key (datastream, time), then that one row; a datastream the
        // partner shows no place for is not a feature (it is read through SensorThings and REST).
        String latest = "SELECT datastream_id, MAX(phenomenon_time) AS latest FROM foreign_observations"
                + (asOf == null ? "" : " WHERE phenomenon_time <= ?") + " GROUP BY datastream_id";
        return SqlFragment.of("SELECT f.id AS fid, f.location AS geom, fp.park_code AS origin_park, fp.gateway_id AS origin_gateway, "
                + "f.thing AS well, f.name AS datastream, f.unit, o.result AS result_value, o.phenomenon_time, f.licence, "
                + "f.disclosure AS source_disclosure, m.last_success_at FROM foreign_datastreams f "
                + "JOIN federation_peers fp ON fp.id = f.peer_id LEFT JOIN federation_mirrors m ON m.peer_id = f.peer_id "
                + "JOIN (" + latest + ") l ON l.datastream_id = f.id "
                + "JOIN foreign_observations o ON o.datastream_id = f.id AND o.phenomenon_time = l.latest WHERE f.location IS NOT NULL",
                asOf == null ? new Object[0] : new Object[] {Rows.timestamp(asOf)});
    }

    private static SqlFragment plumes(Instant asOf) {
        String select = "SELECT l.id AS fid, l.geom, p.code AS parameter, p.name_zh AS parameter_name, l.source_code, l.valid_time, l.band, "
                + "l.threshold, p.unit, l.method, l.area_m2 FROM plumes l JOIN parameters p ON p.id = l.parameter_id";
        if (asOf == null) return SqlFragment.of(select);
        return SqlFragment.of(select + " WHERE l.valid_time = (SELECT MAX(x.valid_time) FROM plumes x WHERE x.park_id = l.park_id "
                + "AND x.parameter_id = l.parameter_id AND COALESCE(x.source_code, '') = COALESCE(l.source_code, '') "
                + "AND x.band = l.band AND x.valid_time <= ?)", Rows.timestamp(asOf));
    }

    private static SqlFragment sourceProbabilities(Instant asOf) {
        String select = "SELECT c.id AS fid, c.geom, p.code AS parameter, p.name_zh AS parameter_name, a.code AS aquifer, c.candidate, "
                + "c.enterprise, c.probability, t.window_from, t.window_to, t.computed_at, t.incident_id FROM source_probabilities c "
                + "JOIN source_traces t ON t.id = c.trace_id JOIN parameters p ON p.id = t.parameter_id JOIN aquifer_layers a ON a.id = t.aquifer_id";
        if (asOf == null) return SqlFragment.of(select);
        // The latest trace by then, also where it found no candidate: then nothing is shown, not an older heat map.
        return SqlFragment.of(select + " WHERE t.window_to = (SELECT MAX(x.window_to) FROM source_traces x WHERE x.park_id = t.park_id "
                + "AND x.parameter_id = t.parameter_id AND x.aquifer_id = t.aquifer_id AND x.window_to <= ?)", Rows.timestamp(asOf));
    }

    private static FeatureType bind(String datasetId, List<FeatureProperty> properties, String defaultSortProperty,
                                    Function<Instant, SqlFragment> view) {
        return new FeatureType(PublishedDatasets.shipped().require(datasetId), properties, defaultSortProperty, view);
    }

    /**
     * The bound types in the order the registry declares them; a dataset published through WFS without a view here, or
     * a view bound to a dataset the registry does not publish through WFS, stops the start.
     */
    private static List<FeatureType> inRegistryOrder(FeatureType... bound) {
        Map<String, FeatureType> byId = new LinkedHashMap<>();
        for (FeatureType type : bound) byId.put(type.name(), type);
        List<FeatureType> ordered = new ArrayList<>();
        for (PublishedDataset dataset : PublishedDatasets.shipped().through(Door.WFS)) {
            FeatureType type = byId.remove(dataset.id());
            if (type == null) throw new IllegalStateException("published dataset " + dataset.id() + " has no feature view in ogc");
            ordered.add(type);
        }
        if (!byId.isEmpty()) throw new IllegalStateException("feature views for datasets not published through WFS: " + byId.keySet());
        return List.copyOf(ordered);
    }

    private static FeatureProperty text(String name, String zh, String en) {
        return new FeatureProperty(name, STRING, zh, en);
    }

    private static FeatureProperty number(String name, String zh, String en) {
        return new FeatureProperty(name, DOUBLE, zh, en);
    }
}
