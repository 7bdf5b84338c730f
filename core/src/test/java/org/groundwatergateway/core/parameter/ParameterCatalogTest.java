package org.groundwatergateway.core.parameter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.groundwatergateway.analytics.tracing.FingerprintLibrary;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ParameterCatalogTest {

    private final Map<String, Parameter> catalog = ParameterCatalog.load().stream()
            .collect(Collectors.toMap(Parameter::code, Function.identity()));

    @Test
    void holdsAllEightyFiveGroundwaterIndicatorsWithClassLimits() {
        assertThat(catalog.values().stream().filter(p -> p.classLimits() != null)).hasSize(85);
    }

    @Test
    void readsClassLimitsAsTheStandardStatesThem() {
        // GB/T 14848-2017 Table 1: NH3-N class III is 0.50 mg/L (0.2 in the 1993 edition's pages is wrong).
        GroundwaterClassLimits ammonia = catalog.get("ammonia-nitrogen-as-n").classLimits();
        assertThat(ammonia.bounds(3).upper()).isEqualTo(0.50);
        assertThat(ammonia.classOf(0.50)).isEqualTo(3);
        assertThat(ammonia.classOf(0.51)).isEqualTo(4);
        GroundwaterClassLimits chromium = catalog.get("chromium-vi").classLimits();
        assertThat(List.of(chromium.classOf(0.005), chromium.classOf(0.05), chromium.classOf(0.10), chromium.classOf(0.11)))
                .containsExactly(1, 3, 4, 5);
        GroundwaterClassLimits ph = catalog.get("ph").classLimits();
        assertThat(List.of(ph.classOf(7.0), ph.classOf(6.0), ph.classOf(8.8), ph.classOf(5.4), ph.classOf(9.1)))
                .containsExactly(1, 4, 4, 5, 5);
    }

    @Test
    void contoursAreDrawnAtEachClassLimitOnce() {
        // GB/T 14848-2017 Table 1: Cr(VI) ≤ 0.005, 0.01, 0.05, 0.10 mg/L for classes I to IV.
        assertThat(catalog.get("chromium-vi").classLimits().upperLimits()).containsExactly(0.005, 0.01, 0.05, 0.10);
        // pH: classes I to III share 6.5–8.5, class IV is 5.5–9.0.
        assertThat(catalog.get("ph").classLimits().upperLimits()).containsExactly(8.5, 9.0);
    }

    @Test
    void classOneNotDetectedMeansAnyDetectionIsWorse() {
        Parameter notDetected = catalog.values().stream()
                .filter(p -> p.classLimits() != null && Double.valueOf(0.0).equals(p.classLimits().bounds(1).upper()))
                .findFirst().orElseThrow();
        assertThat(notDetected.classLimits().classOf(0)).isEqualTo(1);
        assertThat(notDetected.classLimits().classOf(1e-6)).isGreaterThan(1);
    }

    @Test
    void joinsSoilValuesByCasAndKeepsHj212CodesAndUnits() {
        Parameter benzene = catalog.get("benzene");
        assertThat(benzene.cas()).isEqualTo("71-43-2");
        assertThat(benzene.unit()).isEqualTo("µg/L");
        assertThat(benzene.soilValues().screeningIndustrial()).isEqualTo(4.0);
        assertThat(benzene.soilValues().interventionIndustrial()).isEqualTo(40.0);
        Parameter chromium = catalog.get("chromium-vi");
        assertThat(chromium.hj212Code()).isEqualTo("w20117");
        assertThat(chromium.unit()).isEqualTo("mg/L");
        assertThat(chromium.soilValues().screeningIndustrial()).isEqualTo(5.7);
        assertThat(catalog.get("ph").hj212Code()).isEqualTo("w01001");
        assertThat(catalog.get("conductivity").hj212Code()).isEqualTo("w01014");
        assertThat(catalog.get("water-level").unit()).isEqualTo("m");
        // Soil-only items of GB 36600 become parameters of their own.
        assertThat(catalog.values().stream().filter(p -> p.classLimits() == null && p.soilValues() != null)).isNotEmpty();
    }

    /**
     * Issue #21 item 5: every pollutant GB/T 14848 or the fingerprint library lists is one a park may trace in its
     * groundwater, so its catalogue entry is in a groundwater unit (µg/L or mg/L), never in soil units (mg/kg) or none.
     * pH is GB/T 14848's one indicator that is not a concentration.
     */
    @Test
    void everyPollutantGbt14848OrTheFingerprintLibraryListsHasAGroundwaterUnit() {
        Set<String> groundwater = Set.of("µg/L", "mg/L");
        List<Parameter> gbt14848 = catalog.values().stream().filter(p -> p.classLimits() != null && !p.code().equals("ph")).toList();
        assertThat(gbt14848).hasSize(84);
        assertThat(gbt14848).allSatisfy(p -> assertThat(p.unit()).as(p.code()).isIn(groundwater));
        FingerprintLibrary library = PollutantFingerprints.load();
        List<String> fingerprinted = library.pollutants().stream().map(FingerprintLibrary.Fingerprint::parameterCode).filter(c -> c != null).toList();
        assertThat(fingerprinted).hasSizeGreaterThan(100).contains("aniline", "nitrobenzene");
        assertThat(fingerprinted).allSatisfy(code -> {
            assertThat(catalog).as(code).containsKey(code);
            assertThat(catalog.get(code).unit()).as(code).isIn(groundwater);
        });
    }

    /**
     * Aniline and nitrobenzene, in GB 36600 but not GB/T 14848, are read in groundwater in µg/L as GB/T 14848 gives
     * organic compounds (vanadium, a metal, in mg/L as it gives metals), and keep their GB 36600 soil values, which
     * are mg/kg whatever the parameter's unit. GB 36600 items no library lists stay soil-only in mg/kg.
     */
    @Test
    void anilineAndNitrobenzeneAreReadInGroundwaterAndKeepTheirSoilValues() {
        for (String code : List.of("aniline", "nitrobenzene")) {
            Parameter p = catalog.get(code);
            assertThat(p.unit()).as(code).isEqualTo("µg/L");
            assertThat(p.classLimits()).as(code).isNull();
            assertThat(p.soilValues().screeningIndustrial()).as(code).isPositive();
        }
        assertThat(catalog.get("aniline").cas()).isEqualTo("62-53-3");
        assertThat(catalog.get("nitrobenzene").cas()).isEqualTo("98-95-3");
        assertThat(catalog.get("vanadium").unit()).isEqualTo("mg/L");
        assertThat(catalog.get("petroleum-hydrocarbons-c10-c40").unit()).isEqualTo("mg/kg");
    }

    @Test
    void slugsAreStable() {
        assertThat(ParameterCatalog.slug("Chromium (VI)")).isEqualTo("chromium-vi");
        assertThat(ParameterCatalog.slug("pH")).isEqualTo("ph");
    }
}
