package org.groundwatergateway.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import org.groundwatergateway.core.storage.Database;
import org.groundwatergateway.core.testing.MutableClock;
import org.groundwatergateway.core.testing.TestDatabases.TestDatabase;
import org.groundwatergateway.policies.OrganisationKind;
import org.groundwatergateway.policies.Role;
import org.groundwatergateway.policies.Viewer;
import org.groundwatergateway.policies.audit.AuditEntry;
import org.groundwatergateway.policies.audit.AuditLog;
import org.groundwatergateway.policies.audit.AuditRepository;
import org.groundwatergateway.policies.identity.Accounts;


import org.groundwatergateway.policies.identity.LoginEvent;




import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;

/**
 * The identity store on each database (the same contract for H2GIS and PostGIS): accounts and the login policy on a
 * controllable clock, API clients, the signing keys' rotation and retirement, and the authorization server's store of
 * issued tokens (the schema replaces its published blob columns, which PostgreSQL lacks).
 */
abstract class IdentityStoreContract {

    protected abstract TestDatabase newDatabase();

    private TestDatabase db;
    private Database database;
    private MutableClock clock;
    private Accounts accounts;
    private AuditLog audit;

    @BeforeEach
    void open() {
        db = newDatabase();
        database = Database.migrate(db.dataSource());
        clock = new MutableClock(Instant.parse("2026-12-01T00:00:00Z"));
        audit = new AuditLog(new AuditRepository(database), clock, 1_000, 100);
        accounts = TestAccounts.withParkAndEnterprise(database, clock, audit);
    }

    @AfterEach
    void close() {
        audit.close();
        db.close();
    }

    @Test
    void aLockEndsAfterItsDurationAndAPasswordExpires() {
        accounts.createUser("duty1", "值班员", "park-admin", Set.of(Role.DUTY_OFFICER), "Duty-Officer-1");
        for (int i = 0; i < 3; i++) assertThat(accounts.login("duty1", "nope", "10.0.0.1")).isInstanceOf(Accounts.Login.Refused.class);
        assertThat(((Accounts.Login.Refused) accounts.login("duty1", "Duty-Officer-1", "10.0.0.1")).reason()).isEqualTo(Accounts.Login.Reason.LOCKED);
        clock.advance(Duration.ofMinutes(16));
        Accounts.Login ok = accounts.login("duty1", "Duty-Officer-1", "10.0.0.1");
        assertThat(ok).isInstanceOf(Accounts.Login.Succeeded.class);
        assertThat(((Accounts.Login.Succeeded) ok).organisation().code()).isEqualTo("park-admin");
        clock.advance(Duration.ofDays(91));
        assertThat(((Accounts.Login.Refused) accounts.login("duty1", "Duty-Officer-1", null)).reason()).isEqualTo(Accounts.Login.Reason.PASSWORD_EXPIRED);
        List<LoginEvent> events = accounts.loginEvents("duty1", null, 10);
        assertThat(events.stream().map(LoginEvent::kind)).contains(LoginEvent.Kind.LOCKED_OUT, LoginEvent.Kind.LOGIN_SUCCEEDED, LoginEvent.Kind.LOGIN_FAILED);
        assertThat(events.get(events.size() - 1).address()).isEqualTo("10.0.0.1");
        // An unknown account is refused like a wrong password, and recorded under the name given.
        assertThat(((Accounts.Login.Refused) accounts.login("ghost", "x", null)).reason()).isEqualTo(Accounts.Login.Reason.BAD_CREDENTIALS);
        assertThat(accounts.loginEvents("ghost", LoginEvent.Kind.LOGIN_FAILED, 5)).hasSize(1);
        // Each event is also a LOGIN entry of the tamper-evident audit log.
        assertThat(audit.entries(1, 100)).filteredOn(e -> e.kind() == AuditEntry.Kind.LOGIN).extracting(e -> e.personal().principal())
                .hasSize(accounts.loginEvents(null, null, 100).size()).contains("duty1", "ghost");
        assertThat(audit.verify().ok()).isTrue();
    }

    @Test
    void rolesFollowTheOrganisationsKind() {
        assertThatThrownBy(() -> accounts.createUser("e1", "x", "E01", Set.of(Role.SYSTEM_ADMIN), "Enterprise-User-1"))
                .hasMessageContaining("SYSTEM_ADMIN is not held in an organisation of kind ENTERPRISE");
        assertThatThrownBy(() -> accounts.createUser("a1", "x", "park-admin", Set.of(Role.SYSTEM_ADMIN, Role.SECURITY_ADMIN), "Admin-User-123"))
                .hasMessageContaining("different people");
        assertThatThrownBy(() -> accounts.createOrganisation("E99", "无码企业", null, OrganisationKind.ENTERPRISE, null))
                .hasMessageContaining("creditCode");
    }

