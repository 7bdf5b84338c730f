package org.groundwatergateway.ogc.feature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class PropertyTypeTest {

    /** ets-wfs20 writes the bounds it computes for an integer property as decimals (30.0). */
    @Test
    void anIntegerOperandMayBeWrittenAsADecimal() {
        assertThat(PropertyType.INTEGER.parse("30")).isEqualTo(30L);
        assertThat(PropertyType.INTEGER.parse("30.0")).isEqualTo(30L);
        assertThat(PropertyType.INTEGER.parse("1.5")).isEqualTo(new BigDecimal("1.5"));
        assertThatThrownBy(() -> PropertyType.INTEGER.parse("thirty")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("integer");
        assertThatThrownBy(() -> PropertyType.INTEGER.parse("1e30")).isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * Issue #15: what PostgreSQL cannot hold is refused here rather than by the database, and instants are bound in UTC
     * (PostgreSQL refuses offsets beyond ±15:59, Java reads up to ±18:00).
     */
    @Test
    void aDateTimeIsBoundInUtcAndWithinFourDigitYears() {
        assertThat(PropertyType.DATETIME.parse("2026-03-01T08:00:00+08:00")).isEqualTo(OffsetDateTime.parse("2026-03-01T00:00:00Z"));
        assertThat(PropertyType.DATETIME.parse("2026-03-01")).isEqualTo(OffsetDateTime.parse("2026-02-28T16:00:00Z"));
        assertThat(PropertyType.DATETIME.parse("9999-12-31T23:59:59+18:00")).isEqualTo(OffsetDateTime.parse("9999-12-31T05:59:59Z"));
        for (String beyond : new String[] {"+999999999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z", "+10000-01-01T00:00:00Z"}) {
            assertThatThrownBy(() -> PropertyType.DATETIME.parse(beyond)).as(beyond).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("ISO 8601");
        }
    }
}
