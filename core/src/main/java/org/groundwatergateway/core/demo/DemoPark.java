package org.groundwatergateway.core.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.groundwatergateway.analytics.flow.UniformFlow;
import org.groundwatergateway.analytics.transport.DomenicoSource;
import org.groundwatergateway.core.geo.Cgcs2000;
import org.groundwatergateway.core.geo.LocalGrid;
import org.groundwatergateway.core.monitoring.Well;
import org.groundwatergateway.core.park.PotentialSource;
import org.groundwatergateway.core.park.UnifiedSocialCreditCode;
import org.groundwatergateway.core.time.ChinaStandardTime;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Polygon;

/**
 * The layout and hydrogeology of the demo park: a fictional coastal chemical park in Rudong County,
 * Jiangsu (海滨示范化工园区), 3 km × 2 km, on a plain that drains east-south-east to the Yellow Sea.
 * Everything here is fixed, so the generated data and {@link #groundTruth()} are the same on every start.
 *
 * <p>Positions are on a local grid in metres (east, north) from the park's south-west corner.
 */
public final class DemoPark {

    public static final String PARK_CODE = "HBDP";
    public static final LocalGrid GRID = new LocalGrid(121.0, 32.54);
    public static final ZoneOffset CHINA = ChinaStandardTime.OFFSET;
    /** First hour of demo data: 2025-11-01 00:00 China Standard Time. */
    public static final Instant START = LocalDateTime.of(2025, 11, 1, 0, 0).toInstant(CHINA);
    public static final int FULL_DAYS = 365;

    // Unconfined aquifer: silty fine sand, regional flow to azimuth 105° (ESE).
    static final double FLOW_AZIMUTH = 105;
    static final double GRADIENT = 0.0013;
    static final double K_UNCONFINED = 30;      // m/d
    static final double NE_UNCONFINED = 0.25;
    static final double SEEPAGE_VELOCITY = K_UNCONFINED * GRADIENT / NE_UNCONFINED; // 0.156 m/d
    static final double FLOW_E = Math.sin(Math.toRadians(FLOW_AZIMUTH));
    static final double FLOW_N = Math.cos(Math.toRadians(FLOW_AZIMUTH));
    /** The unconfined aquifer's flow: the frame of both plumes, and of source tracing against them. */
    public static final UniformFlow FLOW = new UniformFlow(FLOW_AZIMUTH, SEEPAGE_VELOCITY);
    /** Wells sample the plumes this far below the water table, m. */
    static final double WATER_TABLE_DEPTH = 0.5;

    static final double LONGITUDINAL_DISPERSIVITY = 5;
    static final double TRANSVERSE_DISPERSIVITY = 0.5;
    static final double VERTICAL_DISPERSIVITY = 0.05;

    /** The two leaks. */
    static final Leak BENZENE_LEAK = new Leak("PS-E01-TF", "benzene", 650, 1300,
            LocalDateTime.of(2026, 2, 10, 6, 0).toInstant(CHINA), 12.0, 20, 3, 1.2, 0.0015);
    static final Leak CHROMIUM_LEAK = new Leak("PS-E05-LG", "chromium-vi", 1500, 600,
            LocalDateTime.of(2026, 4, 18, 14, 0).toInstant(CHINA), 2.5, 16, 2.5, 1.0, 0.0);

    /** Wells with a second sensor for one parameter, and that parameter. */
    static final Map<String, String> DUAL_SENSORS = Map.of("GW-U04", "benzene", "GW-U09", "chromium-vi", "GW-U24", "conductivity");

    /** HJ 212 MN of the weather station's logger. */
    static final String WEATHER_MN = "32062322000001";

    private DemoPark() {}

    /** A rectangle on the demo region's grid (metres east and north), as a CGCS2000 longitude/latitude polygon. */
    static Polygon rectangle(double west, double south, double east, double north) {
        Coordinate[] ring = {GRID.toLonLat(west, south), GRID.toLonLat(east, south), GRID.toLonLat(east, north),
                GRID.toLonLat(west, north), GRID.toLonLat(west, south)};
        return Cgcs2000.GEOMETRY_FACTORY.createPolygon(ring);
    }

    /**
     * HJ 212 device number of the n-th well's data logger: county 320623, system code 24 (groundwater quality),
     * a sequence number; a well's second logger uses 94 instead of 24.
     */
    public static String deviceNumber(int well, boolean secondLogger) {
        return String.format("320623%s%06d", secondLogger ? "94" : "24", well);
    }

