package org.groundwatergateway.gateway.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.groundwatergateway.core.alert.Alert.Level;
import org.groundwatergateway.core.escalation.Channel;
import org.groundwatergateway.core.escalation.Contact;
import org.groundwatergateway.core.escalation.Delivery;
import org.groundwatergateway.core.escalation.EscalationRepository;
import org.groundwatergateway.core.escalation.Notification;
import org.groundwatergateway.core.escalation.NotificationDispatcher;
import org.groundwatergateway.core.escalation.Tier;
import org.groundwatergateway.core.storage.Database;
import org.groundwatergateway.core.testing.TestDatabases;
import org.groundwatergateway.core.testing.TestDatabases.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Real channels side by side through the dispatcher: a webhook receiver that never answers does not hold up e-mail over
 * SMTP, it is recorded as timed out and retried a bounded number of times; a receiver that fails once gets the retry.
 */
class ChannelIsolationTest {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());

    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(2);
    private TestDatabase testDatabase;
    private EscalationRepository store;
    private HttpServer hooks;
    private final CountDownLatch release = new CountDownLatch(1);
    private final AtomicInteger flakyCalls = new AtomicInteger();

    @BeforeEach
    void start() throws Exception {
        testDatabase = TestDatabases.h2gis();
        store = new EscalationRepository(Database.migrate(testDatabase.dataSource()));
        hooks = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        hooks.setExecutor(Executors.newCachedThreadPool());
        hooks.createContext("/hang", exchange -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        hooks.createContext("/flaky", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(flakyCalls.incrementAndGet() == 1 ? 500 : 200, -1);
            exchange.close();
        });
        hooks.start();
    }

    @AfterEach
    void stop() {
        release.countDown();
        hooks.stop(0);
        testDatabase.close();
    }

    private NotificationDispatcher dispatcher(String hookPath) {
        URI url = URI.create("http://127.0.0.1:" + hooks.getAddress().getPort() + hookPath);
        // The webhook's own HTTP timeout is longer than the dispatcher's, so it is the dispatcher that gives up.
        return new NotificationDispatcher(List.of(new WebhookChannel(url, "s", Duration.ofMinutes(1), "kind:PARK_ADMINISTRATION", () -> true), MailChannelTest.channelFor(SMTP)), store,
                Clock.systemUTC(), new NotificationDispatcher.Settings(SEND_TIMEOUT, 2, Duration.ofMillis(200)));
    }

    private List<Delivery> await(long alertId, Predicate<List<Delivery>> done, Duration budget) throws InterruptedException {
        long deadline = System.nanoTime() + budget.toNanos();
        List<Delivery> deliveries = store.deliveries(alertId);
        while (!done.test(deliveries) && System.nanoTime() < deadline) {
            Thread.sleep(20);
            deliveries = store.deliveries(alertId);
        }
        assertThat(done).as("deliveries within %s: %s", budget, deliveries).accepts(deliveries);
        return deliveries;
    }

    private static Notification notification(long alertId) {
        return new Notification(alertId, Level.SEVERE, Tier.DUTY_OFFICER, "THRESHOLD", "GW-U04", "苯超标", java.time.Instant.now());
    }

    @Test
    void aHangingWebhookDoesNotDelayEmail() throws Exception {
        try (NotificationDispatcher dispatcher = dispatcher("/hang")) {
            long started = System.nanoTime();
            dispatcher.dispatch(notification(1), List.of(new Contact(null, "值班员", null, "duty@example.org")), Set.of(Channel.WEBHOOK, Channel.EMAIL));
            assertThat(Duration.ofNanos(System.nanoTime() - started)).as("dispatch returns at once").isLessThan(Duration.ofMillis(200));
            assertThat(SMTP.waitForIncomingEmail(SEND_TIMEOUT.toMillis() / 2, 1)).as("e-mail well before the webhook's timeout").isTrue();

            List<Delivery> deliveries = await(1, d -> d.stream().filter(x -> x.channel() == Channel.WEBHOOK).count() == 2, Duration.ofSeconds(10));
            assertThat(deliveries).filteredOn(d -> d.channel() == Channel.EMAIL).singleElement()
                    .satisfies(d -> assertThat(d.status()).isEqualTo(Delivery.Status.SENT))
                    .satisfies(d -> assertThat(d.recipient()).isEqualTo("duty@example.org"));
            assertThat(deliveries).filteredOn(d -> d.channel() == Channel.WEBHOOK)
                    .allSatisfy(d -> assertThat(d.error()).isEqualTo("timed out after PT2S"))
                    .extracting(Delivery::attempt).containsExactly(1, 2);
        }
    }

    @Test
    void aFailedSendIsRetriedAndBothAttemptsAreRecorded() throws Exception {
        try (NotificationDispatcher dispatcher = dispatcher("/flaky")) {
            dispatcher.dispatch(notification(2), List.of(), Set.of(Channel.WEBHOOK));
            List<Delivery> deliveries = await(2, d -> d.size() == 2, Duration.ofSeconds(5));
            assertThat(deliveries).extracting(Delivery::attempt, Delivery::status)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(1, Delivery.Status.FAILED), org.assertj.core.groups.Tuple.tuple(2, Delivery.Status.SENT));
            assertThat(deliveries.get(0).error()).contains("HTTP 500");
            assertThat(flakyCalls.get()).isEqualTo(2);
        }
    }
}
