package org.groundwatergateway.core.emergency;

import java.util.List;

/**
 * What an incident's Monte Carlo forecast says: 5/50/95 % concentrations at points along the flow line and at the
 * receptors, how far the front reaches, and the receptors at risk with their time of arrival.
 */
public record PlumeForecast(List<Band> bands, List<ReceptorRisk> receptors) {

    public enum Kind { POINT, FRONT }

    /**
     * At a point (kind POINT: concentration, mg/L) or of the front's reach along the flow (kind FRONT: metres) on a day.
     *
     * @param alongM,acrossM plume coordinates from the forecast's source: along the flow, and to its left
     */
    public record Band(Kind kind, String label, double alongM, double acrossM, double day, double p05, double p50, double p95) {}

    /**
     * A receptor the plume reaches within the horizon in some realisations.
     *
     * @param advectiveDays distance along the flow × retardation / seepage velocity: when the centre of the front arrives
     * @param arrivalP2_5 days until the concentration passes the threshold, 2.5/50/97.5 %; null where that share does not arrive
     */
    public record ReceptorRisk(long receptorId, String code, String nameZh, double alongM, double acrossM, double advectiveDays,
                               Double arrivalP2_5, Double arrivalP50, Double arrivalP97_5, double fractionNotArriving) {}

    public PlumeForecast {
        bands = List.copyOf(bands);
        receptors = List.copyOf(receptors);
    }
}
