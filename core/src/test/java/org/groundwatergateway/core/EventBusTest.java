package org.groundwatergateway.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.groundwatergateway.core.event.EventBus;
import org.junit.jupiter.api.Test;

class EventBusTest {

    @Test
    void deliversInOrderByTypeAndSurvivesAFailingSubscriber() throws Exception {
        List<String> received = new CopyOnWriteArrayList<>();
        CountDownLatch done = new CountDownLatch(3);
        try (EventBus bus = new EventBus()) {
            bus.subscribe(String.class, s -> {
                throw new IllegalStateException("broken subscriber");
            });
            bus.subscribe(String.class, s -> {
                received.add(s);
                done.countDown();
            });
            bus.subscribe(Integer.class, i -> done.countDown());
            bus.publish("a");
            bus.publish(42);
            bus.publish("b");
            assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
            assertThat(received).containsExactly("a", "b");
            assertThat(bus.failures()).isEqualTo(2);
        }
    }
}
