package org.groundwatergateway.ogc.feature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class PropertyTypeTest {

    /** ets-wfs20 writes the bounds it computes for an xs:long property as decimals (30.0). */
    @Test
    void anIntegerOperandMayBeWrittenAsADecimal() {
        assertThat(PropertyType.INTEGER.parse("30")).isEqualTo(30L);
        assertThat(PropertyType.INTEGER.parse("30.0")).isEqualTo(30L);
        assertThat(PropertyType.INTEGER.parse("1.5")).isEqualTo(new BigDecimal("1.5"));
        assertThatThrownBy(() -> PropertyType.INTEGER.parse("thirty")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("integer");
        assertThatThrownBy(() -> PropertyType.INTEGER.parse("1e30")).isInstanceOf(IllegalArgumentException.class);
    }
}
