package org.groundwatergateway.gateway.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.groundwatergateway.core.storage.Database;
import org.groundwatergateway.core.testing.MutableClock;
import org.groundwatergateway.core.testing.TestDatabases.TestDatabase;
import org.groundwatergateway.gateway.security.TestAccounts;
import org.groundwatergateway.policies.OrganisationKind;
import org.groundwatergateway.policies.Role;
import org.groundwatergateway.policies.Viewer;
import org.groundwatergateway.policies.audit.AuditLog;
import org.groundwatergateway.policies.audit.AuditRepository;
import org.groundwatergateway.policies.identity.Accounts;
import org.groundwatergateway.policies.sharing.Grant;
import org.groundwatergateway.policies.sharing.GrantTemplates;
import org.groundwatergateway.policies.sharing.Grants;
import org.groundwatergateway.policies.sharing.PolicyRepository;
import org.groundwatergateway.policies.sharing.ShareRefusal;
import org.groundwatergateway.policies.sharing.ShareRepository;
import org.groundwatergateway.policies.sharing.ShareRequest;
import org.groundwatergateway.policies.sharing.ShareWorkflow;
import org.groundwatergateway.policies.sharing.ShareWorkflow.RequestForm;
import org.groundwatergateway.policies.sharing.SharingPolicies;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The share workflow's store and its effect on evaluation on each database (the same contract for H2GIS and PostGIS):
 * requests, decisions, grants with every version kept, expiry by the clock, revocation at once on the node that
 * revokes and within 60 s on another node of the same database, and refused input naming its field.
 */
abstract class ShareWorkflowContract {

    protected abstract TestDatabase newDatabase();

    private static final Viewer PARTNER = new Viewer("partner", Set.of(Role.PARTNER_PARK), "partner-park", OrganisationKind.PARTNER_PARK);
    private static final Viewer ENTERPRISE = new Viewer("enterprise", Set.of(Role.ENTERPRISE_USER), "E01", OrganisationKind.ENTERPRISE);
    private static final Viewer SECADMIN = new Viewer("secadmin", Set.of(Role.SECURITY_ADMIN), "park-admin", OrganisationKind.PARK_ADMINISTRATION);
    private static final String EXCHANGE = "partner-monitoring-exchange";

    private TestDatabase db;
    private Database database;
    private MutableClock clock;
    private AuditLog audit;
    private Accounts accounts;
    private SharingPolicies policies;
    private ShareWorkflow workflow;

    @BeforeEach
    void open() {
        db = newDatabase();
        database = Database.migrate(db.dataSource());
        clock = new MutableClock(Instant.parse("2026-12-01T00:00:00Z"));
        audit = new AuditLog(new AuditRepository(database), clock, 1_000, 100);
        accounts = TestAccounts.withParkAndEnterprise(database, clock, audit);
        accounts.createOrganisation("partner-park", "邻近园区", null, OrganisationKind.PARTNER_PARK, null);
        Grants grants = new Grants(new ShareRepository(database), clock);
        policies = node(grants);
        policies.activate(2, "secadmin"); // the shipped default: partner parks see no Sensors and wells to 500 m
        workflow = new ShareWorkflow(new ShareRepository(database), GrantTemplates.shipped(), grants, clock);
    }

    /** A node of the platform over the same database, with grants of its own in memory. */
    private SharingPolicies node(Grants grants) {
        SharingPolicies node = new SharingPolicies(new PolicyRepository(database), grants, accounts, clock);
        node.start();
        return node;
    }

    @AfterEach
    void close() {
        audit.close();
        db.close();
    }

    private RequestForm form(List<String> datasets, Duration period) {
        return new RequestForm(EXCHANGE, datasets, "joint monitoring of the shared aquifer", null, clock.instant().plus(period).toString());
    }

    private Grant approved(List<String> datasets, Duration period) {
        ShareRequest request = workflow.request(PARTNER, form(datasets, period));
        return workflow.approve(request.id(), SECADMIN, null, "agreement 2026-17");
    }