    /** The parameter a well measures with two sensors, or null. */
    public static String dualSensorParameter(String wellCode) {
        return DUAL_SENSORS.get(wellCode);
    }

    public static String weatherStationDeviceNumber() {
        return WEATHER_MN;
    }

    /** The demo's HJ 212 access password of a device: "HB" and the last four digits of its MN. */
    public static String devicePassword(String mn) {
        return "HB" + mn.substring(mn.length() - 4);
    }

    record Leak(String sourceCode, String parameterCode, double east, double north, Instant start,
                double sourceConcentration, double widthM, double depthM, double retardation, double decayPerDay) {

        DomenicoSource model() {
            return model(1, 1);
        }

        /** The model with seepage velocity and dispersivities scaled, for outlines of the plausible range. */
        DomenicoSource model(double velocityFactor, double dispersivityFactor) {
            return new DomenicoSource(sourceConcentration, widthM, depthM, SEEPAGE_VELOCITY * velocityFactor, retardation, decayPerDay,
                    LONGITUDINAL_DISPERSIVITY * dispersivityFactor, TRANSVERSE_DISPERSIVITY * dispersivityFactor,
                    VERTICAL_DISPERSIVITY * dispersivityFactor);
        }

        /** Concentration (mg/L) at a grid point at an instant, near the water table. */
        double concentration(double e, double n, Instant at) {
            return concentration(model(), e, n, at);
        }

        double concentration(DomenicoSource model, double e, double n, Instant at) {
            double days = Duration.between(start, at).toSeconds() / 86400.0;
            return FLOW.concentration(model, east, north, e, n, WATER_TABLE_DEPTH, days);
        }
    }

    /** An enterprise plot and its main potential source. */
    record EnterprisePlan(String number, String nameZh, String nameEn, String industry, double west, double south,
                          double east, double north, List<String> processes, List<String> pollutants,
                          PotentialSource.Kind sourceKind, String sourceNameZh, double sourceEast, double sourceNorth) {

        /** A valid GB 32100-2015 code: legal-person enterprise (91), Rudong County (320623), a made-up organisation code. */
        String creditCode() {
            String first17 = "91320623MA1" + String.format("%05d", (Integer.parseInt(number.substring(1)) * 7919) % 100000) + "X";
            return first17 + UnifiedSocialCreditCode.checkCharacter(first17);
        }

        String sourceCode() {
            return "PS-" + number + "-" + switch (sourceKind) {
                case TANK_FARM -> "TF";
                case LAGOON -> "LG";
                case WASTE_PILE -> "WP";
                case PIPELINE -> "PL";
                case PROCESS_AREA -> "PA";
                case LOADING_AREA -> "LA";
                case SEWER -> "SW";
            };
        }
    }

