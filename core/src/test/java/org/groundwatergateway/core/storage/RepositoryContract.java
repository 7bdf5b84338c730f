package org.groundwatergateway.core.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.groundwatergateway.core.alert.Alert;
import org.groundwatergateway.core.alert.AlertRepository;
import org.groundwatergateway.core.dashboard.Dashboard;
import org.groundwatergateway.core.dashboard.DashboardRepository;
import org.groundwatergateway.core.emergency.Depot;
import org.groundwatergateway.core.emergency.EmergencyRepository;
import org.groundwatergateway.core.emergency.EmergencyResource;
import org.groundwatergateway.core.emergency.RoadSegment;
import org.groundwatergateway.core.event.EventBus;
import org.groundwatergateway.core.federation.CapAlert;
import org.groundwatergateway.core.federation.JointWarning;
import org.groundwatergateway.core.federation.JointWarnings;
import org.groundwatergateway.core.geo.Cgcs2000;
import org.groundwatergateway.core.geo.LocalGrid;
import org.groundwatergateway.core.map.AreaOfInterest;
import org.groundwatergateway.core.map.AreaOfInterestRepository;
import org.groundwatergateway.core.monitoring.Datastream;
import org.groundwatergateway.core.monitoring.MonitoringRepository;
import org.groundwatergateway.core.monitoring.Retirement;
import org.groundwatergateway.core.monitoring.Sensor;
import org.groundwatergateway.core.monitoring.Well;
import org.groundwatergateway.core.parameter.Parameter;
import org.groundwatergateway.core.parameter.ParameterRepository;
import org.groundwatergateway.core.park.AquiferLayer;
import org.groundwatergateway.core.park.Enterprise;
import org.groundwatergateway.core.park.Park;
import org.groundwatergateway.core.park.ParkRepository;
import org.groundwatergateway.core.park.PotentialSource;
import org.groundwatergateway.core.park.Receptor;
import org.groundwatergateway.core.problem.InvalidInput;
import org.groundwatergateway.core.reading.QualityFlag;
import org.groundwatergateway.core.reading.Reading;
import org.groundwatergateway.core.reading.ReadingRepository;
import org.groundwatergateway.core.soil.SoilBoring;
import org.groundwatergateway.core.soil.SoilRepository;
import org.groundwatergateway.core.soil.SoilSample;
import org.groundwatergateway.core.testing.TestDatabases.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;
import org.springframework.dao.DataIntegrityViolationException;

