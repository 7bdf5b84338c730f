package org.groundwatergateway.gateway.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.groundwatergateway.core.storage.Database;
import org.groundwatergateway.core.storage.Rows;
import org.groundwatergateway.core.testing.MutableClock;
import org.groundwatergateway.core.testing.TestDatabases.TestDatabase;
import org.groundwatergateway.core.problem.InvalidInput;
import org.groundwatergateway.policies.Disclosure;
import org.groundwatergateway.policies.OrganisationKind;
import org.groundwatergateway.policies.Role;
import org.groundwatergateway.policies.Viewer;
import org.groundwatergateway.gateway.security.TestAccounts;
import org.groundwatergateway.policies.identity.Accounts;


import org.groundwatergateway.policies.audit.AuditLog;
import org.groundwatergateway.policies.audit.AuditRepository;




import org.groundwatergateway.policies.sharing.Decision;
import org.groundwatergateway.policies.sharing.Exposures;
import org.groundwatergateway.policies.sharing.InvalidPolicy;
import org.groundwatergateway.policies.sharing.PolicyFormat.Syntax;
import org.groundwatergateway.policies.sharing.PolicyRepository;
import org.groundwatergateway.policies.sharing.PolicyVersion;
import org.groundwatergateway.policies.sharing.PolicyVersion.State;
import org.groundwatergateway.policies.sharing.Grants;
import org.groundwatergateway.policies.sharing.ShareRepository;
import org.groundwatergateway.policies.sharing.SharingPolicies;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;


/**
 * The sharing policies' store and service on each database (the same contract for H2GIS and PostGIS): the first
 * start's versions, drafts that never change, activation without a restart and across one, the lock-out refusal,
 * what-if, and a stored document that no longer reads failing closed.
 */
abstract class SharingPoliciesContract {

    protected abstract TestDatabase newDatabase();

    private static final String HIDE_ENTERPRISES = """
            name: no enterprises for the public
            rules:
              - {id: staff, audiences: [{kind: PARK_ADMINISTRATION}], datasets: ['*'], effects: [{type: allow}]}
              - {id: public-wells, audiences: [{kind: PUBLIC}], datasets: [wells], effects: [{type: coarsenLocation, metres: 500}]}
            """;

    private TestDatabase db;
    private Database database;
    private MutableClock clock;
    private Accounts accounts;
    private SharingPolicies policies;
    private AuditLog audit;

    @BeforeEach
    void open() {
        db = newDatabase();
        database = Database.migrate(db.dataSource());
        clock = new MutableClock(Instant.parse("2026-12-01T00:00:00Z"));
        audit = new AuditLog(new AuditRepository(database), clock, 1_000, 100);
        accounts = TestAccounts.withParkAndEnterprise(database, clock, audit);
        accounts.createUser("secadmin", "安全管理员", "park-admin", Set.of(Role.SECURITY_ADMIN), "Security-Admin-1");
        policies = started();
    }

    private SharingPolicies started() {
        SharingPolicies started = new SharingPolicies(new PolicyRepository(database), new Grants(new ShareRepository(database), clock), accounts, clock);
        started.start();
        return started;
    }

    @AfterEach
    void close() {
        audit.close();
        db.close();
    }

