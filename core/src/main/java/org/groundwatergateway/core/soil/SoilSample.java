package org.groundwatergateway.core.soil;

import java.time.LocalDate;

/** A lab result for one parameter in one depth interval of a boring, in mg/kg dry soil. */
public record SoilSample(Long id, long boringId, String sampleCode, double depthTopM, double depthBottomM,
                         long parameterId, double valueMgPerKg, LocalDate sampledOn) {

    public SoilSample {
        if (!(depthBottomM > depthTopM)) throw new IllegalArgumentException("sample " + sampleCode + ": bottom must be below top");
    }

    public SoilSample withId(long newId) {
        return new SoilSample(newId, boringId, sampleCode, depthTopM, depthBottomM, parameterId, valueMgPerKg, sampledOn);
    }
}
