package org.groundwatergateway.policies.sharing;

import org.groundwatergateway.core.problem.CataloguedRefusal;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.groundwatergateway.core.problem.InvalidInput;
import org.groundwatergateway.policies.Disclosure;
import org.groundwatergateway.policies.OrganisationKind;
import org.groundwatergateway.policies.Role;
import org.groundwatergateway.policies.Viewer;
import org.groundwatergateway.policies.identity.Accounts;
import org.groundwatergateway.policies.identity.Organisation;
import org.groundwatergateway.policies.identity.UserAccount;
import org.groundwatergateway.policies.sharing.Exposures.Exposure;
import org.groundwatergateway.policies.sharing.PolicyFormat.Syntax;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sharing policy's versions and the one active now: stores new versions as drafts (validated, and refused if
 * they would lock the security administrator out of the policy API), activates a version without a restart (the
 * evaluated policy is swapped in one step, so a request sees the old or the new version, never a mix), explains what
 * an audience sees and why, and reports what a version would newly expose compared with the active one. The grants in
 * force take part in every evaluation ({@link Grants}); as a grant never names the policies and never denies, no
 * grant can lock the security administrator out.
 */
public final class SharingPolicies {

    /** Who stored and activated the versions the platform ships. */
    public static final String PLATFORM = "platform";

    private static final Logger log = LoggerFactory.getLogger(SharingPolicies.class);
    /** A document longer than this is not a policy someone can review. */
    private static final int MAX_DOCUMENT_CHARS = 500_000;
    /** Stands for a security administrator of any organisation, so that a platform without one yet is not locked either. */
    private static final Viewer ANY_SECURITY_ADMINISTRATOR = new Viewer("(any security administrator)", Set.of(Role.SECURITY_ADMIN), "(any)",
            OrganisationKind.PARK_ADMINISTRATION);

    private final PolicyRepository repository;
    private final Grants grants;
    private final Accounts accounts;
    private final Clock clock;
    private final AtomicReference<SharingPolicy> active = new AtomicReference<>();
    private final Map<String, Set<String>> owners = new ConcurrentHashMap<>();

    public SharingPolicies(PolicyRepository repository, Grants grants, Accounts accounts, Clock clock) {
        this.repository = repository;
        this.grants = grants;
        this.accounts = accounts;
        this.clock = clock;
    }

