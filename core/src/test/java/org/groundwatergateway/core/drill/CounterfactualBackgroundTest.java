package org.groundwatergateway.core.drill;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A drill's background without real plumes: plume wells brought down to the aquifer's ambient level, clean wells kept. */
class CounterfactualBackgroundTest {

    @Test
    void plumeWellsReadTheAmbientLevelAndCleanWellsTheirOwn() {
        Map<Long, Double> last = new LinkedHashMap<>();
        last.put(1L, 9900.0);   // GW-U04, 10 m below the leaking tank farm (µg/L)
        last.put(2L, 4200.0);
        last.put(3L, 0.04);
        last.put(4L, 0.0);
        last.put(5L, 0.08);
        last.put(6L, 0.06);
        last.put(7L, 0.05);
        // By hand: median 0.06; absolute deviations 0, 0.01, 0.02, 0.02, 0.06, 4199.94, 9899.94, median 0.02; Hampel's
        // cut 0.06 + 3 × 1.4826 × 0.02 = 0.149: the two plume wells read 0.06, the others keep their own.
        Map<Long, Double> background = CounterfactualBackground.of(last);
        assertThat(background).containsEntry(1L, 0.06).containsEntry(2L, 0.06).containsEntry(3L, 0.04).containsEntry(4L, 0.0)
                .containsEntry(5L, 0.08).containsEntry(6L, 0.06).containsEntry(7L, 0.05);
    }

    @Test
    void aStreamWithoutReadingsReadsTheAmbientLevel() {
        Map<Long, Double> last = new HashMap<>();
        last.put(1L, 0.002);
        last.put(2L, 0.004);
        last.put(3L, null);
        assertThat(CounterfactualBackground.of(last)).containsEntry(3L, 0.003);
        Map<Long, Double> none = new HashMap<>();
        none.put(1L, null);
        assertThat(CounterfactualBackground.of(none)).containsEntry(1L, 0.0);
    }
}
