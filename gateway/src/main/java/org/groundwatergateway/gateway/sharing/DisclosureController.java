package org.groundwatergateway.gateway.sharing;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.List;
import org.groundwatergateway.core.problem.InvalidInput;
import org.groundwatergateway.gateway.security.Viewers;
import org.groundwatergateway.policies.AccessPolicy;
import org.groundwatergateway.policies.Disclosure;
import org.groundwatergateway.policies.Viewer;
import org.groundwatergateway.policies.sharing.Datasets;
import org.groundwatergateway.policies.sharing.SharingPolicies;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the active sharing policy (with the grants in force) shows the caller itself of each dataset: the effects, as
 * the {@value DisclosureReceipts#HEADER} header of each answer states them, in a form a page can explain to people
 * ("位置已粗化至500米"), before it asks for the data. Only the caller's own view: not the rules, not their ids, not what
 * any other audience sees (that is the policy API's, {@code /api/v1/policies/explain}, for the administrators). The
 * public portal reads it to explain every masked value from the rule actually in force.
 */
@RestController
@RequestMapping("/api/v1/disclosure")
@Tag(name = "Sharing", description = "共享与脱敏 / what the sharing policy shows whom")
public class DisclosureController {

    private final AccessPolicy policy;
    private final SharingPolicies policies;

    public DisclosureController(AccessPolicy policy, SharingPolicies policies) {
        this.policy = policy;
        this.policies = policies;
    }

    /**
     * How one dataset is shown to the caller; every member but {@code dataset} and {@code visible} is left out where the
     * policy applies no such effect.
     *
     * @param locationMetres places snapped to a grid of this many metres
     * @param classOnly      attributes shown as their GB/T 14848 class instead of their value
     * @param withheld       attributes left out
     * @param delayMinutes   nothing newer than now minus this many minutes
     * @param meansOver      values shown as means over this step ({@code HOURLY}, {@code DAILY}, {@code MONTHLY})
     * @param minimumEnterprises an aggregate over fewer enterprises is withheld
     * @param rowsLimitedBy  attributes whose values limit the rows shown (the values themselves are not named)
     * @param ownRows        {@code ONLY} (only the caller's own rows) or {@code FULL} (its own rows unmasked)
     * @param area           rows only within this box: west, south, east, north (degrees)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ShownDataset(String dataset, boolean visible, Double locationMetres, List<String> classOnly, List<String> withheld,
                               Long delayMinutes, String meansOver, Integer minimumEnterprises, List<String> rowsLimitedBy, String ownRows,
                               List<Double> area) {

        static ShownDataset of(String dataset, Disclosure d) {
            if (!d.visible()) return new ShownDataset(dataset, false, null, null, null, null, null, null, null, null, null);
            return new ShownDataset(dataset, true,
                    d.locationPrecisionMetres() > 0 ? d.locationPrecisionMetres() : null,
                    d.bucketed().isEmpty() ? null : d.bucketed().keySet().stream().sorted().toList(),
                    d.withheldProperties().isEmpty() ? null : d.withheldProperties().stream().sorted().toList(),
                    d.delay().isZero() ? null : d.delay().toMinutes(),
                    d.timeAggregation() == Disclosure.TimeAggregation.NONE ? null : d.timeAggregation().name(),
                    d.minimumCount() > 0 ? d.minimumCount() : null,
                    d.restrictedTo().isEmpty() ? null : d.restrictedTo().keySet().stream().sorted().toList(),
                    d.ownership() == null ? null : d.ownership().onlyOwn() ? "ONLY" : "FULL",
                    d.area() == null ? null : List.of(d.area().west(), d.area().south(), d.area().east(), d.area().north()));
        }
    }

    /** @param policyVersion the active sharing policy's version */
    public record CallerDisclosure(int policyVersion, List<ShownDataset> datasets) {}

    @GetMapping
    @Operation(summary = "What the sharing policy shows the caller of each dataset (or of the datasets named): coarsened places, "
            + "classes instead of values, delays, withheld attributes; the effects only, not the rules")
    public CallerDisclosure disclosure(
            @Parameter(description = "dataset names (repeat the parameter, or comma-separated); all datasets when absent", example = "wells,Observations")
            @RequestParam(required = false) List<String> dataset) {
        Viewer viewer = Viewers.current();
        int version = policies.activeVersion();
        List<ShownDataset> shown = new ArrayList<>();
        if (dataset == null || dataset.isEmpty()) {
            for (Datasets.Dataset d : Datasets.ALL) shown.add(ShownDataset.of(d.name(), policy.disclose(viewer, d.name())));
        } else {
            for (String name : dataset) {
                if (Datasets.find(name).isEmpty()) throw new InvalidInput("policies.dataset.unknown", "dataset", name);
                shown.add(ShownDataset.of(name, policy.disclose(viewer, name)));
            }
        }
        return new CallerDisclosure(version, shown);
    }
}
