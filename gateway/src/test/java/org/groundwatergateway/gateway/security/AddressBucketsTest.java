package org.groundwatergateway.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class AddressBucketsTest {

    private static AddressBuckets buckets(int maxAddresses) {
        return new AddressBuckets(maxAddresses, () -> Bucket.builder()
                .addLimit(limit -> limit.capacity(2).refillGreedy(2, Duration.ofHours(1))).build());
    }

    @Test
    void eachAddressHasItsOwnBucket() {
        AddressBuckets buckets = buckets(10);
        assertThat(buckets.tryConsume("192.0.2.1").isConsumed()).isTrue();
        assertThat(buckets.tryConsume("192.0.2.1").isConsumed()).isTrue();
        ConsumptionProbe third = buckets.tryConsume("192.0.2.1");
        assertThat(third.isConsumed()).isFalse();
        // Half an hour until one of two tokens an hour comes back.
        assertThat(Duration.ofNanos(third.getNanosToWaitForRefill())).isBetween(Duration.ofMinutes(29), Duration.ofMinutes(30));
        assertThat(buckets.tryConsume("192.0.2.2").isConsumed()).isTrue();
    }

    @Test
    void atMostTheCapOfAddressesAndTheLeastRecentlySeenIsForgotten() {
        AddressBuckets buckets = buckets(3);
        for (int i = 0; i < 1000; i++) buckets.tryConsume("198.51.100." + (i % 250));
        assertThat(buckets.size()).isEqualTo(3);

        AddressBuckets lru = buckets(2);
        lru.tryConsume("a");
        lru.tryConsume("a");
        assertThat(lru.tryConsume("a").isConsumed()).isFalse();
        lru.tryConsume("b");
        lru.tryConsume("a"); // a refused again, but now seen more recently than b
        lru.tryConsume("c"); // b is forgotten, a is kept
        assertThat(lru.size()).isEqualTo(2);
        assertThat(lru.tryConsume("a").isConsumed()).as("a still has its empty bucket").isFalse();
    }
}