    /** The shipped documents: {@code open} (everyone sees everything) and {@code default}. */
    public static PolicyDocument shipped(String name) {
        try (InputStream in = SharingPolicies.class.getResourceAsStream("/sharing/" + name + ".yaml")) {
            if (in == null) throw new IllegalArgumentException("no shipped policy '" + name + "'");
            return PolicyFormat.read(new String(in.readAllBytes(), StandardCharsets.UTF_8), Syntax.YAML);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * At the first start (no version stored): version 1, the open policy, active, so the platform shares as it did
     * before policies existed; version 2, the shipped default, as a draft for the security administrator to activate.
     * Then loads the active version.
     */
    public void start() {
        if (repository.activeVersion().isEmpty() && repository.versions().isEmpty()) {
            int open = store(shipped("open"), PLATFORM);
            repository.activate(open, PLATFORM, clock.instant());
            store(shipped("default"), PLATFORM);
            log.info("Sharing policies seeded: version {} (open) active, the shipped default stored as a draft", open);
        }
        load();
    }

    private void load() {
        Integer version = repository.activeVersion().orElse(null);
        if (version == null) {
            active.set(new SharingPolicy(0, new PolicyDocument("none active", null, List.of())));
            log.warn("No sharing policy is active: nothing is disclosed");
            return;
        }
        try {
            active.set(new SharingPolicy(version, read(version)));
        } catch (RuntimeException e) {
            // Fail closed: a stored document that no longer reads shows nothing rather than everything.
            active.set(new SharingPolicy(version, new PolicyDocument("unreadable", null, List.of())));
            log.error("Active sharing policy version {} cannot be read; nothing is disclosed until another version is activated", version, e);
        }
    }

    /**
     * What the viewer may see of the dataset under the active version and the grants in force for its organisation,
     * with what its organisation owns filled in (an enterprise owns the rows that carry its unified social credit code).
     */
    public Disclosure disclose(Viewer viewer, String dataset) {
        Disclosure disclosure = active.get().decide(viewer, dataset, grants.rulesFor(viewer)).disclosure();
        Disclosure.Ownership ownership = disclosure.ownership();
        if (ownership == null) return disclosure;
        Set<String> owned = owners.computeIfAbsent(ownership.organisation(), this::ownedIdentifiers);
        return disclosure.withOwnership(ownership.owning(owned == null ? Set.of() : owned));
    }

    /**
     * An organisation's credit code is set when it is registered and never changes, so it is looked up once; an
     * organisation not registered (yet) is looked up again next time.
     */
    private Set<String> ownedIdentifiers(String organisation) {
        return accounts.organisation(organisation).map(o -> o.creditCode() == null ? Set.<String>of() : Set.of(o.creditCode())).orElse(null);
    }

    public int activeVersion() {
        return active.get().version();
    }

    public List<PolicyVersion> versions() {
        return repository.versions();
    }

    public Optional<PolicyVersion> version(int version) {
        return repository.version(version);
    }

    public Optional<PolicyDocument> document(int version) {
        return repository.document(version).map(json -> PolicyFormat.read(json, Syntax.JSON));
    }

    /** Stores a new draft from a JSON or YAML document; {@link InvalidPolicy} says every field that is wrong. */
    public PolicyVersion create(String text, Syntax syntax, String createdBy) {
        if (text == null || text.isBlank()) throw new InvalidPolicy(List.of(new InvalidInput("policies.policy.empty", "")));
        if (text.length() > MAX_DOCUMENT_CHARS) throw new InvalidPolicy(List.of(new InvalidInput("policies.policy.tooLong", "", MAX_DOCUMENT_CHARS)));
        PolicyDocument document = PolicyFormat.read(text, syntax);
        int version = store(document, createdBy);
        log.info("Sharing policy version {} ({}) stored by {}", version, document.name(), createdBy);
        return repository.version(version).orElseThrow();
    }

    private int store(PolicyDocument document, String createdBy) {
        refuseLockOut(document);
        return repository.insert(document.name(), PolicyFormat.write(document, Syntax.JSON), createdBy, clock.instant());
    }

    /**
     * Makes a version the active one, at once for every door. Checked again against the security administrators
     * of now, who may be others than when the version was stored.
     */
    public synchronized PolicyVersion activate(int version, String activatedBy) {
        PolicyDocument document = read(version);
        refuseLockOut(document);
        repository.activate(version, activatedBy, clock.instant());
        active.set(new SharingPolicy(version, document));
        log.info("Sharing policy version {} ({}) activated by {}", version, document.name(), activatedBy);
        return repository.version(version).orElseThrow();
    }

    /**
     * What the viewer would see of the dataset (null: of every dataset) under the active version and the grants in
     * force, and which rules decide it (a grant's as {@code grant-<id>.<rule>}); every answer from the same version, even
     * if another is activated meanwhile.
     */
    public Map<String, Decision> explain(Viewer viewer, String dataset) {
        if (dataset != null && Datasets.find(dataset).isEmpty()) throw new InvalidInput("policies.dataset.unknown", "dataset", dataset);
        SharingPolicy policy = active.get();
        List<Rule> granted = grants.rulesFor(viewer);
        Map<String, Decision> decisions = new LinkedHashMap<>();
        for (Datasets.Dataset known : Datasets.ALL) {
            if (dataset == null || known.name().equals(dataset)) decisions.put(known.name(), policy.decide(viewer, known.name(), granted));
        }
        return decisions;
    }

    /**
     * Everything the version would show that the active one does not, for every kind of organisation with each role
     * its people may hold and every registered organisation either version names or a grant is for, on every dataset;
     * the grants in force take part on both sides, as they will after activation.
     */
    public Exposures.Report whatIf(int version) {
        return whatIf(version, Locale.ENGLISH);
    }

    /** {@link #whatIf(int)} with each change told in {@code language} (Chinese for a Chinese locale, otherwise English). */
    public Exposures.Report whatIf(int version, Locale language) {
        SharingPolicy candidate = new SharingPolicy(version, read(version));
        SharingPolicy current = active.get();
        List<Exposure> exposures = new ArrayList<>();
        for (Map.Entry<String, Viewer> audience : audiences(current.document(), candidate.document()).entrySet()) {
            List<Rule> granted = grants.rulesFor(audience.getValue());
            for (Datasets.Dataset dataset : Datasets.ALL) {
                Decision after = candidate.decide(audience.getValue(), dataset.name(), granted);
                List<String> changes = Exposures.newlyExposed(current.decide(audience.getValue(), dataset.name(), granted).disclosure(), after.disclosure(),
                        language);
                if (!changes.isEmpty()) exposures.add(new Exposure(audience.getKey(), dataset.name(), changes, after.rules()));
            }
        }
        return new Exposures.Report(version, current.version(), exposures);
    }

    /**
     * A representative viewer for an audience as explain names it: {@code kind:ENTERPRISE}, {@code role:REGULATOR},
     * {@code organisation:E01}, or several joined by commas; a bare name is tried as a kind, a role, then an
     * organisation. A role alone stands for the first kind whose people may hold it; an organisation brings its kind.
     */
    public Viewer audience(String spec) {
        if (spec == null || spec.isBlank()) throw new InvalidInput("policies.audience.required", "audience");
        OrganisationKind kind = null;
        Set<Role> roles = new LinkedHashSet<>();
        String organisation = null;
        for (String term : spec.split(",")) {
            String[] parts = term.strip().split(":", 2);
            String key = parts.length == 2 ? parts[0].strip() : guess(parts[0].strip());
            String value = parts[parts.length - 1].strip();
            switch (key) {
                case "kind" -> kind = constant(OrganisationKind.class, value, "kind");
                case "role" -> roles.add(constant(Role.class, value, "role"));
                case "organisation" -> {
                    Organisation known = accounts.organisation(value)
                            .orElseThrow(() -> new InvalidInput("policies.organisation.unknown", "audience", value));
                    organisation = known.code();
                    if (kind == null) kind = known.kind();
                }
                default -> throw new InvalidInput("policies.audience.term", "audience", term.strip());
            }
        }
        if (kind == null) kind = roles.isEmpty() ? OrganisationKind.PUBLIC : kindHolding(roles.iterator().next());
        if (kind == OrganisationKind.PUBLIC && organisation == null) return roles.isEmpty() ? Viewer.anonymous() : new Viewer("audience", roles, null, kind);
        return new Viewer("audience", roles, organisation == null ? "(any " + kind + ")" : organisation, kind);
    }

    private static String guess(String name) {
        for (OrganisationKind kind : OrganisationKind.values()) if (kind.name().equals(name)) return "kind";
        for (Role role : Role.values()) if (role.name().equals(name)) return "role";
        return "organisation";
    }

    private static <E extends Enum<E>> E constant(Class<E> type, String value, String field) {
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("policies.audience.unknown", "audience", field, value);
        }
    }

    private static OrganisationKind kindHolding(Role role) {
        for (OrganisationKind kind : OrganisationKind.values()) if (Accounts.rolesFor(kind).contains(role)) return kind;
        return OrganisationKind.PUBLIC;
    }

    private PolicyDocument read(int version) {
        String json = repository.document(version).orElseThrow(() -> new NoSuchVersion(version));
        return PolicyFormat.read(json, Syntax.JSON);
    }

    /** The document must show the policy API to every security administrator, or nobody could change it again. */
    private void refuseLockOut(PolicyDocument document) {
        SharingPolicy candidate = new SharingPolicy(0, document);
        for (Viewer administrator : securityAdministrators()) {
            Decision decision = candidate.decide(administrator, Datasets.POLICIES);
            if (decision.disclosure().visible()) continue;
            // The field names the rule that hides it, or /rules where none shows it.
            String field = decision.rules().isEmpty() ? "/rules" : "/rules/" + indexOf(document, decision.rules().get(0));
            throw new InvalidPolicy(List.of(administrator == ANY_SECURITY_ADMINISTRATOR
                    ? new InvalidInput("policies.policy.lockOutAny", field, Datasets.POLICIES)
                    : new InvalidInput("policies.policy.lockOut", field, administrator.name(), Datasets.POLICIES)));
        }
    }

    private static int indexOf(PolicyDocument document, String ruleId) {
        for (int i = 0; i < document.rules().size(); i++) if (document.rules().get(i).id().equals(ruleId)) return i;
        return -1;
    }

    /** Every enabled security administrator, and one of any organisation for the platform that has none yet. */
    private List<Viewer> securityAdministrators() {
        List<Viewer> administrators = new ArrayList<>();
        administrators.add(ANY_SECURITY_ADMINISTRATOR);
        for (UserAccount account : accounts.users()) {
            if (!account.enabled() || !account.roles().contains(Role.SECURITY_ADMIN)) continue;
            accounts.organisation(account.organisationId()).ifPresent(o ->
                    administrators.add(new Viewer(account.username(), account.roles(), o.code(), o.kind())));
        }
        return administrators;
    }

    /** Who the what-if report speaks of, by the name explain takes. */
    private Map<String, Viewer> audiences(PolicyDocument... documents) {
        Map<String, Viewer> audiences = new LinkedHashMap<>();
        audiences.put("kind:PUBLIC", Viewer.anonymous());
        for (OrganisationKind kind : OrganisationKind.values()) {
            for (Role role : Accounts.rolesFor(kind)) {
                audiences.put("kind:" + kind + ",role:" + role, new Viewer("audience", Set.of(role), "(any " + kind + ")", kind));
            }
        }
        Set<String> named = new LinkedHashSet<>();
        for (PolicyDocument document : documents) {
            for (Rule rule : document.rules()) {
                for (Audience audience : rule.audiences()) if (audience instanceof Audience.Organisation organisation) named.add(organisation.code());
            }
        }
        named.addAll(grants.organisations());
        for (String code : named) {
            accounts.organisation(code).ifPresent(o -> {
                for (Role role : Accounts.rolesFor(o.kind())) {
                    audiences.put("organisation:" + o.code() + ",role:" + role, new Viewer("audience", Set.of(role), o.code(), o.kind()));
                }
            });
        }
        return audiences;
    }

    /** A version that is not stored. */
    public static final class NoSuchVersion extends CataloguedRefusal {
        public NoSuchVersion(int version) {
            super(new InvalidInput("policies.policy.noVersion", "version", version));
        }
    }
}
