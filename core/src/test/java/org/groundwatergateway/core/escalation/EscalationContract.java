package org.groundwatergateway.core.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.function.Predicate;
import org.groundwatergateway.core.alert.Alert;
import org.groundwatergateway.core.alert.Alert.Level;
import org.groundwatergateway.core.alert.AlertRepository;
import org.groundwatergateway.core.event.EventBus;
import org.groundwatergateway.core.storage.Database;
import org.groundwatergateway.core.testing.MutableClock;
import org.groundwatergateway.core.testing.TestDatabases.TestDatabase;
import org.groundwatergateway.core.time.ChinaStandardTime;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The escalation chain on a real database and event bus, with a clock the test moves: tiers are notified at the configured
 * timeouts and no earlier, an acknowledgement stops the chain, severe alerts start higher, and a channel that hangs or
 * throws holds up neither the other channels nor the next tier.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class EscalationContract {

    /** A Wednesday at 10:00 China Standard Time: the day-shift duty officer is on. */
    private static final Instant START = OffsetDateTime.of(2026, 11, 25, 10, 0, 0, 0, ChinaStandardTime.OFFSET).toInstant();
    private static final Duration SETTLE = Duration.ofSeconds(10);

    /** A channel that keeps what it was asked to send, as the far side of a working provider would. */
    private record Sent(Channel channel, Tier tier, String recipient, long alertId, Instant at) {}

    private final class Recording implements NotificationChannel {
        private final Channel channel;

        Recording(Channel channel) {
            this.channel = channel;
        }

        public Channel channel() {
            return channel;
        }

        public void send(Notification notification, String recipient) {
            sent.add(new Sent(channel, notification.tier(), recipient, notification.alertId(), Instant.now()));
        }
    }

    private final ConcurrentLinkedQueue<Sent> sent = new ConcurrentLinkedQueue<>();
    private CountDownLatch never;
    private TestDatabase testDatabase;
    private Database database;
    private OnCallRepository onCall;
    private EscalationRepository store;
    private EventBus events;
    private AlertRepository alerts;
    private MutableClock clock;
    private NotificationDispatcher dispatcher;
    private Escalation escalation;
    private Contact dayDuty;
    private Contact nightDuty;
    private Contact supervisor;
    private Contact team;

    protected abstract TestDatabase newDatabase();

    @BeforeAll
    void open() {
        testDatabase = newDatabase();
        database = Database.migrate(testDatabase.dataSource());
        onCall = new OnCallRepository(database);
        store = new EscalationRepository(database);
        dayDuty = onCall.addContact(new Contact(null, "白班值班员", "138-0000-0101", "day@example.org"));
        nightDuty = onCall.addContact(new Contact(null, "夜班值班员", "138-0000-0102", "night@example.org"));
        supervisor = onCall.addContact(new Contact(null, "主管", "138-0000-0103", "boss@example.org"));
        team = onCall.addContact(new Contact(null, "应急队", "13800000104", null));
        for (DayOfWeek day : DayOfWeek.values()) {
            onCall.addShift(new RotaShift(null, Tier.DUTY_OFFICER, dayDuty.id(), day, LocalTime.of(8, 0), LocalTime.of(20, 0)));
            onCall.addShift(new RotaShift(null, Tier.DUTY_OFFICER, nightDuty.id(), day, LocalTime.of(20, 0), LocalTime.of(8, 0)));
            onCall.addShift(new RotaShift(null, Tier.SUPERVISOR, supervisor.id(), day, LocalTime.of(8, 0), LocalTime.of(8, 0)));
            onCall.addShift(new RotaShift(null, Tier.EMERGENCY_TEAM, team.id(), day, LocalTime.of(0, 0), LocalTime.of(0, 0)));
        }
    }

    @AfterAll
    void close() {
        testDatabase.close();
    }

    @BeforeEach
    void chain() throws InterruptedException {
        start(List.of(new Recording(Channel.SMS), new Recording(Channel.EMAIL)), new NotificationDispatcher.Settings(Duration.ofSeconds(2), 2,
                Duration.ofMillis(50)));
    }

    private void start(List<NotificationChannel> channels, NotificationDispatcher.Settings settings) throws InterruptedException {
        if (dispatcher != null) dispatcher.close();
        if (events != null) events.close();
        sent.clear();
        // Each test starts with no escalation running, so ticks answer for this test's alerts only.
        database.jdbc().sql("DELETE FROM alert_escalations").update();
        never = new CountDownLatch(1);
        clock = new MutableClock(START);
        events = new EventBus();
        alerts = new AlertRepository(database, events);
        dispatcher = new NotificationDispatcher(channels, store, clock, settings);
        escalation = new Escalation(EscalationPolicy.defaults(), onCall, store, dispatcher, clock);
        events.subscribe(Alert.class, escalation::raised);
    }

    @AfterEach
    void stop() throws InterruptedException {
        never.countDown();
        dispatcher.close();
        events.close();
    }

    private long raise(Level level) {
        long id = alerts.raise("TEST", level, "GW-U04-" + System.nanoTime(), "苯 0.125 mg/L，超过 IV 类限值", clock.instant()).orElseThrow().id();
        awaitDeliveries(id, deliveries -> !deliveries.isEmpty());
        return id;
    }

    private List<Delivery> awaitDeliveries(long alertId, Predicate<List<Delivery>> done) {
        long deadline = System.nanoTime() + SETTLE.toNanos();
        List<Delivery> deliveries = store.deliveries(alertId);
        while (!done.test(deliveries) && System.nanoTime() < deadline) {
            sleep(20);
            deliveries = store.deliveries(alertId);
        }
        assertThat(done).as("deliveries of alert %d within %s: %s", alertId, SETTLE, deliveries).accepts(deliveries);
        return deliveries;
    }

    private List<Sent> sentFor(long alertId, Tier tier) {
        return sent.stream().filter(s -> s.alertId() == alertId && s.tier() == tier).toList();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void unacknowledgedAlertReachesSupervisorThenEmergencyTeamAtTheTimeouts() {
        long id = raise(Level.GENERAL);
        awaitDeliveries(id, d -> d.size() == 2);
        assertThat(sentFor(id, Tier.DUTY_OFFICER)).extracting(Sent::recipient).containsExactlyInAnyOrder("13800000101", "day@example.org");

        clock.advance(Duration.ofMinutes(30).minusSeconds(1));
        assertThat(escalation.tick()).isZero();
        clock.advance(Duration.ofSeconds(1));
        assertThat(escalation.tick()).isEqualTo(1);
        awaitDeliveries(id, d -> d.size() == 4);
        assertThat(sentFor(id, Tier.SUPERVISOR)).extracting(Sent::recipient).containsExactlyInAnyOrder("13800000103", "boss@example.org");
        assertThat(escalation.state(id).orElseThrow().tier()).isEqualTo(Tier.SUPERVISOR);

        clock.advance(Duration.ofMinutes(30).minusSeconds(1));
        assertThat(escalation.tick()).isZero();
        clock.advance(Duration.ofSeconds(1));
        assertThat(escalation.tick()).isEqualTo(1);
        // The team member has no e-mail address: SMS goes out, and the missing e-mail is on record as a failure.
        List<Delivery> deliveries = awaitDeliveries(id, d -> d.size() == 6);
        assertThat(sentFor(id, Tier.EMERGENCY_TEAM)).extracting(Sent::recipient).containsExactly("13800000104");
        assertThat(deliveries).filteredOn(d -> d.tier() == Tier.EMERGENCY_TEAM && d.channel() == Channel.EMAIL)
                .singleElement().satisfies(d -> assertThat(d.status()).isEqualTo(Delivery.Status.FAILED));
        assertThat(deliveries).filteredOn(d -> d.status() == Delivery.Status.SENT).allSatisfy(d -> assertThat(d.attempt()).isEqualTo(1));

        clock.advance(Duration.ofHours(5));
        assertThat(escalation.tick()).isZero();
        assertThat(escalation.state(id).orElseThrow().nextDueAt()).isNull();
    }

    @Test
    void acknowledgementStopsTheChain() {
        long id = raise(Level.SERIOUS);
        clock.advance(Duration.ofMinutes(10));
        EscalationState acknowledged = escalation.acknowledge(id, "白班值班员", "已到现场复核").orElseThrow();
        assertThat(acknowledged.acknowledgedAt()).isEqualTo(START.plus(Duration.ofMinutes(10)));
        assertThat(acknowledged.nextDueAt()).isNull();

        clock.advance(Duration.ofHours(2));
        assertThat(escalation.tick()).isZero();
        sleep(200);
        assertThat(sentFor(id, Tier.SUPERVISOR)).isEmpty();
        assertThat(escalation.acknowledge(id, "主管", "late").orElseThrow().acknowledgedBy()).isEqualTo("白班值班员");
        assertThat(escalation.acknowledge(-1, "主管", null)).isEmpty();
    }

    @Test
    void severeAlertReachesDutyAndSupervisorAtOnceAndTheTeamAfterFiveMinutes() {
        long id = raise(Level.SEVERE);
        awaitDeliveries(id, d -> d.size() == 4);
        assertThat(sentFor(id, Tier.SUPERVISOR)).hasSize(2);
        clock.advance(Duration.ofMinutes(5).minusSeconds(1));
        assertThat(escalation.tick()).isZero();
        clock.advance(Duration.ofSeconds(1));
        assertThat(escalation.tick()).isEqualTo(1);
        awaitDeliveries(id, d -> d.size() == 6);
        assertThat(sentFor(id, Tier.EMERGENCY_TEAM)).hasSize(1);
    }

    @Test
    void anUpgradedAlertIsToldAgainAtItsNewLevelAndMustBeAcknowledgedAgain() {
        long id = raise(Level.GENERAL);
        awaitDeliveries(id, d -> d.size() == 2);
        escalation.acknowledge(id, "白班值班员", "在看");
        clock.advance(Duration.ofMinutes(3));
        alerts.upgrade(id, Level.SEVERE, "苯 1.52 mg/L，超过 V 类", clock.instant(), new Alert.RuleOrigin(0, 1, 0, 1.52, clock.instant()));
        // Severe reaches duty and supervisor at once: both told at the new level, the acknowledgement reset.
        awaitDeliveries(id, d -> d.size() == 6);
        assertThat(sentFor(id, Tier.SUPERVISOR)).hasSize(2);
        EscalationState state = escalation.state(id).orElseThrow();
        assertThat(state.level()).isEqualTo(Level.SEVERE);
        assertThat(state.acknowledgedAt()).isNull();
        assertThat(state.nextDueAt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(5)));
        clock.advance(Duration.ofMinutes(5));
        assertThat(escalation.tick()).isEqualTo(1);
        assertThat(escalation.state(id).orElseThrow().tier()).isEqualTo(Tier.EMERGENCY_TEAM);
    }

    @Test
    void aClearedAlertStopsEscalating() {
        long id = raise(Level.GENERAL);
        clock.advance(Duration.ofMinutes(10));
        alerts.clear(id, clock.instant());
        clock.advance(Duration.ofMinutes(30));
        assertThat(escalation.tick()).isZero();
        assertThat(escalation.state(id).orElseThrow().tier()).isEqualTo(Tier.DUTY_OFFICER);
    }

    @Test
    void nightShiftAndOverridesDecideWhoIsOnCall() {
        Instant lateNight = OffsetDateTime.of(2026, 11, 26, 2, 30, 0, 0, ChinaStandardTime.OFFSET).toInstant();
        assertThat(onCall.onCall(Tier.DUTY_OFFICER, START)).containsExactly(dayDuty);
        assertThat(onCall.onCall(Tier.DUTY_OFFICER, lateNight)).containsExactly(nightDuty);
        OnCallOverride leave = onCall.addOverride(new OnCallOverride(null, Tier.DUTY_OFFICER, supervisor.id(), lateNight.minusSeconds(3600),
                lateNight.plusSeconds(3600), "夜班值班员请假"));
        try {
            assertThat(onCall.onCall(Tier.DUTY_OFFICER, lateNight)).containsExactly(supervisor);
            assertThat(onCall.onCall(Tier.DUTY_OFFICER, lateNight.plusSeconds(3600))).containsExactly(nightDuty);
        } finally {
            onCall.deleteOverride(leave.id());
        }
    }

    @Test
    void hangingAndThrowingChannelsDelayNeitherOtherChannelsNorTheNextTier() throws InterruptedException {
        NotificationChannel hanging = new NotificationChannel() {
            public Channel channel() {
                return Channel.WEBHOOK;
            }

            public void send(Notification notification, String recipient) throws InterruptedException {
                never.await();
            }
        };
        NotificationChannel throwing = new NotificationChannel() {
            public Channel channel() {
                return Channel.MQTT;
            }

            public void send(Notification notification, String recipient) {
                throw new IllegalStateException("broker refused");
            }
        };
        Duration sendTimeout = Duration.ofSeconds(1);
        start(List.of(hanging, throwing, new Recording(Channel.SMS), new Recording(Channel.EMAIL)),
                new NotificationDispatcher.Settings(sendTimeout, 3, Duration.ofMillis(100)));
        long started = System.nanoTime();
        long id = raise(Level.GENERAL);
        awaitDeliveries(id, d -> d.stream().filter(x -> x.status() == Delivery.Status.SENT).count() == 2);
        // Both working channels delivered long before the hung one's timeout.
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(sendTimeout);

        clock.advance(Duration.ofMinutes(30));
        long tickStarted = System.nanoTime();
        assertThat(escalation.tick()).isEqualTo(1);
        assertThat(Duration.ofNanos(System.nanoTime() - tickStarted)).isLessThan(Duration.ofMillis(300));
        awaitDeliveries(id, d -> d.stream().filter(x -> x.tier() == Tier.SUPERVISOR && x.status() == Delivery.Status.SENT).count() == 2);

        // Every channel failure is on record, tried three times each, with its reason.
        List<Delivery> deliveries = awaitDeliveries(id, d -> d.stream().filter(x -> x.status() == Delivery.Status.FAILED).count() == 12);
        assertThat(deliveries).filteredOn(d -> d.channel() == Channel.WEBHOOK)
                .hasSize(6).allSatisfy(d -> assertThat(d.error()).startsWith("timed out after"))
                .extracting(Delivery::attempt).containsExactlyInAnyOrder(1, 2, 3, 1, 2, 3);
        assertThat(deliveries).filteredOn(d -> d.channel() == Channel.MQTT)
                .hasSize(6).allSatisfy(d -> assertThat(d.error()).contains("broker refused"));
        sleep(300);
        assertThat(store.deliveries(id)).hasSize(deliveries.size());
    }

    @Test
    void badContactsAndShiftsAreRejectedNamingTheField() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Contact(null, "x", "12345", null)).hasMessageStartingWith("phone:");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Contact(null, "x", null, "no-at")).hasMessageStartingWith("email:");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Contact(null, " ", "13800000001", null)).hasMessageStartingWith("name");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> onCall.addShift(new RotaShift(null, Tier.SUPERVISOR, 999_999, DayOfWeek.MONDAY,
                LocalTime.NOON, LocalTime.MIDNIGHT))).hasMessageStartingWith("contactId:");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new OnCallOverride(null, Tier.SUPERVISOR, 1, START, START, null))
                .hasMessageStartingWith("end:");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new EscalationPolicy(Map.of(), Map.of(), Map.of(Tier.SUPERVISOR,
                EnumSet.allOf(Channel.class)))).hasMessageContaining("timeout of GENERAL");
        assertThat(Set.of(Tier.DUTY_OFFICER.next(), Tier.SUPERVISOR.next())).containsExactlyInAnyOrder(Tier.SUPERVISOR, Tier.EMERGENCY_TEAM);
    }
}
