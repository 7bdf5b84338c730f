package org.groundwatergateway.core.emergency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.groundwatergateway.core.alert.Alert;
import org.groundwatergateway.core.park.AquiferLayer;
import org.junit.jupiter.api.Test;

class DisposalPlansTest {

    private final DisposalPlans plans = DisposalPlans.load();
    private final AquiferLayer unconfined = new AquiferLayer(1L, 1, "Q1", "潜水", "unconfined", AquiferLayer.Confinement.UNCONFINED, 1, 12, 30, 0.25);
    private final AquiferLayer confined = new AquiferLayer(2L, 1, "C1", "承压", "confined", AquiferLayer.Confinement.CONFINED, 28, 45, 20, 0.3);

    @Test
    void classesComeFromTheFingerprintLibrary() {
        assertThat(plans.pollutantClass("benzene")).isEqualTo("VOC");
        assertThat(plans.pollutantClass("chromium-vi")).isEqualTo("heavy metal");
        assertThat(plans.pollutantClass("water-level")).isEqualTo("*");
    }

    @Test
    void benzeneSevereInAnUnconfinedAquiferGetsTheVocPlan() {
        DisposalPlan plan = plans.match("benzene", Alert.Level.SEVERE, unconfined);
        assertThat(plan.code()).isEqualTo("VOC-U-1");
        assertThat(plan.pumpingWells()).isPositive();
        assertThat(plan.tasks()).isNotEmpty();
        assertThat(plan.sources()).anyMatch(s -> s.startsWith("HJ 25.6")).anyMatch(s -> s.contains("US EPA"));
        assertThat(plans.match("benzene", Alert.Level.SEVERE, confined).code()).isEqualTo("VOC-C-1");
        assertThat(plans.match("benzene", Alert.Level.GENERAL, unconfined).code()).isEqualTo("VOC-G");
        // Nothing specific for ammonia: the catch-all.
        assertThat(plans.match("ph", Alert.Level.SEVERE, unconfined).code()).isEqualTo("ANY-1");
    }

    @Test
    void chromiumGetsTheHeavyMetalPlanWithItsFerrousSulphateDose() {
        DisposalPlan plan = plans.match("chromium-vi", Alert.Level.SEVERE, unconfined);
        assertThat(plan.code()).isEqualTo("HM-U-1");
        assertThat(plan.reagent()).contains("FeSO4");
        DisposalPlan.Dose dose = plan.dose(0.1, unconfined);
        // π·30² = 2,827.4 m²; × 11 m saturated × 0.25 = 7,775.4 m³ of water; × 0.1 mg/L = 0.7775 kg Cr(VI);
        // × 48.1 (3 × 16.04 mg FeSO4·7H2O per mg) = 37.40 kg.
        assertThat(dose.treatmentAreaM2()).isCloseTo(2827.43, within(0.01));
        assertThat(dose.waterM3()).isCloseTo(7775.44, within(0.01));
        assertThat(dose.contaminantKg()).isCloseTo(0.77754, within(1e-5));
        assertThat(dose.reagentKg()).isCloseTo(37.40, within(0.01));
    }
}
