package org.groundwatergateway.gateway.sharing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.groundwatergateway.policies.Disclosure;
import org.junit.jupiter.api.Test;

class DisclosureReceiptsDescribeTest {

    @Test
    void theHeaderSaysEveryEffectPerDatasetAndThePolicyVersion() {
        Disclosure latest = Disclosure.builder().locationPrecisionMetres(500).bucket("result_value", Disclosure.BucketScheme.GBT14848_CLASS)
                .delay(Duration.ofHours(24)).build();
        Disclosure enterprises = Disclosure.builder().withhold(Set.of("processes", "characteristic_pollutants"))
                .ownership(new Disclosure.Ownership("credit_code", "E01", false)).build();
        assertThat(DisclosureReceipts.describe(new java.util.TreeMap<>(Map.of("latest_readings", latest, "enterprises", enterprises, "parks", Disclosure.full())), 7))
                .isEqualTo("policy v7; enterprises: withheld characteristic_pollutants processes, own rows in full; "
                        + "latest_readings: location to 500 m, result_value as GB/T 14848 class, delayed 24 h");
        assertThat(DisclosureReceipts.describe(Map.of("parks", Disclosure.full()), 1)).isEqualTo("policy v1; nothing masked");
        assertThat(DisclosureReceipts.door("/sta/v1.1/Things")).isEqualTo("sta");
        assertThat(DisclosureReceipts.door("/api/v1/wells")).isEqualTo("rest");
    }
}
