package org.groundwatergateway.core.emergency;

import org.groundwatergateway.core.problem.CataloguedRefusal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import org.groundwatergateway.analytics.InvalidArgument;
import org.groundwatergateway.analytics.Progress;
import org.groundwatergateway.core.alert.Alert;
import org.groundwatergateway.core.event.EventBus;
import org.groundwatergateway.core.geo.LocalGrid;
import org.groundwatergateway.core.monitoring.Datastream;
import org.groundwatergateway.core.monitoring.MonitoringRepository;
import org.groundwatergateway.core.monitoring.Well;
import org.groundwatergateway.core.park.AquiferLayer;
import org.groundwatergateway.core.park.Park;
import org.groundwatergateway.core.park.ParkRepository;
import org.groundwatergateway.core.parameter.MeasuredValues;
import org.groundwatergateway.core.parameter.Parameter;
import org.groundwatergateway.core.parameter.ParameterRepository;
import org.groundwatergateway.core.problem.InvalidInput;
import org.groundwatergateway.core.site.Site;
import org.groundwatergateway.core.site.SiteReadings;
import org.groundwatergateway.core.site.SiteRepository;
import org.groundwatergateway.core.site.SiteTracing;
import org.groundwatergateway.core.time.ChinaStandardTime;
import org.groundwatergateway.core.storage.Database;
import org.locationtech.jts.geom.Point;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The emergency workflow: a severe alert about a well's datastream on the bus (or a declaration) opens an incident at
 * once with its plan, tasks and dispatched resources; the plume forecast and tracing run in the background and attach
 * when done; people comment, finish tasks, follow resources and close the incident with an evaluation.
 */
public final class IncidentService {

    /** Runs a long analysis away from the caller, reporting progress (the gateway's analysis jobs, a test's executor). */
    @FunctionalInterface
    public interface Background {
        void run(String kind, Consumer<Progress> work);
    }

    /**
     * @param travelSpeedKmh the speed ETAs assume on the park's roads
     * @param keyWellRadiusM wells of the incident's aquifer this close are its key wells for the evaluation
     * @param grouping which open incident a severe alert joins instead of opening another
     */
    public record Settings(double travelSpeedKmh, double cameraRadiusM, int nearestCameras, double keyWellRadiusM, IncidentGrouping grouping) {

        public static final Settings DEFAULTS = new Settings(30, 500, 5, 300, IncidentGrouping.DEFAULTS);

        public Settings {
            if (!(travelSpeedKmh > 0)) throw new IllegalArgumentException("travel speed must be positive");
            if (!(cameraRadiusM > 0) || nearestCameras < 1) throw new IllegalArgumentException("camera radius and count must be positive");
            if (grouping == null) throw new IllegalArgumentException("grouping is required");
        }
    }

    /** A declaration by people; {@code location} or {@code wellCode} says where. */
    public record Declaration(String parkCode, String parameterCode, String wellCode, Point location, ResponseLevel level,
                              Alert.Level severity, Double concentration, Instant at, String department, String author) {}

    /** An incident with everything attached. */
    public record Details(Incident incident, String parkCode, DisposalPlan plan, DisposalPlan.Dose dose, PlumeForecast forecast,
                          List<IncidentTask> tasks, List<TimelineEntry> timeline, List<Dispatch> dispatches, List<Camera> cameras,
                          IncidentEvaluation.Result evaluation) {}

    public static final String PLATFORM = "平台";
    private static final String SYSTEM = "系统";
    private static final Logger log = LoggerFactory.getLogger(IncidentService.class);

    private final IncidentRepository incidents;
    private final ResourceDispatch resources;
    private final IncidentEvaluation evaluation;
    private final ParkRepository parks;
    private final MonitoringRepository monitoring;
    private final ParameterRepository parameters;
    private final SiteRepository sites;
    private final DisposalPlans plans;
    private final IncidentAnalysis analysis;
    private final Background background;
    private final Clock clock;
    private final Settings settings;
    private volatile EventBus events;

    public IncidentService(Database database, DisposalPlans plans, IncidentAnalysis analysis, Background background, Clock clock,
                           Settings settings) {
        this.incidents = new IncidentRepository(database);
        this.resources = new ResourceDispatch(new EmergencyRepository(database), settings.travelSpeedKmh());
        this.parks = new ParkRepository(database);
        this.monitoring = new MonitoringRepository(database);
        this.parameters = new ParameterRepository(database);
        this.sites = new SiteRepository(database);
        this.evaluation = new IncidentEvaluation(incidents, parameters, analysis, settings.keyWellRadiusM());
        this.plans = plans;
        this.analysis = analysis;
        this.background = background;
        this.clock = clock;
        this.settings = settings;
    }

