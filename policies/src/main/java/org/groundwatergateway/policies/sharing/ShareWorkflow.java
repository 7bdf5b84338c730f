package org.groundwatergateway.policies.sharing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.groundwatergateway.policies.Role;
import org.groundwatergateway.policies.Viewer;
import org.groundwatergateway.policies.sharing.ShareRefusal.Kind;
import org.groundwatergateway.policies.sharing.ShareRefusal.Problem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The share workflow (§11.1.2, 11.3.1): an organisation requests access from a template, for some of its datasets, a
 * purpose and a period; the security administrator approves (the grant is in force at once on this node) or refuses;
 * the organisation may withdraw its request before that; the security administrator may revoke a grant. Who may call
 * what is the permission matrix's business; here, an organisation sees only its own requests and grants, and the
 * administrators who look after grants see all.
 */
public final class ShareWorkflow {

    /** What a request form says, as sent: times as ISO-8601 text, so that a bad one is refused naming its field. */
    public record RequestForm(String template, List<String> datasets, String purpose, String validFrom, String validUntil) {}

    private static final Logger log = LoggerFactory.getLogger(ShareWorkflow.class);
    private static final int MAX_TEXT = 2000;
    private static final Set<Role> OVERSEERS = Set.of(Role.SECURITY_ADMIN, Role.AUDIT_ADMIN);

    private final ShareRepository repository;
    private final GrantTemplates templates;
    private final Grants grants;
    private final Clock clock;
    /** Set while {@link #change} runs: the grants are read again once, after it, rather than after each of its steps. */
    private final ThreadLocal<Boolean> changing = ThreadLocal.withInitial(() -> false);

    public ShareWorkflow(ShareRepository repository, GrantTemplates templates, Grants grants, Clock clock) {
        this.repository = repository;
        this.templates = templates;
        this.grants = grants;
        this.clock = clock;
    }

    /**
     * Runs several grant changes (grants made with {@link #grantAgreement}, revocations) as one: the caller runs them in
     * one transaction, and the grants in force are read again once, after it, whether it succeeded or not, so no request
     * sees some of the changes without the others.
     */
    public synchronized <T> T change(Supplier<T> work) {
        boolean outer = !changing.get();
        changing.set(true);
        try {
            return work.get();
        } finally {
            if (outer) {
                changing.set(false);
                grants.reload();
            }
        }
    }

    private void reloadGrants() {
        if (!changing.get()) grants.reload();
    }

    public List<GrantTemplate> templates() {
        return templates.all();
    }

    /** Files a request of the requester's organisation; {@link ShareRefusal} names every field that is wrong. */
    public ShareRequest request(Viewer requester, RequestForm form) {
        if (requester.organisation() == null) throw ShareRefusal.of(Kind.INVALID, "organisation", "only an organisation may request access", "只有机构可以申请共享");
        Instant now = clock.instant();
        List<Problem> problems = new ArrayList<>();
        GrantTemplate template = template(form.template(), requester, problems);
        List<String> datasets = datasets(form.datasets(), template, problems);
        String purpose = text("purpose", form.purpose(), true, problems);
        Instant from = instant("validFrom", form.validFrom(), false, problems);
        Instant until = instant("validUntil", form.validUntil(), true, problems);
        if (from == null || from.isBefore(now)) from = now;
        if (until != null && !until.isAfter(from)) {
            problems.add(new Problem("validUntil", "must be later than validFrom (or now)", "必须晚于 validFrom（或当前时间）"));
        } else if (until != null && template != null && Duration.between(from, until).compareTo(template.longest()) > 0) {
            problems.add(new Problem("validUntil", "template " + template.id() + " grants at most " + template.longest().toHours() + " h",
                    "模板 " + template.id() + " 最长授权 " + template.longest().toHours() + " 小时"));
        }
        if (!problems.isEmpty()) throw new ShareRefusal(Kind.INVALID, problems);
        long id = repository.insertRequest(requester.organisation(), template.id(), datasets, purpose, from, until, requester.name(), now);
        log.info("Share request {} of {} for template {} filed by {}", id, requester.organisation(), template.id(), requester.name());
        return repository.request(id).orElseThrow();
    }

    /** The viewer's organisation's requests, or every request for the administrators who look after grants; newest first. */
    public List<ShareRequest> requests(Viewer viewer) {
        return repository.requests(overseer(viewer) ? null : viewer.organisation());
    }

    public ShareRequest request(Viewer viewer, long id) {
        return repository.request(id).filter(r -> overseer(viewer) || r.organisation().equals(viewer.organisation()))
                .orElseThrow(() -> ShareRefusal.of(Kind.NOT_FOUND, "id", "no share request " + id, "没有编号为 " + id + " 的共享申请"));
    }