    @Test
    void clientSecretsAreShownOnceAndRotatedByTheirOwners() {
        Accounts.IssuedSecret issued = accounts.registerClient("e01-erp", "ERP", "E01", Set.of("client_credentials"), Set.of("read"), List.of(), true);
        assertThat(issued.secret()).hasSizeGreaterThan(30);
        assertThat(issued.client().secretHash()).startsWith("{bcrypt}").doesNotContain(issued.secret());
        assertThat(issued.client().roles()).containsExactly(Role.ENTERPRISE_USER);
        Viewer owner = new Viewer("e01-user", Set.of(Role.ENTERPRISE_USER), "E01", OrganisationKind.ENTERPRISE);
        Viewer stranger = new Viewer("e02-user", Set.of(Role.ENTERPRISE_USER), "E02", OrganisationKind.ENTERPRISE);
        assertThat(accounts.rotateSecret("e01-erp", owner).secret()).isNotEqualTo(issued.secret());
        assertThatThrownBy(() -> accounts.rotateSecret("e01-erp", stranger)).isInstanceOf(Accounts.NotYours.class);
        assertThatThrownBy(() -> accounts.registerClient("bad", "x", "E01", Set.of("client_credentials"), Set.of(), List.of(), false))
                .hasMessageContaining("confidential");
    }

    @Test
    void aRetiredSigningKeyIsPublishedUntilItsLastTokenExpired() throws Exception {
        SigningKeys keys = new SigningKeys(database, clock, Duration.ofMinutes(10));
        String first = keys.keys().get(0).kid();
        String second = keys.rotate();
        assertThat(published(keys)).containsExactlyInAnyOrder(first, second);
        clock.advance(Duration.ofMinutes(11));
        keys.reload();
        assertThat(published(keys)).containsExactly(second);
        // Automatic rotation: only once the signing key is older than the period.
        assertThat(keys.rotateIfOlderThan(Duration.ofDays(30))).isFalse();
        clock.advance(Duration.ofDays(31));
        assertThat(keys.rotateIfOlderThan(Duration.ofDays(30))).isTrue();
        // A second instance on the same database signs with the same key: keys survive restarts.
        assertThat(published(new SigningKeys(database, clock, Duration.ofMinutes(10)))).isEqualTo(published(keys));
    }

    @Test
    void issuedTokensAreStoredAndARevokedOneIsNoLongerActive() {
        accounts.registerClient("e01-erp", "ERP", "E01", Set.of("client_credentials"), Set.of("read"), List.of(), true);
        RegisteredClients clients = new RegisteredClients(accounts, Duration.ofMinutes(10), Duration.ofDays(1));
        Authorizations authorizations = new Authorizations(new JdbcOAuth2AuthorizationService(new JdbcTemplate(database.dataSource()), clients), clock);
        RegisteredClient client = clients.findByClientId("e01-erp");
        Instant issued = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        OAuth2AccessToken token = new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, "x".repeat(900) + "-token", issued, issued.plusSeconds(600),
                Set.of("read"));
        OAuth2Authorization authorization = OAuth2Authorization.withRegisteredClient(client).principalName("e01-erp")
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS).token(token).build();
        authorizations.save(authorization);
        assertThat(authorizations.active(token.getTokenValue())).isTrue();
        assertThat(authorizations.findByToken(token.getTokenValue(), OAuth2TokenType.ACCESS_TOKEN).getId()).isEqualTo(authorization.getId());
        authorizations.save(OAuth2Authorization.from(authorization).invalidate(token).build());
        assertThat(authorizations.active(token.getTokenValue())).isFalse();
        assertThat(authorizations.active("never-issued")).isFalse();
        assertThat(clients.findByClientId("unknown")).isNull();
    }

    private static List<String> published(SigningKeys keys) throws com.nimbusds.jose.KeySourceException {
        return keys.verificationSource().get(new com.nimbusds.jose.jwk.JWKSelector(new com.nimbusds.jose.jwk.JWKMatcher.Builder().build()), null)
                .stream().map(k -> k.getKeyID()).toList();
    }
}
