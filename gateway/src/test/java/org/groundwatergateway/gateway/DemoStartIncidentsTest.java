package org.groundwatergateway.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Issue #16: a fresh start of the demo opens exactly one incident per leak. The demo's two leaks (benzene under the
 * tank farm, chromium(VI) under the plating works) each put several wells above their severe limit in the same second;
 * the wells down one plume join the incident the first opened instead of opening one each. A context of its own, so
 * that no other test's alert or declaration is counted.
 */
@TestPropertySource(properties = "gw.test.fixture=fresh-demo-start")
class DemoStartIncidentsTest extends RunningGateway {

    @Test
    void aFreshDemoStartOpensOneIncidentPerLeakAndTheOtherWellsJoinIt() throws Exception {
        // The loggers' first live round after the demo has loaded raises the start's severe alerts, which open the incidents.
        playTheDemoSimulatorsFirstRound();
        Map<String, List<JsonNode>> byPollutant = new TreeMap<>();
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < deadline) {
            byPollutant.clear();
            for (JsonNode incident : ok(http.get("/api/v1/incidents"))) {
                byPollutant.computeIfAbsent(incident.get("parameter").asString(), p -> new ArrayList<>()).add(incident);
            }
            if (byPollutant.keySet().containsAll(List.of("benzene", "chromium-vi"))) break;
            Thread.sleep(500);
        }
        Thread.sleep(3000); // the rest of the start's alerts, had any opened an incident of their own
        byPollutant.clear();
        for (JsonNode incident : ok(http.get("/api/v1/incidents"))) {
            byPollutant.computeIfAbsent(incident.get("parameter").asString(), p -> new ArrayList<>()).add(incident);
        }

        assertThat(byPollutant.keySet()).containsExactly("benzene", "chromium-vi");
        assertThat(byPollutant.get("benzene")).as("one benzene incident").hasSize(1);
        assertThat(byPollutant.get("chromium-vi")).as("one chromium(VI) incident").hasSize(1);

        JsonNode benzene = ok(http.get("/api/v1/incidents/" + byPollutant.get("benzene").get(0).get("id").asLong()));
        List<String> timeline = new ArrayList<>();
        for (JsonNode entry : benzene.get("timeline")) timeline.add(entry.get("text").asString());
        // Opened at the first well, joined by the others of the plume, each in the timeline with the reading that raised it.
        assertThat(timeline).anyMatch(text -> text.startsWith("严重报警自动开启事件：监测井 GW-U0"));
        assertThat(timeline.stream().filter(text -> text.startsWith("同一羽流再次严重报警（")).map(text -> text.substring(11, 17)).distinct())
                .as(timeline.toString()).hasSizeGreaterThanOrEqualTo(2).allMatch(well -> well.matches("GW-U0[456]"));
        // The incident's concentration is the highest reading that made it severe, in mg/L, not a background value.
        assertThat(benzene.get("incident").get("concentrationMgPerL").asDouble()).isGreaterThan(1.0);
        // Values are written out for the duty officer, never as 1.046e+04.
        assertThat(timeline).noneMatch(text -> text.matches(".*\\d\\.\\d+e[+-]\\d.*"));
    }
}
