package org.groundwatergateway.core.demo;

import static org.groundwatergateway.core.demo.DemoPark.ENTERPRISES;
import static org.groundwatergateway.core.demo.DemoPark.GRID;
import static org.groundwatergateway.core.demo.DemoPark.START;
import static org.groundwatergateway.core.demo.DemoPark.rectangle;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Random;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.groundwatergateway.core.emergency.Camera;
import org.groundwatergateway.core.emergency.Depot;
import org.groundwatergateway.core.emergency.EmergencyRepository;
import org.groundwatergateway.core.emergency.EmergencyResource;
import org.groundwatergateway.core.emergency.IncidentRepository;
import org.groundwatergateway.core.emergency.RoadSegment;
import org.groundwatergateway.core.geo.Cgcs2000;
import org.groundwatergateway.core.monitoring.Datastream;
import org.groundwatergateway.core.monitoring.MonitoringRepository;
import org.groundwatergateway.core.monitoring.Sensor;
import org.groundwatergateway.core.monitoring.WeatherStation;
import org.groundwatergateway.core.monitoring.Well;
import org.groundwatergateway.core.parameter.Parameter;
import org.groundwatergateway.core.parameter.ParameterRepository;
import org.groundwatergateway.core.plume.PlumeRepository;
import org.groundwatergateway.core.park.AquiferLayer;
import org.groundwatergateway.core.park.Enterprise;
import org.groundwatergateway.core.park.Park;
import org.groundwatergateway.core.park.ParkRepository;
import org.groundwatergateway.core.park.PotentialSource;
import org.groundwatergateway.core.park.Receptor;
import org.groundwatergateway.core.reading.Reading;
import org.groundwatergateway.core.reading.ReadingRepository;
import org.groundwatergateway.core.reading.ReadingSink;
import org.groundwatergateway.core.warning.RuleValidation;
import org.groundwatergateway.core.warning.WarningRule;
import org.groundwatergateway.core.warning.WarningRuleRepository;
import org.groundwatergateway.core.monitoring.MaintenanceRecord;
import org.groundwatergateway.core.monitoring.MaintenanceRepository;
import org.groundwatergateway.core.monitoring.Device;
import org.groundwatergateway.core.monitoring.DeviceRepository;
import org.groundwatergateway.core.soil.SoilBoring;
import org.groundwatergateway.core.soil.SoilRepository;
import org.groundwatergateway.core.soil.SoilSample;
import org.groundwatergateway.core.storage.Database;
import org.groundwatergateway.core.storage.Rows;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.LineString;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a demo park ({@link DemoParkDescription}) into a database: the site, the monitoring network, soil borings,
 * emergency resources and roads (those of the demo park itself), then {@code days} days of hourly readings from
 * {@link DemoPark#START}. Loading is recorded in {@code platform_settings}, so a loaded park is not loaded again.
 */
public final class DemoParkLoader {

    static final String LOADED_SETTING = "demo.loaded";
    private static final Logger log = LoggerFactory.getLogger(DemoParkLoader.class);
    private static final int BATCH = 20_000;

    private final Database database;
    private final ReadingSink sink;
    private final DemoParkDescription description;
    private final ParkRepository parks;
    private final MonitoringRepository monitoring;
    private final ParameterRepository parameters;
    private final MaintenanceRepository maintenance;
    private final DeviceRepository devices;
    private final SoilRepository soil;
    private final EmergencyRepository emergency;

    /** A loader of the demo park that writes readings straight to storage, without QA/QC. */
    public DemoParkLoader(Database database) {
        this(database, new ReadingRepository(database)::append);
    }

    /** A loader of the demo park that hands the readings to {@code sink}, e.g. the ingest intake, which runs QA/QC on them. */
    public DemoParkLoader(Database database, ReadingSink sink) {
        this(database, sink, DemoParkDescription.DEMO);
    }

    /** A loader of {@code park} that hands the readings to {@code sink}, e.g. the ingest intake, which runs QA/QC on them. */
    public DemoParkLoader(Database database, ReadingSink sink, DemoParkDescription park) {
        this.database = database;
        this.sink = sink;
        this.description = park;
        this.parks = new ParkRepository(database);
        this.monitoring = new MonitoringRepository(database);
        this.parameters = new ParameterRepository(database);
        this.soil = new SoilRepository(database);
        this.emergency = new EmergencyRepository(database);
        this.maintenance = new MaintenanceRepository(database);
        this.devices = new DeviceRepository(database);
    }

    /** Progress of a load, reported as readings are written. */
    public record Progress(long readingsWritten, long readingsTotal) {
        public int percent() {
            return readingsTotal == 0 ? 100 : (int) (100 * readingsWritten / readingsTotal);
        }
    }

    public boolean isLoaded() {
        return database.jdbc().sql("SELECT COUNT(*) FROM platform_settings WHERE name = ?").param(LOADED_SETTING)
                .query(Integer.class).single() > 0;
    }

    /**
     * Loads the park unless it is loaded already. Returns false if it was. A park left half-loaded by an
     * interrupted earlier start is reported, not silently completed.
     */
    public boolean loadIfAbsent(int days, Consumer<Progress> progress) {
        if (isLoaded()) return false;
        String code = description.code();
        if (parks.findByCode(code).isPresent()) {
            throw new IllegalStateException("The demo park " + code + " was only partly loaded by an earlier start that "
                    + "was interrupted. Remove the database (the embedded one lives in gw.data-dir) and start again.");
        }
        if (days < 1 || days > DemoPark.FULL_DAYS) throw new IllegalArgumentException("demo days must be 1.." + DemoPark.FULL_DAYS);
        long started = System.nanoTime();
        parameters.loadCatalogIfEmpty();
        Map<String, Parameter> parametersByCode = new HashMap<>();
        for (Parameter p : parameters.findAll()) parametersByCode.put(p.code(), p);
        Map<String, Long> parameterIds = new HashMap<>();
        parametersByCode.forEach((parameter, p) -> parameterIds.put(parameter, p.id()));

        Park park = parks.insert(new Park(null, code, description.nameZh(), description.nameEn(), description.division(), description.category(),
                description.boundary()));
        AquiferLayer unconfined = parks.insert(new AquiferLayer(null, park.id(), "Q1", "潜水含水层（粉细砂）",
                "Unconfined aquifer (silty fine sand)", AquiferLayer.Confinement.UNCONFINED, 1.0, 12.0,
                DemoPark.K_UNCONFINED, DemoPark.NE_UNCONFINED));
        List<AquiferLayer> aquifers = new ArrayList<>(List.of(unconfined));
        AquiferLayer confined = null;
        if (description.demoSite()) {
            confined = parks.insert(new AquiferLayer(null, park.id(), "C1", "第Ⅰ承压含水层（细中砂）",
                    "First confined aquifer (fine to medium sand)", AquiferLayer.Confinement.CONFINED, 28.0, 45.0, 20, 0.3));
            aquifers.add(confined);
            insertEnterprises(park);
            insertReceptors(park);
            insertRoadsAndDepots(park);
            insertCameras(park);
        }

        DemoSignals signals = new DemoSignals();
        List<PlannedStream> streams = insertMonitoringNetwork(park, unconfined, confined, parameterIds, days);
        insertWarningRules();
        if (description.demoSite()) {
            insertSoil(park, parameterIds);
            DemoLayers.writeRiskZones(parks, park);
            DemoLayers.writePlumes(new PlumeRepository(database), park, parametersByCode);
        }
        DemoLayers.writeCoverage(monitoring, park, aquifers);
        log.info("Demo park {}: site written ({} wells, {} datastreams)", code, description.wells().size(), streams.size());

        // Readings go out hour by hour across all datastreams, as devices would send them, so that checks
        // comparing datastreams (dual sensors, conductivity against TDS) see both sides together.
        int hours = days * 24;
        double[][] series = new double[streams.size()][];
        // Each stream's series is independent (its own seeded noise): generated on every core while nothing else runs.
        IntStream.range(0, streams.size()).parallel().forEach(i -> series[i] = signals.series(streams.get(i).stream(), hours));
        long total = (long) streams.size() * hours;
        long written = 0;
        int lastPercent = -1;
        List<Reading> batch = new ArrayList<>(BATCH);
        for (int h = 0; h < hours; h++) {
            Instant time = START.plusSeconds(h * 3600L);
            for (int i = 0; i < streams.size(); i++) {
                if (Double.isNaN(series[i][h])) continue;
                batch.add(Reading.arrived(streams.get(i).datastreamId(), time, series[i][h], 0, "demo", time.plusSeconds(40)));
            }
            if (batch.size() >= BATCH || h == hours - 1) {
                sink.write(List.copyOf(batch));
                written += batch.size();
                batch.clear();
                Progress p = new Progress(written, total);
                if (p.percent() / 10 != lastPercent / 10) {
                    lastPercent = p.percent();
                    log.info("Demo park {}: readings {}% ({} of about {})", code, p.percent(), written, total);
                }
                progress.accept(p);
            }
        }
        progress.accept(new Progress(written, written));
        // The loggers were last heard from when the demo data ends.
        database.jdbc().sql("UPDATE devices SET last_seen_at = ? WHERE park_id = ?")
                .params(Rows.timestamp(START.plus(Duration.ofDays(days))), park.id()).update();
        database.jdbc().sql("INSERT INTO platform_settings (name, setting_value) VALUES (?, ?)")
                .params(LOADED_SETTING, Instant.now().toString()).update();
        log.info("Demo park {} loaded: {} readings over {} days in {} s", code, written, days,
                Duration.ofNanos(System.nanoTime() - started).toSeconds());
        return true;
    }

    private record PlannedStream(long datastreamId, DemoSignals.Stream stream) {}

    private void insertEnterprises(Park park) {
        for (DemoPark.EnterprisePlan e : ENTERPRISES) {
            Enterprise saved = parks.insert(new Enterprise(null, park.id(), e.creditCode(), e.nameZh(), e.nameEn(), e.industry(),
                    rectangle(e.west(), e.south(), e.east(), e.north()), e.processes(), e.pollutants(),
                    java.util.Set.of("processes", "characteristicPollutants")));
            double half = e.sourceKind() == PotentialSource.Kind.TANK_FARM ? 25 : 15;
            parks.insert(new PotentialSource(null, park.id(), saved.id(), e.sourceCode(), e.sourceKind(), e.sourceNameZh(),
                    rectangle(e.sourceEast() - half, e.sourceNorth() - half, e.sourceEast() + half, e.sourceNorth() + half),
                    e.pollutants()));
        }
    }

    private void insertReceptors(Park park) {
        parks.insert(new Receptor(null, park.id(), "RC-01", Receptor.Kind.DRINKING_WATER_SOURCE, "东凌村集中式饮用水水源井",
                "一级保护区（半径 50 m）", GRID.point(3600, 510)));
        parks.insert(new Receptor(null, park.id(), "RC-02", Receptor.Kind.RIVER, "通海河", "地表水 III 类",
                line(new double[][] {{3300, -500}, {3280, 500}, {3320, 1400}, {3300, 2600}})));
        parks.insert(new Receptor(null, park.id(), "RC-03", Receptor.Kind.RESIDENTIAL_AREA, "东凌村", "居住区",
                rectangle(3450, 300, 3900, 800)));
    }

    private void insertRoadsAndDepots(Park park) {
        double[] eastWest = {200, 1000, 1800};
        double[] northSouth = {300, 1100, 1900, 2700};
        String[] eastWestNames = {"纬一路", "纬二路", "纬三路"};
        String[] northSouthNames = {"经一路", "经二路", "经三路", "经四路"};
        double[] xs = {0, 300, 1100, 1900, 2700, 3050};
        for (int i = 0; i < eastWest.length; i++) {
            for (int k = 0; k + 1 < xs.length; k++) {
                emergency.insert(new RoadSegment(null, park.id(), eastWestNames[i],
                        line(new double[][] {{xs[k], eastWest[i]}, {xs[k + 1], eastWest[i]}}), i == 1 ? 50 : 40));
            }
        }
        double[] ys = {0, 200, 1000, 1800, 2000};
        for (int i = 0; i < northSouth.length; i++) {
            for (int k = 0; k + 1 < ys.length; k++) {
                emergency.insert(new RoadSegment(null, park.id(), northSouthNames[i],
                        line(new double[][] {{northSouth[i], ys[k]}, {northSouth[i], ys[k + 1]}}), 40));
            }
        }
        double[] coast = {-200, 200, 510, 1000, 1800, 2200};
        for (int k = 0; k + 1 < coast.length; k++) {
            emergency.insert(new RoadSegment(null, park.id(), "沿海大道", line(new double[][] {{3050, coast[k]}, {3050, coast[k + 1]}}), 60));
        }
        emergency.insert(new RoadSegment(null, park.id(), "东凌路", line(new double[][] {{3050, 510}, {3600, 510}}), 30));

        Depot fire = emergency.insert(new Depot(null, park.id(), "DP-01", "园区消防站", GRID.point(1100, 1000)));
        Depot environment = emergency.insert(new Depot(null, park.id(), "DP-02", "园区环境应急物资库", GRID.point(1900, 200)));
        Depot enterprise = emergency.insert(new Depot(null, park.id(), "DP-03", "江海石化应急站", GRID.point(1100, 1700)));
        Object[][] resources = {
                {fire, EmergencyResource.Kind.TEAM, "园区专职消防队", 24, "人"},
                {fire, EmergencyResource.Kind.EQUIPMENT, "潜水泵", 6, "台"},
                {fire, EmergencyResource.Kind.EQUIPMENT, "真空吸污车", 2, "辆"},
                {environment, EmergencyResource.Kind.TEAM, "环境应急监测队", 8, "人"},
                {environment, EmergencyResource.Kind.MATERIAL, "活性炭", 5, "t"},
                {environment, EmergencyResource.Kind.MATERIAL, "硫酸亚铁（六价铬还原剂）", 3, "t"},
                {environment, EmergencyResource.Kind.MATERIAL, "生石灰", 5, "t"},
                {environment, EmergencyResource.Kind.MATERIAL, "吸附棉", 800, "kg"},
                {environment, EmergencyResource.Kind.EQUIPMENT, "便携式气相色谱仪", 1, "台"},
                {environment, EmergencyResource.Kind.EQUIPMENT, "地下水采样器", 4, "套"},
                {environment, EmergencyResource.Kind.EQUIPMENT, "直推式钻机", 1, "台"},
                {enterprise, EmergencyResource.Kind.TEAM, "江海石化应急抢险队", 15, "人"},
                {enterprise, EmergencyResource.Kind.MATERIAL, "围油栏", 300, "m"},
                {enterprise, EmergencyResource.Kind.EQUIPMENT, "防爆抽油泵", 3, "台"},
        };
        int n = 0;
        for (Object[] r : resources) {
            emergency.insert(new EmergencyResource(null, ((Depot) r[0]).id(), String.format("RS-%02d", ++n),
                    (EmergencyResource.Kind) r[1], (String) r[2], ((Integer) r[3]).doubleValue(), (String) r[4],
                    EmergencyResource.Status.AVAILABLE));
        }
    }

    /** Network cameras (GB/T 28181 type 132) at the tank farm, the lagoon, the road junctions and the village well. */
    private void insertCameras(Park park) {
        Object[][] cameras = {
                {"江海石化芳烃罐区", 640, 1330}, {"华源金属含铬废水调节池", 1500, 630}, {"经一路纬二路口", 300, 1000},
                {"经二路纬二路口（消防站）", 1100, 1000}, {"经二路纬三路口", 1100, 1800}, {"经三路纬一路口（应急物资库）", 1900, 200},
                {"经三路纬二路口", 1900, 1000}, {"经四路纬二路口", 2700, 1000}, {"沿海大道东凌路口", 3050, 510}, {"东凌村水源井", 3580, 520},
        };
        IncidentRepository incidents = new IncidentRepository(database);
        for (int i = 0; i < cameras.length; i++) {
            // Centre 32062300 (Rudong County), industry 00, type 132 network camera, network 0, serial.
            incidents.insert(new Camera(null, park.id(), String.format("3206230000132%07d", i + 1), (String) cameras[i][0],
                    GRID.point((Integer) cameras[i][1], (Integer) cameras[i][2])));
        }
    }

    private List<PlannedStream> insertMonitoringNetwork(Park park, AquiferLayer unconfined, AquiferLayer confined,
                                                        Map<String, Long> parameterIds, int days) {
        List<PlannedStream> streams = new ArrayList<>();
        int mnSequence = 0;
        for (DemoPark.WellPlan plan : description.wells()) {
            double ground = Math.round(DemoPark.groundElevation(plan.east(), plan.north()) * 100) / 100.0;
            Well well = monitoring.insert(new Well(null, park.id(), plan.code(),
                    (plan.confined() ? "承压水监测井 " : "潜水监测井 ") + plan.code(), GRID.point(plan.east(), plan.north()),
                    ground, ground + 0.5, plan.confined() ? 30 : 3, plan.confined() ? 40 : 10,
                    plan.confined() ? confined.id() : unconfined.id(), plan.role(), Well.Status.ACTIVE));
            String mn = registerDevice(park, description.deviceNumber(++mnSequence, false), "数采仪 " + plan.code());
            Sensor level = monitoring.insert(new Sensor(null, plan.code() + "-LVL", mn, "Solinst Levelogger 5", "LV" + mn, 180,
                    LocalDate.of(2026, 8, 21)));
            Sensor sonde = monitoring.insert(new Sensor(null, plan.code() + "-SONDE", mn, "YSI EXO2", "EXO" + mn, 31, null));
            calibrate(sonde, days, SONDE_CALIBRATION);
            List<String[]> planned = new ArrayList<>(List.of(new String[] {"water-level", "LVL"}, new String[] {"water-temperature", "SONDE"},
                    new String[] {"ph", "SONDE"}, new String[] {"conductivity", "SONDE"}));
            Map<String, Sensor> sensors = new HashMap<>(Map.of("LVL", level, "SONDE", sonde));
            if (!plan.confined()) {
                sensors.put("VOC", analyser(plan.code() + "-VOC", mn, "在线 VOCs 气相色谱分析仪 GC-955", days));
                sensors.put("CR6", analyser(plan.code() + "-CR6", mn, "六价铬水质在线分析仪（二苯碳酰二肼分光光度法）", days));
                planned.add(new String[] {"benzene", "VOC"});
                planned.add(new String[] {"chromium-vi", "CR6"});
            }
            for (String[] p : planned) {
                streams.add(insertStream(well, plan, p[0], sensors.get(p[1]), parameterIds, false));
            }
            String dual = description.dualSensorParameter(plan.code());
            if (dual != null) {
                // The second instrument reports through a logger of its own, so the two never share an MN and code.
                String secondMn = registerDevice(park, description.deviceNumber(mnSequence, true), "第二数采仪 " + plan.code());
                Sensor second = analyser(plan.code() + "-" + dual.toUpperCase() + "-B", secondMn, "第二台 / second unit", days);
                PlannedStream secondStream = insertStream(well, plan, dual, second, parameterIds, true);
                PlannedStream first = streams.stream().filter(s -> s.stream().code().equals(plan.code() + "/" + dual)).findFirst().orElseThrow();
                monitoring.pair(first.datastreamId(), secondStream.datastreamId());
                streams.add(secondStream);
            }
        }
        if (!description.hasWeatherStation()) return streams;
        WeatherStation station = monitoring.insert(new WeatherStation(null, park.id(), "WS-01", "园区气象站", GRID.point(1500, 1000)));
        String stationMn = registerDevice(park, DemoPark.WEATHER_MN, "园区气象站数采仪");
        for (String parameter : List.of("rainfall", "air-temperature")) {
            Sensor sensor = monitoring.insert(new Sensor(null, "WS-01-" + parameter.toUpperCase(), stationMn,
                    "Vaisala WXT536", "WXT-" + parameter, 365, LocalDate.of(2026, 4, 2)));
            String code = "WS-01/" + parameter;
            Datastream d = monitoring.insert(new Datastream(null, code, null, station.id(), parameterIds.get(parameter), sensor.id(), null, 60));
            streams.add(new PlannedStream(d.id(), new DemoSignals.Stream(code, null, parameter, false)));
        }
        return streams;
    }

    private String registerDevice(Park park, String mn, String description) {
        devices.insert(Device.register(mn, park.id(), DemoPark.devicePassword(mn), description, START));
        return mn;
    }

    /** Online analysers are calibrated weekly (Mondays 02:00-02:40) and their 02:00 readings are taken meanwhile. */
    private Sensor analyser(String code, String mn, String model, int days) {
        Sensor sensor = monitoring.insert(new Sensor(null, code, mn, model, "SN-" + code, 7, null));
        calibrate(sensor, days, ANALYSER_CALIBRATION);
        return sensor;
    }

    private record Schedule(java.util.function.Predicate<LocalDate> onDay, int hour, int minutes) {}

    private static final Schedule ANALYSER_CALIBRATION = new Schedule(d -> d.getDayOfWeek() == java.time.DayOfWeek.MONDAY, 2, 40);
    private static final Schedule SONDE_CALIBRATION = new Schedule(d -> d.getDayOfMonth() == 1, 9, 90);

    private void calibrate(Sensor sensor, int days, Schedule schedule) {
        LocalDate first = START.atOffset(DemoPark.CHINA).toLocalDate();
        for (LocalDate day = first; day.isBefore(first.plusDays(days)); day = day.plusDays(1)) {
            if (!schedule.onDay().test(day)) continue;
            Instant start = day.atTime(schedule.hour(), 0).toInstant(DemoPark.CHINA);
            maintenance.insert(new MaintenanceRecord(null, sensor.id(), MaintenanceRecord.Kind.CALIBRATION, start,
                    start.plus(Duration.ofMinutes(schedule.minutes())), "园区运维组", "合格 / passed", null));
        }
    }

    private PlannedStream insertStream(Well well, DemoPark.WellPlan plan, String parameter, Sensor sensor,
                                       Map<String, Long> parameterIds, boolean second) {
        String code = plan.code() + "/" + parameter + (second ? "/B" : "");
        Datastream d = monitoring.insert(new Datastream(null, code, well.id(), null, parameterIds.get(parameter), sensor.id(), null, 60));
        return new PlannedStream(d.id(), new DemoSignals.Stream(code, plan, parameter, second));
    }

    /**
     * The park's default warning rules, in place before the readings so that the demo's leaks raise alerts:
     * benzene and chromium (VI) against class III in the unconfined aquifer, and water-level swings.
     */
    private void insertWarningRules() {
        RuleValidation validation = new RuleValidation(parameters, parks);
        WarningRuleRepository rules = new WarningRuleRepository(database);
        Instant now = Instant.now();
        for (String parameter : List.of("benzene", "chromium-vi")) {
            rules.create(validation.check(new WarningRule(null, 0, parameter + " 超 III 类 / above class III (Q1)", WarningRule.Kind.CLASS_LIMIT,
                    parameter, Set.of(), description.code(), "Q1", 3, null, 0.1, 3, null, null, null, null, null, null)), "demo", now);
        }
        rules.create(validation.check(new WarningRule(null, 0, "水位突变 / water-level change", WarningRule.Kind.LEVEL_CHANGE, "water-level",
                Set.of(), description.code(), null, null, new WarningRule.Thresholds(1.0, 2.0, 3.0), 0.1, 6, 24.0, null, null, null, null, null)),
                "demo", now);
    }

    private void insertSoil(Park park, Map<String, Long> parameterIds) {
        Random random = new Random(36600L);
        double[][] offsets = {{0, 0}, {15, 10}, {-20, 5}, {30, -15}};
        List<double[]> positions = new ArrayList<>();
        for (DemoPark.Leak leak : List.of(DemoPark.BENZENE_LEAK, DemoPark.CHROMIUM_LEAK)) {
            for (double[] o : offsets) positions.add(new double[] {leak.east() + o[0], leak.north() + o[1]});
        }
        for (String number : List.of("E02", "E03", "E06", "E09")) {
            DemoPark.EnterprisePlan e = ENTERPRISES.stream().filter(p -> p.number().equals(number)).findFirst().orElseThrow();
            positions.add(new double[] {e.sourceEast() + 10, e.sourceNorth() - 10});
        }
        double[][] depths = {{0, 0.5}, {1.0, 1.5}, {3.0, 3.5}};
        double[] depthFactor = {0.3, 1.0, 0.6};
        LocalDate drilled = LocalDate.of(2026, 7, 15);
        for (int i = 0; i < positions.size(); i++) {
            double[] p = positions.get(i);
            SoilBoring boring = soil.insert(new SoilBoring(null, park.id(), String.format("SB-%02d", i + 1), GRID.point(p[0], p[1]), drilled));
            double benzeneDistance = Math.hypot(p[0] - DemoPark.BENZENE_LEAK.east(), p[1] - DemoPark.BENZENE_LEAK.north());
            double chromiumDistance = Math.hypot(p[0] - DemoPark.CHROMIUM_LEAK.east(), p[1] - DemoPark.CHROMIUM_LEAK.north());
            for (int d = 0; d < depths.length; d++) {
                double lognormal = Math.exp(0.25 * random.nextGaussian());
                double benzene = (0.01 + 12 * Math.exp(-benzeneDistance / 15) * depthFactor[d]) * lognormal;
                double chromium = (0.5 + 25 * Math.exp(-chromiumDistance / 15) * depthFactor[d]) * lognormal;
                for (var value : Map.of("benzene", benzene, "chromium-vi", chromium).entrySet()) {
                    soil.insert(new SoilSample(null, boring.id(), boring.code() + "-" + (d + 1) + "-" + value.getKey(),
                            depths[d][0], depths[d][1], parameterIds.get(value.getKey()),
                            Math.round(value.getValue() * 1000) / 1000.0, drilled));
                }
            }
        }
    }

    private static LineString line(double[][] points) {
        Coordinate[] coordinates = new Coordinate[points.length];
        for (int i = 0; i < points.length; i++) coordinates[i] = GRID.toLonLat(points[i][0], points[i][1]);
        return Cgcs2000.GEOMETRY_FACTORY.createLineString(coordinates);
    }
}