    @Test
    void anApprovedRequestIsAGrantInForceAtOnceWithTheTemplatesEffectsForTheRequestedDatasets() {
        assertThat(policies.disclose(PARTNER, "Sensors").visible()).isFalse();
        ShareRequest request = workflow.request(PARTNER, form(List.of("wells", "Sensors"), Duration.ofDays(30)));
        assertThat(request.status()).isEqualTo(ShareRequest.Status.REQUESTED);
        assertThat(request.organisation()).isEqualTo("partner-park");
        assertThat(request.validFrom()).isEqualTo(clock.instant());
        assertThat(policies.disclose(PARTNER, "Sensors").visible()).isFalse();

        clock.advance(Duration.ofHours(1));
        Grant grant = workflow.approve(request.id(), SECADMIN, null, "agreement 2026-17");
        assertThat(grant.state(clock.instant())).isEqualTo(Grant.State.ACTIVE);
        assertThat(grant.current().validFrom()).isEqualTo(clock.instant());
        assertThat(grant.current().validUntil()).isEqualTo(request.validUntil());
        assertThat(policies.disclose(PARTNER, "Sensors").visible()).isTrue();
        assertThat(policies.disclose(PARTNER, "wells").locationPrecisionMetres()).isEqualTo(100);
        // Only the datasets requested, and only for the requesting organisation.
        assertThat(policies.disclose(PARTNER, "Observations").bucketed()).isNotEmpty();
        assertThat(policies.disclose(ENTERPRISE, "wells").locationPrecisionMetres()).isEqualTo(500);
        assertThat(policies.explain(policies.audience("organisation:partner-park"), "wells").get("wells").rules())
                .containsExactly("grant-" + grant.id() + ".wells");

        ShareRequest decided = workflow.request(SECADMIN, request.id());
        assertThat(decided.status()).isEqualTo(ShareRequest.Status.APPROVED);
        assertThat(decided.grant()).isEqualTo(grant.id());
        assertThat(decided.reason()).isEqualTo("agreement 2026-17");
        assertThatThrownBy(() -> workflow.approve(request.id(), SECADMIN, null, null)).isInstanceOfSatisfying(ShareRefusal.class, e -> {
            assertThat(e.kind()).isEqualTo(ShareRefusal.Kind.CONFLICT);
            assertThat(e.problems().get(0).field()).isEqualTo("status");
        });
    }

    @Test
    void aGrantExpiresByTheClockWithoutAnyoneActing() {
        approved(List.of("Sensors"), Duration.ofHours(2));
        clock.advance(Duration.ofHours(2).minusSeconds(1));
        assertThat(policies.disclose(PARTNER, "Sensors").visible()).isTrue();
        clock.advance(Duration.ofSeconds(1));
        assertThat(policies.disclose(PARTNER, "Sensors").visible()).isFalse();
        assertThat(workflow.grants(PARTNER)).singleElement().satisfies(g -> assertThat(g.state(clock.instant())).isEqualTo(Grant.State.EXPIRED));
        // An expired grant is not revoked: it has ended already.
        long id = workflow.grants(PARTNER).get(0).id();
        assertThatThrownBy(() -> workflow.revoke(id, SECADMIN, "too late")).isInstanceOfSatisfying(ShareRefusal.class,
                e -> assertThat(e.kind()).isEqualTo(ShareRefusal.Kind.CONFLICT));
    }

