package org.groundwatergateway.ogc.wfs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ValuesTest {

    /** xs:dateTime (GML) and RFC 3339 (GeoJSON, OGC API) need the seconds, also when they are zero. */
    @Test
    void timesAlwaysCarrySecondsInChinaStandardTime() {
        assertThat(Values.text(Instant.parse("2026-12-03T21:09:00Z"))).isEqualTo("2026-12-04T05:09:00+08:00");
        assertThat(Values.text(Instant.parse("2026-12-03T21:09:07.250Z"))).isEqualTo("2026-12-04T05:09:07.25+08:00");
        assertThat(Values.text(12.0)).isEqualTo("12");
    }
}
