package org.groundwatergateway.core.emergency;

import java.util.List;
import java.util.Set;
import org.groundwatergateway.core.alert.Alert;
import org.groundwatergateway.core.park.AquiferLayer;

/**
 * A disposal plan of the library ({@code reference/disposal_plans.csv}): for a pollutant class, severities and
 * hydrogeology, the containment measures, pumping, the reagent with its dose rule, the treatment area, the resources to
 * send, the tasks to set and the sources the measures come from.
 *
 * @param pollutantClass a class of the fingerprint library (VOC, heavy metal, …) or {@code *} for any
 * @param confinement null for either
 * @param reagentMgPerMg reagent per mass of contaminant in the treated water (stoichiometry × excess)
 * @param reagentKgPerM3 reagent per m³ of treated water, independent of the concentration
 * @param resources words that name the resources to send (matched in the resource's name)
 */
public record DisposalPlan(String code, String pollutantClass, Set<Alert.Level> severities, AquiferLayer.Confinement confinement,
                           double minConductivity, double maxConductivity, String nameZh, List<String> containment,
                           int pumpingWells, double pumpingRateM3PerHour, String reagent, double reagentMgPerMg, double reagentKgPerM3,
                           double treatmentRadiusM, List<String> resources, List<TaskTemplate> tasks, List<String> sources) {

    /** A task the plan sets: who, what, and how many hours after opening it is due. */
    public record TaskTemplate(String owner, double hours, String title) {}

    /**
     * The reagent for the treated water: the saturated aquifer over the treatment circle.
     *
     * @param waterM3 water in the pores treated: π r² × saturated thickness × nₑ
     */
    public record Dose(double treatmentAreaM2, double waterM3, double contaminantKg, double reagentKg) {}

    public DisposalPlan {
        severities = Set.copyOf(severities);
        containment = List.copyOf(containment);
        resources = List.copyOf(resources);
        tasks = List.copyOf(tasks);
        sources = List.copyOf(sources);
    }

    public boolean fits(String pollutant, Alert.Level severity, AquiferLayer aquifer) {
        return ("*".equals(pollutantClass) || pollutantClass.equalsIgnoreCase(pollutant))
                && (severities.isEmpty() || severities.contains(severity))
                && (confinement == null || confinement == aquifer.confinement())
                && aquifer.hydraulicConductivity() >= minConductivity && aquifer.hydraulicConductivity() <= maxConductivity;
    }

    /** How many of class, severity and confinement the plan names rather than leaving open: the more, the better it fits. */
    int specificity() {
        return ("*".equals(pollutantClass) ? 0 : 4) + (severities.isEmpty() ? 0 : 2) + (confinement == null ? 0 : 1);
    }

    /** The dose for a contaminant at {@code concentrationMgPerL} in an aquifer. */
    public Dose dose(double concentrationMgPerL, AquiferLayer aquifer) {
        if (!(concentrationMgPerL >= 0)) throw new IllegalArgumentException("concentration must not be negative: " + concentrationMgPerL);
        double area = Math.PI * treatmentRadiusM * treatmentRadiusM;
        double water = area * (aquifer.bottomDepthM() - aquifer.topDepthM()) * aquifer.effectivePorosity();
        // mg/L × 1,000 L/m³ = mg/m³; 1e-6 kg/mg.
        double contaminant = concentrationMgPerL * 1000 * water * 1e-6;
        return new Dose(area, water, contaminant, reagentMgPerMg * contaminant + reagentKgPerM3 * water);
    }
}