    static final List<EnterprisePlan> ENTERPRISES = List.of(
            new EnterprisePlan("E01", "江海石化有限公司", "Jianghai Petrochemical Co., Ltd.", "石油化工 / petrochemical",
                    330, 1030, 1070, 1770, List.of("催化重整", "芳烃抽提", "苯储运"), List.of("benzene", "toluene", "xylenes-total", "ethylbenzene"),
                    PotentialSource.Kind.TANK_FARM, "芳烃罐区", 650, 1300),
            new EnterprisePlan("E02", "海润精细化工有限公司", "Hairun Fine Chemicals Co., Ltd.", "精细化工 / fine chemicals",
                    1130, 1030, 1480, 1770, List.of("氯化", "硝化", "溶剂回收"), List.of("chlorobenzene", "1-2-dichlorobenzene", "nitrobenzene"),
                    PotentialSource.Kind.PROCESS_AREA, "氯化车间", 1300, 1400),
            new EnterprisePlan("E03", "东海农化有限公司", "Donghai Agrochemicals Co., Ltd.", "农药 / pesticides",
                    1520, 1030, 1870, 1770, List.of("有机磷合成", "制剂复配"), List.of("dichlorvos", "dimethoate", "trichloromethane-chloroform"),
                    PotentialSource.Kind.WASTE_PILE, "危废暂存库", 1700, 1250),
            new EnterprisePlan("E04", "通达染料有限公司", "Tongda Dyestuff Co., Ltd.", "染料 / dyes",
                    1930, 1030, 2670, 1770, List.of("重氮化偶合", "还原"), List.of("aniline", "nitrobenzene", "chromium-vi"),
                    PotentialSource.Kind.SEWER, "厂区污水管网", 2300, 1350),
            new EnterprisePlan("E05", "华源金属表面处理有限公司", "Huayuan Metal Finishing Co., Ltd.", "电镀 / electroplating",
                    1130, 230, 1870, 970, List.of("镀铬", "钝化", "酸洗"), List.of("chromium-vi", "nickel-ni", "copper-cu", "cyanide"),
                    PotentialSource.Kind.LAGOON, "含铬废水调节池", 1500, 600),
            new EnterprisePlan("E06", "蓝海氯碱有限公司", "Lanhai Chlor-Alkali Co., Ltd.", "氯碱 / chlor-alkali",
                    330, 230, 1070, 970, List.of("离子膜电解", "氯乙烯合成"), List.of("vinyl-chloride", "mercury-hg", "trichloromethane-chloroform"),
                    PotentialSource.Kind.PROCESS_AREA, "电解车间", 700, 600),
            new EnterprisePlan("E07", "联创涂料有限公司", "Lianchuang Coatings Co., Ltd.", "涂料 / coatings",
                    1930, 230, 2280, 970, List.of("树脂合成", "调漆"), List.of("toluene", "xylenes-total", "ethylbenzene"),
                    PotentialSource.Kind.LOADING_AREA, "溶剂装卸区", 2100, 500),
            new EnterprisePlan("E08", "新材高分子材料有限公司", "Xincai Polymer Materials Co., Ltd.", "新材料 / polymers",
                    2320, 230, 2670, 970, List.of("聚合", "造粒"), List.of("styrene", "ethylbenzene"),
                    PotentialSource.Kind.TANK_FARM, "苯乙烯罐区", 2500, 700),
            new EnterprisePlan("E09", "园区危废处置中心", "Park Hazardous Waste Disposal Centre", "危废处置 / hazardous waste",
                    2730, 1030, 2970, 1770, List.of("焚烧", "填埋"), List.of("lead-pb", "cadmium-cd", "arsenic-as", "benzo-a-pyrene"),
                    PotentialSource.Kind.WASTE_PILE, "飞灰暂存场", 2850, 1300),
            new EnterprisePlan("E10", "园区污水处理厂", "Park Wastewater Treatment Plant", "污水处理 / wastewater treatment",
                    2730, 230, 2970, 970, List.of("调节", "生化", "深度处理"), List.of("ammonia-nitrogen-as-n", "chromium-vi", "benzene"),
                    PotentialSource.Kind.LAGOON, "事故应急池", 2850, 600));

    /** A planned monitoring well. */
    /** A demo enterprise as an organisation of the park: its number (E01…), names and unified social credit code. */
    public record DemoEnterprise(String number, String nameZh, String nameEn, String creditCode) {}

    /** The demo's enterprises, for the accounts and API clients the demo gives each of them. */
    public static List<DemoEnterprise> enterprises() {
        return ENTERPRISES.stream().map(e -> new DemoEnterprise(e.number(), e.nameZh(), e.nameEn(), e.creditCode())).toList();
    }

    record WellPlan(String code, double east, double north, boolean confined, Well.Role role) {}