    /** An incident's forecast attached, published on the bus: joint warnings with partners start from it. */
    public record Forecasted(Incident incident, PlumeForecast forecast) {}

    /** Opens incidents from the severe alerts published on the bus, and publishes each forecast that attaches there. */
    public void listenTo(EventBus events) {
        this.events = events;
        events.subscribe(Alert.class, this::onAlert);
    }

    /**
     * A severe alert about a well's datastream opens an incident at 二级, or joins the open one of its plume (same pollutant,
     * same area: {@link IncidentGrouping}), which escalates instead. Alerts about other things (devices, reviews) are not
     * incidents, and a drill's alerts are its own business ({@link #openDrill}).
     */
    public synchronized Optional<Incident> onAlert(Alert alert) {
        if (alert.drillId() != null) return Optional.empty();
        return fromAlert(alert, null);
    }

    /**
     * A drill's severe alert opens the drill's incident, on drill time: the wall clock shifted by {@code clockOffset} (the
     * alert's simulated time minus the wall time when the drill reached it).
     */
    public synchronized Optional<Incident> openDrill(Alert alert, Duration clockOffset) {
        if (alert.drillId() == null) throw new IllegalArgumentException("alert " + alert.id() + " is not a drill's");
        return fromAlert(alert, new Incident.Drill(alert.drillId(), clockOffset));
    }

    private Optional<Incident> fromAlert(Alert alert, Incident.Drill drill) {
        if (alert.level() != Alert.Level.SEVERE) return Optional.empty();
        // A rule's alert names its datastream; others are found by their subject, a datastream code.
        Optional<Datastream> stream = (alert.origin() != null ? monitoring.findDatastream(alert.origin().datastreamId())
                : monitoring.findDatastreams().stream().filter(d -> d.code().equals(alert.subject())).findFirst())
                .filter(d -> d.wellId() != null);
        if (stream.isEmpty()) return Optional.empty();
        Well well = monitoring.findWell(stream.get().wellId()).orElseThrow();
        Parameter parameter = parameters.findById(stream.get().parameterId()).orElseThrow();
        // An incident is a pollution event: a release with a concentration to dose and forecast from. A severe water level,
        // pH, conductivity or temperature is not one by itself; its alert reaches people through escalation all the same.
        if (!SiteTracing.isConcentration(parameter)) {
            log.info("Severe alert {} about {} opens no incident: {} is measured in {}, not a concentration", alert.id(), alert.subject(),
                    parameter.code(), parameter.unit());
            return Optional.empty();
        }
        // A rule's alert may have been raised lower and upgraded since by a live reading (or a drill's): the incident starts
        // when it became severe. A lab result judged on arrival carries its sampling time, which is older than the alert.
        Instant severeAt = alert.origin() != null && alert.origin().observedAt().isAfter(alert.raisedAt())
                ? alert.origin().observedAt() : alert.raisedAt();
        Site site = sites.load(parkOf(well.parkId()).code());
        SiteReadings seen = analysis.readingsOf(drill);
        // The reading that made the alert severe; an alert without one (raised by subject) falls back to the day's mean.
        Double seenMgPerL = alert.origin() != null ? Double.valueOf(alert.origin().value() * SiteTracing.milligramsPerLitre(parameter))
                : latestMgPerL(seen, site, well, parameter, severeAt);
        if (drill == null) {
            double[] at = site.local(well.location());
            Optional<Incident> open = settings.grouping().joins(parameter.code(), well.aquiferId(), at[0], at[1], openIn(site));
            if (open.isPresent()) {
                escalate(open.get(), well, parameter, seenMgPerL, severeAt, alert);
                return Optional.empty();
            }
        }
        Incident opened = open(site, alert.id(), parameter, well, well.location(), ResponseLevel.LEVEL_2, alert.level(),
                seenMgPerL, severeAt, drill);
        note(opened.id(), severeAt, (drill == null ? "" : "演练：") + "严重报警自动开启事件：" + seen(alert, well, parameter));
        return Optional.of(opened);
    }

