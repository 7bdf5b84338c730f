package org.groundwatergateway.gateway.bench;

import java.io.OutputStream;
import java.net.Socket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.groundwatergateway.core.alert.Alert;
import org.groundwatergateway.core.alert.AlertRepository;
import org.groundwatergateway.core.escalation.Channel;
import org.groundwatergateway.core.escalation.DemoOnCall;
import org.groundwatergateway.core.escalation.Escalation;
import org.groundwatergateway.core.escalation.EscalationPolicy;
import org.groundwatergateway.core.escalation.EscalationRepository;
import org.groundwatergateway.core.escalation.Notification;
import org.groundwatergateway.core.escalation.NotificationChannel;
import org.groundwatergateway.core.escalation.NotificationDispatcher;
import org.groundwatergateway.core.escalation.OnCallRepository;
import org.groundwatergateway.core.escalation.Tier;
import org.groundwatergateway.core.event.EventBus;
import org.groundwatergateway.core.monitoring.MaintenanceRepository;
import org.groundwatergateway.core.monitoring.MonitoringRepository;
import org.groundwatergateway.core.parameter.ParameterRepository;
import org.groundwatergateway.core.park.ParkRepository;
import org.groundwatergateway.core.reading.ReadingRepository;
import org.groundwatergateway.core.storage.Database;
import org.groundwatergateway.core.testing.TestDatabases;
import org.groundwatergateway.core.testing.TestDatabases.TestDatabase;
import org.groundwatergateway.core.time.ChinaStandardTime;
import org.groundwatergateway.core.warning.RuleValidation;
import org.groundwatergateway.core.warning.WarningEvaluator;
import org.groundwatergateway.core.warning.WarningRule;
import org.groundwatergateway.core.warning.WarningRuleRepository;
import org.groundwatergateway.ingest.device.DeviceRegistry;
import org.groundwatergateway.ingest.device.SampledLog;
import org.groundwatergateway.ingest.hj212.Hj212Frame;
import org.groundwatergateway.ingest.hj212.Hj212Reception;
import org.groundwatergateway.ingest.hj212.Hj212Server;
import org.groundwatergateway.ingest.hj212.PollutantCodes;
import org.groundwatergateway.ingest.intake.ReadingIntake;
import org.groundwatergateway.ingest.qaqc.QcConfiguration;
import org.groundwatergateway.ingest.qaqc.QualityControl;
import org.groundwatergateway.ingest.qaqc.StoredQcContext;
import org.groundwatergateway.ingest.review.ReviewQueue;
import org.groundwatergateway.ingest.simulator.Hj212Simulator;
import org.groundwatergateway.ingest.simulator.SimulatedDevice;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * From an out-of-limit reading to the duty tier: while 500 simulated loggers send 10,000 readings/s of background
 * data over HJ 212 (PostGIS), probe packets with a pH above the class III limit arrive from other loggers; each is timed
 * from the moment its packet is written to the socket until the duty tier's in-app push is handed its notification —
 * HJ 212 reception, QA/QC, group commit, the warning rule, the alert, escalation and the dispatcher in between.
 */
@Tag("bench")
class AlertLatencyBench {

