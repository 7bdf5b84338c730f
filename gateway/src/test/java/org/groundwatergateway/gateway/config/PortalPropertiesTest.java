package org.groundwatergateway.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The tile service's origins, as the pages' Content-Security-Policy allows them, and nothing a header could be bent with. */
class PortalPropertiesTest {

    @Test
    void eachHostOfTheTemplateItsSubdomainRangeStandsFor() {
        assertThat(new PortalProperties("https://t{0-7}.tianditu.gov.cn/vec_w/wmts?TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk=KEY", null).tileSources())
                .containsExactly("https://t0.tianditu.gov.cn", "https://t1.tianditu.gov.cn", "https://t2.tianditu.gov.cn", "https://t3.tianditu.gov.cn",
                        "https://t4.tianditu.gov.cn", "https://t5.tianditu.gov.cn", "https://t6.tianditu.gov.cn", "https://t7.tianditu.gov.cn");
        assertThat(new PortalProperties("https://{a-c}.tile.example.cn/{z}/{x}/{y}.png", null).tileSources())
                .containsExactly("https://a.tile.example.cn", "https://b.tile.example.cn", "https://c.tile.example.cn");
        assertThat(new PortalProperties("http://127.0.0.1:8088/tiles/{z}/{x}/{y}.png", "测试底图").tileSources()).containsExactly("http://127.0.0.1:8088");
        assertThat(new PortalProperties("  ", null).tileSources()).isEmpty();
        assertThat(new PortalProperties(null, null).tileSources()).isEmpty();
    }

    @Test
    void aTemplateThatIsNoHttpUrlOrWouldWidenThePolicyStopsTheStart() {
        for (String bad : new String[] {"ftp://tiles.example.cn/{z}/{x}/{y}", "tiles.example.cn/{z}/{x}/{y}", "https://user@tiles.example.cn/{z}",
                "https://tiles.example.cn;script-src *", "https://tiles.example.cn 'unsafe-inline'/{z}", "https:///{z}/{x}/{y}", "https://{s}:443/x",
                "https://{s}.gov.cn/{z}/{x}/{y}", "https://*.gov.cn/{z}", "https://t{7-0}.example.cn/{z}", "https://t{0-c}.example.cn/{z}",
                "https://tiles.{0-3}.example.cn/{z}", "https://tiles.example.cn:port/{z}"}) {
            assertThatThrownBy(() -> new PortalProperties(bad, null)).as(bad).isInstanceOf(IllegalStateException.class);
        }
        assertThatThrownBy(() -> new PortalProperties("https://tiles.example.cn/{z}/{x}/{y}", "<img src=x>"))
                .isInstanceOf(IllegalStateException.class);
    }
}
