package org.groundwatergateway.core.parameter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.groundwatergateway.analytics.tracing.FingerprintLibrary;
import org.groundwatergateway.analytics.tracing.FingerprintLibrary.Fingerprint;
import org.junit.jupiter.api.Test;

/** The fingerprint library is consistent reference data: valid, unique CAS numbers, sources, catalogued codes. */
class PollutantFingerprintsTest {

    private final FingerprintLibrary library = PollutantFingerprints.load();

    @Test
    void casCheckDigitFollowsTheCasWorkedExample() {
        // CAS's own example: water, 7732-18-5 (8x1 + 1x2 + 2x3 + 3x4 + 7x5 + 7x6 = 105 -> 5).
        assertThat(CasNumber.isValid("7732-18-5")).isTrue();
        assertThat(CasNumber.isValid("7732-18-4")).isFalse();
        assertThat(CasNumber.isValid("71-43-2")).isTrue();      // benzene, GB/T 14848 table
        assertThat(CasNumber.isValid("18540-29-9")).isTrue();   // chromium (VI), GB/T 14848 table
        assertThat(CasNumber.isValid("71-34-2")).isFalse();     // two digits swapped
        assertThat(CasNumber.isValid("71432")).isFalse();
    }

    @Test
    void atLeastTwoHundredPollutantsWithUniqueValidCasNumbersAndASource() {
        List<Fingerprint> rows = library.pollutants();
        assertThat(rows).hasSizeGreaterThanOrEqualTo(200);
        assertThat(rows).allSatisfy(f -> {
            assertThat(CasNumber.isValid(f.cas())).as(f.cas() + " " + f.nameEn()).isTrue();
            assertThat(f.sources()).as(f.cas()).isNotEmpty();
            assertThat(f.nameZh()).isNotBlank();
            assertThat(f.nameEn()).isNotBlank();
            assertThat(f.pollutantClass()).isNotBlank();
        });
        assertThat(rows.stream().map(Fingerprint::cas).collect(Collectors.toSet())).hasSize(rows.size());
    }

    @Test
    void parameterCodesAreInTheCatalogueWithTheSameCasNumber() {
        Map<String, Parameter> catalogue = ParameterCatalog.load().stream().collect(Collectors.toMap(Parameter::code, Function.identity()));
        List<Fingerprint> coded = library.pollutants().stream().filter(f -> f.parameterCode() != null).toList();
        assertThat(coded).hasSizeGreaterThan(100);
        for (Fingerprint f : coded) {
            assertThat(catalogue).as(f.cas()).containsKey(f.parameterCode());
        }
        // Where the catalogue gives a compound's own CAS number, the library row with its code has that number
        // (group parameters such as m/p-xylene or total 1,2-dichloroethylene carry several compounds).
        long same = coded.stream().filter(f -> f.cas().equals(catalogue.get(f.parameterCode()).cas())).count();
        assertThat(same).isGreaterThanOrEqualTo(coded.size() - 3);
        // Every catalogued parameter with a CAS number is in the library.
        Set<String> libraryCas = library.byCas().keySet();
        assertThat(catalogue.values().stream().map(Parameter::cas).filter(c -> c != null)).allMatch(libraryCas::contains);
    }

    @Test
    void crossReferencesResolve() {
        Set<String> cas = library.byCas().keySet();
        Set<String> industries = library.industries().stream().map(FingerprintLibrary.Industry::code).collect(Collectors.toSet());
        Set<String> fieldParameters = ParameterCatalog.load().stream().map(Parameter::code).collect(Collectors.toCollection(HashSet::new));
        for (Fingerprint f : library.pollutants()) {
            assertThat(cas).as("co-occurring of " + f.cas()).containsAll(f.coOccurring());
            assertThat(industries).as("industries of " + f.cas()).containsAll(f.industryCodes());
            assertThat(f.industryCodes()).allMatch(code -> code.matches("[A-T]\\d{4}"));
            f.fieldIndicators().forEach(i -> {
                assertThat(fieldParameters).contains(i.parameterCode());
                assertThat(industries).contains(i.industryCode());
            });
        }
    }

    @Test
    void demoIndustriesAreRecognised() {
        assertThat(library.industryCodes("电镀 / electroplating")).contains("C3360");
        assertThat(library.industryCodes("石油化工 / petrochemical")).contains("C2511", "C2614");
        assertThat(library.industryCodes("污水处理 / wastewater treatment")).containsExactly("D4620");
        assertThat(library.industryCodes("bakery")).isEmpty();
    }
}
