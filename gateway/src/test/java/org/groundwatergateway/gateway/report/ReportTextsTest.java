package org.groundwatergateway.gateway.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReportTextsTest {

    @Test
    void aMeasuredValueIsWrittenOutWithItsUnitAndPhWithNone() {
        assertThat(ReportTexts.measured(10_463.0, "µg/L")).isEqualTo("10460 µg/L");
        assertThat(ReportTexts.measured(7.6, "dimensionless")).isEqualTo("7.600");
        assertThat(ReportTexts.measured(0.0023, "mg/L")).isEqualTo("0.002300 mg/L");
        assertThat(ReportTexts.measured(null, "mg/L")).isEqualTo("—");
        assertThat(ReportTexts.number(13_790.0)).isEqualTo("13790");
    }
}