    private static final int DEVICES = Integer.getInteger("bench.devices", 500);
    private static final int PROBES = Integer.getInteger("bench.probes", 100);
    private static final int TARGET_READINGS_PER_SECOND = Integer.getInteger("bench.target", 10_000);
    private static final Duration BETWEEN_PROBES = Duration.ofMillis(400);
    private static final DateTimeFormatter HJ212_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    @Test
    void outOfLimitReadingToDutyTierUnderBackgroundIngest() throws Exception {
        try (TestDatabase db = TestDatabases.postgis()) {
            Database database = Database.migrate(db.dataSource());
            List<SimulatedDevice> simulated = BenchPark.create(database, DEVICES + PROBES);
            EventBus events = new EventBus();
            AlertRepository alerts = new AlertRepository(database, events);
            ReadingRepository readings = new ReadingRepository(database);
            var context = new StoredQcContext(new MonitoringRepository(database), new ParameterRepository(database),
                    new MaintenanceRepository(database), readings);
            ReadingIntake intake = new ReadingIntake(database, new QualityControl(QcConfiguration.load(), context),
                    new ReviewQueue(database, alerts, Clock.systemUTC()), events, 20_000);
            new WarningRuleRepository(database).create(new RuleValidation(new ParameterRepository(database), new ParkRepository(database))
                    .check(new WarningRule(null, 0, "pH above class III", WarningRule.Kind.CLASS_LIMIT, "ph", Set.of(), null, null, 3,
                            new WarningRule.Thresholds(1.0, 1.05, 1.2), 0.05, 3, null, null, null, null, null, null)), "bench", Instant.now());
            WarningEvaluator evaluator = new WarningEvaluator(database, alerts, Clock.systemUTC(), Duration.ofHours(1));
            evaluator.subscribeTo(events);

            Map<String, Long> pushedAt = new ConcurrentHashMap<>();
            NotificationChannel push = new NotificationChannel() {
                @Override
                public Channel channel() {
                    return Channel.PUSH;
                }

                @Override
                public void send(Notification notification, String recipient) {
                    if (notification.tier() == Tier.DUTY_OFFICER) pushedAt.putIfAbsent(notification.subject(), System.nanoTime());
                }
            };
            EscalationRepository store = new EscalationRepository(database);
            OnCallRepository onCall = new OnCallRepository(database);
            DemoOnCall.seedIfEmpty(onCall);
            var dispatcher = new NotificationDispatcher(List.of(push), store, Clock.systemUTC(),
                    new NotificationDispatcher.Settings(Duration.ofSeconds(5), 1, Duration.ofSeconds(1)));
            Escalation escalation = new Escalation(EscalationPolicy.defaults(), onCall, store, dispatcher, Clock.systemUTC());
            events.subscribe(Alert.class, escalation::raised);

            DeviceRegistry devices = new DeviceRegistry(database, alerts, Clock.systemUTC(), new SampledLog.Budget(10, Duration.ofMinutes(1)));
            try (Hj212Server server = new Hj212Server(new Hj212Server.Settings("127.0.0.1", 0, DEVICES + PROBES + 10, Hj212Frame.MAX_DATA_LENGTH,
                    Duration.ofMinutes(5), Duration.ofSeconds(30)), new Hj212Reception(devices, PollutantCodes.load(), intake, Clock.systemUTC(),
                    ChinaStandardTime.OFFSET, 100))) {
                int port = server.start();
                Hj212Simulator background = new Hj212Simulator("127.0.0.1", port, simulated.subList(0, DEVICES));
                Instant first = LocalDateTime.of(2026, 1, 1, 0, 0).toInstant(ChinaStandardTime.OFFSET);
                Duration pace = Duration.ofNanos(6L * DEVICES * 1_000_000_000L / TARGET_READINGS_PER_SECOND);
                int rounds = (int) Math.ceil((PROBES * BETWEEN_PROBES.toMillis() + 10_000) / (double) pace.toMillis());
                ExecutorService load = Executors.newSingleThreadExecutor();
                Future<Hj212Simulator.Report> running = load.submit(() ->
                        background.run(first, Duration.ofMinutes(1), rounds, "2051", 8, pace, Duration.ofSeconds(30)));
                Thread.sleep(5_000); // let the background reach its pace

                long[] sentAt = new long[PROBES];
                String[] subjects = new String[PROBES];
                for (int p = 0; p < PROBES; p++) {
                    int well = DEVICES + p;
                    SimulatedDevice probe = simulated.get(well);
                    subjects[p] = String.format("B-%04d/ph", well);
                    String time = first.plus(Duration.ofDays(30)).atOffset(ChinaStandardTime.OFFSET).format(HJ212_TIME);
                    byte[] packet = Hj212Frame.encode("QN=" + time + "000;ST=24;CN=2051;PW=" + probe.password() + ";MN=" + probe.mn()
                            + ";Flag=4;CP=&&DataTime=" + time + ";w01001-Avg=9.2,w01001-Flag=N&&");
                    try (Socket socket = new Socket("127.0.0.1", port)) {
                        OutputStream out = socket.getOutputStream();
                        sentAt[p] = System.nanoTime();
                        out.write(packet);
                        out.flush();
                        Thread.sleep(BETWEEN_PROBES.toMillis());
                    }
                }
                Hj212Simulator.Report report = running.get();
                load.shutdown();
                Thread.sleep(2_000);
                double[] millis = new double[PROBES];
                int missing = 0;
                for (int p = 0; p < PROBES; p++) {
                    Long at = pushedAt.get(subjects[p]);
                    if (at == null) {
                        missing++;
                        millis[p] = Double.POSITIVE_INFINITY;
                    } else {
                        millis[p] = (at - sentAt[p]) / 1e6;
                    }
                }
                Arrays.sort(millis);
                System.out.printf(Locale.ROOT, "BENCH alert latency (PostGIS, %d loggers paced at %d readings/s: %s): %d probes, %d missed; "
                                + "p50 %.0f ms, p95 %.0f ms, p99 %.0f ms, max %.0f ms%n", DEVICES, TARGET_READINGS_PER_SECOND, report, PROBES, missing,
                        millis[PROBES / 2], millis[(int) (PROBES * 0.95) - 1], millis[(int) Math.ceil(PROBES * 0.99) - 1], millis[PROBES - 1]);
            } finally {
                dispatcher.close();
                evaluator.close();
                intake.close();
                events.close();
            }
        }
    }
}
