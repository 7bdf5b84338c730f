package org.groundwatergateway.gateway.policy;

import org.groundwatergateway.core.problem.CataloguedRefusal;
import org.groundwatergateway.core.problem.InvalidInput;
import io.swagger.v3.oas.annotations.Operation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.groundwatergateway.gateway.security.Viewers;
import org.groundwatergateway.gateway.web.Languages;
import org.groundwatergateway.gateway.web.NotFoundException;
import org.groundwatergateway.policies.AccessPolicy;
import org.groundwatergateway.policies.Disclosure;
import org.groundwatergateway.policies.Viewer;
import org.groundwatergateway.policies.sharing.Datasets;
import org.groundwatergateway.policies.sharing.Decision;
import org.groundwatergateway.policies.sharing.Exposures;
import org.groundwatergateway.policies.sharing.PolicyFormat;
import org.groundwatergateway.policies.sharing.PolicyFormat.Syntax;
import org.groundwatergateway.policies.sharing.PolicyVersion;
import org.groundwatergateway.policies.sharing.SharingPolicies;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The sharing policies' versions for the security administrator (and, to read, the audit administrator): who may
 * call what is the permission matrix's business. Besides the matrix, the active policy itself must show the dataset
 * {@code policies} to the caller, which is why no version that hides it from a security administrator is accepted.
 */
@RestController
public class PolicyController {

    static final String YAML = "application/yaml";

    private final SharingPolicies policies;
    private final AccessPolicy access;

    public PolicyController(SharingPolicies policies, AccessPolicy access) {
        this.policies = policies;
        this.access = access;
    }

    public record Versions(int active, List<PolicyVersion> versions) {}

    @Operation(summary = "The sharing policy's versions, newest first, with the active one")
    @GetMapping("/api/v1/policies")
    public Versions versions() {
        shown();
        return new Versions(policies.activeVersion(), policies.versions());
    }

    @Operation(summary = "One version's policy document, as JSON or (Accept: application/yaml) YAML, ready to import again")
    @GetMapping(path = "/api/v1/policies/{version}", produces = {MediaType.APPLICATION_JSON_VALUE, YAML})
    public ResponseEntity<String> document(@PathVariable int version, @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        shown();
        Syntax syntax = accept != null && accept.contains("yaml") ? Syntax.YAML : Syntax.JSON;
        String text = PolicyFormat.write(policies.document(version).orElseThrow(() -> new NotFoundException(new InvalidInput("gateway.notFound.policyVersion", "version", version))), syntax);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(syntax == Syntax.YAML ? YAML : MediaType.APPLICATION_JSON_VALUE)).body(text);
    }

    @Operation(summary = "Store a new draft version from a JSON or YAML policy document; invalid documents are refused with each field and reason")
    @PostMapping(path = "/api/v1/policies", consumes = {MediaType.APPLICATION_JSON_VALUE, YAML, "application/x-yaml", "text/yaml"})
    @ResponseStatus(HttpStatus.CREATED)
    public PolicyVersion create(@RequestBody String document, @RequestHeader(HttpHeaders.CONTENT_TYPE) String contentType) {
        shown();
        return policies.create(document, contentType.contains("yaml") ? Syntax.YAML : Syntax.JSON, Viewers.current().name());
    }

    @Operation(summary = "What a version would show, compared with the active one, that the active one does not")
    @GetMapping("/api/v1/policies/{version}/what-if")
    public Exposures.Report whatIf(@PathVariable int version) {
        shown();
        return policies.whatIf(version, Languages.current());
    }

    @Operation(summary = "Make a version the active one, at once for every door")
    @PostMapping("/api/v1/policies/{version}/activate")
    public PolicyVersion activate(@PathVariable int version) {
        shown();
        return policies.activate(version, Viewers.current().name());
    }

    /**
     * One dataset as the audience sees it under the active version, and why.
     *
     * @param awaitingDoors the effects of this disclosure no door applies yet, so the doors withhold the dataset (docs/security.md)
     */
    public record Explained(String dataset, Disclosure disclosure, List<String> rules, String reason, List<String> awaitingDoors) {}

    public record Explanation(int version, Viewer audience, List<Explained> datasets) {}

    @Operation(summary = "What an audience (kind:…, role:…, organisation:…) sees of a dataset, or of every dataset, and which rules decide it")
    @GetMapping("/api/v1/policies/explain")
    public Explanation explain(@RequestParam String audience, @RequestParam(required = false) String dataset) {
        shown();
        Viewer viewer = policies.audience(audience);
        Map<String, Decision> decisions = policies.explain(viewer, dataset);
        Locale language = Languages.current();
        List<Explained> explained = new ArrayList<>();
        decisions.forEach((name, d) -> explained.add(new Explained(name, d.disclosure(), d.rules(), d.reason(language), awaitingDoors(name, d.disclosure()))));
        int version = decisions.values().iterator().next().policyVersion();
        return new Explanation(version, viewer, explained);
    }

    /**
     * The effects no door applies to the dataset yet (means over time but for the readings series, minimum counts): a
     * door asked for them shows nothing of the dataset rather than single values. Every other effect is applied below
     * every door.
     */
    private static List<String> awaitingDoors(String dataset, Disclosure d) {
        List<String> effects = new ArrayList<>();
        if (d.timeAggregation() != Disclosure.TimeAggregation.NONE && !dataset.equals(Datasets.READINGS)) effects.add("aggregateTime");
        if (d.minimumCount() > 0) effects.add("minimumCount");
        return effects;
    }

    /** The active policy must show the policy API to the caller too: the matrix says who may ask, the policy what they see. */
    private void shown() {
        if (!access.disclose(Viewers.current(), Datasets.POLICIES).visible()) throw new PolicyApiWithheld();
    }

    /** The active sharing policy does not show the policies to this caller. */
    public static final class PolicyApiWithheld extends CataloguedRefusal {
        PolicyApiWithheld() {
            super(new InvalidInput("gateway.forbidden.policies", null));
        }
    }
}
