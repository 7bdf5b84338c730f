package org.groundwatergateway.core.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ChinaStandardTimeTest {

    @Test
    void theDayIsTheDayInChinaAtEveryHourIncludingBeforeTheEpoch() {
        assertThat(ChinaStandardTime.date(Instant.parse("2025-10-31T15:59:59Z"))).isEqualTo(LocalDate.of(2025, 10, 31));
        assertThat(ChinaStandardTime.date(Instant.parse("2025-10-31T16:00:00Z"))).isEqualTo(LocalDate.of(2025, 11, 1));
        for (long s = -3L * 86_400 * 365; s < 3L * 86_400 * 365; s += 3_607) {
            Instant at = Instant.ofEpochSecond(s);
            assertThat(ChinaStandardTime.date(at)).as(at.toString()).isEqualTo(at.atOffset(ChinaStandardTime.OFFSET).toLocalDate());
        }
    }
}
