package org.groundwatergateway.core.site;

import java.util.HashMap;
import java.util.Map;
import org.groundwatergateway.core.io.CsvResource;

/** Pollutants' transport properties from {@code reference/transport_properties.csv} (sources cited there). */
public final class TransportProperties {

    private static final Map<String, Double> RETARDATIONS = new HashMap<>();

    static {
        for (Map<String, String> row : CsvResource.rows("/reference/transport_properties.csv")) {
            RETARDATIONS.put(row.get("parameter_code"), CsvResource.number(row, "retardation"));
        }
    }

    private TransportProperties() {}

    /** The retardation factor in a typical shallow aquifer; 1 where unknown (no sorption: the fastest arrival). */
    public static double retardation(String parameterCode) {
        return RETARDATIONS.getOrDefault(parameterCode, 1.0);
    }
}