    @Test
    void revocationHoldsAtOnceOnThisNodeAndWithinSixtySecondsOnAnother() {
        SharingPolicies otherNode = node(new Grants(new ShareRepository(database), clock));
        assertThat(otherNode.disclose(PARTNER, "Sensors").visible()).isFalse();
        Grant grant = approved(List.of("Sensors"), Duration.ofDays(30));
        // The other node read its grants before the approval: it learns of it at its next refresh, 30 s at most.
        assertThat(otherNode.disclose(PARTNER, "Sensors").visible()).isFalse();
        clock.advance(Duration.ofSeconds(30));
        assertThat(otherNode.disclose(PARTNER, "Sensors").visible()).isTrue();

        Grant revoked = workflow.revoke(grant.id(), SECADMIN, "agreement ended");
        assertThat(policies.disclose(PARTNER, "Sensors").visible()).isFalse();
        assertThat(revoked.state(clock.instant())).isEqualTo(Grant.State.REVOKED);
        assertThat(revoked.versions()).extracting(Grant.Version::version, Grant.Version::status, Grant.Version::changedBy, Grant.Version::reason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, Grant.Status.ACTIVE, "secadmin", "agreement 2026-17"),
                        org.assertj.core.groups.Tuple.tuple(2, Grant.Status.REVOKED, "secadmin", "agreement ended"));
        clock.advance(Duration.ofSeconds(29));
        assertThat(otherNode.disclose(PARTNER, "Sensors").visible()).as("within the other node's refresh").isTrue();
        clock.advance(Duration.ofSeconds(1));
        assertThat(otherNode.disclose(PARTNER, "Sensors").visible()).as("30 s after the revocation").isFalse();
        assertThatThrownBy(() -> workflow.revoke(grant.id(), SECADMIN, "again")).isInstanceOf(ShareRefusal.class);
        assertThat(workflow.grant(SECADMIN, grant.id()).versions()).hasSize(2);
    }

    @Test
    void refusalsAndWithdrawalsAreKeptAndAnOrganisationSeesOnlyItsOwn() {
        ShareRequest refused = workflow.request(PARTNER, form(null, Duration.ofDays(1)));
        assertThat(refused.datasets()).contains("wells", "Sensors", "Observations");
        assertThatThrownBy(() -> workflow.refuse(refused.id(), SECADMIN, " ")).isInstanceOfSatisfying(ShareRefusal.class,
                e -> assertThat(e.problems()).extracting(ShareRefusal.Problem::field).containsExactly("reason"));
        assertThat(workflow.refuse(refused.id(), SECADMIN, "no agreement yet").status()).isEqualTo(ShareRequest.Status.REFUSED);
        ShareRequest withdrawn = workflow.withdraw(workflow.request(PARTNER, form(List.of("wells"), Duration.ofDays(1))).id(), PARTNER);
        assertThat(withdrawn.status()).isEqualTo(ShareRequest.Status.WITHDRAWN);
        assertThat(withdrawn.decidedBy()).isEqualTo("partner");
        assertThatThrownBy(() -> workflow.approve(withdrawn.id(), SECADMIN, null, null)).isInstanceOf(ShareRefusal.class);

        assertThat(workflow.requests(PARTNER)).extracting(ShareRequest::status).containsExactly(ShareRequest.Status.WITHDRAWN, ShareRequest.Status.REFUSED);
        assertThat(workflow.requests(SECADMIN)).hasSize(2);
        assertThat(workflow.requests(ENTERPRISE)).isEmpty();
        assertThatThrownBy(() -> workflow.request(ENTERPRISE, refused.id())).isInstanceOfSatisfying(ShareRefusal.class,
                e -> assertThat(e.kind()).isEqualTo(ShareRefusal.Kind.NOT_FOUND));
        assertThat(policies.disclose(PARTNER, "Sensors").visible()).isFalse();
    }

    @Test
    void badInputIsRefusedNamingEveryFieldInEnglishAndChinese() {
        RequestForm bad = new RequestForm(EXCHANGE, List.of("wells", "welss", "devices"), "", "tomorrow", null);
        assertThatThrownBy(() -> workflow.request(PARTNER, bad)).isInstanceOfSatisfying(ShareRefusal.class, e -> {
            assertThat(e.kind()).isEqualTo(ShareRefusal.Kind.INVALID);
            assertThat(e.problems()).extracting(ShareRefusal.Problem::field)
                    .containsExactly("datasets[1]", "datasets[2]", "purpose", "validFrom", "validUntil");
            assertThat(e.problems().get(0).reason()).isEqualTo("unknown dataset 'welss'");
            assertThat(e.problems().get(0).reasonZh()).isEqualTo("未知数据集“welss”");
            assertThat(e.problems().get(1).reason()).startsWith("template " + EXCHANGE + " does not cover 'devices'");
            assertThat(e.problems().get(2).reasonZh()).isEqualTo("必填");
        });
        RequestForm tooLong = new RequestForm("emergency-mutual-aid", null, "incident", null, clock.instant().plus(Duration.ofHours(73)).toString());
        assertThatThrownBy(() -> workflow.request(PARTNER, tooLong)).isInstanceOfSatisfying(ShareRefusal.class,
                e -> assertThat(e.getMessage()).isEqualTo("validUntil: template emergency-mutual-aid grants at most 72 h"));
        RequestForm notForEnterprises = new RequestForm("emergency-mutual-aid", null, "incident", null, clock.instant().plus(Duration.ofHours(1)).toString());
        assertThatThrownBy(() -> workflow.request(ENTERPRISE, notForEnterprises)).isInstanceOfSatisfying(ShareRefusal.class,
                e -> assertThat(e.problems()).extracting(ShareRefusal.Problem::field).containsExactly("template"));
        RequestForm past = new RequestForm("nothing", null, "x", null, clock.instant().minusSeconds(1).toString());
        assertThatThrownBy(() -> workflow.request(PARTNER, past)).isInstanceOfSatisfying(ShareRefusal.class,
                e -> assertThat(e.problems()).extracting(ShareRefusal.Problem::field).containsExactly("template", "validUntil"));

        ShareRequest request = workflow.request(PARTNER, form(List.of("Sensors"), Duration.ofDays(2)));
        assertThatThrownBy(() -> workflow.approve(request.id(), SECADMIN, clock.instant().plus(Duration.ofDays(3)).toString(), null))
                .isInstanceOfSatisfying(ShareRefusal.class, e -> assertThat(e.problems().get(0).field()).isEqualTo("validUntil"));
        // The administrator may shorten the period.
        Grant shorter = workflow.approve(request.id(), SECADMIN, clock.instant().plus(Duration.ofDays(1)).toString(), null);
        assertThat(shorter.current().validUntil()).isEqualTo(clock.instant().plus(Duration.ofDays(1)));
        assertThat(workflow.requests(SECADMIN)).hasSize(1);
    }
}
