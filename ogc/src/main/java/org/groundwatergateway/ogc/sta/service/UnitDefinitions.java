package org.groundwatergateway.ogc.sta.service;

import java.util.Map;

/**
 * The definition of each unit the platform measures in, as a QUDT unit IRI: {@code unitOfMeasurement.definition} of
 * a Datastream (OGC 18-088 §8.2.4 wants a URI such as UCUM's or QUDT's), so that a client need not guess from a
 * symbol such as {@code mg/L}. A unit not listed here has none (null).
 */
final class UnitDefinitions {

    private static final String QUDT = "http://qudt.org/vocab/unit/";
    private static final Map<String, String> BY_SYMBOL = Map.of(
            "mg/L", "MilliGM-PER-L",
            "µg/L", "MicroGM-PER-L",
            "mg/kg", "MilliGM-PER-KiloGM",
            "µS/cm", "MicroS-PER-CentiM",
            "°C", "DEG_C",
            "m", "M",
            "mm", "MilliM",
            "dimensionless", "UNITLESS");

    private UnitDefinitions() {}

    static String of(Object symbol) {
        if (symbol == null) return null;
        // The micro sign (U+00B5) and the Greek mu (U+03BC) both write micro.
        String local = BY_SYMBOL.get(symbol.toString().replace('\u03bc', '\u00b5'));
        return local == null ? null : QUDT + local;
    }
}
