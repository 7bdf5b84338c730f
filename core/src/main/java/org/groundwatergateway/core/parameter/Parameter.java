package org.groundwatergateway.core.parameter;

/**
 * A measured quantity: the SensorThings ObservedProperty, with its HJ 212 code, CAS number, unit and the
 * limits of the national standards it is judged against.
 *
 * @param classLimits GB/T 14848-2017 class I-IV limits, or null where the standard sets none
 * @param soilValues GB 36600-2018 screening and intervention values, or null
 */
public record Parameter(Long id, String code, String hj212Code, String cas, String nameZh, String nameEn, String unit,
                        String category, GroundwaterClassLimits classLimits, SoilValues soilValues) {

    public Parameter withId(long newId) {
        return new Parameter(newId, code, hj212Code, cas, nameZh, nameEn, unit, category, classLimits, soilValues);
    }

    /** GB 36600-2018 values in mg/kg for category 2 (industrial) and category 1 (residential) land. */
    public record SoilValues(Double screeningIndustrial, Double interventionIndustrial, Double screeningResidential,
                             Double interventionResidential) {}
}