    static List<WellPlan> wells() {
        List<WellPlan> wells = new ArrayList<>();
        int[] n = {0};
        java.util.function.BiConsumer<double[], Well.Role> unconfined = (p, role) ->
                wells.add(new WellPlan(String.format("GW-U%02d", ++n[0]), p[0], p[1], false, role));
        // Background, upgradient (west).
        unconfined.accept(new double[] {100, 400}, Well.Role.BACKGROUND);
        unconfined.accept(new double[] {100, 1200}, Well.Role.BACKGROUND);
        unconfined.accept(new double[] {150, 1900}, Well.Role.BACKGROUND);
        // The two leaking sources: 10 and 25 m downgradient, then a line at 45, 90 and 180 m.
        for (Leak leak : List.of(BENZENE_LEAK, CHROMIUM_LEAK)) {
            unconfined.accept(downgradient(leak.east(), leak.north(), 10, 0), Well.Role.SOURCE_AREA);
            unconfined.accept(downgradient(leak.east(), leak.north(), 25, 4), Well.Role.SOURCE_AREA);
            for (double d : new double[] {45, 90, 180}) {
                unconfined.accept(downgradient(leak.east(), leak.north(), d, -3), Well.Role.DOWNGRADIENT);
            }
        }
        // The other enterprises' main potential source, 20 m downgradient.
        for (EnterprisePlan e : ENTERPRISES) {
            if (e.sourceEast() == BENZENE_LEAK.east() && e.sourceNorth() == BENZENE_LEAK.north()) continue;
            if (e.sourceEast() == CHROMIUM_LEAK.east() && e.sourceNorth() == CHROMIUM_LEAK.north()) continue;
            unconfined.accept(downgradient(e.sourceEast(), e.sourceNorth(), 20, 0), Well.Role.SOURCE_AREA);
        }
        // Boundary sentinels along the eastern (downgradient) boundary, then infill.
        for (double north : new double[] {150, 550, 950, 1350, 1850}) {
            unconfined.accept(new double[] {2985, north}, Well.Role.BOUNDARY_SENTINEL);
        }
        for (double[] p : new double[][] {{1100, 1400}, {1900, 1400}, {1900, 700}, {1100, 200}}) {
            unconfined.accept(p, Well.Role.DOWNGRADIENT);
        }
        int c = 0;
        for (double[] p : new double[][] {{500, 500}, {500, 1500}, {1500, 500}, {1500, 1500}, {2500, 500}, {2500, 1500},
                {1000, 1000}, {2000, 1000}, {2950, 300}, {2950, 1700}}) {
            Well.Role role = p[0] < 600 ? Well.Role.BACKGROUND : p[0] > 2900 ? Well.Role.BOUNDARY_SENTINEL : Well.Role.DOWNGRADIENT;
            wells.add(new WellPlan(String.format("GW-C%02d", ++c), p[0], p[1], true, role));
        }
        return wells;
    }

    private static double[] downgradient(double east, double north, double along, double across) {
        return new double[] {east + along * FLOW_E - across * FLOW_N, north + along * FLOW_N + across * FLOW_E};
    }

    /** Ground elevation (m, 1985 datum): the coastal plain falls gently towards the sea. */
    static double groundElevation(double east, double north) {
        return 5.8 - 0.0008 * east + 0.15 * Math.sin(north / 430.0);
    }

    /** Static head of the unconfined aquifer (m) before seasonal and rain effects. */
    static double unconfinedBaseHead(double east, double north) {
        return 3.9 - GRADIENT * FLOW.along(east, north) + 0.08 * Math.sin(east / 640.0) * Math.cos(north / 510.0);
    }

    /** Static head of the first confined aquifer (m), flowing east under a gentler gradient. */
    static double confinedBaseHead(double east, double north) {
        return 2.2 - 0.0005 * east + 0.0001 * north;
    }

    /** The signals of the demo region, made once for the live values of every park in it. */
    static final class Live {
        static final DemoSignals SIGNALS = new DemoSignals();
    }

    /**
     * The value a demo park datastream (by code, e.g. {@code GW-U04/benzene} or {@code WS-01/rainfall}) has at any
     * instant, in the parameter's unit: what the device simulator sends. Faults are not injected here.
     */
    public static double liveValue(String datastreamCode, Instant at) {
        return DemoParkDescription.DEMO.liveValue(datastreamCode, at);
    }

    public static GroundTruth groundTruth() {
        List<GroundTruth.Release> releases = new ArrayList<>();
        for (Leak leak : List.of(BENZENE_LEAK, CHROMIUM_LEAK)) {
            EnterprisePlan owner = ENTERPRISES.stream().filter(e -> e.sourceCode().equals(leak.sourceCode())).findFirst().orElseThrow();
            var lonLat = GRID.toLonLat(leak.east(), leak.north());
            releases.add(new GroundTruth.Release(leak.sourceCode(), owner.creditCode(), leak.parameterCode(),
                    lonLat.x, lonLat.y, leak.east(), leak.north(), leak.start(), leak.sourceConcentration(), leak.widthM(),
                    leak.depthM(), leak.retardation(), leak.decayPerDay(),
                    leak.model().massDischargeGramsPerDay(NE_UNCONFINED)));
        }
        return new GroundTruth(new GroundTruth.Flow(FLOW_AZIMUTH, GRADIENT, K_UNCONFINED, NE_UNCONFINED, SEEPAGE_VELOCITY),
                releases, DemoFaults.ALL);
    }
}