    /** The real incidents not yet closed in a park, where grouping sees them. */
    private List<IncidentGrouping.Open> openIn(Site site) {
        List<IncidentGrouping.Open> open = new ArrayList<>();
        for (Incident incident : incidents.findUnclosed(site.park().id())) {
            double[] xy = site.local(incident.location());
            open.add(new IncidentGrouping.Open(incident, IncidentAnalysis.aquifer(site, incident).id(), xy[0], xy[1]));
        }
        return open;
    }

    /** Another well of the plume turned severe: the incident records it and escalates rather than a second one opening. */
    private void escalate(Incident incident, Well well, Parameter parameter, Double seenMgPerL, Instant at, Alert alert) {
        note(incident.id(), at, "同一羽流再次严重报警（" + well.code() + "）并入本事件：" + seen(alert, well, parameter));
        Double concentration = IncidentGrouping.concentration(incident.concentrationMgPerL(), seenMgPerL);
        if (concentration != null && !concentration.equals(incident.concentrationMgPerL())) {
            incidents.updateConcentration(incident.id(), concentration);
            note(incident.id(), at, "事件浓度升至 " + MeasuredValues.fourDigits(concentration / SiteTracing.milligramsPerLitre(parameter)) + " "
                    + parameter.unit() + "（" + well.code() + "）");
        }
        ResponseLevel level = settings.grouping().escalated(incident.level(), well.role());
        if (level != incident.level()) {
            incidents.updateLevel(incident.id(), level);
            note(incident.id(), at, "响应级别升至 " + level.nameZh() + "：羽流到达园区边界监测井 " + well.code());
        }
    }

    public synchronized Incident declare(Declaration d) {
        if (d.parkCode() == null) throw new InvalidInput("core.incident.parkRequired", "park");
        Site site = sites.load(d.parkCode());
        if (d.parameterCode() == null) throw new InvalidInput("core.incident.parameterRequired", "parameter");
        Parameter parameter = parameters.findByCode(d.parameterCode())
                .orElseThrow(() -> new InvalidInput("core.parameter.unknown", "parameter", d.parameterCode()));
        if (d.level() == null) throw new InvalidInput("core.requiredChoice", "level", List.of(ResponseLevel.values()));
        Instant at = d.at() == null ? clock.instant() : d.at();
        Well well = null;
        Point location = d.location();
        if (d.wellCode() != null) {
            well = site.wells().stream().filter(w -> w.code().equals(d.wellCode())).findFirst().orElseThrow(() -> new InvalidInput(
                    "core.incident.noSuchWell", "well", d.parkCode(), d.wellCode()));
            if (location == null) location = well.location();
        }
        if (location == null) throw new InvalidInput("core.incident.location", "location");
        if (!site.reaches(location.getX(), location.getY(), 5000)) throw new InvalidInput("core.tooFarFromPark", "location", d.parkCode());
        // Not one conditional expression: its double branch would unbox the null of the other (a 500 without a well).
        Double concentration = null;
        if (d.concentration() != null) concentration = d.concentration() * SiteTracing.milligramsPerLitre(parameter);
        else if (well != null) concentration = latestMgPerL(analysis.readingsOf(null), site, well, parameter, at);
        if (concentration == null) throw new InvalidInput("core.incident.concentration", "concentration", parameter.unit());
        Incident opened = open(site, null, parameter, well, location, d.level(), d.severity() == null ? Alert.Level.SEVERE : d.severity(),
                concentration, at, null);
        incidents.insert(new TimelineEntry(null, opened.id(), at, text(d.department(), "department"), text(d.author(), "author"),
                "人工宣布事件，响应级别 " + d.level().nameZh()));
        return opened;
    }

