package org.groundwatergateway.analytics.tracing;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Characteristic pollutants and the industries and processes that use or emit them: the reference that
 * {@link FingerprintMatcher} reads an enterprise's likely pollutants from. The platform ships it as
 * {@code reference/pollutant_fingerprints.csv} and {@code reference/industry_codes.csv} (sources in
 * {@code docs/pollutant-fingerprints.md}).
 */
public record FingerprintLibrary(List<Fingerprint> pollutants, List<Industry> industries) {

    /** How a field parameter moves where a plume from a given industry arrives. */
    public enum Shift { UP, DOWN, NONE }

    /** A field-parameter shift expected with a pollutant when it comes from an industry (GB/T 4754 code). */
    public record FieldIndicator(String parameterCode, Shift shift, String industryCode) {}

    /**
     * One pollutant.
     *
     * @param parameterCode the platform's parameter code, or null when the catalogue has none
     * @param coOccurring CAS numbers of compounds usually found with it
     * @param industryCodes GB/T 4754-2017 codes of industries that use or emit it
     * @param processes process keywords, each "中文 English"; the Chinese word is what declared processes are matched on
     */
    public record Fingerprint(String cas, String nameZh, String nameEn, String parameterCode, String pollutantClass,
                              List<String> coOccurring, String typicalRatios, Set<String> industryCodes,
                              List<String> processes, List<FieldIndicator> fieldIndicators, List<String> sources) {
        public Fingerprint {
            coOccurring = List.copyOf(coOccurring);
            industryCodes = Set.copyOf(industryCodes);
            processes = List.copyOf(processes);
            fieldIndicators = List.copyOf(fieldIndicators);
            sources = List.copyOf(sources);
        }

        /** Whether a declared process (free text) names one of this pollutant's processes, or the other way round. */
        public boolean usedBy(String declaredProcess) {
            String declared = declaredProcess.trim();
            if (declared.isEmpty()) return false;
            for (String process : processes) {
                String keyword = process.split(" ", 2)[0];
                if (declared.contains(keyword) || keyword.contains(declared)) return true;
            }
            return false;
        }
    }

    /** A GB/T 4754-2017 industry class with the everyday words that name it in an enterprise's declaration. */
    public record Industry(String code, String nameZh, String nameEn, List<String> aliases) {
        public Industry {
            aliases = List.copyOf(aliases);
        }

        boolean namedIn(String text) {
            String lower = text.toLowerCase(Locale.ROOT);
            if (lower.contains(nameZh.toLowerCase(Locale.ROOT)) || lower.contains(nameEn.toLowerCase(Locale.ROOT))) return true;
            return aliases.stream().anyMatch(alias -> lower.contains(alias.toLowerCase(Locale.ROOT)));
        }
    }

    public FingerprintLibrary {
        pollutants = List.copyOf(pollutants);
        industries = List.copyOf(industries);
    }

    /** The industry codes a free-text industry declaration (e.g. "电镀 / electroplating") names. */
    public Set<String> industryCodes(String declaration) {
        if (declaration == null) return Set.of();
        return industries.stream().filter(i -> i.namedIn(declaration)).map(Industry::code).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /** The fingerprints of a parameter code (several compounds can share one, e.g. the xylenes). */
    public List<Fingerprint> byParameter(String parameterCode) {
        return pollutants.stream().filter(f -> parameterCode.equals(f.parameterCode())).toList();
    }

    public Map<String, Fingerprint> byCas() {
        return pollutants.stream().collect(Collectors.toMap(Fingerprint::cas, Function.identity()));
    }
}
