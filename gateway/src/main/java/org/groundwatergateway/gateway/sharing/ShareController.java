package org.groundwatergateway.gateway.sharing;

import io.swagger.v3.oas.annotations.Operation;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.groundwatergateway.gateway.security.AuditTrail;
import org.groundwatergateway.gateway.security.Viewers;
import org.groundwatergateway.policies.OrganisationKind;
import org.groundwatergateway.policies.sharing.Grant;
import org.groundwatergateway.policies.sharing.GrantTemplate;
import org.groundwatergateway.policies.sharing.PolicyFormat;
import org.groundwatergateway.policies.sharing.ShareRequest;
import org.groundwatergateway.policies.sharing.ShareWorkflow;
import org.groundwatergateway.policies.sharing.ShareWorkflow.RequestForm;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The share workflow: grant templates, an organisation's requests, the security administrator's decisions and the
 * grants they make (docs/security.md, "Grants"). Who may call what is the permission matrix's business; every
 * decision and revocation is an entry of the audit log, its receipt in the {@value AuditTrail#HEADER} header.
 */
@RestController
public class ShareController {

    private final ShareWorkflow workflow;
    private final AuditTrail trail;
    private final Clock clock;

    public ShareController(ShareWorkflow workflow, AuditTrail trail, Clock clock) {
        this.workflow = workflow;
        this.trail = trail;
        this.clock = clock;
    }

    /** A template as the API shows it: its rules as a policy document writes them. */
    public record TemplateView(String id, String name, String nameZh, String description, Set<OrganisationKind> forKinds, long longestHours,
                               List<String> datasets, List<Map<String, Object>> rules) {
        static TemplateView of(GrantTemplate t) {
            return new TemplateView(t.id(), t.name(), t.nameZh(), t.description(), t.forKinds(), t.longest().toHours(), t.datasets(),
                    t.rules().stream().map(PolicyFormat::describe).toList());
        }
    }

    /** A grant as the API shows it: where it stands now, its rules as the policy evaluates them, and every version. */
    public record GrantView(long id, long request, String organisation, String template, Grant.State state, Instant validFrom, Instant validUntil,
                            List<Map<String, Object>> rules, List<Grant.Version> versions) {
        static GrantView of(Grant g, Instant now) {
            Grant.Version current = g.current();
            return new GrantView(g.id(), g.request(), g.organisation(), g.template(), g.state(now), current.validFrom(), current.validUntil(),
                    g.evaluatedRules().stream().map(PolicyFormat::describe).toList(), g.versions());
        }
    }

    public record Approval(String validUntil, String note) {}

    public record Reason(String reason) {}

    @Operation(summary = "The grant templates: common requests with their datasets, effects, who may ask and the longest period")
    @GetMapping("/api/v1/grant-templates")
    public List<TemplateView> templates() {
        return workflow.templates().stream().map(TemplateView::of).toList();
    }

    @Operation(summary = "Request access for the caller's organisation: a template, some of its datasets (all if none), a purpose and a period; "
            + "invalid input is refused naming each field, in Chinese or (Accept-Language: en) English")
    @PostMapping("/api/v1/share-requests")
    @ResponseStatus(HttpStatus.CREATED)
    public ShareRequest request(@RequestBody RequestForm form) {
        ShareRequest request = workflow.request(Viewers.current(), form);
        trail.administration("request share " + request.id() + " for " + request.organisation() + " from template " + request.template(), null);
        return request;
    }

    @Operation(summary = "Share requests, newest first: the caller's organisation's, or all for the security and audit administrators")
    @GetMapping("/api/v1/share-requests")
    public List<ShareRequest> requests() {
        return workflow.requests(Viewers.current());
    }

    @Operation(summary = "One share request")
    @GetMapping("/api/v1/share-requests/{id}")
    public ShareRequest request(@PathVariable long id) {
        return workflow.request(Viewers.current(), id);
    }

    @Operation(summary = "Approve a request: the grant is in force at once, until the requested end or an earlier validUntil")
    @PostMapping("/api/v1/share-requests/{id}/approve")
    public GrantView approve(@PathVariable long id, @RequestBody(required = false) Approval approval) {
        Approval given = approval == null ? new Approval(null, null) : approval;
        Grant grant = workflow.approve(id, Viewers.current(), given.validUntil(), given.note());
        trail.administration("approve share request " + id + ": grant " + grant.id() + " to " + grant.organisation() + " from template "
                + grant.template() + " until " + grant.current().validUntil(), null);
        return view(grant);
    }

    @Operation(summary = "Refuse a request, with the reason")
    @PostMapping("/api/v1/share-requests/{id}/refuse")
    public ShareRequest refuse(@PathVariable long id, @RequestBody Reason reason) {
        ShareRequest refused = workflow.refuse(id, Viewers.current(), reason.reason());
        trail.administration("refuse share request " + id + " of " + refused.organisation(), null);
        return refused;
    }

    @Operation(summary = "Withdraw the caller's organisation's request before it is decided")
    @PostMapping("/api/v1/share-requests/{id}/withdraw")
    public ShareRequest withdraw(@PathVariable long id) {
        ShareRequest withdrawn = workflow.withdraw(id, Viewers.current());
        trail.administration("withdraw share request " + id + " of " + withdrawn.organisation(), null);
        return withdrawn;
    }

    @Operation(summary = "Grants with every version, newest first: the caller's organisation's, or all for the security and audit administrators")
    @GetMapping("/api/v1/grants")
    public List<GrantView> grants() {
        return workflow.grants(Viewers.current()).stream().map(this::view).toList();
    }

    @Operation(summary = "One grant with every version")
    @GetMapping("/api/v1/grants/{id}")
    public GrantView grant(@PathVariable long id) {
        return view(workflow.grant(Viewers.current(), id));
    }

    @Operation(summary = "Revoke a grant, with the reason: it ends at once on this node and within 30 s on every other")
    @PostMapping("/api/v1/grants/{id}/revoke")
    public GrantView revoke(@PathVariable long id, @RequestBody Reason reason) {
        Grant revoked = workflow.revoke(id, Viewers.current(), reason.reason());
        trail.administration("revoke grant " + id + " of " + revoked.organisation(), null);
        return view(revoked);
    }

    private GrantView view(Grant grant) {
        return GrantView.of(grant, clock.instant());
    }
}