    private Incident open(Site site, Long alertId, Parameter parameter, Well well, Point location, ResponseLevel level, Alert.Level severity,
                          Double concentrationMgPerL, Instant at, Incident.Drill drill) {
        Incident draft = new Incident(null, site.park().id(), alertId, parameter.code(), well == null ? null : well.id(), location, level,
                severity, Incident.Status.OPEN, concentrationMgPerL, null, at, null, null, null,
                new Incident.Analysis(Incident.AnalysisState.PENDING, null, null, null, null, null), null, null, drill);
        DisposalPlan plan = plans.match(parameter.code(), severity, IncidentAnalysis.aquifer(site, draft));
        Incident incident = incidents.insert(new Incident(null, draft.parkId(), alertId, draft.parameterCode(), draft.wellId(), location, level,
                severity, Incident.Status.OPEN, concentrationMgPerL, plan.code(), at, null, null, null, draft.analysis(), null, null, drill));
        for (DisposalPlan.TaskTemplate task : plan.tasks()) {
            incidents.insert(new IncidentTask(null, incident.id(), task.title(), task.owner(),
                    at.plusSeconds(Math.round(task.hours() * 3600)), IncidentTask.Status.OPEN, null));
        }
        note(incident.id(), at, "匹配处置预案 " + plan.code() + "：" + plan.nameZh());
        dispatch(site, incident, plan, at);
        background.run("incident " + incident.id(), progress -> analyse(site, incident, progress));
        log.info("Incident {} opened: {} at park {}, plan {}", incident.id(), parameter.code(), site.park().code(), plan.code());
        return incident;
    }

    /** The plan's resources routed to the incident, each dispatch on its timeline; one none is available for is noted too. */
    private void dispatch(Site site, Incident incident, DisposalPlan plan, Instant at) {
        for (ResourceDispatch.Routed routed : resources.route(site, incident, plan, at)) {
            if (routed.dispatch() == null) {
                note(incident.id(), at, "预案所需资源无可用：" + routed.wanted());
                continue;
            }
            Dispatch sent = incidents.insert(routed.dispatch());
            resources.hold(sent, incident);
            note(incident.id(), at, String.format(Locale.ROOT, "调派 %s（%s）自 %s，路程 %.0f m，预计 %.0f 分钟到达", sent.resource().nameZh(),
                    sent.resource().code(), sent.depot().nameZh(), sent.lengthM(), sent.etaMinutes()));
        }
    }

    private void analyse(Site site, Incident incident, Progress progress) {
        try {
            IncidentAnalysis.Result result = analysis.run(site, incident, progress);
            Instant now = clockOf(incident).instant();
            incidents.attach(incident.id(), result.flow(), result.thresholdMgPerL(), result.realizations(), result.forecast(), result.topSource(), result.used(), now);
            if (events != null) events.publish(new Forecasted(incident(incident.id()), result.forecast()));
            StringBuilder text = new StringBuilder("羽流预测完成");
            for (PlumeForecast.ReceptorRisk r : result.forecast().receptors()) {
                text.append(String.format(Locale.ROOT, "；%s %s 预计到达 %s 天", r.code(), r.nameZh(), r.arrivalP50() == null ? "（中位数不在预测期内）"
                        : String.format(Locale.ROOT, "%.0f", r.arrivalP50())));
            }
            note(incident.id(), now, text.toString());
            note(incident.id(), now, result.topSource() == null ? "溯源未得出结果：" + (result.tracingProblem() == null ? "没有候选源能解释读数" : result.tracingProblem())
                    : String.format(Locale.ROOT, "溯源：最可能来源 %s（概率 %.2f）", result.topSource().nameZh(), result.topSource().probability()));
            if (result.sources() != null) note(incident.id(), now, result.sources());
        } catch (Progress.Cancelled e) {
            incidents.failAnalysis(incident.id(), "cancelled", "已取消", clockOf(incident).instant());
        } catch (RuntimeException e) {
            log.warn("Incident {}: analysis failed", incident.id(), e);
            // A refusal from the message catalogues is kept in both languages, for readers of either; any other failure
            // is ours, and its English message will do for both.
            incidents.failAnalysis(incident.id(), e.getMessage(), InvalidArgument.message(e, Locale.CHINESE), clockOf(incident).instant());
            // The cause is kept with the analysis state; the timeline is read in Chinese.
            note(incident.id(), clockOf(incident).instant(), "预测与溯源分析失败，原因见事件的分析状态");
        }
    }

    public List<Incident> all() {
        return incidents.findAll();
    }

    public Incident incident(long id) {
        return incidents.find(id).orElseThrow(() -> new NoSuchIncident(id));
    }

