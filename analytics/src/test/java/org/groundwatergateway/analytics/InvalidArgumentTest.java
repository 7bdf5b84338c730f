package org.groundwatergateway.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import org.groundwatergateway.analytics.statistics.MannKendall;
import org.junit.jupiter.api.Test;

/** The library's refusals of a parameter come from its own catalogue, in English (also for logs) and in Chinese. */
class InvalidArgumentTest {

    @Test
    void aRefusalIsToldInEitherLanguage() {
        assertThatThrownBy(() -> MannKendall.test(new double[] {1, 2}, new double[] {3, 4})).isInstanceOfSatisfying(InvalidArgument.class, e -> {
            assertThat(e.getMessage()).isEqualTo("the Mann-Kendall test needs at least 3 observations, got 2");
            assertThat(e.message(Locale.ENGLISH)).isEqualTo(e.getMessage());
            assertThat(e.message(Locale.SIMPLIFIED_CHINESE)).isEqualTo("Mann-Kendall 检验至少需要 3 个观测，实际为 2 个");
        });
    }
}