/**
 * What every repository must do, whichever database is behind it. Subclasses name the database; the
 * same tests run against embedded H2GIS and PostgreSQL/PostGIS.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class RepositoryContract {

    private static final LocalGrid GRID = new LocalGrid(121.0, 32.54);

    private TestDatabase testDatabase;
    protected Database database;
    private ParkRepository parks;
    private MonitoringRepository monitoring;
    private ParameterRepository parameters;
    private ReadingRepository readings;
    private Park park;
    private AquiferLayer aquifer;

    protected abstract TestDatabase newDatabase();

    @BeforeAll
    void open() {
        testDatabase = newDatabase();
        database = Database.migrate(testDatabase.dataSource());
        parks = new ParkRepository(database);
        monitoring = new MonitoringRepository(database);
        parameters = new ParameterRepository(database);
        readings = new ReadingRepository(database);
        parameters.loadCatalogIfEmpty();
        park = parks.insert(new Park(null, "TP", "测试园区", "Test park", "320623", "石油化工", square(0, 0, 1000)));
        aquifer = parks.insert(new AquiferLayer(null, park.id(), "Q1", "潜水含水层", "Unconfined", AquiferLayer.Confinement.UNCONFINED,
                1, 12, 30, 0.25));
    }

    @AfterAll
    void close() {
        testDatabase.close();
    }

    @Test
    void migratingAgainChangesNothing() {
        Database again = Database.migrate(testDatabase.dataSource());
        assertThat(new ParkRepository(again).findByCode("TP")).isPresent();
    }

    @Test
    void parkRoundTripsWithItsBoundaryInCgcs2000() {
        Park found = parks.findByCode("TP").orElseThrow();
        assertThat(found).isEqualTo(park);
        assertThat(found.boundary().getSRID()).isEqualTo(Cgcs2000.SRID);
        assertThat(found.boundary().equalsExact(park.boundary(), 1e-12)).isTrue();
        assertThat(database.jdbc().sql("SELECT ST_SRID(boundary) FROM parks WHERE code = 'TP'").query(Integer.class).single())
                .isEqualTo(4490);
        assertThat(parks.findAquifers(park.id())).containsExactly(aquifer);
    }

    @Test
    void jointWarningsFromAPartnerAreKeptOnceAndCloseWhenBothSidesClose() {
        Instant at = Instant.parse("2026-12-05T02:00:00Z");
        List<String> sent = new ArrayList<>();
        JointWarnings.Courier courier = new JointWarnings.Courier() {
            @Override
            public void raised(String receiver, JointWarning warning) {
                sent.add("ALERT to " + receiver);
            }

            @Override
            public void stepped(String receiver, JointWarning warning, JointWarnings.StepKind kind, JointWarning.Step step) {
                sent.add(kind + " to " + receiver + " by " + step.by());
            }
        };
        AlertRepository alerts = new AlertRepository(database, new EventBus());
        // Acknowledging here would stop our escalation; this test acknowledges only at the partner.
        JointWarnings warnings = new JointWarnings(database, alerts, null, courier, "gw-b", java.time.Clock.fixed(at, java.time.ZoneOffset.UTC));
        JointWarning.Side a = new JointWarning.Side("gw-a", "PARK-A");
        JointWarning.Side b = new JointWarning.Side("gw-b", "TP");
        String cap = new CapAlert("gw-a:joint-warning:7:gw-b", "gw-a", at, CapAlert.Status.Exercise, CapAlert.MsgType.Alert, List.of("gw-a", "gw-b"),
                "Future", "Severe", "Possible", List.of(new CapAlert.Info("zh-CN", "跨界预警", "A", "联合预警：测试", "说明", "TP 边界", square(0, 0, 10)),
                        new CapAlert.Info("en-US", "Plume crossing", "A", "Joint warning: test", "text", "near TP", square(0, 0, 10)))).xml();

        JointWarning received = warnings.received("gw-a", a, b, cap, () -> { });
        assertThat(warnings.received("gw-a", a, b, cap, () -> { }).id()).as("the same warning twice is one").isEqualTo(received.id());
        assertThat(received.exercise()).isTrue();
        assertThat(received.headlineZh()).isEqualTo("联合预警：测试");
        assertThat(received.headlineEn()).isEqualTo("Joint warning: test");
        assertThat(received.cap()).isEqualTo(cap);
        Alert alert = alerts.find(received.alertId()).orElseThrow();
        assertThat(alert.kind()).isEqualTo(JointWarnings.ALERT_KIND);
        assertThat(alert.level()).isEqualTo(Alert.Level.SEVERE);
        assertThat(alert.message()).startsWith(AlertRepository.DRILL_MARK).contains("PARK-A", "gw-a");
        assertThatThrownBy(() -> warnings.received("gw-c", new JointWarning.Side("gw-c", "C"), b, cap, () -> { }))
                .isInstanceOf(JointWarnings.NotTheirs.class);

        warnings.stepReceived("gw-a", received.identifier(), JointWarnings.StepKind.ACKNOWLEDGE,
                new JointWarning.Step("gw-a", "PARK-A", "duty", "seen", at), () -> { });
        assertThatThrownBy(() -> warnings.stepReceived("gw-c", received.identifier(), JointWarnings.StepKind.CLOSE,
                new JointWarning.Step("gw-c", "C", "x", null, at), () -> { })).isInstanceOf(JointWarnings.NotTheirs.class);
        JointWarning closing = warnings.close(received.id(), "supervisor", "done here");
        assertThat(closing.closed()).isFalse();
        assertThat(closing.acknowledgements()).containsExactly(new JointWarning.Step("gw-a", "PARK-A", "duty", "seen", at));
        assertThat(closing.closes()).containsExactly(new JointWarning.Step("gw-b", "TP", "supervisor", "done here", at));
        assertThat(sent).containsExactly("CLOSE to gw-a by supervisor");
        assertThatThrownBy(() -> warnings.close(received.id(), "supervisor", null)).isInstanceOf(InvalidInput.class);

        JointWarning closed = warnings.stepReceived("gw-a", received.identifier(), JointWarnings.StepKind.CLOSE,
                new JointWarning.Step("gw-a", "PARK-A", "emergency", null, at), () -> { });
        assertThat(closed.closedAt()).isEqualTo(at);
        assertThat(alerts.find(received.alertId()).orElseThrow().clearedAt()).as("its alert cleared").isEqualTo(at);
        assertThatThrownBy(() -> warnings.acknowledge(received.id(), "duty", null)).isInstanceOf(InvalidInput.class);
        assertThat(warnings.all()).extracting(JointWarning::identifier).containsExactly("gw-a:joint-warning:7:gw-b");
    }

    @Test
    void areasOfInterestAreEachOwnersReplacedUnderTheirNameAndDeletedOnlyByTheirOwner() {
        AreaOfInterestRepository areas = new AreaOfInterestRepository(database);
        AreaOfInterest.Owner duty = new AreaOfInterest.Owner("HBDP", "duty");
        AreaOfInterest.Owner other = new AreaOfInterest.Owner("E03", "duty"); // the same name in another organisation
        Instant at = Instant.parse("2026-12-04T08:00:00Z");
        AreaOfInterest first = areas.save(new AreaOfInterest(null, duty, "源区北", square(0, 0, 100), at));
        AreaOfInterest replaced = areas.save(new AreaOfInterest(null, duty, "源区北", square(50, 50, 200), at.plusSeconds(60)));
        areas.save(new AreaOfInterest(null, other, "源区北", square(500, 500, 10), at));

        assertThat(replaced.id()).isEqualTo(first.id());
        assertThat(areas.findAll(duty)).singleElement().satisfies(a -> {
            assertThat(a.area().equalsExact(square(50, 50, 200), 1e-9)).isTrue();
            assertThat(a.savedAt()).isEqualTo(at.plusSeconds(60));
        });
        assertThat(areas.count(other)).isEqualTo(1);
        assertThat(areas.delete(other, first.id())).isFalse();
        assertThat(areas.delete(duty, first.id())).isTrue();
        assertThat(areas.findAll(duty)).isEmpty();
        assertThat(areas.findAll(other)).hasSize(1);
    }

    @Test
    void dashboardsKeepTheirPanelsInOrderAreEachOwnersAndGoWithTheirPanels() {
        DashboardRepository dashboards = new DashboardRepository(database);
        Dashboard.Owner duty = new Dashboard.Owner("HBDP", "duty");
        Dashboard.Owner other = new Dashboard.Owner("E03", "duty"); // the same name in another organisation
        Instant at = Instant.parse("2026-12-05T08:00:00Z");
        Dashboard.Panel benzene = new Dashboard.Panel("series", "benzene", List.of("GW-U01", "GW-U09"), "line", "#d62828", 30);
        Dashboard.Panel alerts = new Dashboard.Panel("alerts-by-level", null, List.of(), "bar", "#2f6fdb", 7);
        Dashboard first = dashboards.save(new Dashboard(null, duty, "值班看板", List.of(benzene, alerts), at));
        assertThat(first.panels()).containsExactly(benzene, alerts);
        assertThat(first.savedAt()).isEqualTo(at);

        // Kept again under the same name: the same dashboard, its new panels only.
        Dashboard replaced = dashboards.save(new Dashboard(null, duty, "值班看板", List.of(alerts), at.plusSeconds(60)));
        dashboards.save(new Dashboard(null, other, "值班看板", List.of(benzene), at));
        assertThat(replaced.id()).isEqualTo(first.id());
        assertThat(dashboards.findAll(duty)).singleElement().satisfies(d -> {
            assertThat(d.panels()).containsExactly(alerts);
            assertThat(d.savedAt()).isEqualTo(at.plusSeconds(60));
        });
        assertThat(dashboards.exists(duty, "值班看板")).isTrue();
        assertThat(dashboards.count(other)).isEqualTo(1);
        assertThat(dashboards.delete(other, first.id())).isFalse();
        assertThat(dashboards.delete(duty, first.id())).isTrue();
        assertThat(dashboards.findAll(duty)).isEmpty();
        assertThat(database.jdbc().sql("SELECT COUNT(*) FROM dashboard_panels WHERE dashboard_id = ?").param(first.id()).query(Integer.class).single())
                .isZero();
        assertThat(dashboards.findAll(other)).singleElement().satisfies(d -> assertThat(d.panels()).containsExactly(benzene));
    }

    @Test
    void enterprisesSourcesAndReceptorsRoundTrip() {
        Enterprise e = parks.insert(new Enterprise(null, park.id(), "91350100M000100Y43", "测试化工", "Test Chemicals", "精细化工",
                square(100, 100, 200), List.of("硝化", "氯化"), List.of("benzene", "toluene"), Set.of("processes")));
        assertThat(parks.findEnterprises(park.id())).contains(e);
        PotentialSource source = parks.insert(new PotentialSource(null, park.id(), e.id(), "PS-T1", PotentialSource.Kind.TANK_FARM,
                "罐区", square(120, 120, 30), List.of("benzene")));
        assertThat(parks.findPotentialSources(park.id())).contains(source);
        Receptor receptor = parks.insert(new Receptor(null, park.id(), "RC-T1", Receptor.Kind.DRINKING_WATER_SOURCE, "水源井",
                "一级保护区", GRID.point(900, 100)));
        assertThat(parks.findReceptors(park.id())).contains(receptor);
        assertThatThrownBy(() -> parks.insert(e)).isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void wellsSensorsAndPairedDatastreams() {
        Well well = monitoring.insert(new Well(null, park.id(), "T-01", "测试井", GRID.point(300, 400), 5.2, 5.7, 3, 10,
                aquifer.id(), Well.Role.SOURCE_AREA, Well.Status.ACTIVE));
        assertThat(monitoring.findWell("T-01")).contains(well);
        assertThat(monitoring.findWells(park.id())).contains(well);
        Sensor a = monitoring.insert(new Sensor(null, "T-01-A", "32062324000001", "EXO2", "S1", 30, LocalDate.of(2026, 10, 1)));
        Sensor b = monitoring.insert(new Sensor(null, "T-01-B", "32062324000001", "EXO2", "S2", 30, null));
        assertThat(monitoring.findSensor(a.id())).contains(a);
        assertThat(a.calibrationDue()).isEqualTo(LocalDate.of(2026, 10, 31));
        long conductivity = parameters.findByCode("conductivity").orElseThrow().id();
        Datastream first = monitoring.insert(new Datastream(null, "T-01/conductivity", well.id(), null, conductivity, a.id(), null, 60));
        Datastream second = monitoring.insert(new Datastream(null, "T-01/conductivity/B", well.id(), null, conductivity, b.id(), null, 60));
        monitoring.pair(first.id(), second.id());
        assertThat(monitoring.findDatastreamsOfWell(well.id()))
                .extracting(Datastream::pairedDatastreamId).containsExactlyInAnyOrder(second.id(), first.id());
    }

    @Test
    void parameterCatalogIsStoredWithItsLimits() {
        assertThat(parameters.findAll()).hasSizeGreaterThan(100);
        Parameter benzene = parameters.findByCode("benzene").orElseThrow();
        assertThat(benzene.classLimits().classOf(121)).isEqualTo(5);
        assertThat(benzene.classLimits().classOf(10)).isEqualTo(3);
        assertThat(benzene.soilValues().screeningIndustrial()).isEqualTo(4.0);
        Parameter ph = parameters.findByCode("ph").orElseThrow();
        assertThat(ph.classLimits().classOf(6.0)).isEqualTo(4);
        assertThat(ph.classLimits().classOf(9.2)).isEqualTo(5);
        assertThat(parameters.findById(benzene.id())).contains(benzene);
    }

    /** A new well with a water-level datastream, for tests that write readings. */
    protected Datastream newLevelDatastream(String wellCode) {
        Well well = monitoring.insert(new Well(null, park.id(), wellCode, "测试井 " + wellCode, GRID.point(500, 500), 5, 5.5, 3, 10,
                aquifer.id(), Well.Role.DOWNGRADIENT, Well.Status.ACTIVE));
        Sensor sensor = monitoring.insert(new Sensor(null, wellCode + "-LVL", "32062324000002", "Levelogger", "L-" + wellCode, 180, null));
        return monitoring.insert(new Datastream(null, wellCode + "/water-level", well.id(), null,
                parameters.findByCode("water-level").orElseThrow().id(), sensor.id(), null, 60));
    }

    protected ReadingRepository readings() {
        return readings;
    }

    @Test
    void readingsAppendAndPageInTimeOrderAcrossMonths() {
        Datastream level = newLevelDatastream("T-02");
        Instant start = Instant.parse("2026-01-30T00:00:00Z");
        List<Reading> batch = new ArrayList<>();
        for (int h = 0; h < 24 * 5; h++) { // crosses into February: two monthly partitions in PostGIS
            batch.add(Reading.arrived(level.id(), start.plus(Duration.ofHours(h)), 3.0 + h / 1000.0,
                    h == 7 ? QualityFlag.bits(Set.of(QualityFlag.CALIBRATION)) : 0, "test", start.plus(Duration.ofHours(h)).plusSeconds(30)));
        }
        readings.append(batch);
        Instant end = start.plus(Duration.ofDays(5));
        assertThat(readings.count(level.id(), start, end)).isEqualTo(120);
        List<Reading> page1 = readings.page(level.id(), start, end, null, 50);
        List<Reading> page2 = readings.page(level.id(), start, end, page1.get(49).phenomenonTime(), 50);
        List<Reading> page3 = readings.page(level.id(), start, end, page2.get(49).phenomenonTime(), 50);
        assertThat(page1).hasSize(50);
        assertThat(page3).hasSize(20);
        assertThat(page2.get(0).phenomenonTime()).isEqualTo(start.plus(Duration.ofHours(50)));
        Reading eighth = page1.get(7);
        assertThat(eighth.value()).isCloseTo(3.007, within(1e-12));
        assertThat(eighth.rawValue()).isEqualTo(eighth.value());
        assertThat(QualityFlag.of(eighth.qualityFlags())).containsExactly(QualityFlag.CALIBRATION);
        assertThat(eighth.receivedTime()).isEqualTo(eighth.phenomenonTime().plusSeconds(30));
        assertThat(eighth.id()).isNotNull();
        // The same time and version twice is refused, and the batch it came in leaves nothing behind.
        List<Reading> duplicate = List.of(Reading.arrived(level.id(), start.minusSeconds(3600), 1, 0, "test", start),
                Reading.arrived(level.id(), start, 9.9, 0, "test", start));
        assertThatThrownBy(() -> readings.append(duplicate)).isInstanceOf(StorageException.class);
        assertThat(readings.count(level.id(), start.minusSeconds(7200), end)).isEqualTo(120);
    }

    @Test
    void appendingNewReadingsSkipsWhatIsStoredAlready() {
        Datastream level = newLevelDatastream("T-03");
        Instant t = Instant.parse("2026-03-01T00:00:00Z");
        List<Reading> first = List.of(Reading.arrived(level.id(), t, 1.0, 0, "test", t),
                Reading.arrived(level.id(), t.plusSeconds(3600), 2.0, 0, "test", t));
        List<Reading> inserted = database.inTransaction(c -> database.dialect().appendNewReadings(c, first));
        assertThat(inserted).extracting(Reading::value).containsExactly(1.0, 2.0);
        assertThat(inserted).allSatisfy(r -> assertThat(r.id()).isNotNull());
        List<Reading> again = List.of(first.get(1), Reading.arrived(level.id(), t.plusSeconds(7200), 3.0, 0, "test", t));
        List<Reading> second = database.inTransaction(c -> database.dialect().appendNewReadings(c, again));
        assertThat(second).extracting(Reading::value).containsExactly(3.0);
        assertThat(readings.count(level.id(), t, t.plusSeconds(10_000))).isEqualTo(3);
        assertThat(readings.latest(level.id(), 2)).extracting(Reading::value).containsExactly(2.0, 3.0);
    }

    @Test
    void theLatestReadingOfEachDatastreamFollowsEveryWrite() {
        Datastream level = newLevelDatastream("T-05");
        Instant t = Instant.parse("2026-05-01T00:00:00Z");
        readings.append(List.of(Reading.arrived(level.id(), t, 1.0, 0, "test", t), Reading.arrived(level.id(), t.plusSeconds(3600), 2.0, 0, "test", t)));
        assertThat(latest(level.id())).isEqualTo(t.plusSeconds(3600) + " 2.0 0");
        // A late, older reading does not displace it; a newer one through the idempotent path does.
        readings.append(List.of(Reading.arrived(level.id(), t.minusSeconds(3600), 0.5, 0, "test", t)));
        assertThat(latest(level.id())).isEqualTo(t.plusSeconds(3600) + " 2.0 0");
        database.inTransaction(c -> database.dialect().appendNewReadings(c, List.of(Reading.arrived(level.id(), t.plusSeconds(7200), 3.0, 0, "test", t))));
        assertThat(latest(level.id())).isEqualTo(t.plusSeconds(7200) + " 3.0 0");
        // A correction of the latest hour (a new version at the same time) replaces its value and flags.
        int corrected = QualityFlag.bits(Set.of(QualityFlag.CORRECTED));
        Reading newest = readings.latest(level.id(), 1).get(0);
        database.inTransaction(c -> readings.supersede(c, List.of(newest), r -> new Reading(null, level.id(), t.plusSeconds(7200), 3.3, 3.0, corrected, 2,
                true, "review", t)));
        assertThat(latest(level.id())).isEqualTo(t.plusSeconds(7200) + " 3.3 " + corrected);
    }

    /**
     * latest_readings holds each datastream's first and latest current reading (V6_29), which SensorThings shows as a
     * Datastream's phenomenonTime: after every kind of write they are what a search of the readings finds.
     */
    @Test
    void theFirstAndLatestReadingOfEachDatastreamFollowEveryWrite() {
        Datastream level = newLevelDatastream("T-15");
        Instant t = Instant.parse("2026-05-01T00:00:00Z");
        Instant monthBefore = t.minus(java.time.Duration.ofDays(35));
        readings.append(List.of(Reading.arrived(level.id(), t, 1.0, 0, "test", t), Reading.arrived(level.id(), t.plusSeconds(3600), 2.0, 0, "test", t)));
        assertThat(span(level.id())).isEqualTo(t + " .. " + t.plusSeconds(3600)).isEqualTo(searchedSpan(level.id()));
        // An older reading, late, in another partition: the first moves back, the latest stays.
        readings.append(List.of(Reading.arrived(level.id(), monthBefore, 0.5, 0, "test", t)));
        assertThat(span(level.id())).isEqualTo(monthBefore + " .. " + t.plusSeconds(3600)).isEqualTo(searchedSpan(level.id()));
        assertThat(latest(level.id())).isEqualTo(t.plusSeconds(3600) + " 2.0 0");
        // Through the idempotent path, a batch both older and newer than what is stored widens both ends at once.
        database.inTransaction(c -> database.dialect().appendNewReadings(c, List.of(Reading.arrived(level.id(), monthBefore.minusSeconds(60), 0.4, 0, "test", t),
                Reading.arrived(level.id(), t.plusSeconds(7200), 3.0, 0, "test", t))));
        assertThat(span(level.id())).isEqualTo(monthBefore.minusSeconds(60) + " .. " + t.plusSeconds(7200)).isEqualTo(searchedSpan(level.id()));
        assertThat(latest(level.id())).isEqualTo(t.plusSeconds(7200) + " 3.0 0");
        // The first retracted: the next one is first.
        assertThat(readings.retract(observationAt(level.id(), monthBefore.minusSeconds(60)), "operator", t)).isTrue();
        assertThat(span(level.id())).isEqualTo(monthBefore + " .. " + t.plusSeconds(7200)).isEqualTo(searchedSpan(level.id()));
        // The first moved after the latest (a PATCH): both ends move.
        assertThat(readings.revise(observationAt(level.id(), monthBefore), t.plusSeconds(10_800), null, "operator", "test", t)).isInstanceOf(ReadingRepository.Revision.Revised.class);
        assertThat(span(level.id())).isEqualTo(t + " .. " + t.plusSeconds(10_800)).isEqualTo(searchedSpan(level.id()));
        assertThat(latest(level.id())).isEqualTo(t.plusSeconds(10_800) + " 0.5 " + QualityFlag.CORRECTED.bit());
        // A middle one moved before the first: the first moves back; the latest stays.
        assertThat(readings.revise(observationAt(level.id(), t.plusSeconds(3600)), monthBefore.minusSeconds(3600), null, "operator", "test", t)).isInstanceOf(ReadingRepository.Revision.Revised.class);
        assertThat(span(level.id())).isEqualTo(monthBefore.minusSeconds(3600) + " .. " + t.plusSeconds(10_800)).isEqualTo(searchedSpan(level.id()));
        // The latest moved back in time and then retracted: the latest is found again each time.
        assertThat(readings.revise(observationAt(level.id(), t.plusSeconds(10_800)), t.plusSeconds(1800), null, "operator", "test", t)).isInstanceOf(ReadingRepository.Revision.Revised.class);
        assertThat(span(level.id())).isEqualTo(monthBefore.minusSeconds(3600) + " .. " + t.plusSeconds(7200)).isEqualTo(searchedSpan(level.id()));
        assertThat(readings.retract(observationAt(level.id(), t.plusSeconds(7200)), "operator", t)).isTrue();
        assertThat(span(level.id())).isEqualTo(monthBefore.minusSeconds(3600) + " .. " + t.plusSeconds(1800)).isEqualTo(searchedSpan(level.id()));
        // All withdrawn: no row, as for a datastream that never had a reading.
        readings.retractAll(List.of(level.id()), "operator", t);
        assertThat(database.jdbc().sql("SELECT COUNT(*) FROM latest_readings WHERE datastream_id = ?").param(level.id())
                .query(Integer.class).single()).isZero();
    }

    /**
     * Three retractions at once, two at one end of a datastream and one at the other: each finds the span again after
     * the others', so none leaves another's retracted reading as the datastream's latest or first.
     */
    @Test
    void retractionsRacingAtEitherEndLeaveTheSpanOfWhatIsCurrent() throws Exception {
        Instant t = Instant.parse("2026-03-01T00:00:00Z");
        for (int round = 0; round < 12; round++) {
            Datastream level = newLevelDatastream("T-R" + round);
            List<Reading> five = new ArrayList<>();
            for (int h = 0; h < 5; h++) five.add(Reading.arrived(level.id(), t.plusSeconds(3600L * h), h, 0, "test", t));
            readings.append(five);
            // Even rounds the two newest and the oldest, odd rounds the two oldest and the newest.
            List<java.util.concurrent.Callable<Boolean>> retractions = new ArrayList<>();
            for (int hour : round % 2 == 0 ? new int[] {4, 3, 0} : new int[] {0, 1, 4}) {
                long observation = observationAt(level.id(), t.plusSeconds(3600L * hour));
                retractions.add(() -> readings.retract(observation, "operator", t));
            }
            assertThat(atOnce(retractions)).containsOnly(true);
            assertThat(span(level.id())).as("round %d", round).isEqualTo(searchedSpan(level.id()));
        }
    }

    /** A datastream's only reading retracted while a newer one arrives: the newer one is its first and latest. */
    @Test
    void aReadingArrivingWhileTheOnlyOneIsRetractedKeepsTheSpan() throws Exception {
        Instant t = Instant.parse("2026-02-01T00:00:00Z");
        for (int round = 0; round < 12; round++) {
            Datastream level = newLevelDatastream("T-A" + round);
            readings.append(List.of(Reading.arrived(level.id(), t, 1.0, 0, "test", t)));
            long only = observationAt(level.id(), t);
            assertThat(atOnce(List.of(() -> readings.retract(only, "operator", t), () -> {
                readings.append(List.of(Reading.arrived(level.id(), t.plusSeconds(3600), 2.0, 0, "test", t)));
                return true;
            }))).containsOnly(true);
            assertThat(span(level.id())).as("round %d", round).isEqualTo(t.plusSeconds(3600) + " .. " + t.plusSeconds(3600));
        }
    }

    /** Runs the tasks on threads of their own, released together, and gives their results in order. */
    private static <T> List<T> atOnce(List<java.util.concurrent.Callable<T>> tasks) throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(tasks.size());
        try {
            java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(tasks.size());
            List<java.util.concurrent.Future<T>> running = new ArrayList<>();
            for (java.util.concurrent.Callable<T> task : tasks) {
                running.add(pool.submit(() -> {
                    together.await();
                    return task.call();
                }));
            }
            List<T> results = new ArrayList<>();
            for (java.util.concurrent.Future<T> result : running) results.add(result.get());
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private String span(long datastreamId) {
        return database.jdbc().sql("SELECT first_phenomenon_time, phenomenon_time FROM latest_readings WHERE datastream_id = ?").param(datastreamId)
                .query((rs, n) -> Rows.instant(rs, "first_phenomenon_time") + " .. " + Rows.instant(rs, "phenomenon_time")).single();
    }

    /** The SensorThings id of the current reading at a time. */
    private long observationAt(long datastreamId, Instant time) {
        return database.jdbc().sql("SELECT sta_id FROM readings WHERE datastream_id = ? AND phenomenon_time = ? AND current_version")
                .params(datastreamId, Rows.timestamp(time)).query(Long.class).single();
    }

    private String searchedSpan(long datastreamId) {
        return database.jdbc().sql("SELECT MIN(phenomenon_time) AS first_time, MAX(phenomenon_time) AS last_time FROM readings "
                        + "WHERE datastream_id = ? AND current_version").param(datastreamId)
                .query((rs, n) -> Rows.instant(rs, "first_time") + " .. " + Rows.instant(rs, "last_time")).single();
    }

    @Test
    void aRetractedReadingLeavesEveryCurrentReadAndKeepsItsRawValue() {
        Datastream level = newLevelDatastream("T-06");
        Instant t = Instant.parse("2026-06-01T00:00:00Z");
        readings.append(List.of(Reading.arrived(level.id(), t, 1.0, 0, "test", t), Reading.arrived(level.id(), t.plusSeconds(3600), 2.0, 0, "test", t)));
        long newest = readings.latest(level.id(), 1).get(0).id();

        assertThat(readings.retract(newest, "operator", t.plusSeconds(7200))).isTrue();

        assertThat(readings.latest(level.id(), 5)).extracting(Reading::value).containsExactly(1.0);
        assertThat(readings.valueAt(level.id(), t.plusSeconds(3600))).isNull();
        assertThat(latest(level.id())).isEqualTo(t + " 1.0 0");
        assertThat(database.jdbc().sql("SELECT raw_value, version, current_version, quality_flags, source FROM readings "
                        + "WHERE datastream_id = ? AND phenomenon_time = ? ORDER BY version").params(level.id(), Rows.timestamp(t.plusSeconds(3600)))
                .query((rs, n) -> rs.getDouble(1) + " v" + rs.getInt(2) + " " + rs.getBoolean(3) + " " + QualityFlag.of(rs.getInt(4)) + " " + rs.getString(5))
                .list()).containsExactly("2.0 v1 false [] test", "2.0 v2 false [RETRACTED] retraction");
        assertThat(database.jdbc().sql("SELECT actor FROM audit_log WHERE action = 'READING_RETRACTED' AND subject = ?")
                .param("reading:" + newest).query(String.class).list()).containsExactly("operator");
        // Once retracted, the id names no current reading: a second retraction changes nothing.
        assertThat(readings.retract(newest, "operator", t.plusSeconds(9000))).isFalse();
        assertThat(readings.retract(readings.latest(level.id(), 1).get(0).id(), "operator", t.plusSeconds(9000))).isTrue();
        assertThat(database.jdbc().sql("SELECT COUNT(*) FROM latest_readings WHERE datastream_id = ?").param(level.id())
                .query(Integer.class).single()).isZero();
    }

    @Test
    void anObservationGivenAgainAtTheTimeOfARetractedOneIsItsNextVersion() {
        Datastream level = newLevelDatastream("T-08");
        Instant t = Instant.parse("2026-08-01T00:00:00Z");
        assertThat(readings.versionOfNewObservation(level.id(), t)).isEqualTo(1);
        readings.append(List.of(Reading.arrived(level.id(), t, 1.0, 0, "test", t)));
        readings.recordResultTime(level.id(), t, 1, t.plusSeconds(30));
        // A current reading at that time: the new one is a first version, which the intake does not store twice.
        assertThat(readings.versionOfNewObservation(level.id(), t)).isEqualTo(1);
        assertThat(readings.retract(readings.latest(level.id(), 1).get(0).id(), "operator", t.plusSeconds(60))).isTrue();
        int version = readings.versionOfNewObservation(level.id(), t);
        assertThat(version).isEqualTo(3);

        List<Reading> stored = database.inTransaction(c -> database.dialect().appendNewReadings(c,
                List.of(Reading.arrived(level.id(), t, 1.5, 0, "sta", t.plusSeconds(120)).asVersion(version))));

        readings.recordResultTime(level.id(), t, version, null);

        assertThat(stored).hasSize(1);
        assertThat(readings.valueAt(level.id(), t)).isEqualTo(1.5);
        // The withdrawn observation keeps its result time; the new one has its own, none.
        assertThat(database.jdbc().sql("SELECT first_version, result_time FROM observation_result_times WHERE datastream_id = ? ORDER BY first_version")
                .param(level.id()).query((rs, n) -> rs.getInt(1) + " " + Rows.instant(rs, "result_time")).list())
                .containsExactly("1 " + t.plusSeconds(30), "3 null");
        assertThat(latest(level.id())).isEqualTo(t + " 1.5 0");
        assertThat(database.jdbc().sql("SELECT raw_value, version, current_version, source FROM readings WHERE datastream_id = ? ORDER BY version")
                .param(level.id()).query((rs, n) -> rs.getDouble(1) + " v" + rs.getInt(2) + " " + rs.getBoolean(3) + " " + rs.getString(4))
                .list()).containsExactly("1.0 v1 false test", "1.0 v2 false retraction", "1.5 v3 true sta");
        // Retracted again, and given once more: the one after that.
        assertThat(readings.retract(stored.get(0).id(), "operator", t.plusSeconds(180))).isTrue();
        assertThat(readings.versionOfNewObservation(level.id(), t)).isEqualTo(5);
    }

    /** The versions of an Observation, by SensorThings id (V6_27): its lineage's, the first version's id; CORRECTED marked C. */
    private List<String> lineage(long observationId) {
        return database.jdbc().sql("SELECT phenomenon_time, result_value, raw_value, version, current_version, source, quality_flags FROM readings "
                        + "WHERE sta_id = ? ORDER BY id").param(observationId)
                .query((rs, n) -> Rows.instant(rs, "phenomenon_time") + " " + rs.getDouble(2) + " raw " + rs.getDouble(3) + " v" + rs.getInt(4)
                        + " " + rs.getBoolean(5) + " " + rs.getString(6) + ((rs.getInt(7) & QualityFlag.CORRECTED.bit()) != 0 ? " C" : "")).list();
    }

    /** Datastreams and times with more than one current version: none, ever (V6_27's readings_one_current). */
    private List<String> twiceCurrent() {
        return database.jdbc().sql("SELECT datastream_id, phenomenon_time FROM readings WHERE current_version GROUP BY datastream_id, phenomenon_time "
                + "HAVING COUNT(*) > 1").query((rs, n) -> rs.getLong(1) + "@" + Rows.instant(rs, "phenomenon_time")).list();
    }

    @Test
    void aRevisedObservationKeepsItsIdMovesInTimeAndKeepsItsHistory() {
        Datastream level = newLevelDatastream("T-13");
        Instant t = Instant.parse("2026-09-01T00:00:00Z");
        Instant later = t.plus(java.time.Duration.ofDays(40)); // another month: another partition in PostGIS
        readings.append(List.of(Reading.arrived(level.id(), t, 1.0, 0, "test", t), Reading.arrived(level.id(), t.plusSeconds(3600), 2.0, 0, "test", t)));
        readings.recordResultTime(level.id(), t, 1, t.plusSeconds(30));
        long id = readings.latest(level.id(), 2).get(0).id();

        ReadingRepository.Revision moved = readings.revise(id, later, 1.25, "operator", "test", t.plusSeconds(7200));

        assertThat(moved).isInstanceOf(ReadingRepository.Revision.Revised.class);
        assertThat(readings.valueAt(level.id(), t)).as("the old time holds no current reading").isNull();
        assertThat(readings.valueAt(level.id(), later)).isEqualTo(1.25);
        assertThat(lineage(id)).containsExactly(t + " 1.0 raw 1.0 v1 false test", later + " 1.25 raw 1.0 v2 true correction C");
        assertThat(((ReadingRepository.Revision.Revised) moved).observationId()).isEqualTo(id);
        assertThat(((ReadingRepository.Revision.Revised) moved).version().id()).as("a row of its own").isNotEqualTo(id);
        assertThat(latest(level.id())).isEqualTo(later + " 1.25 " + QualityFlag.CORRECTED.bit());
        // A device's reading for the time it moved to is taken as stored already, not as a second current one.
        List<Reading> taken = database.inTransaction(c -> database.dialect().appendNewReadings(c, List.of(Reading.arrived(level.id(), later, 9.0, 0, "test", later))));
        assertThat(taken).isEmpty();
        assertThat(readings.valueAt(level.id(), later)).isEqualTo(1.25);
        // The result time goes with it; the audit log records the change, its author and reason.
        assertThat(database.jdbc().sql("SELECT result_time FROM observation_result_times WHERE datastream_id = ? AND phenomenon_time = ? AND first_version = 2")
                .params(level.id(), Rows.timestamp(later)).query((rs, n) -> Rows.instant(rs, "result_time")).single()).isEqualTo(t.plusSeconds(30));
        assertThat(database.jdbc().sql("SELECT actor, detail FROM audit_log WHERE action = 'READING_REVISED' AND subject = ?")
                .param("reading:" + id).query((rs, n) -> rs.getString(1) + ": " + rs.getString(2)).list())
                .singleElement().asString().startsWith("operator: test: datastream " + level.id() + " at " + t);

        // Back to its old time, the result only changed: still the same Observation; then retracted by that id.
        assertThat(readings.revise(id, t, null, "operator", "test", t.plusSeconds(7300))).isInstanceOf(ReadingRepository.Revision.Revised.class);
        assertThat(readings.revise(id, null, 1.5, "operator", "test", t.plusSeconds(7400))).isInstanceOf(ReadingRepository.Revision.Revised.class);
        assertThat(readings.valueAt(level.id(), t)).isEqualTo(1.5);
        assertThat(readings.valueAt(level.id(), later)).isNull();
        assertThat(lineage(id)).hasSize(4).last().isEqualTo(t + " 1.5 raw 1.0 v4 true correction C");
        // Another current observation at the new time: refused, nothing changed.
        assertThat(readings.revise(id, t.plusSeconds(3600), null, "operator", "test", t.plusSeconds(7500)))
                .isEqualTo(new ReadingRepository.Revision.TimeTaken(level.id(), t.plusSeconds(3600)));
        assertThat(lineage(id)).hasSize(4);
        assertThat(readings.retract(id, "operator", t.plusSeconds(7600))).isTrue();
        assertThat(lineage(id)).hasSize(5).last().isEqualTo(t + " 1.5 raw 1.0 v5 false retraction C");
        // Retracted: the id names no current reading any more.
        assertThat(readings.revise(id, later, null, "operator", "test", t.plusSeconds(7700))).isInstanceOf(ReadingRepository.Revision.NotFound.class);
        assertThat(readings.valueAt(level.id(), t.plusSeconds(3600))).isEqualTo(2.0);
        assertThat(twiceCurrent()).isEmpty();
    }

    /**
     * PATCHes racing on one Observation run one after the other (the current version is locked): it ends with one current
     * version, wherever the last put it. Two Observations moved to one time at once: one is refused, whether it saw the
     * other's version or the unique index stopped it. Never two current versions at one time.
     */
    @Test
    void racingRevisionsLeaveOneCurrentVersion() throws Exception {
        Datastream level = newLevelDatastream("T-14");
        Instant t = Instant.parse("2026-11-01T00:00:00Z");
        readings.append(List.of(Reading.arrived(level.id(), t, 1.0, 0, "test", t), Reading.arrived(level.id(), t.plusSeconds(3600), 2.0, 0, "test", t)));
        List<Reading> stored = readings.latest(level.id(), 2);
        long a = stored.get(0).id();
        long b = stored.get(1).id();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 10; round++) {
                Instant one = t.plusSeconds(7200 + round * 600L);
                Instant other = one.plusSeconds(300);
                java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(2);
                var first = pool.submit(() -> { start.await(); return readings.revise(a, one, 1.1, "x", "race", t); });
                var second = pool.submit(() -> { start.await(); return readings.revise(a, other, 1.2, "y", "race", t); });
                assertThat(List.of(first.get(), second.get())).as("serialised: both applied").allMatch(r -> r instanceof ReadingRepository.Revision.Revised);
                assertThat(lineage(a).stream().filter(v -> v.contains(" true "))).hasSize(1);
                assertThat(twiceCurrent()).isEmpty();

                Instant same = t.plusSeconds(20_000 + round * 600L);
                var moveA = pool.submit(() -> { start.await(); return readings.revise(a, same, null, "x", "race", t); });
                var moveB = pool.submit(() -> { start.await(); return readings.revise(b, same, null, "y", "race", t); });
                // The refused side answers the refusal, never an exception (H2's 90131 while the other is uncommitted).
                assertThat(List.of(outcome(moveA), outcome(moveB))).as("round %d", round).containsExactlyInAnyOrder("Revised", "TimeTaken");
                assertThat(twiceCurrent()).isEmpty();
                assertThat(lineage(a).stream().filter(v -> v.contains(" true "))).hasSize(1);
                assertThat(lineage(b).stream().filter(v -> v.contains(" true "))).hasSize(1);

                // A device's reading racing a PATCH to its time: one of them is current, and the intake's batch, with
                // another reading beside it, is stored without failing.
                Instant device = t.plusSeconds(60_000 + round * 600L);
                Reading beside = Reading.arrived(level.id(), device.plusSeconds(100_000), 5.0, 0, "test", device);
                var moveTo = pool.submit(() -> { start.await(); return readings.revise(a, device, null, "x", "race", t); });
                var append = pool.submit(() -> { start.await(); return database.inTransaction(c -> database.dialect().appendNewReadings(c,
                        List.of(Reading.arrived(level.id(), device, 4.0, 0, "test", device), beside))).size(); });
                int appended = append.get();
                String patched = outcome(moveTo);
                assertThat(patched + " " + appended).as("round %d", round).isIn("Revised 1", "TimeTaken 2");
                assertThat(readings.valueAt(level.id(), beside.phenomenonTime())).isEqualTo(5.0);
                assertThat(twiceCurrent()).isEmpty();
            }
            // A retraction racing a PATCH finds the Observation wherever the PATCH moved it.
            java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(2);
            var move = pool.submit(() -> { start.await(); return readings.revise(b, t.plusSeconds(40_000), null, "x", "race", t); });
            var retract = pool.submit(() -> { start.await(); return readings.retract(b, "y", t); });
            assertThat(move.get()).isInstanceOfAny(ReadingRepository.Revision.Revised.class, ReadingRepository.Revision.NotFound.class);
            assertThat(retract.get()).isTrue();
            assertThat(lineage(b).stream().filter(v -> v.contains(" true "))).isEmpty();
            assertThat(twiceCurrent()).isEmpty();
        } finally {
            pool.shutdownNow();
        }
    }

    /** What a racing revision answered, by its kind, or the exception it threw. */
    private static String outcome(java.util.concurrent.Future<ReadingRepository.Revision> revision) throws InterruptedException {
        try {
            return revision.get().getClass().getSimpleName();
        } catch (java.util.concurrent.ExecutionException e) {
            return "threw " + e.getCause();
        }
    }

    @Test
    void aPartnersCorrectionReplacesTheMirroredObservationWhetherItKeepsItsIdOrNot() {
        Instant t = Instant.parse("2026-10-01T00:00:00Z");
        long peer = Rows.insert(database.jdbc().sql("INSERT INTO federation_peers (gateway_id, name, park_code, base_url, outbound_client_id, "
                + "outbound_client_secret, inbound_client_id, created_by, created_at) VALUES ('gw-mirror-test', 'Park M', 'PARK-M', "
                + "'https://127.0.0.1:9', 'a', 's', 'b', 'test', ?)").params(Rows.timestamp(t)));
        long agreement = Rows.insert(database.jdbc().sql("INSERT INTO federation_agreements (peer_id, direction, datastreams, level, licence, "
                + "valid_from, valid_until, created_by, created_at) VALUES (?, 'RECEIVE', '7', 'partner-monitoring-exchange', 'CC-BY-4.0', ?, ?, 'test', ?)")
                .params(peer, Rows.timestamp(t), Rows.timestamp(t.plusSeconds(86_400)), Rows.timestamp(t)));
        org.groundwatergateway.core.federation.Mirrors mirrors = new org.groundwatergateway.core.federation.Mirrors(database);
        long mirrored = mirrors.mirror(peer, 7, agreement, "GW-M01/benzene", "Benzene", "mg/L", "GW-M01", "CC-BY-4.0", "none");
        var observation = new org.groundwatergateway.core.federation.ForeignObservation(501, t, 0.5);
        assertThat(mirrors.merge(mirrored, List.of(observation), t).added()).isEqualTo(1);
        assertThat(mirrors.merge(mirrored, List.of(observation), t).corrected()).as("read again: nothing").isZero();
        // A gateway keeping the Observation's id through a correction (V6_27) changes the result only; an older one, the id.
        assertThat(mirrors.merge(mirrored, List.of(new org.groundwatergateway.core.federation.ForeignObservation(501, t, 0.4)), t).corrected()).isEqualTo(1);
        assertThat(mirrors.merge(mirrored, List.of(new org.groundwatergateway.core.federation.ForeignObservation(502, t, 0.4)), t).corrected()).isEqualTo(1);
        assertThat(database.jdbc().sql("SELECT remote_id, result FROM foreign_observations WHERE datastream_id = ?").param(mirrored)
                .query((rs, n) -> rs.getLong(1) + " " + rs.getDouble(2)).list()).containsExactly("502 0.4");
        // Moved in time at the source by a PATCH, which keeps its id: its copy at the old time is replaced, not kept beside it.
        var moved = new org.groundwatergateway.core.federation.ForeignObservation(502, t.plusSeconds(600), 0.45);
        var merged = mirrors.merge(mirrored, List.of(moved), t.plusSeconds(700));
        assertThat(merged.added()).isZero();
        assertThat(merged.corrected()).isEqualTo(1);
        assertThat(database.jdbc().sql("SELECT remote_id, phenomenon_time, result FROM foreign_observations WHERE datastream_id = ?").param(mirrored)
                .query((rs, n) -> rs.getLong(1) + " " + Rows.instant(rs, "phenomenon_time") + " " + rs.getDouble(3)).list())
                .containsExactly("502 " + t.plusSeconds(600) + " 0.45");
        assertThat(mirrors.merge(mirrored, List.of(moved), t.plusSeconds(800)).corrected()).as("read again: nothing").isZero();
    }

    @Test
    void retractingADatastreamsReadingsLeavesNoneCurrentAndLosesNone() {
        Datastream level = newLevelDatastream("T-07");
        Instant t = Instant.parse("2026-07-31T23:00:00Z");
        readings.append(List.of(Reading.arrived(level.id(), t, 1.0, 0, "test", t), Reading.arrived(level.id(), t.plusSeconds(3600), 2.0, 0, "test", t)));

        assertThat(readings.retractAll(List.of(level.id()), "operator", t.plusSeconds(7200))).isEqualTo(2);

        assertThat(readings.latest(level.id(), 5)).isEmpty();
        assertThat(database.jdbc().sql("SELECT COUNT(*) FROM latest_readings WHERE datastream_id = ?").param(level.id()).query(Integer.class).single())
                .isZero();
        assertThat(database.jdbc().sql("SELECT raw_value FROM readings WHERE datastream_id = ? AND source = 'retraction' ORDER BY phenomenon_time")
                .param(level.id()).query(Double.class).list()).containsExactly(1.0, 2.0);
        assertThat(readings.retractAll(List.of(level.id()), "operator", t.plusSeconds(9000))).isZero();
    }

    @Test
    void aRetiredWellLeavesEveryReadWithItsDatastreamsWhileItsReadingsStayStored() {
        Datastream level = newLevelDatastream("T-09");
        Datastream other = newLevelDatastream("T-10");
        Instant t = Instant.parse("2026-09-01T00:00:00Z");
        readings.append(List.of(Reading.arrived(level.id(), t, 1.0, 0, "test", t), Reading.arrived(level.id(), t.plusSeconds(3600), 2.0, 0, "test", t),
                Reading.arrived(other.id(), t, 3.0, 0, "test", t)));
        Retirement retirement = new Retirement(database);

        Retirement.Retired retired = retirement.retire(Retirement.Entry.WELL, level.wellId(), "operator", t.plusSeconds(7200));

        assertThat(retired.datastreams()).containsExactly(level.id());
        assertThat(retired.readingsRetracted()).isEqualTo(2);
        assertThat(monitoring.findWell(level.wellId())).isEmpty();
        assertThat(monitoring.findWell("T-09")).isEmpty();
        assertThat(monitoring.findWells()).extracting(Well::code).doesNotContain("T-09").contains("T-10");
        assertThat(monitoring.findDatastream(level.id())).isEmpty();
        assertThat(monitoring.findDatastreams()).extracting(Datastream::id).doesNotContain(level.id()).contains(other.id());
        assertThat(monitoring.findSensor(level.sensorId())).isPresent();
        assertThat(readings.latest(level.id(), 5)).isEmpty();
        assertThat(readings.latest(other.id(), 5)).extracting(Reading::value).containsExactly(3.0);
        // Kept for audit: the register's entries, every raw value and the retirement itself.
        assertThat(database.jdbc().sql("SELECT COUNT(*) FROM well_register WHERE id = ? AND retired_at IS NOT NULL").param(level.wellId())
                .query(Integer.class).single()).isEqualTo(1);
        assertThat(database.jdbc().sql("SELECT raw_value FROM readings WHERE datastream_id = ? AND version = 1 ORDER BY phenomenon_time")
                .param(level.id()).query(Double.class).list()).containsExactly(1.0, 2.0);
        assertThat(database.jdbc().sql("SELECT detail FROM audit_log WHERE action = 'RETIRED' AND subject = ?").param("well:" + level.wellId())
                .query(String.class).single()).isEqualTo("datastreams [" + level.id() + "] retired, 2 readings retracted");
        // Retired once: a second retirement finds nothing in service, and a write to the register cannot revive it.
        assertThat(retirement.retire(Retirement.Entry.WELL, level.wellId(), "operator", t.plusSeconds(9000))).isNull();
        assertThat(retirement.retire(Retirement.Entry.DATASTREAM, level.id(), "operator", t.plusSeconds(9000))).isNull();
    }

    @Test
    void aGenericThingKeepsItsPropertiesAndIsRetiredWithAnAuditEntry() {
        Instant t = Instant.parse("2026-09-02T00:00:00Z");
        long id = monitoring.insertGenericThing("thing 1", "a client's Thing", "{\"reference\": \"first\"}", t);
        assertThat(database.jdbc().sql("SELECT properties FROM sta_things WHERE id = ?").param(id).query(String.class).single())
                .isEqualTo("{\"reference\": \"first\"}");
        Retirement retirement = new Retirement(database);

        assertThat(retirement.retire(Retirement.Entry.GENERIC_THING, id, "operator", t).datastreams()).isEmpty();

        assertThat(database.jdbc().sql("SELECT COUNT(*) FROM sta_things WHERE id = ?").param(id).query(Integer.class).single()).isZero();
        assertThat(database.jdbc().sql("SELECT COUNT(*) FROM sta_thing_register WHERE id = ? AND retired_at IS NOT NULL").param(id)
                .query(Integer.class).single()).isEqualTo(1);
        assertThat(database.jdbc().sql("SELECT detail FROM audit_log WHERE action = 'RETIRED' AND subject = ?").param("generic_thing:" + id)
                .query(String.class).single()).isEqualTo("datastreams [] retired, 0 readings retracted");
        assertThat(retirement.retire(Retirement.Entry.GENERIC_THING, id, "operator", t)).isNull();
    }

    @Test
    void aRetiredSensorTakesItsDatastreamsAndARetiredObservedPropertyLeavesTheCatalogue() {
        Datastream level = newLevelDatastream("T-11");
        Retirement retirement = new Retirement(database);
        Instant t = Instant.parse("2026-10-01T00:00:00Z");

        assertThat(retirement.retire(Retirement.Entry.SENSOR, level.sensorId(), "operator", t).datastreams()).containsExactly(level.id());

        assertThat(monitoring.findSensor(level.sensorId())).isEmpty();
        assertThat(monitoring.findDatastream(level.id())).isEmpty();
        assertThat(monitoring.findWell(level.wellId())).isPresent();

        Datastream kept = newLevelDatastream("T-12");
        long bromide = parameters.insert(new Parameter(null, "test-bromide", null, null, "溴化物", "Bromide", "mg/L", "inorganic", null, null)).id();
        Datastream bromideStream = monitoring.insert(new Datastream(null, "T-12/bromide", kept.wellId(), null, bromide, kept.sensorId(), null, 60));
        assertThat(retirement.retire(Retirement.Entry.OBSERVED_PROPERTY, bromide, "operator", t).datastreams()).containsExactly(bromideStream.id());
        assertThat(monitoring.findDatastream(bromideStream.id())).isEmpty();
        assertThat(monitoring.findDatastream(kept.id())).isPresent();
        assertThat(parameters.findById(bromide)).isPresent();
        // Still in the catalogue, but no new datastream may be registered for it.
        assertThat(parameters.findObservable()).extracting(Parameter::code).doesNotContain("test-bromide").isNotEmpty();
    }

    private String latest(long datastreamId) {
        return database.jdbc().sql("SELECT phenomenon_time, result_value, quality_flags FROM latest_readings WHERE datastream_id = ?")
                .param(datastreamId)
                .query((rs, n) -> Rows.instant(rs, "phenomenon_time") + " " + rs.getDouble("result_value") + " " + rs.getInt("quality_flags"))
                .single();
    }

    @Test
    void appendingALargeBatchSkipsWhatIsStoredAlreadyToo() {
        Datastream level = newLevelDatastream("T-04");
        Instant t = Instant.parse("2026-04-01T00:00:00Z");
        List<Reading> first = new ArrayList<>();
        for (int m = 0; m < 6000; m++) first.add(Reading.arrived(level.id(), t.plusSeconds(60L * m), m, 0, "test", t));
        List<Reading> inserted = database.inTransaction(c -> database.dialect().appendNewReadings(c, first));
        assertThat(inserted).hasSize(6000).allSatisfy(r -> assertThat(r.id()).isNotNull());
        List<Reading> overlapping = new ArrayList<>(first.subList(3000, 6000));
        for (int m = 6000; m < 9000; m++) overlapping.add(Reading.arrived(level.id(), t.plusSeconds(60L * m), m, 0, "test", t));
        List<Reading> second = database.inTransaction(c -> database.dialect().appendNewReadings(c, overlapping));
        assertThat(second).hasSize(3000).extracting(Reading::value).startsWith(6000.0).endsWith(8999.0);
        assertThat(readings.count(level.id(), t, t.plusSeconds(60L * 9000))).isEqualTo(9000);
    }

    @Test
    void soilAndEmergencyResourcesRoundTrip() {
        SoilRepository soil = new SoilRepository(database);
        SoilBoring boring = soil.insert(new SoilBoring(null, park.id(), "SB-T1", GRID.point(120, 120), LocalDate.of(2026, 7, 15)));
        SoilSample sample = soil.insert(new SoilSample(null, boring.id(), "SB-T1-1", 1.0, 1.5,
                parameters.findByCode("benzene").orElseThrow().id(), 6.2, LocalDate.of(2026, 7, 15)));
        assertThat(soil.findBorings(park.id())).contains(boring);
        assertThat(soil.findSamples(boring.id())).containsExactly(sample);

        EmergencyRepository emergency = new EmergencyRepository(database);
        Depot depot = emergency.insert(new Depot(null, park.id(), "DP-T1", "消防站", GRID.point(50, 50)));
        EmergencyResource carbon = emergency.insert(new EmergencyResource(null, depot.id(), "RS-T1", EmergencyResource.Kind.MATERIAL,
                "活性炭", 5, "t", EmergencyResource.Status.AVAILABLE));
        LineString road = Cgcs2000.GEOMETRY_FACTORY.createLineString(new Coordinate[] {GRID.toLonLat(0, 0), GRID.toLonLat(500, 0)});
        RoadSegment segment = emergency.insert(new RoadSegment(null, park.id(), "纬一路", road, 40));
        assertThat(emergency.findDepots(park.id())).contains(depot);
        assertThat(emergency.findResources(depot.id())).containsExactly(carbon);
        assertThat(emergency.findRoads(park.id())).contains(segment);
    }

    static Polygon square(double east, double north, double size) {
        return Cgcs2000.GEOMETRY_FACTORY.createPolygon(new Coordinate[] {GRID.toLonLat(east, north), GRID.toLonLat(east + size, north),
                GRID.toLonLat(east + size, north + size), GRID.toLonLat(east, north + size), GRID.toLonLat(east, north)});
    }
}
