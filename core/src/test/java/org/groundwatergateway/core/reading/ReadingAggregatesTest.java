package org.groundwatergateway.core.reading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.groundwatergateway.core.time.CalendarStep;
import org.junit.jupiter.api.Test;

class ReadingAggregatesTest {

    private static final int FAULT = QualityFlag.bits(Set.of(QualityFlag.FAULT));
    private static final int SPIKE = QualityFlag.bits(Set.of(QualityFlag.SPIKE));

    @Test
    void monthsRunOnChinaStandardTimeAndInvalidReadingsAreFlaggedButNotCounted() {
        ReadingAggregates months = new ReadingAggregates(CalendarStep.MONTH);
        // 2025-10-31T15:59Z is still October in China; 16:00Z is 1 November 00:00 +08:00.
        months.add(Instant.parse("2025-10-31T15:59:00Z"), 2.0, 0);
        months.add(Instant.parse("2025-10-31T16:00:00Z"), 4.0, 0);
        months.add(Instant.parse("2025-11-10T00:00:00Z"), 10.0, SPIKE);
        months.add(Instant.parse("2025-11-11T00:00:00Z"), 99999.0, FAULT);
        months.add(Instant.parse("2025-11-12T00:00:00Z"), null, 0);
        List<ReadingAggregates.Bucket> buckets = months.buckets();
        assertThat(buckets).containsExactly(
                new ReadingAggregates.Bucket(Instant.parse("2025-09-30T16:00:00Z"), 2.0, 2.0, 2.0, 1, 0),
                new ReadingAggregates.Bucket(Instant.parse("2025-10-31T16:00:00Z"), 7.0, 4.0, 10.0, 2, 2));
    }

    @Test
    void aStepWithoutValidValuesIsLeftOutAndTimeMustNotGoBack() {
        ReadingAggregates hours = new ReadingAggregates(CalendarStep.HOUR);
        hours.add(Instant.parse("2025-11-01T00:10:00Z"), 5.0, FAULT);
        hours.add(Instant.parse("2025-11-01T01:10:00Z"), 1.0, 0);
        hours.add(Instant.parse("2025-11-01T01:50:00Z"), 3.0, 0);
        assertThat(hours.buckets()).extracting(ReadingAggregates.Bucket::mean).containsExactly(2.0);
        assertThatThrownBy(() -> hours.add(Instant.parse("2025-11-01T01:00:00Z"), 1.0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CalendarStep.named("week")).hasMessageContaining("hour, day or month");
    }
}
