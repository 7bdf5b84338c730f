package org.groundwatergateway.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The tile service's origin, as the pages' Content-Security-Policy allows it, and nothing a header could be bent with. */
class PortalPropertiesTest {

    private static String source(String template) {
        return new PortalProperties(template, null).tileSource().orElseThrow();
    }

    @Test
    void theOriginOfTheTemplateWithASubdomainRangeWidened() {
        assertThat(source("https://t{0-7}.tianditu.gov.cn/vec_w/wmts?TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk=KEY"))
                .isEqualTo("https://*.tianditu.gov.cn");
        assertThat(source("http://127.0.0.1:8088/tiles/{z}/{x}/{y}.png")).isEqualTo("http://127.0.0.1:8088");
        assertThat(source("https://tiles.example.cn")).isEqualTo("https://tiles.example.cn");
        assertThat(new PortalProperties("  ", null).tileSource()).isEmpty();
        assertThat(new PortalProperties(null, null).tileSource()).isEmpty();
    }

    @Test
    void aTemplateThatIsNoHttpUrlOrWouldWidenThePolicyStopsTheStart() {
        for (String bad : new String[] {"ftp://tiles.example.cn/{z}/{x}/{y}", "tiles.example.cn/{z}/{x}/{y}", "https://user@tiles.example.cn/{z}",
                "https://tiles.example.cn;script-src *", "https://tiles.example.cn 'unsafe-inline'/{z}", "https:///{z}/{x}/{y}", "https://{s}:443/x", "https://{s}.cn/{z}/{x}/{y}", "https://tiles.example.cn:port/{z}"}) {
            assertThatThrownBy(() -> new PortalProperties(bad, null)).as(bad).isInstanceOf(IllegalStateException.class);
        }
    }
}
