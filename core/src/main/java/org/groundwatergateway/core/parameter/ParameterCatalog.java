package org.groundwatergateway.core.parameter;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.groundwatergateway.core.io.CsvResource;

/**
 * The platform's parameter table, built from the reference tables shipped in {@code reference/}:
 * GB/T 14848-2017 groundwater classes (85 indicators, with their HJ 212-2017 water codes), GB 36600-2018
 * soil values joined by CAS number, and the field, hydraulic and weather quantities of
 * {@code parameters_extra.csv}.
 *
 * <p>A parameter's unit is the one its readings in water come in; soil results are always mg/kg of dry soil
 * ({@link Parameter.SoilValues}). GB 36600 items that GB/T 14848 lacks but the fingerprint library
 * ({@code pollutant_fingerprints.csv}) names — aniline, nitrobenzene, chloromethane… — are pollutants a park traces in
 * its groundwater, so they take a groundwater unit in the convention of GB/T 14848: µg/L for organic compounds,
 * mg/L for metals and inorganic ones. The other GB 36600-only items stay in mg/kg (soil only). Migration V6_8 gives
 * existing databases the same units.
 */
public final class ParameterCatalog {

    private static final Pattern CAS = Pattern.compile("\\d{2,7}-\\d{2}-\\d");
    private static final Pattern HJ212_WATER = Pattern.compile("w\\d{5}");
    private static final Pattern LIMIT = Pattern.compile("<=\\s*([0-9.]+)");
    private static final Pattern RANGE = Pattern.compile("([0-9.]+)\\s*<=?\\s*pH\\s*<=?\\s*([0-9.]+)");

    private ParameterCatalog() {}

    public static List<Parameter> load() {
        Map<String, Parameter> byCode = new LinkedHashMap<>();
        Set<String> traced = new HashSet<>();
        for (Map<String, String> row : rows("pollutant_fingerprints.csv")) {
            String code = blankToNull(row.get("parameter_code"));
            if (code != null) traced.add(code);
        }
        for (Map<String, String> row : rows("gbt14848_limits.csv")) {
            String nameEn = row.get("indicator_en");
            Parameter p = new Parameter(null, slug(nameEn), first(HJ212_WATER, row.get("hj212_2017_water_code")),
                    first(CAS, row.get("cas_or_code")), row.get("indicator_cn"), nameEn, unit(row.get("unit")),
                    row.get("table"), classLimits(row), null);
            byCode.putIfAbsent(p.code(), p);
        }
        for (Map<String, String> row : rows("gb36600_values.csv")) {
            Parameter.SoilValues soil = new Parameter.SoilValues(number(row.get("screening_cat2_industrial")),
                    number(row.get("intervention_cat2_industrial")), number(row.get("screening_cat1")),
                    number(row.get("intervention_cat1")));
            String cas = first(CAS, row.get("cas_or_code"));
            String code = slug(row.get("indicator_en"));
            Parameter match = byCode.values().stream()
                    .filter(p -> (cas != null && cas.equals(p.cas())) || p.code().equals(code))
                    .findFirst().orElse(null);
            if (match != null) {
                byCode.put(match.code(), new Parameter(null, match.code(), match.hj212Code(), match.cas(), match.nameZh(),
                        match.nameEn(), match.unit(), match.category(), match.classLimits(), soil));
            } else {
                String unit = traced.contains(code) ? groundwaterUnit(row.get("group")) : "mg/kg";
                byCode.put(code, new Parameter(null, code, null, cas, row.get("indicator_cn"), row.get("indicator_en"),
                        unit, "soil: " + row.get("group"), null, soil));
            }
        }
        for (Map<String, String> row : rows("parameters_extra.csv")) {
            byCode.put(row.get("code"), new Parameter(null, row.get("code"), blankToNull(row.get("hj212_code")),
                    blankToNull(row.get("cas")), row.get("name_zh"), row.get("name_en"), row.get("unit"),
                    row.get("category"), null, null));
        }
        return List.copyOf(byCode.values());
    }

    /** A stable, readable parameter code from an English name: "Chromium (VI)" becomes "chromium-vi". */
    static String slug(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }

    /** GB/T 14848's unit for a GB 36600 group: mg/L for 重金属和无机物 (metals and inorganic), µg/L for the organic groups. */
    static String groundwaterUnit(String soilGroup) {
        return soilGroup.contains("无机") ? "mg/L" : "µg/L";
    }

    private static GroundwaterClassLimits classLimits(Map<String, String> row) {
        List<GroundwaterClassLimits.Bounds> bounds = new ArrayList<>();
        for (String column : List.of("class_I", "class_II", "class_III", "class_IV")) {
            String text = row.get(column).trim();
            Matcher range = RANGE.matcher(text);
            Double lower = null;
            Double upper = null;
            if (range.find()) {
                // pH: the class IV text is two intervals; its outer bounds are what class IV admits.
                lower = Double.valueOf(range.group(1));
                upper = Double.valueOf(range.group(2));
                while (range.find()) upper = Math.max(upper, Double.parseDouble(range.group(2)));
            } else if (text.startsWith("not detected")) {
                upper = 0.0;
            } else {
                Matcher limit = LIMIT.matcher(text);
                if (!limit.find()) {
                    throw new IllegalStateException("GB/T 14848 table: cannot read the " + column + " limit of "
                            + row.get("indicator_en") + ": '" + text + "'");
                }
                upper = Double.valueOf(limit.group(1));
            }
            bounds.add(new GroundwaterClassLimits.Bounds(lower, upper));
        }
        return new GroundwaterClassLimits(bounds);
    }

    private static String unit(String reference) {
        return switch (reference) {
            case "ug/L" -> "µg/L";
            case "dimensionless" -> "dimensionless";
            default -> reference;
        };
    }

    private static String first(Pattern pattern, String text) {
        if (text == null) return null;
        Matcher m = pattern.matcher(text);
        return m.find() ? m.group() : null;
    }

    private static Double number(String text) {
        if (text == null || text.isBlank()) return null;
        try {
            return Double.valueOf(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    private static List<Map<String, String>> rows(String file) {
        return CsvResource.rows("/reference/" + file);
    }
}