    /**
     * Approves a request: a grant of the template's rules for the requested datasets, in force from the request's start
     * (or now, if that has passed) until its end, or until {@code until} if the administrator shortens it.
     */
    public synchronized Grant approve(long id, Viewer administrator, String until, String note) {
        ShareRequest request = undecided(administrator, id);
        List<Problem> problems = new ArrayList<>();
        Instant end = instant("validUntil", until, false, problems);
        String reason = text("note", note, false, problems);
        Instant now = clock.instant();
        Instant from = request.validFrom().isBefore(now) ? now : request.validFrom();
        if (end == null) end = request.validUntil();
        if (problems.isEmpty() && end.isAfter(request.validUntil())) {
            problems.add(new Problem("validUntil", "may shorten the requested period, not lengthen it", "只能缩短申请的期限，不能延长"));
        }
        if (problems.isEmpty() && !end.isAfter(from)) problems.add(new Problem("validUntil", "has passed", "已过期"));
        if (!problems.isEmpty()) throw new ShareRefusal(Kind.INVALID, problems);
        GrantTemplate template = templates.find(request.template())
                .orElseThrow(() -> ShareRefusal.of(Kind.CONFLICT, "template", "template " + request.template() + " is no longer offered",
                        "模板 " + request.template() + " 已不再提供"));
        List<Rule> rules = template.scope(request.datasets(), new Audience.Organisation(request.organisation()));
        long grant = repository.approve(request, rules, new Grant.Version(1, Grant.Status.ACTIVE, from, end, administrator.name(), now, reason));
        grants.reload();
        log.info("Share request {} approved by {}: grant {} to {} until {}", id, administrator.name(), grant, request.organisation(), end);
        return repository.grant(grant).orElseThrow();
    }

    /**
     * A grant the security administrator makes directly, for an agreement signed outside the platform (a federation
     * agreement): recorded as a request approved at once, so it reads, explains and revokes like any other grant.
     */
    public synchronized Grant grantAgreement(String organisation, String template, List<Rule> rules, String purpose, Instant from, Instant until,
                                             Viewer administrator) {
        Instant now = clock.instant();
        List<String> datasets = rules.stream().flatMap(r -> r.datasets().stream()).distinct().toList();
        long request = repository.insertRequest(organisation, template, datasets, purpose, from, until, administrator.name(), now);
        long grant = repository.approve(repository.request(request).orElseThrow(), rules,
                new Grant.Version(1, Grant.Status.ACTIVE, from.isBefore(now) ? now : from, until, administrator.name(), now, purpose));
        reloadGrants();
        log.info("Agreement grant {} to {} from template {} until {} made by {}", grant, organisation, template, until, administrator.name());
        return repository.grant(grant).orElseThrow();
    }

    public synchronized ShareRequest refuse(long id, Viewer administrator, String reason) {
        ShareRequest request = undecided(administrator, id);
        List<Problem> problems = new ArrayList<>();
        String why = text("reason", reason, true, problems);
        if (!problems.isEmpty()) throw new ShareRefusal(Kind.INVALID, problems);
        repository.decide(request.id(), ShareRequest.Status.REFUSED, administrator.name(), clock.instant(), why);
        log.info("Share request {} refused by {}", id, administrator.name());
        return repository.request(id).orElseThrow();
    }

    /** The requesting organisation takes back a request not decided yet. */
    public synchronized ShareRequest withdraw(long id, Viewer requester) {
        ShareRequest request = undecided(requester, id);
        if (!request.organisation().equals(requester.organisation())) {
            throw ShareRefusal.of(Kind.CONFLICT, "organisation", "only the requesting organisation withdraws its request", "只有申请机构可以撤回申请");
        }
        repository.decide(request.id(), ShareRequest.Status.WITHDRAWN, requester.name(), clock.instant(), null);
        return repository.request(id).orElseThrow();
    }

    public List<Grant> grants(Viewer viewer) {
        return repository.grants(overseer(viewer) ? null : viewer.organisation());
    }

    public Grant grant(Viewer viewer, long id) {
        return repository.grant(id).filter(g -> overseer(viewer) || g.organisation().equals(viewer.organisation()))
                .orElseThrow(() -> ShareRefusal.of(Kind.NOT_FOUND, "id", "no grant " + id, "没有编号为 " + id + " 的授权"));
    }

