package org.groundwatergateway.ingest.device;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class SampledLogTest {

    private final AtomicLong now = new AtomicLong();
    private final SampledLog sampled = new SampledLog(LoggerFactory.getLogger(SampledLogTest.class), "refusals",
            new SampledLog.Budget(3, Duration.ofMinutes(1)), now::get);

    private long written(String key, int events) {
        return IntStream.range(0, events).filter(i -> sampled.sample(key)).count();
    }

    @Test
    void theFirstFewOfEachIntervalPerKeyAreWrittenAndTheNextIntervalStartsAfresh() {
        assertThat(written("MN A", 100)).isEqualTo(3);
        assertThat(written("MN B", 2)).isEqualTo(2);
        now.addAndGet(Duration.ofSeconds(59).toNanos());
        assertThat(written("MN A", 10)).isZero();
        now.addAndGet(Duration.ofSeconds(1).toNanos());
        sampled.summarise();
        assertThat(written("MN A", 10)).isEqualTo(3);
    }
}