    @Test
    void theFirstStartStoresTheOpenPolicyActiveAndTheShippedDefaultAsADraftOnce() {
        assertThat(policies.versions()).extracting(PolicyVersion::version, PolicyVersion::name, PolicyVersion::state, PolicyVersion::createdBy)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2, "shipped default", State.DRAFT, SharingPolicies.PLATFORM),
                        org.assertj.core.groups.Tuple.tuple(1, "open", State.ACTIVE, SharingPolicies.PLATFORM));
        assertThat(policies.disclose(Viewer.anonymous(), "enterprises")).isEqualTo(Disclosure.full());
        assertThat(policies.document(2)).contains(SharingPolicies.shipped("default"));
        assertThat(started().versions()).hasSize(2);
    }

    @Test
    void activationSwapsAtOnceAndSurvivesARestartWhileStoredDocumentsNeverChange() {
        String before = new PolicyRepository(database).document(1).orElseThrow();
        clock.advance(Duration.ofMinutes(5));
        PolicyVersion draft = policies.create(HIDE_ENTERPRISES, Syntax.YAML, "secadmin");
        assertThat(draft.version()).isEqualTo(3);
        assertThat(draft.state()).isEqualTo(State.DRAFT);
        assertThat(draft.createdAt()).isEqualTo(clock.instant());
        assertThat(policies.disclose(Viewer.anonymous(), "enterprises").visible()).isTrue();

        PolicyVersion active = policies.activate(3, "secadmin");
        assertThat(active.state()).isEqualTo(State.ACTIVE);
        assertThat(active.activatedAt()).isEqualTo(clock.instant());
        assertThat(policies.activeVersion()).isEqualTo(3);
        assertThat(policies.disclose(Viewer.anonymous(), "enterprises").visible()).isFalse();
        assertThat(policies.disclose(Viewer.anonymous(), "wells").locationPrecisionMetres()).isEqualTo(500);
        assertThat(policies.version(1).orElseThrow().state()).isEqualTo(State.RETIRED);
        assertThat(started().disclose(Viewer.anonymous(), "enterprises").visible()).isFalse();

        policies.activate(1, "secadmin");
        assertThat(policies.disclose(Viewer.anonymous(), "enterprises").visible()).isTrue();
        assertThat(policies.version(3).orElseThrow().state()).isEqualTo(State.RETIRED);
        assertThat(new PolicyRepository(database).document(1)).contains(before);
        assertThatThrownBy(() -> policies.activate(99, "secadmin")).isInstanceOf(SharingPolicies.NoSuchVersion.class);
    }

    @Test
    void aPolicyThatLocksTheSecurityAdministratorOutIsRefused() {
        String named = """
                name: lock-out
                rules:
                  - {id: all, audiences: [everyone], datasets: ['*'], effects: [{type: allow}]}
                  - {id: not-the-park, audiences: [{organisation: park-admin}], datasets: [policies], effects: [{type: deny}]}
                """;
        assertThatThrownBy(() -> policies.create(named, Syntax.YAML, "secadmin")).isInstanceOfSatisfying(InvalidPolicy.class, e ->
                assertThat(e.problems()).singleElement().satisfies(p -> {
                    assertThat(p.field()).isEqualTo("/rules/1");
                    assertThat(p.reason(Locale.ENGLISH)).startsWith("would lock the security administrator secadmin out of the policy API");
                }));
        String nobody = "name: nothing\nrules:\n  - {id: wells, audiences: [everyone], datasets: [wells], effects: [{type: allow}]}\n";
        assertThatThrownBy(() -> policies.create(nobody, Syntax.YAML, "secadmin")).isInstanceOfSatisfying(InvalidPolicy.class, e ->
                assertThat(e.problems()).extracting(InvalidInput::field).containsExactly("/rules"));
        assertThat(policies.versions()).hasSize(2);
    }

    @Test
    void whatIfListsWhatAVersionWouldNewlyExposeComparedWithTheActiveOne() {
        Exposures.Report tighter = policies.whatIf(2);
        assertThat(tighter.comparedWith()).isEqualTo(1);
        assertThat(tighter.newlyExposed()).isEmpty();

        policies.activate(2, "secadmin");
        Exposures.Report open = policies.whatIf(1);
        assertThat(open.newlyExposed()).anySatisfy(e -> {
            assertThat(e.audience()).isEqualTo("kind:PUBLIC");
            assertThat(e.dataset()).isEqualTo("latest_readings");
            assertThat(e.changes()).contains("attribute result_value is shown as its value instead of its GBT14848_CLASS",
                    "locations are shown exactly instead of to 500.0 m");
            assertThat(e.rules()).containsExactly("everyone-everything");
        }).anySatisfy(e -> {
            assertThat(e.audience()).isEqualTo("kind:ENTERPRISE,role:ENTERPRISE_USER");
            assertThat(e.dataset()).isEqualTo("devices");
            assertThat(e.changes()).containsExactly("the dataset becomes visible");
        }).noneSatisfy(e -> assertThat(e.audience()).startsWith("kind:PARK_ADMINISTRATION"));
    }

    @Test
    void explainSaysWhichRulesDecide() {
        policies.activate(2, "secadmin");
        Viewer enterprise = policies.audience("organisation:E01");
        assertThat(enterprise.organisationKind()).isEqualTo(OrganisationKind.ENTERPRISE);
        Decision decision = policies.explain(enterprise, "enterprises").get("enterprises");
        assertThat(decision.policyVersion()).isEqualTo(2);
        assertThat(decision.rules()).containsExactly("outside-enterprises", "enterprise-own-enterprise");
        assertThat(decision.disclosure().ownership()).isEqualTo(new Disclosure.Ownership("credit_code", "E01", false));
        assertThat(policies.explain(policies.audience("PUBLIC"), null)).hasSize(org.groundwatergateway.policies.sharing.Datasets.ALL.size());
        assertThat(policies.audience("role:REGULATOR").organisationKind()).isEqualTo(OrganisationKind.PROVINCIAL_REGULATOR);
        assertThatThrownBy(() -> policies.audience("kind:MARTIANS")).hasMessage("audience: unknown kind 'MARTIANS'");
        assertThatThrownBy(() -> policies.audience("organisation:nobody")).hasMessage("audience: no organisation 'nobody'");
        assertThatThrownBy(() -> policies.explain(enterprise, "welss")).hasMessage("dataset: unknown 'welss'");
    }

    @Test
    void anActiveDocumentThatNoLongerReadsShowsNothing() {
        database.jdbc().sql("INSERT INTO sharing_policies (version, name, document, created_by, created_at) VALUES (?, ?, ?, ?, ?)")
                .params(3, "damaged", "{\"name\": \"damaged\", \"rules\": [{\"id\": ", "someone", Rows.timestamp(clock.instant())).update();
        new PolicyRepository(database).activate(3, "someone", clock.instant());
        SharingPolicies restarted = started();
        assertThat(restarted.activeVersion()).isEqualTo(3);
        for (String dataset : List.of("wells", "Observations", "policies")) {
            assertThat(restarted.disclose(Viewer.anonymous(), dataset)).isEqualTo(Disclosure.none());
        }
        // Activating a readable version ends it.
        restarted.activate(1, "secadmin");
        assertThat(restarted.disclose(Viewer.anonymous(), "wells")).isEqualTo(Disclosure.full());
    }
}
