package org.groundwatergateway.core.emergency;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.groundwatergateway.analytics.tracing.FingerprintLibrary;
import org.groundwatergateway.core.alert.Alert;
import org.groundwatergateway.core.io.CsvResource;
import org.groundwatergateway.core.park.AquiferLayer;
import org.groundwatergateway.core.parameter.PollutantFingerprints;
import org.groundwatergateway.core.storage.Rows;

/**
 * The disposal-plan library shipped in {@code reference/disposal_plans.csv}. A pollutant's class comes from the
 * fingerprint library ({@code reference/pollutant_fingerprints.csv}), so both speak of the same classes.
 */
public final class DisposalPlans {

    private final List<DisposalPlan> plans;
    private final FingerprintLibrary fingerprints;

    public DisposalPlans(List<DisposalPlan> plans, FingerprintLibrary fingerprints) {
        this.plans = List.copyOf(plans);
        this.fingerprints = fingerprints;
    }

    public static DisposalPlans load() {
        List<DisposalPlan> plans = new ArrayList<>();
        for (Map<String, String> row : CsvResource.rows("/reference/disposal_plans.csv")) {
            EnumSet<Alert.Level> severities = EnumSet.noneOf(Alert.Level.class);
            if (!"*".equals(row.get("severities"))) Rows.splitList(row.get("severities")).forEach(s -> severities.add(Alert.Level.valueOf(s)));
            String confinement = row.get("confinement");
            List<DisposalPlan.TaskTemplate> tasks = new ArrayList<>();
            for (String task : Rows.splitList(row.get("tasks"))) {
                String[] part = task.split("\\|", 3);
                tasks.add(new DisposalPlan.TaskTemplate(part[0], Double.parseDouble(part[1]), part[2]));
            }
            plans.add(new DisposalPlan(row.get("code"), row.get("pollutant_class"), severities,
                    "*".equals(confinement) ? null : AquiferLayer.Confinement.valueOf(confinement),
                    CsvResource.number(row, "k_min_m_per_d"), CsvResource.number(row, "k_max_m_per_d"), row.get("name_zh"),
                    Rows.splitList(row.get("containment")), Integer.parseInt(row.get("pumping_wells")),
                    CsvResource.number(row, "pumping_rate_m3_per_h"), row.get("reagent").isBlank() ? null : row.get("reagent"),
                    CsvResource.number(row, "reagent_mg_per_mg"), CsvResource.number(row, "reagent_kg_per_m3"),
                    CsvResource.number(row, "treatment_radius_m"), Rows.splitList(row.get("resources")), tasks,
                    Rows.splitList(row.get("sources"))));
        }
        return new DisposalPlans(plans, PollutantFingerprints.load());
    }

    public List<DisposalPlan> all() {
        return plans;
    }

    public Optional<DisposalPlan> find(String code) {
        return plans.stream().filter(p -> p.code().equals(code)).findFirst();
    }

    /** The class of a parameter in the fingerprint library, e.g. "VOC" for benzene; "*" when the library does not know it. */
    public String pollutantClass(String parameterCode) {
        return fingerprints.pollutants().stream().filter(f -> parameterCode.equals(f.parameterCode())).findFirst()
                .map(FingerprintLibrary.Fingerprint::pollutantClass).orElse("*");
    }

    /** The plan that fits most specifically, the earlier in the file on a tie. */
    public DisposalPlan match(String parameterCode, Alert.Level severity, AquiferLayer aquifer) {
        String pollutant = pollutantClass(parameterCode);
        return plans.stream().filter(p -> p.fits(pollutant, severity, aquifer))
                .max(Comparator.comparingInt(DisposalPlan::specificity).thenComparing(p -> -plans.indexOf(p)))
                .orElseThrow(() -> new IllegalStateException(String.format(Locale.ROOT,
                        "the plan library has no plan for %s (%s), %s, %s aquifer: it needs a catch-all row", parameterCode, pollutant,
                        severity, aquifer.confinement())));
    }
}
