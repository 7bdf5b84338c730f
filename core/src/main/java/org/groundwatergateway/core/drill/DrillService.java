package org.groundwatergateway.core.drill;

import org.groundwatergateway.analytics.Stage;
import org.groundwatergateway.core.problem.CataloguedRefusal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Random;
import java.util.function.ToDoubleFunction;
import org.groundwatergateway.analytics.InvalidArgument;
import org.groundwatergateway.analytics.Progress;
import org.groundwatergateway.analytics.transport.DomenicoSource;
import org.groundwatergateway.core.alert.Alert;
import org.groundwatergateway.core.alert.AlertRepository;
import org.groundwatergateway.core.emergency.Dispatch;
import org.groundwatergateway.core.emergency.Incident;
import org.groundwatergateway.core.emergency.IncidentService;
import org.groundwatergateway.core.emergency.IncidentTask;
import org.groundwatergateway.core.escalation.Delivery;
import org.groundwatergateway.core.escalation.EscalationPolicy;
import org.groundwatergateway.core.escalation.EscalationRepository;
import org.groundwatergateway.core.escalation.EscalationState;
import org.groundwatergateway.core.escalation.Tier;
import org.groundwatergateway.core.monitoring.Datastream;
import org.groundwatergateway.core.monitoring.MonitoringRepository;
import org.groundwatergateway.core.monitoring.Well;
import org.groundwatergateway.core.park.AquiferLayer;
import org.groundwatergateway.core.park.PotentialSource;
import org.groundwatergateway.core.parameter.Parameter;
import org.groundwatergateway.core.parameter.ParameterRepository;
import org.groundwatergateway.core.problem.InvalidInput;
import org.groundwatergateway.core.reading.Reading;
import org.groundwatergateway.core.site.Site;
import org.groundwatergateway.core.site.SiteFlow;
import org.groundwatergateway.core.site.SiteReadings;
import org.groundwatergateway.core.site.SiteRepository;
import org.groundwatergateway.core.site.SiteTracing;
import org.groundwatergateway.core.site.TransportProperties;
import org.groundwatergateway.core.storage.Database;
import org.groundwatergateway.core.warning.WarningEvaluator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs drills end to end. A simulated release ({@link SimulatedRelease}) is replayed, step by step of drill time, into
 * readings at every well of the aquifer that measures the pollutant (the well's {@link CounterfactualBackground} — what it
 * would read without any real plume — plus the simulated one, with 2 % instrument noise), which a warning evaluator of the
 * drill's own judges against the park's live rules. The background is also written over {@link #LEAD_IN} before the
 * release, so that the drill incident's tracing, which looks back from its opening, sees the drill's park and not a real
 * leak. The drill's
 * alerts go out through the escalation chain like real ones, marked 【演练】; the first severe one ends the replay and
 * opens the drill's incident on drill time, and from then on people respond to it as to a real one. Finishing the drill
 * closes its incident and clears its alerts; the {@link DrillScore} times every step.
 *
 * <p>Nothing a drill does reaches real data: its readings live in their own table, its alerts and incident carry its id
 * and are left out of the real ones, and the resources it dispatches stay available (and it routes them whatever real
 * incidents hold: see {@link IncidentService}).
 */
public final class DrillService {

    /** Targets the score measures against. */
    public record Targets(Duration detection, Duration notification, Duration analysis, Duration firstArrival) {

        public static final Targets DEFAULTS = new Targets(Duration.ofDays(30), Duration.ofSeconds(60), Duration.ofMinutes(15),
                Duration.ofMinutes(30));
    }

    /**
     * What to rehearse. Where: a potential source's code, or a location; when: {@code releaseStart}, by default when the
     * aquifer's water levels were last measured (now, on a park with live data).
     */
    public record Plan(String parkCode, String parameterCode, String sourceCode, Double lon, Double lat, String aquiferCode,
                       Double sourceMgPerL, Instant releaseStart, Double stepHours, Double maxDays, String by) {}

    /** A drill with its incident's id and its score so far. */
    public record Report(Drill drill, DrillScore score, IncidentService.Details incident) {}

    private static final Logger log = LoggerFactory.getLogger(DrillService.class);
    private static final double DEFAULT_STEP_HOURS = 6;
    private static final double DEFAULT_MAX_DAYS = 365;
    private static final double NOISE = 0.02;
    /** Counterfactual background written before the release: longer than an incident's tracing window (60 days). */
    static final Duration LEAD_IN = Duration.ofDays(90);
    /** A replay's longest run: a year in half-hours. */
    private static final int MAX_STEPS = 20_000;

    private final Database database;
    private final DrillRepository drills;
    private final AlertRepository alerts;
    private final IncidentService incidents;
    private final EscalationRepository escalations;
    private final EscalationPolicy policy;
    private final SiteRepository sites;
    private final ParameterRepository parameters;
    private final MonitoringRepository monitoring;
    private final IncidentService.Background background;
    private final Clock clock;
    private final Targets targets;

    public DrillService(Database database, AlertRepository alerts, IncidentService incidents, EscalationPolicy policy,
                        IncidentService.Background background, Clock clock, Targets targets) {
        this.database = database;
        this.drills = new DrillRepository(database);
        this.alerts = alerts;
        this.incidents = incidents;
        this.escalations = new EscalationRepository(database);
        this.policy = policy;
        this.sites = new SiteRepository(database);
        this.parameters = new ParameterRepository(database);
        this.monitoring = new MonitoringRepository(database);
        this.background = background;
        this.clock = clock;
        this.targets = targets;
    }

    /** Checks the plan, records the drill and starts its replay in the background. */
    public Drill start(Plan plan) {
        if (plan.parkCode() == null) throw new InvalidInput("core.incident.parkRequired", "park");
        Site site = sites.load(plan.parkCode());
        if (plan.parameterCode() == null) throw new InvalidInput("core.incident.parameterRequired", "parameter");
        Parameter parameter = parameters.findByCode(plan.parameterCode())
                .orElseThrow(() -> new InvalidInput("core.parameter.unknown", "parameter", plan.parameterCode()));
        AquiferLayer aquifer = plan.aquiferCode() == null ? site.shallowestAquifer() : site.aquifer(plan.aquiferCode());
        if (streams(site, aquifer, parameter).isEmpty()) {
            throw new InvalidInput("core.drill.noWellMeasures", "parameter", aquifer.code(), parameter.code());
        }
        double lon;
        double lat;
        if (plan.sourceCode() != null) {
            PotentialSource source = site.sources().stream().filter(s -> s.code().equals(plan.sourceCode())).findFirst().orElseThrow(
                    () -> new InvalidInput("core.drill.noSource", "source", site.park().code(), plan.sourceCode()));
            lon = source.geometry().getCentroid().getX();
            lat = source.geometry().getCentroid().getY();
        } else if (plan.lon() != null && plan.lat() != null) {
            lon = plan.lon();
            lat = plan.lat();
        } else {
            throw new InvalidInput("core.drill.sourceRequired", "source");
        }
        if (!site.reaches(lon, lat, 5000)) throw new InvalidInput("core.tooFarFromPark", "source", site.park().code());
        double c0 = plan.sourceMgPerL() == null ? Double.NaN : plan.sourceMgPerL();
        if (!(c0 > 0 && c0 < 1e6)) throw new InvalidInput("core.drill.concentration", "sourceMgPerL");
        double step = plan.stepHours() == null ? DEFAULT_STEP_HOURS : plan.stepHours();
        if (!(step >= 1 && step <= 168)) throw new InvalidInput("core.drill.stepHours", "stepHours", step);
        double maxDays = plan.maxDays() == null ? DEFAULT_MAX_DAYS : plan.maxDays();
        if (!(maxDays >= 1 && maxDays <= 3650)) throw new InvalidInput("core.drill.maxDays", "maxDays", maxDays);
        if (maxDays * 24 / step > MAX_STEPS) {
            throw new InvalidInput("core.drill.tooManySteps", "stepHours", String.format(Locale.ROOT, "%.0f", maxDays), String.format(Locale.ROOT, "%.3g", step),
                    String.format(Locale.ROOT, "%,d", MAX_STEPS));
        }
        if (plan.by() == null || plan.by().isBlank()) throw new InvalidInput("core.drill.runBy", "by");
        Instant releaseStart = plan.releaseStart() != null ? plan.releaseStart()
                : new SiteReadings(database).latest(site, aquifer, "water-level", clock.instant().plusSeconds(1)).orElse(clock.instant());
        Drill drill = drills.insert(new Drill(null, site.park().id(), site.park().code(), parameter.code(), plan.sourceCode(), lon, lat,
                aquifer.code(), c0, releaseStart, step, maxDays, Drill.Status.SIMULATING, 0, null, clock.instant(), plan.by().strip(), 0,
                null, null, null, null, null, null, null, null));
        log.info("Drill {} started by {}: {} {} mg/L at park {} from {}", drill.id(), drill.startedBy(), parameter.code(), c0,
                site.park().code(), releaseStart);
        background.run("drill " + drill.id(), progress -> replay(drill, progress));
        return drill;
    }

    /** At start: drills a previous run was replaying when it stopped cannot go on; they fail, say why and clear their alerts. */
    public int failInterrupted() {
        List<Drill> replaying = drills.findAll().stream().filter(d -> d.status() == Drill.Status.SIMULATING).toList();
        for (Drill d : replaying) endWithoutIncident(d.id(), Drill.Status.FAILED, "平台在回放泄漏过程中停止，演练中断");
        if (!replaying.isEmpty()) log.warn("{} drill(s) were replaying when the platform stopped: marked FAILED", replaying.size());
        return replaying.size();
    }

    public Drill drill(long id) {
        return drills.find(id).orElseThrow(() -> new NoSuchDrill(id));
    }

    public List<Drill> all() {
        return drills.findAll();
    }

    /** The drill, its incident (once opened) and its score so far. */
    public Report report(long id) {
        Drill drill = drill(id);
        IncidentService.Details details = drill.incidentId() == null ? null : incidents.details(drill.incidentId());
        return new Report(drill, score(drill, details), details);
    }

    /**
     * Ends a drill: closes its incident (with its evaluation), clears its alerts so that their escalation stops, and
     * freezes its score.
     */
    public synchronized Report finish(long id, String by, String note) {
        Drill drill = drill(id);
        if (by == null || by.isBlank()) throw new InvalidInput("core.drill.finishedBy", "by");
        if (drill.status() == Drill.Status.SIMULATING) throw new NotNow(new InvalidInput("core.drill.replaying", null, id));
        if (drill.status() == Drill.Status.FINISHED) throw new NotNow(new InvalidInput("core.drill.finished", null, id));
        if (drill.incidentId() != null && incidents.incident(drill.incidentId()).status() != Incident.Status.CLOSED) {
            incidents.close(drill.incidentId(), "演练组", by.strip(), note == null || note.isBlank() ? "演练结束" : note);
        }
        alerts.forDrill(id).clearAll(clock.instant());
        drills.end(id, Drill.Status.FINISHED, drill.problem(), clock.instant());
        log.info("Drill {} finished by {}", id, by);
        return report(id);
    }

    private void replay(Drill drill, Progress progress) {
        WarningEvaluator evaluator = null;
        try {
            Site site = sites.load(drill.parkCode());
            AquiferLayer aquifer = site.aquifer(drill.aquiferCode());
            Parameter parameter = parameters.findByCode(drill.parameterCode()).orElseThrow();
            SiteReadings real = new SiteReadings(database);
            var flow = SiteFlow.lastBefore(site, aquifer, real, drill.releaseStart().plusSeconds(1), Duration.ofDays(30), 50).regional();
            SiteTracing.Model model = SiteTracing.Model.DEFAULTS;
            double[] at = site.grid().toLocal(drill.sourceLon(), drill.sourceLat());
            SimulatedRelease release = new SimulatedRelease(new DomenicoSource(drill.sourceMgPerL(), model.sourceWidthM(), model.sourceDepthM(),
                    flow.seepageVelocity(), TransportProperties.retardation(parameter.code()), 0, model.longitudinalDispersivity(),
                    model.transverseDispersivity(), model.verticalDispersivity()), flow, at[0], at[1], model.sampleDepthM(), drill.releaseStart());
            double unit = SiteTracing.milligramsPerLitre(parameter);

            List<Datastream> streams = streams(site, aquifer, parameter);
            Map<Long, double[]> wellAt = new HashMap<>();
            for (Well well : site.wellsIn(aquifer)) wellAt.put(well.id(), site.local(well.location()));
            Map<Long, Double> lastReal = new HashMap<>();
            for (Datastream d : streams) lastReal.put(d.id(), drills.lastRealValue(d.id(), drill.releaseStart()).orElse(null));
            Map<Long, Double> background = CounterfactualBackground.of(lastReal);

            ReplayClock replayClock = new ReplayClock(drill.releaseStart());
            AlertRepository drillAlerts = alerts.forDrill(drill.id());
            evaluator = new WarningEvaluator(database, drillAlerts, replayClock, Duration.ofDays(1));
            Random noise = new Random(drill.id());
            Duration step = Duration.ofSeconds(Math.round(drill.stepHours() * 3600));
            Instant end = drill.releaseStart().plusSeconds(Math.round(drill.maxDays() * 86400));
            for (Instant t = drill.releaseStart().minus(LEAD_IN); !t.isAfter(drill.releaseStart()); t = t.plus(step)) {
                drills.insertReadings(drill.id(), readings(streams, background, t, d -> 0, noise));
            }
            boolean firstSeen = false;
            for (Instant t = drill.releaseStart().plus(step); !t.isAfter(end); t = t.plus(step)) {
                Instant now = t;
                List<Reading> batch = readings(streams, background, t, d -> {
                    double[] xy = wellAt.get(d.wellId());
                    return release.mgPerL(xy[0], xy[1], now) / unit;
                }, noise);
                drills.insertReadings(drill.id(), batch);
                replayClock.set(t);
                evaluator.evaluate(batch);
                List<Alert> open = drillAlerts.findOpen();
                if (!firstSeen && !open.isEmpty()) {
                    Alert first = open.stream().min(Comparator.comparing(Alert::raisedAt)).orElseThrow();
                    drills.firstAlert(drill.id(), first.id(), first.raisedAt());
                    firstSeen = true;
                }
                Optional<Alert> severe = open.stream().filter(a -> a.level() == Alert.Level.SEVERE).findFirst();
                if (severe.isPresent()) {
                    respond(drill, severe.get(), t);
                    return;
                }
                double fraction = Duration.between(drill.releaseStart(), t).toSeconds() / (drill.maxDays() * 86400);
                progress.advance(fraction, Stage.of("core.stage.replay"));
                drills.progress(drill.id(), fraction);
            }
            endWithoutIncident(drill.id(), Drill.Status.UNDETECTED, String.format(Locale.ROOT,
                    "泄漏开始后 %.0f 天内没有预警规则达到严重级别%s", drill.maxDays(), firstSeen ? "" : "；期间未产生任何预警"));
        } catch (Progress.Cancelled e) {
            endWithoutIncident(drill.id(), Drill.Status.FAILED, "已取消");
        } catch (RuntimeException e) {
            log.warn("Drill {} failed", drill.id(), e);
            endWithoutIncident(drill.id(), Drill.Status.FAILED, "演练出错：" + InvalidArgument.message(e, Locale.CHINESE));
        } finally {
            if (evaluator != null) {
                try {
                    evaluator.close();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    /** One step's readings: each datastream's background plus the simulated plume there, with instrument noise. */
    private List<Reading> readings(List<Datastream> streams, Map<Long, Double> background, Instant t,
                                   ToDoubleFunction<Datastream> plume, Random noise) {
        List<Reading> batch = new ArrayList<>(streams.size());
        for (Datastream d : streams) {
            double value = Math.max(0, (background.get(d.id()) + plume.applyAsDouble(d)) * (1 + NOISE * noise.nextGaussian()));
            batch.add(Reading.arrived(d.id(), t, value, 0, "drill", clock.instant()));
        }
        return batch;
    }

    /** A drill with no incident to respond to is over: its alerts are cleared, so that nobody is paged for them any more. */
    private void endWithoutIncident(long id, Drill.Status status, String problem) {
        alerts.forDrill(id).clearAll(clock.instant());
        drills.end(id, status, problem, clock.instant());
    }

    /** The replay has reached a severe alert at drill time {@code at}: from now on drill time runs at wall speed from there. */
    private void respond(Drill drill, Alert severe, Instant at) {
        Instant wall = clock.instant();
        Duration offset = Duration.between(wall, at);
        Long incidentId = incidents.openDrill(severe, offset).map(Incident::id).orElse(null);
        drills.responding(drill.id(), severe.id(), at, offset, wall, incidentId);
        log.info("Drill {}: severe alert {} at drill time {}, incident {}", drill.id(), severe.id(), at, incidentId);
    }

    private DrillScore score(Drill drill, IncidentService.Details details) {
        List<DrillScore.Item> items = new ArrayList<>();
        Double detectionDays = drill.firstAlertAt() == null ? null : days(drill.releaseStart(), drill.firstAlertAt());
        items.add(DrillScore.timed("detection", "监测发现", "Detection", detectionDays, targets.detection().toSeconds() / 86400.0, "d",
                drill.firstAlertAt() == null ? "监测未发现释放" : "释放开始至首次预警",
                drill.firstAlertAt() == null ? "the monitoring did not see the release" : "release to first alert"));

        Optional<EscalationState> escalation = drill.severeAlertId() == null ? Optional.empty() : escalations.find(drill.severeAlertId());
        Double notifiedSeconds = escalation.flatMap(state -> escalations.deliveries(state.alertId()).stream()
                        .filter(d -> d.tier() == Tier.DUTY_OFFICER && d.status() == Delivery.Status.SENT).map(Delivery::attemptedAt)
                        .min(Comparator.naturalOrder()).map(sent -> Duration.between(state.startedAt(), sent).toMillis() / 1000.0))
                .orElse(null);
        items.add(DrillScore.timed("notification", "推送值班员", "Duty officer notified", notifiedSeconds, targets.notification().toSeconds(), "s",
                notifiedSeconds == null ? "值班员未收到推送" : "预警至值班员收到推送",
                notifiedSeconds == null ? "no delivery to the duty officer" : "alert to the duty officer's delivery"));

        Duration ackTarget = policy.timeout(Alert.Level.SEVERE);
        Double ackMinutes = escalation.filter(s -> s.acknowledgedAt() != null)
                .map(s -> Duration.between(s.startedAt(), s.acknowledgedAt()).toMillis() / 60_000.0).orElse(null);
        items.add(DrillScore.timed("acknowledgement", "值班确认", "Acknowledgement", ackMinutes, ackTarget.toSeconds() / 60.0, "min",
                escalation.map(s -> s.acknowledgedAt() == null ? "尚未确认" : "由 " + s.acknowledgedBy() + " 确认").orElse("无严重预警"),
                escalation.map(s -> s.acknowledgedAt() == null ? "not acknowledged" : "acknowledged by " + s.acknowledgedBy())
                        .orElse("no severe alert")));

        Incident incident = details == null ? null : details.incident();
        Double analysisMinutes = incident == null || incident.analysis().finishedAt() == null
                || incident.analysis().state() != Incident.AnalysisState.DONE ? null
                : minutes(incident.openedAt(), incident.analysis().finishedAt());
        items.add(DrillScore.timed("analysis", "预测与溯源", "Forecast and tracing", analysisMinutes, targets.analysis().toSeconds() / 60.0, "min",
                incident == null ? "无事件" : "事件启动至羽流预测与溯源完成：" + incident.analysis().state().nameZh(),
                incident == null ? "no incident" : "opening to forecast and tracing: " + incident.analysis().state()));

        Optional<Dispatch> firstOnSite = details == null ? Optional.empty() : details.dispatches().stream()
                .filter(d -> d.onSiteAt() != null).min(Comparator.comparing(Dispatch::onSiteAt));
        Double arrivalMinutes = firstOnSite.map(d -> minutes(incident.openedAt(), d.onSiteAt())).orElse(null);
        OptionalDouble nearestEta = details == null ? OptionalDouble.empty() : details.dispatches().stream().mapToDouble(Dispatch::etaMinutes).min();
        String plannedZh = nearestEta.isEmpty() ? "无调度" : String.format(Locale.ROOT, "最近资源预计 %.1f 分钟到达", nearestEta.getAsDouble());
        String plannedEn = nearestEta.isEmpty() ? "nothing dispatched" : String.format(Locale.ROOT, "nearest resource's ETA %.1f min", nearestEta.getAsDouble());
        items.add(DrillScore.timed("first-arrival", "首支力量到场", "First on site", arrivalMinutes, targets.firstArrival().toSeconds() / 60.0, "min",
                firstOnSite.map(d -> d.resource().nameZh() + " 到场；" + plannedZh).orElse("尚无资源到场；" + plannedZh),
                firstOnSite.map(d -> d.resource().code() + " on site; " + plannedEn).orElse("none on site yet; " + plannedEn)));

        List<IncidentTask> tasks = details == null ? List.of() : details.tasks();
        long onTime = tasks.stream().filter(IncidentTask::doneOnTime).count();
        double share = tasks.isEmpty() ? 0 : 100.0 * onTime / tasks.size();
        items.add(new DrillScore.Item("tasks", "任务按时完成", "Tasks on time", share, 100, "%", share,
                String.format(Locale.ROOT, "%d / %d 项按时完成", onTime, tasks.size()), String.format(Locale.ROOT, "%d of %d done on time", onTime, tasks.size())));
        return DrillScore.of(items);
    }

    private List<Datastream> streams(Site site, AquiferLayer aquifer, Parameter parameter) {
        var wells = site.wellsIn(aquifer).stream().map(Well::id).collect(java.util.stream.Collectors.toSet());
        return monitoring.findDatastreams().stream()
                .filter(d -> d.wellId() != null && wells.contains(d.wellId()) && d.parameterId() == parameter.id()).toList();
    }

    private static double days(Instant from, Instant to) {
        return Duration.between(from, to).toSeconds() / 86400.0;
    }

    private static double minutes(Instant from, Instant to) {
        return Duration.between(from, to).toMillis() / 60_000.0;
    }

    /** Drill time during the replay: where the replay has got to. */
    private static final class ReplayClock extends Clock {
        private volatile Instant now;

        ReplayClock(Instant start) {
            this.now = start;
        }

        void set(Instant at) {
            now = at;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("drill time is UTC");
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    /** The drill cannot do that now (finish while replaying, finish twice). */
    public static final class NotNow extends CataloguedRefusal {
        NotNow(InvalidInput problem) {
            super(problem);
        }
    }

    /** No drill with that id. */
    public static final class NoSuchDrill extends CataloguedRefusal {
        NoSuchDrill(long id) {
            super(new InvalidInput("core.drill.none", "id", id));
        }
    }
}
