package org.groundwatergateway.core.parameter;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MeasuredValuesTest {

    @Test
    void fourSignificantDigitsWrittenOutNeverInExponentForm() {
        assertThat(MeasuredValues.fourDigits(10_463.2)).isEqualTo("10460");
        assertThat(MeasuredValues.fourDigits(1_234_567)).isEqualTo("1235000");
        assertThat(MeasuredValues.fourDigits(0.020214)).isEqualTo("0.02021");
        assertThat(MeasuredValues.fourDigits(0.00001234)).isEqualTo("0.00001234");
        assertThat(MeasuredValues.fourDigits(20.0)).isEqualTo("20.00");
        assertThat(MeasuredValues.fourDigits(6227.4)).isEqualTo("6227");
        assertThat(MeasuredValues.fourDigits(-1.5)).isEqualTo("-1.500");
        assertThat(MeasuredValues.fourDigits(0)).isEqualTo("0.000");
        assertThat(MeasuredValues.fourDigits(1.0465)).as("a half rounds up, whatever its binary expansion").isEqualTo("1.047");
    }
}
