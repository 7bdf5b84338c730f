package org.groundwatergateway.core.escalation;

import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends notifications on every channel of a tier without waiting for any of them: each channel has threads of its own,
 * each send a timeout after which it is abandoned (and interrupted), so a channel that hangs or throws delays neither
 * the other channels nor the next tier. Every attempt is recorded; failed ones are retried a bounded number of times.
 */
public final class NotificationDispatcher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(NotificationDispatcher.class);
    private static final int THREADS_PER_CHANNEL = 4;

    /**
     * @param sendTimeout how long one send may take before it counts as failed
     * @param attempts how many times a failed send is tried in all
     * @param retryDelay the pause before a retry
     */
    public record Settings(Duration sendTimeout, int attempts, Duration retryDelay) {
        public Settings {
            if (sendTimeout == null || sendTimeout.isNegative() || sendTimeout.isZero()) throw new IllegalArgumentException("send-timeout must be positive");
            if (attempts < 1) throw new IllegalArgumentException("attempts must be at least 1");
            if (retryDelay == null || retryDelay.isNegative()) throw new IllegalArgumentException("retry-delay must not be negative");
        }
    }

    private final Map<Channel, NotificationChannel> channels = new EnumMap<>(Channel.class);
    private final Map<Channel, ExecutorService> senders = new EnumMap<>(Channel.class);
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "notification-timer"));
    private final EscalationRepository store;
    private final Clock clock;
    private final Settings settings;

    public NotificationDispatcher(List<NotificationChannel> available, EscalationRepository store, Clock clock, Settings settings) {
        for (NotificationChannel channel : available) {
            channels.put(channel.channel(), channel);
            String name = "notify-" + channel.channel().name().toLowerCase(java.util.Locale.ROOT);
            senders.put(channel.channel(), Executors.newFixedThreadPool(THREADS_PER_CHANNEL, r -> daemon(r, name)));
        }
        this.store = store;
        this.clock = clock;
        this.settings = settings;
    }

    private static Thread daemon(Runnable r, String name) {
        Thread thread = new Thread(r, name);
        thread.setDaemon(true);
        return thread;
    }

    /** Starts sending the notification on the wanted channels that are available, to the contacts on call; returns at once. */
    public void dispatch(Notification notification, List<Contact> onCall, Set<Channel> wanted) {
        for (Channel kind : wanted) {
            NotificationChannel channel = channels.get(kind);
            if (channel == null) continue;
            if (!kind.personal()) {
                attempt(channel, notification, channel.destination(notification), 1);
                continue;
            }
            List<String> addresses = onCall.stream().map(kind::address).filter(address -> address != null).toList();
            if (addresses.isEmpty()) {
                // Nobody to reach is worth a record: it is what an auditor of a missed alert asks first.
                record(notification, kind, "-", 1, Delivery.Status.FAILED, "nobody on call for " + notification.tier() + " has an address for " + kind);
            }
            for (String address : addresses) attempt(channel, notification, address, 1);
        }
    }

    private void attempt(NotificationChannel channel, Notification notification, String recipient, int attempt) {
        AtomicBoolean settled = new AtomicBoolean();
        Future<?> send = senders.get(channel.channel()).submit(() -> {
            try {
                channel.send(notification, recipient);
                settle(settled, channel, notification, recipient, attempt, null);
            } catch (Exception | LinkageError e) {
                settle(settled, channel, notification, recipient, attempt, e.toString());
            }
        });
        // The timeout runs from submission: a send stuck behind hung ones in its channel's queue counts as late too.
        timer.schedule(() -> {
            if (settle(settled, channel, notification, recipient, attempt, "timed out after " + settings.sendTimeout())) send.cancel(true);
        }, settings.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Records the first outcome of an attempt (a late success after a timeout is not one) and retries a failure. */
    private boolean settle(AtomicBoolean settled, NotificationChannel channel, Notification notification, String recipient, int attempt,
                           String error) {
        if (!settled.compareAndSet(false, true)) return false;
        record(notification, channel.channel(), recipient, attempt, error == null ? Delivery.Status.SENT : Delivery.Status.FAILED, error);
        if (error != null) {
            log.warn("{} notification of alert {} to {} failed (attempt {} of {}): {}", channel.channel(), notification.alertId(), recipient,
                    attempt, settings.attempts(), error);
            if (attempt < settings.attempts()) {
                timer.schedule(() -> attempt(channel, notification, recipient, attempt + 1), settings.retryDelay().toMillis(),
                        TimeUnit.MILLISECONDS);
            }
        }
        return true;
    }

    private void record(Notification notification, Channel channel, String recipient, int attempt, Delivery.Status status, String error) {
        try {
            store.record(new Delivery(null, notification.alertId(), notification.tier(), channel, recipient, attempt, status, error, clock.instant()));
        } catch (RuntimeException e) {
            log.error("Delivery of alert {} on {} to {} ({}) could not be recorded", notification.alertId(), channel, recipient, status, e);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        senders.values().forEach(ExecutorService::shutdownNow);
    }
}
