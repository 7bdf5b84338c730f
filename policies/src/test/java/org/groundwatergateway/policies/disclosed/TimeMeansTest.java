package org.groundwatergateway.policies.disclosed;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.groundwatergateway.core.reading.QualityFlag;
import org.groundwatergateway.core.reading.Reading;
import org.groundwatergateway.policies.Disclosure.TimeAggregation;
import org.junit.jupiter.api.Test;

class TimeMeansTest {

    @Test
    void daysAndMonthsRunOnChinaStandardTime() {
        // 23:59 CST on 1 November is still that day; 00:00 CST on 2 November (16:00 UTC) starts the next.
        assertThat(TimeMeans.stepStart(TimeAggregation.DAILY, Instant.parse("2025-11-01T15:59:00Z"))).isEqualTo("2025-10-31T16:00:00Z");
        assertThat(TimeMeans.stepStart(TimeAggregation.DAILY, Instant.parse("2025-11-01T16:00:00Z"))).isEqualTo("2025-11-01T16:00:00Z");
        assertThat(TimeMeans.stepStart(TimeAggregation.MONTHLY, Instant.parse("2025-11-30T16:30:00Z"))).isEqualTo("2025-11-30T16:00:00Z");
        assertThat(TimeMeans.stepStart(TimeAggregation.MONTHLY, Instant.parse("2025-11-30T15:30:00Z"))).isEqualTo("2025-10-31T16:00:00Z");
        assertThat(TimeMeans.nextStep(TimeAggregation.MONTHLY, Instant.parse("2025-01-31T16:00:00Z"))).as("February 2025, 28 days")
                .isEqualTo("2025-02-28T16:00:00Z");
        assertThat(TimeMeans.stepStart(TimeAggregation.HOURLY, Instant.parse("2025-11-01T03:59:59Z"))).isEqualTo("2025-11-01T03:00:00Z");
    }

    @Test
    void aWindowStartsOnAWholeStep() {
        assertThat(TimeMeans.boundaryFrom(TimeAggregation.DAILY, Instant.parse("2025-10-31T16:00:00Z"))).isEqualTo("2025-10-31T16:00:00Z");
        assertThat(TimeMeans.boundaryFrom(TimeAggregation.DAILY, Instant.parse("2025-10-31T22:00:00Z"))).isEqualTo("2025-11-01T16:00:00Z");
    }

    @Test
    void instrumentStatesOtherThanNormalAndRejectionsAreNotValidData() {
        Instant t = Instant.parse("2025-11-01T00:00:00Z");
        assertThat(TimeMeans.valid(Reading.arrived(1, t, 1.0, 0, "hj212", t))).isTrue();
        assertThat(TimeMeans.valid(Reading.arrived(1, t, 1.0, QualityFlag.bits(java.util.Set.of(QualityFlag.SPIKE)), "hj212", t)))
                .as("a QA/QC finding awaiting review is still data").isTrue();
        for (QualityFlag flag : QualityFlag.NOT_VALID_FOR_MEANS) {
            assertThat(TimeMeans.valid(Reading.arrived(1, t, 1.0, QualityFlag.bits(java.util.Set.of(flag)), "hj212", t))).as("%s", flag).isFalse();
        }
    }
}
