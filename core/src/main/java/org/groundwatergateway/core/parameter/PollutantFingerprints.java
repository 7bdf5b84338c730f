package org.groundwatergateway.core.parameter;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.groundwatergateway.analytics.tracing.FingerprintLibrary;
import org.groundwatergateway.analytics.tracing.FingerprintLibrary.FieldIndicator;
import org.groundwatergateway.analytics.tracing.FingerprintLibrary.Shift;
import org.groundwatergateway.core.io.CsvResource;

/**
 * The characteristic-pollutant library shipped in {@code reference/pollutant_fingerprints.csv} and
 * {@code reference/industry_codes.csv}; its sources are listed in {@code docs/pollutant-fingerprints.md}.
 */
public final class PollutantFingerprints {

    private PollutantFingerprints() {}

    public static FingerprintLibrary load() {
        List<FingerprintLibrary.Fingerprint> pollutants = new ArrayList<>();
        for (Map<String, String> row : CsvResource.rows("/reference/pollutant_fingerprints.csv")) {
            Set<String> industries = new LinkedHashSet<>();
            for (String industry : list(row.get("industries"))) industries.add(industry.split(" ", 2)[0]);
            pollutants.add(new FingerprintLibrary.Fingerprint(row.get("cas"), row.get("name_zh"), row.get("name_en"),
                    blankToNull(row.get("parameter_code")), row.get("class"), list(row.get("co_occurring")), row.get("typical_ratios"),
                    industries, list(row.get("processes")), indicators(row.get("field_indicators")), list(row.get("sources"))));
        }
        List<FingerprintLibrary.Industry> industries = new ArrayList<>();
        for (Map<String, String> row : CsvResource.rows("/reference/industry_codes.csv")) {
            industries.add(new FingerprintLibrary.Industry(row.get("code"), row.get("name_zh"), row.get("name_en"), list(row.get("aliases"))));
        }
        return new FingerprintLibrary(pollutants, industries);
    }

    /** "ph-@C3360;conductivity+@C3360": pH falls and conductivity rises where the pollutant comes from industry C3360. */
    private static List<FieldIndicator> indicators(String text) {
        List<FieldIndicator> indicators = new ArrayList<>();
        for (String token : list(text)) {
            String[] parts = token.split("@", 2);
            String parameter = parts[0].substring(0, parts[0].length() - 1);
            char sign = parts[0].charAt(parts[0].length() - 1);
            if (parts.length != 2 || (sign != '+' && sign != '-')) throw new IllegalStateException("bad field indicator: " + token);
            indicators.add(new FieldIndicator(parameter, sign == '+' ? Shift.UP : Shift.DOWN, parts[1]));
        }
        return indicators;
    }

    private static List<String> list(String text) {
        if (text == null || text.isBlank()) return List.of();
        return Arrays.stream(text.split(";")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