    /** Ends a grant now, on this node at once and on every other within {@link Grants#REFRESH}; the revocation is its next version. */
    public synchronized Grant revoke(long id, Viewer administrator, String reason) {
        Grant grant = grant(administrator, id);
        List<Problem> problems = new ArrayList<>();
        String why = text("reason", reason, true, problems);
        if (!problems.isEmpty()) throw new ShareRefusal(Kind.INVALID, problems);
        Instant now = clock.instant();
        Grant.State state = grant.state(now);
        if (state == Grant.State.REVOKED || state == Grant.State.EXPIRED) {
            throw ShareRefusal.of(Kind.CONFLICT, "status", "the grant is " + state + " already", "该授权已" + (state == Grant.State.REVOKED ? "撤销" : "到期"));
        }
        Grant.Version current = grant.current();
        repository.addVersion(id, new Grant.Version(current.version() + 1, Grant.Status.REVOKED, current.validFrom(), current.validUntil(),
                administrator.name(), now, why));
        reloadGrants();
        log.info("Grant {} of {} revoked by {}", id, grant.organisation(), administrator.name());
        return repository.grant(id).orElseThrow();
    }

    private ShareRequest undecided(Viewer viewer, long id) {
        ShareRequest request = request(viewer, id);
        if (request.status() != ShareRequest.Status.REQUESTED) {
            throw ShareRefusal.of(Kind.CONFLICT, "status", "the request is " + request.status() + " already", "该申请已处理（" + request.status() + "）");
        }
        return request;
    }

    private static boolean overseer(Viewer viewer) {
        return viewer.roles().stream().anyMatch(OVERSEERS::contains);
    }

    private GrantTemplate template(String id, Viewer requester, List<Problem> problems) {
        if (id == null || id.isBlank()) {
            problems.add(required("template"));
            return null;
        }
        GrantTemplate template = templates.find(id).orElse(null);
        List<String> known = templates.all().stream().map(GrantTemplate::id).toList();
        if (template == null) {
            problems.add(new Problem("template", "unknown template '" + id + "' (known: " + String.join(", ", known) + ")",
                    "未知模板“" + id + "”（可选：" + String.join("、", known) + "）"));
        } else if (!template.forKinds().contains(requester.organisationKind())) {
            problems.add(new Problem("template", "template " + id + " is for " + template.forKinds() + ", not " + requester.organisationKind(),
                    "模板 " + id + " 仅供 " + template.forKinds() + " 申请，不适用于 " + requester.organisationKind()));
            return null;
        }
        return template;
    }

    /** The datasets asked for, each one the template's; none named means all of the template's. */
    private static List<String> datasets(List<String> asked, GrantTemplate template, List<Problem> problems) {
        if (template == null) return List.of();
        if (asked == null) return template.datasets();
        if (asked.isEmpty()) problems.add(new Problem("datasets", "name at least one, or leave out for all of the template's", "至少填写一个，或省略以申请模板的全部数据集"));
        Set<String> datasets = new LinkedHashSet<>();
        for (int i = 0; i < asked.size(); i++) {
            String name = asked.get(i);
            if (name == null || Datasets.find(name).isEmpty()) {
                problems.add(new Problem("datasets[" + i + "]", "unknown dataset '" + name + "'", "未知数据集“" + name + "”"));
            } else if (!template.datasets().contains(name)) {
                problems.add(new Problem("datasets[" + i + "]", "template " + template.id() + " does not cover '" + name + "' (it covers: "
                        + String.join(", ", template.datasets()) + ")", "模板 " + template.id() + " 不包含数据集“" + name + "”"));
            } else {
                datasets.add(name);
            }
        }
        return List.copyOf(datasets);
    }

    private static String text(String field, String value, boolean required, List<Problem> problems) {
        if (value == null || value.isBlank()) {
            if (required) problems.add(required(field));
            return null;
        }
        if (value.length() > MAX_TEXT) problems.add(new Problem(field, "at most " + MAX_TEXT + " characters", "最多 " + MAX_TEXT + " 个字符"));
        return value.strip();
    }

    private static Instant instant(String field, String value, boolean required, List<Problem> problems) {
        if (value == null || value.isBlank()) {
            if (required) problems.add(required(field));
            return null;
        }
        try {
            return OffsetDateTime.parse(value.strip()).toInstant();
        } catch (DateTimeParseException e) {
            problems.add(new Problem(field, "'" + value + "' is not an ISO-8601 date-time with an offset, e.g. 2026-05-01T08:00:00+08:00",
                    "“" + value + "”不是带时区偏移的 ISO-8601 时间，例如 2026-05-01T08:00:00+08:00"));
            return null;
        }
    }

    private static Problem required(String field) {
        return new Problem(field, "required", "必填");
    }
}