    public Details details(long id) {
        Incident incident = incident(id);
        Park park = parkOf(incident.parkId());
        DisposalPlan plan = incident.planCode() == null ? null : plans.find(incident.planCode()).orElse(null);
        boolean withDose = plan != null && incident.concentrationMgPerL() != null;
        boolean closed = incident.status() == Incident.Status.CLOSED;
        Site site = withDose || closed ? sites.load(park.code()) : null;
        DisposalPlan.Dose dose = withDose ? plan.dose(incident.concentrationMgPerL(), IncidentAnalysis.aquifer(site, incident)) : null;
        Point at = incident.location();
        return new Details(incident, park.code(), plan, dose, incidents.forecast(id), incidents.tasks(id), incidents.timeline(id),
                incidents.dispatches(id), camerasNear(at.getX(), at.getY(), settings.cameraRadiusM(), settings.nearestCameras()),
                closed ? evaluation.of(incident, site) : null);
    }

    public TimelineEntry comment(long id, String department, String author, String text) {
        Incident incident = unclosed(id);
        return incidents.insert(new TimelineEntry(null, incident.id(), clockOf(incident).instant(), text(department, "department"), text(author, "author"),
                text(text, "text")));
    }

    /** Moves an incident on (OPEN → RESPONDING → CONTAINED; closing is {@link #close}) or changes its response level. */
    public synchronized Incident update(long id, Incident.Status status, ResponseLevel level, String department, String author) {
        Incident incident = unclosed(id);
        Instant now = clockOf(incident).instant();
        if (level != null && level != incident.level()) {
            incidents.updateLevel(id, level);
            incidents.insert(new TimelineEntry(null, id, now, text(department, "department"), text(author, "author"),
                    "响应级别调整为 " + level.nameZh()));
        }
        if (status != null && status != incident.status()) {
            if (status == Incident.Status.CLOSED) throw new InvalidInput("core.incident.closeAction", "status");
            if (status.ordinal() < incident.status().ordinal()) {
                throw new InvalidInput("core.incident.backwards", "status", incident.status(), status);
            }
            incidents.updateStatus(id, status, status == Incident.Status.CONTAINED ? now : null, null, null);
            incidents.insert(new TimelineEntry(null, id, now, text(department, "department"), text(author, "author"), "事件状态：" + status.nameZh()));
        }
        return incident(id);
    }

    /** Marks a task done (at the clock's now) or open again, and may hand it to another owner or deadline. */
    public IncidentTask updateTask(long id, long taskId, IncidentTask.Status status, String owner, Instant deadline) {
        Incident incident = unclosed(id);
        IncidentTask task = incidents.tasks(id).stream().filter(t -> t.id() == taskId).findFirst()
                .orElseThrow(() -> new NoSuchIncident(new InvalidInput("core.incident.noTask", "taskId", id, taskId)));
        IncidentTask.Status next = status == null ? task.status() : status;
        Instant doneAt = next == IncidentTask.Status.DONE ? (task.doneAt() == null ? clockOf(incident).instant() : task.doneAt()) : null;
        IncidentTask updated = new IncidentTask(task.id(), id, task.title(), owner == null ? task.owner() : text(owner, "owner"),
                deadline == null ? task.deadline() : deadline, next, doneAt);
        incidents.update(updated);
        return updated;
    }

    /** Follows a resource forward (DISPATCHED → EN_ROUTE → ON_SITE → RETURNED); its arrival starts the response, its return frees it. */
    public synchronized Dispatch updateDispatch(long id, long dispatchId, Dispatch.Status status) {
        Incident incident = incident(id);
        if (status == null) throw new InvalidInput("core.requiredChoice", "status", List.of(Dispatch.Status.values()));
        Dispatch dispatch = incidents.dispatches(id).stream().filter(d -> d.id() == dispatchId).findFirst()
                .orElseThrow(() -> new NoSuchIncident(new InvalidInput("core.incident.noDispatch", "dispatchId", id, dispatchId)));
        if (status.ordinal() <= dispatch.status().ordinal()) {
            throw new InvalidInput("core.incident.dispatchBackwards", "status", dispatch.status(), status);
        }
        Instant now = clockOf(incident).instant();
        incidents.updateStatus(dispatch, status, now);
        if (status == Dispatch.Status.RETURNED) resources.release(dispatch, incident);
        if (status == Dispatch.Status.ON_SITE && incident.status() == Incident.Status.OPEN) {
            incidents.updateStatus(id, Incident.Status.RESPONDING, null, null, null);
        }
        note(id, now, dispatch.resource().nameZh() + "（" + dispatch.resource().code() + "）：" + status.nameZh());
        return incidents.dispatches(id).stream().filter(d -> d.id() == dispatchId).findFirst().orElseThrow();
    }

