package org.groundwatergateway.policies.sharing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.groundwatergateway.policies.Disclosure;
import org.groundwatergateway.policies.Disclosure.BucketScheme;
import org.junit.jupiter.api.Test;

class ExposuresTest {

    @Test
    void listsWhatTheSecondDisclosureShowsMore() {
        Disclosure before = Disclosure.builder().withhold(Set.of("processes", "name_en")).restrictTo("aquifer", Set.of("Q1"))
                .locationPrecisionMetres(500).bucket("result_value", BucketScheme.GBT14848_CLASS).delay(Duration.ofHours(24)).build();
        Disclosure after = Disclosure.builder().withhold(Set.of("name_en")).restrictTo("aquifer", Set.of("Q1", "C1")).delay(Duration.ofHours(6)).build();
        assertThat(Exposures.newlyExposed(before, after)).containsExactlyInAnyOrder("attribute processes is shown",
                "attribute result_value is shown as its value instead of its GBT14848_CLASS", "rows with aquifer in [C1] are shown",
                "locations are shown exactly instead of to 500.0 m", "data newer than now - 24 h is shown (delay now 6 h)");
        assertThat(Exposures.newlyExposed(before, after, Locale.CHINESE)).containsExactlyInAnyOrder("显示属性 processes",
                "属性 result_value 显示原值，不再只显示GB/T 14848 水质类别", "显示 aquifer 属于 [C1] 的行",
                "位置精确显示，不再只精确到 500.0 米", "显示距今不足 24 小时的数据（延迟现为 6 小时）");
        assertThat(Exposures.newlyExposed(after, before)).isEmpty();
        assertThat(Exposures.newlyExposed(Disclosure.full(), Disclosure.none())).isEmpty();
    }

    @Test
    void aDatasetThatBecomesVisibleSaysWhatStillHoldsBack() {
        Disclosure after = new Disclosure(true, Set.of("processes"), Map.of(), 500);
        assertThat(Exposures.newlyExposed(Disclosure.none(), after))
                .containsExactly("the dataset becomes visible", "withholding [processes]", "locations to 500.0 m");
        assertThat(Exposures.newlyExposed(Disclosure.none(), after, Locale.CHINESE)).containsExactly("数据集变为可见", "隐去 [processes]", "位置精确到 500.0 米");
        Disclosure daily = Disclosure.builder().timeAggregation(Disclosure.TimeAggregation.DAILY).build();
        Disclosure hourly = Disclosure.builder().timeAggregation(Disclosure.TimeAggregation.HOURLY).build();
        assertThat(Exposures.newlyExposed(daily, hourly)).containsExactly("values are aggregated HOURLY instead of DAILY");
        assertThat(Exposures.newlyExposed(daily, hourly, Locale.CHINESE)).containsExactly("数值按小时汇总，原为按日");
    }
}
