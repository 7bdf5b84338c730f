package org.groundwatergateway.ingest.hj212;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.groundwatergateway.core.io.CsvResource;

/**
 * HJ 212 pollutant codes and what they mean on the platform ({@code hj212/pollutant-codes.csv}): the
 * parameter, and the factor from the device's default unit to the parameter's (HJ 212 reports Cr(VI), Hg,
 * Cd, As and Pb in µg/L, GB/T 14848 judges them in mg/L). Codes {@code g…} are the platform's documented
 * extension for groundwater level and the VOCs HJ 212-2017 has no water codes for (docs/hj212.md).
 */
public final class PollutantCodes {

    public record Mapping(String code, String code2005, String parameter, double factor) {
        public double toParameterUnit(double deviceValue) {
            return deviceValue * factor;
        }
    }

    private final Map<String, Mapping> byCode = new HashMap<>();
    private final Map<String, Mapping> by2005Code = new HashMap<>();

    private PollutantCodes(List<Mapping> mappings) {
        for (Mapping m : mappings) {
            byCode.put(m.code(), m);
            if (!m.code2005().isEmpty()) by2005Code.put(m.code2005(), m);
        }
    }

    public static PollutantCodes load() {
        return new PollutantCodes(CsvResource.rows("/hj212/pollutant-codes.csv").stream()
                .map(r -> new Mapping(r.get("code"), r.get("code_2005"), r.get("parameter"), Double.parseDouble(r.get("factor"))))
                .toList());
    }

    /** The mapping of a code; HJ/T 212-2005 codes (e.g. 001 for pH) only when the device is allowed to send them. */
    public Optional<Mapping> find(String code, boolean allow2005) {
        Mapping m = byCode.get(code);
        if (m == null && allow2005) m = by2005Code.get(code);
        return Optional.ofNullable(m);
    }

    /** The code devices should use for a parameter, for the simulator and documentation. */
    public Optional<String> codeFor(String parameter) {
        return byCode.values().stream().filter(m -> m.parameter().equals(parameter)).map(Mapping::code).sorted().findFirst();
    }
}
