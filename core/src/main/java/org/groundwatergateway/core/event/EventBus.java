package org.groundwatergateway.core.event;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The in-process event bus: committed readings, alerts and the like are published here and delivered to
 * subscribers on one dispatcher thread, in publication order, so a slow subscriber never holds up the
 * publisher (ingest acknowledges devices right after commit) and one failing subscriber never stops the others.
 */
public final class EventBus implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EventBus.class);

    private record Subscription<T>(Class<T> type, Consumer<? super T> handler) {
        void offer(Object event) {
            if (type.isInstance(event)) handler.accept(type.cast(event));
        }
    }

    private final List<Subscription<?>> subscriptions = new CopyOnWriteArrayList<>();
    private final ExecutorService dispatcher = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "event-bus");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicLong failures = new AtomicLong();

    public <T> void subscribe(Class<T> type, Consumer<? super T> handler) {
        subscriptions.add(new Subscription<>(type, handler));
    }

    public void publish(Object event) {
        dispatcher.execute(() -> {
            for (Subscription<?> subscription : subscriptions) {
                try {
                    subscription.offer(event);
                } catch (RuntimeException e) {
                    failures.incrementAndGet();
                    log.error("Subscriber for {} failed on {}", subscription.type().getSimpleName(), event.getClass().getSimpleName(), e);
                }
            }
        });
    }

    /** How many deliveries threw, for operations. */
    public long failures() {
        return failures.get();
    }

    @Override
    public void close() throws InterruptedException {
        dispatcher.shutdown();
        dispatcher.awaitTermination(5, TimeUnit.SECONDS);
    }
}