    /** Closes an incident: resources still out are recalled and freed, and the evaluation is part of its details from now on. */
    public synchronized Details close(long id, String department, String author, String note) {
        Incident incident = unclosed(id);
        Instant now = clockOf(incident).instant();
        for (Dispatch d : incidents.dispatches(id)) {
            if (d.status() != Dispatch.Status.RETURNED) {
                incidents.updateStatus(d, Dispatch.Status.RETURNED, now);
                resources.release(d, incident);
            }
        }
        incidents.updateStatus(id, Incident.Status.CLOSED, incident.containedAt(), now, note);
        incidents.insert(new TimelineEntry(null, id, now, text(department, "department"), text(author, "author"),
                "事件关闭" + (note == null || note.isBlank() ? "" : "：" + note)));
        return details(id);
    }

    /** The cameras within {@code radiusM} of a place, nearest first, at most {@code limit}. */
    public List<Camera> camerasNear(double lon, double lat, double radiusM, int limit) {
        if (!(lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90)) throw new InvalidInput("core.incident.lonLat", "near");
        if (!(radiusM > 0 && radiusM <= 50_000)) throw new InvalidInput("core.incident.radius", "radius", radiusM);
        if (limit < 1) throw new InvalidInput("core.atLeast1", "limit");
        LocalGrid around = new LocalGrid(lon, lat);
        return incidents.cameras().stream()
                .map(c -> new Object[] {c, distance(around, c.location())})
                .filter(p -> (double) p[1] <= radiusM)
                .sorted(Comparator.comparingDouble(p -> (double) p[1]))
                .limit(limit).map(p -> (Camera) p[0]).toList();
    }

    public List<DisposalPlan> plans() {
        return plans.all();
    }

    private static double distance(LocalGrid around, Point p) {
        double[] xy = around.toLocal(p.getX(), p.getY());
        return Math.hypot(xy[0], xy[1]);
    }

    /** An incident's time: the wall clock's, or its drill's. */
    public Clock clockOf(Incident incident) {
        return incident.drill() == null ? clock : incident.drill().clock(clock);
    }

    private Double latestMgPerL(SiteReadings readings, Site site, Well well, Parameter parameter, Instant at) {
        AquiferLayer aquifer = site.aquifers().stream().filter(a -> a.id() == well.aquiferId()).findFirst().orElseThrow();
        var days = readings.dailyMeans(site, aquifer, parameter.code(), at.minus(Duration.ofDays(2)), at.plusSeconds(1)).get(well);
        if (days == null || days.isEmpty()) return null;
        return days.get(days.size() - 1).value() * SiteTracing.milligramsPerLitre(parameter);
    }

    private Park parkOf(long parkId) {
        return parks.findAll().stream().filter(p -> p.id() == parkId).findFirst().orElseThrow();
    }

    private Incident unclosed(long id) {
        Incident incident = incident(id);
        if (incident.status() == Incident.Status.CLOSED) throw new InvalidInput("core.incident.closed", "incident", id);
        return incident;
    }

    /**
     * What a severe alert saw, for the timeline, which is read in Chinese: the alert's own message quotes its rule and
     * datastream codes in the rules' working language, and the time in UTC.
     */
    private static String seen(Alert alert, Well well, Parameter parameter) {
        if (alert.origin() == null) return "监测井 " + well.code() + " " + parameter.nameZh() + "（" + alert.level().nameZh() + "预警）";
        return String.format(Locale.ROOT, "监测井 %s %s %s %s（%s 北京时间）", well.code(), parameter.nameZh(),
                MeasuredValues.fourDigits(alert.origin().value()), parameter.unit(),
                alert.origin().observedAt().atOffset(ChinaStandardTime.OFFSET).format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")));
    }

    private void note(long incidentId, Instant at, String text) {
        incidents.insert(new TimelineEntry(null, incidentId, at, PLATFORM, SYSTEM, text));
    }

    private static String text(String value, String field) {
        if (value == null || value.isBlank()) throw new InvalidInput("core.required", field);
        if (value.length() > 4000) throw new InvalidInput("core.atMostCharacters", field, "4,000");
        return value.strip();
    }

    /** The incident, or a task or dispatch of it, does not exist. */
    public static final class NoSuchIncident extends CataloguedRefusal {
        NoSuchIncident(long id) {
            this(new InvalidInput("core.incident.none", "id", id));
        }

        NoSuchIncident(InvalidInput problem) {
            super(problem);
        }
    }
}
