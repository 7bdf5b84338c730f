package org.groundwatergateway.gateway.security;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One class's token buckets by client address, bounded: at most {@code maxAddresses} are kept, and adding one more
 * forgets the address seen least recently (an LRU in access order). Forgetting a bucket only ever gives that address a
 * fresh, full bucket: a bucket left alone for a whole period is full again anyway, so an idle address loses nothing,
 * and an attacker who spreads over more addresses than the cap gains no more than the addresses themselves give.
 * The map is guarded by this object's lock, held only to find or add a bucket; the buckets themselves are lock-free.
 */
final class AddressBuckets {

    private final Supplier<Bucket> newBucket;
    private final Map<String, Bucket> buckets;

    AddressBuckets(int maxAddresses, Supplier<Bucket> newBucket) {
        this.newBucket = newBucket;
        this.buckets = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
                return size() > maxAddresses;
            }
        };
    }

    /** Takes one token from the address's bucket if it has one; the probe says whether it did and how long to wait if not. */
    ConsumptionProbe tryConsume(String address) {
        Bucket bucket;
        synchronized (this) {
            bucket = buckets.computeIfAbsent(address, any -> newBucket.get());
        }
        return bucket.tryConsumeAndReturnRemaining(1);
    }

    /** How many addresses are remembered now. */
    synchronized int size() {
        return buckets.size();
    }
}
