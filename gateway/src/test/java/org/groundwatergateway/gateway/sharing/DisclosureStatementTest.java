package org.groundwatergateway.gateway.sharing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.groundwatergateway.policies.Disclosure;
import org.junit.jupiter.api.Test;

class DisclosureStatementTest {

    private static final Map<String, Disclosure> PUBLIC_AND_ENTERPRISE = new TreeMap<>(Map.of(
            "latest_readings", Disclosure.builder().locationPrecisionMetres(500).bucket("result_value", Disclosure.BucketScheme.GBT14848_CLASS)
                    .delay(Duration.ofHours(24)).build(),
            "enterprises", Disclosure.builder().withhold(Set.of("processes", "characteristic_pollutants"))
                    .ownership(new Disclosure.Ownership("credit_code", "E01", false)).build(),
            "statistics", Disclosure.builder().timeAggregation(Disclosure.TimeAggregation.DAILY).minimumCount(3).delay(Duration.ofMinutes(90)).build(),
            "parks", Disclosure.full()));

    @Test
    void theHeaderSaysEveryEffectPerDatasetAndThePolicyVersionInAscii() {
        String header = DisclosureStatement.english(PUBLIC_AND_ENTERPRISE, 7);
        assertThat(header).isEqualTo("policy v7; enterprises: withheld characteristic_pollutants processes, own rows in full; "
                + "latest_readings: location to 500 m, result_value as GB/T 14848 class, delayed 24 h; "
                + "statistics: delayed 90 min, daily means instead of single values, aggregates over fewer than 3 enterprises withheld");
        assertThat(header).matches("\\p{ASCII}*");
        assertThat(DisclosureStatement.english(Map.of("parks", Disclosure.full()), 1)).isEqualTo("policy v1; nothing masked");
    }

    @Test
    void peopleReadItInChinese() {
        assertThat(DisclosureStatement.chinese(PUBLIC_AND_ENTERPRISE, 7)).isEqualTo("策略 v7; enterprises: 不提供 characteristic_pollutants processes，本单位的记录完整提供; "
                + "latest_readings: 位置已粗化至500米，result_value 仅显示GB/T 14848类别，数值延迟24小时; "
                + "statistics: 数值延迟90分钟，按日均值提供，少于3家企业的汇总不提供");
        assertThat(DisclosureStatement.chinese(Map.of("parks", Disclosure.full()), 1)).isEqualTo("策略 v1; 未作脱敏");
    }

    @Test
    void theAuditNamesTheDoorByThePathsFirstSegment() {
        assertThat(DisclosureReceipts.door("/sta/v1.1/Things")).isEqualTo("sta");
        assertThat(DisclosureReceipts.door("/WFS")).isEqualTo("wfs");
        assertThat(DisclosureReceipts.door("/api/v1/wells")).isEqualTo("rest");
    }
}
