package org.groundwatergateway.policies.identity;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.groundwatergateway.core.problem.CataloguedRefusal;
import org.groundwatergateway.core.problem.InvalidInput;
import org.groundwatergateway.policies.OrganisationKind;
import org.groundwatergateway.policies.Role;
import org.groundwatergateway.policies.Viewer;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Organisations, people and API clients, and the checks of a login: the password policy, the lockout, the audit
 * of logins. Which roles an organisation's people may hold follows from its kind, so an enterprise user can never
 * be made an administrator of the park.
 */
public final class Accounts {

    /** Why a login was refused, or that it succeeded. */
    public sealed interface Login {
        record Succeeded(UserAccount account, Organisation organisation) implements Login {}

        record Refused(Reason reason) implements Login {}

        enum Reason { BAD_CREDENTIALS, LOCKED, DISABLED, PASSWORD_EXPIRED }
    }

    /** The requester may not act on something of another organisation. */
    public static final class NotYours extends CataloguedRefusal {
        public NotYours(InvalidInput problem) {
            super(problem);
        }
    }

    /** A client with the secret to hand over once; only its hash is kept. */
    public record IssuedSecret(ApiClient client, String secret) {}

    private static final SecureRandom RANDOM = new SecureRandom();

    private final OrganisationRepository organisations;
    private final UserAccountRepository users;
    private final ApiClientRepository clients;
    private final LoginEventRepository logins;
    private final PasswordEncoder encoder;
    private final PasswordPolicy passwords;
    private final LockoutPolicy lockout;
    private final Clock clock;
    /** Checked against for unknown accounts, so a login takes as long whether or not the account exists. */
    private final String unknownAccountHash;

    public Accounts(OrganisationRepository organisations, UserAccountRepository users, ApiClientRepository clients,
                    LoginEventRepository logins, PasswordEncoder encoder, PasswordPolicy passwords, LockoutPolicy lockout, Clock clock) {
        this.organisations = organisations;
        this.users = users;
        this.clients = clients;
        this.logins = logins;
        this.encoder = encoder;
        this.passwords = passwords;
        this.lockout = lockout;
        this.clock = clock;
        this.unknownAccountHash = encoder.encode(newSecret());
    }

    public boolean anyAccount() {
        return users.count() > 0;
    }

    public Organisation createOrganisation(String code, String nameZh, String nameEn, OrganisationKind kind, String creditCode) {
        if (organisations.findByCode(code).isPresent()) throw new InvalidInput("policies.exists", "code", code);
        if (kind == OrganisationKind.PUBLIC) throw new InvalidInput("policies.organisation.public", "kind");
        return organisations.insert(new Organisation(null, code, nameZh, nameEn, kind, creditCode, clock.instant()));
    }

    public Optional<Organisation> organisation(long id) {
        return organisations.find(id);
    }

    public Optional<Organisation> organisation(String code) {
        return organisations.findByCode(code);
    }

    public List<Organisation> organisations() {
        return organisations.findAll();
    }

    public UserAccount createUser(String username, String displayName, String organisationCode, Set<Role> roles, String password) {
        Organisation organisation = organisations.findByCode(organisationCode)
                .orElseThrow(() -> new InvalidInput("policies.organisation.unknown", "organisation", organisationCode));
        if (users.findByUsername(username).isPresent()) throw new InvalidInput("policies.exists", "username", username);
        checkRoles(organisation.kind(), roles);
        passwords.check(username, password);
        Instant now = clock.instant();
        return users.insert(new UserAccount(null, username, displayName == null || displayName.isBlank() ? username : displayName,
                organisation.id(), encoder.encode(password), now, true, 0, null, roles, now));
    }

    /**
     * A demo account with its published password: the password policy is not applied (demo passwords are meant to be
     * typed from the README) and the password never expires within the demo's life.
     */
    public UserAccount createDemoUser(String username, String displayName, String organisationCode, Set<Role> roles, String password) {
        Organisation organisation = organisations.findByCode(organisationCode)
                .orElseThrow(() -> new InvalidInput("policies.organisation.unknown", "organisation", organisationCode));
        checkRoles(organisation.kind(), roles);
        Instant now = clock.instant();
        // Dated a century ahead, so that a demo left running for months does not lock its own published accounts out.
        Instant neverExpires = now.plus(Duration.ofDays(36_500));
        return users.insert(new UserAccount(null, username, displayName, organisation.id(), encoder.encode(password), neverExpires, true, 0, null,
                roles, now));
    }

    public Optional<UserAccount> user(String username) {
        return users.findByUsername(username);
    }

    public List<UserAccount> users() {
        return users.findAll();
    }

    public void setRoles(String username, Set<Role> roles) {
        UserAccount account = users.findByUsername(username).orElseThrow(() -> new InvalidInput("policies.account.unknown", "username", username));
        checkRoles(organisations.find(account.organisationId()).orElseThrow().kind(), roles);
        users.setRoles(account.id(), roles);
    }

    public void setEnabled(String username, boolean enabled) {
        UserAccount account = users.findByUsername(username).orElseThrow(() -> new InvalidInput("policies.account.unknown", "username", username));
        users.setEnabled(account.id(), enabled);
    }

    /** The roles people of an organisation of this kind may hold. */
    public static Set<Role> rolesFor(OrganisationKind kind) {
        return switch (kind) {
            case PARK_ADMINISTRATION -> EnumSet.of(Role.DUTY_OFFICER, Role.SUPERVISOR, Role.EMERGENCY_TEAM, Role.ANALYST, Role.DATA_REVIEWER,
                    Role.OM_ENGINEER, Role.SYSTEM_ADMIN, Role.SECURITY_ADMIN, Role.AUDIT_ADMIN);
            case PROVINCIAL_REGULATOR, CITY_REGULATOR -> EnumSet.of(Role.REGULATOR, Role.ANALYST);
            case ENTERPRISE -> EnumSet.of(Role.ENTERPRISE_USER);
            case PARTNER_PARK -> EnumSet.of(Role.PARTNER_PARK);
            case PUBLIC -> EnumSet.noneOf(Role.class);
        };
    }

    private static void checkRoles(OrganisationKind kind, Set<Role> roles) {
        if (roles.isEmpty()) throw new InvalidInput("policies.roles.none", "roles");
        Set<Role> allowed = rolesFor(kind);
        for (Role role : roles) {
            if (!allowed.contains(role)) throw new InvalidInput("policies.roles.notInKind", "roles", role, kind);
        }
        // 三员分立: one person never holds two of the three administrators' powers.
        long admins = roles.stream().filter(r -> r == Role.SYSTEM_ADMIN || r == Role.SECURITY_ADMIN || r == Role.AUDIT_ADMIN).count();
        if (admins > 1) throw new InvalidInput("policies.roles.separation", "roles");
    }

    /** Checks a password login, counting failures towards the lockout and recording the outcome with the address. */
    public Login login(String username, String password, String address) {
        Instant now = clock.instant();
        Optional<UserAccount> found = username == null ? Optional.empty() : users.findByUsername(username);
        if (found.isEmpty()) {
            // The same work as a real check, so a timing difference does not reveal which accounts exist.
            encoder.matches(password == null ? "" : password, unknownAccountHash);
            return refuse(username, Login.Reason.BAD_CREDENTIALS, "unknown account", address, now);
        }
        UserAccount account = found.get();
        if (account.lockedAt(now)) return refuse(username, Login.Reason.LOCKED, "locked until " + account.lockedUntil(), address, now);
        if (!account.enabled()) return refuse(username, Login.Reason.DISABLED, "account disabled", address, now);
        if (password == null || !encoder.matches(password, account.passwordHash())) {
            Instant until = now.plus(lockout.duration());
            int failures = users.recordFailure(account.id(), lockout.attempts(), until);
            if (failures >= lockout.attempts()) {
                logins.append(now, username, LoginEvent.Kind.LOCKED_OUT, failures + " failed logins; locked until " + until, address);
                return new Login.Refused(Login.Reason.LOCKED);
            }
            return refuse(username, Login.Reason.BAD_CREDENTIALS, "wrong password (" + failures + " of " + lockout.attempts() + ")", address, now);
        }
        if (passwords.expired(account.passwordChangedAt(), now)) {
            return refuse(username, Login.Reason.PASSWORD_EXPIRED, "password older than " + passwords.maxAge(), address, now);
        }
        users.recordSuccess(account.id());
        logins.append(now, username, LoginEvent.Kind.LOGIN_SUCCEEDED, null, address);
        return new Login.Succeeded(account, organisations.find(account.organisationId()).orElseThrow());
    }

    private Login refuse(String username, Login.Reason reason, String detail, String address, Instant now) {
        logins.append(now, username, LoginEvent.Kind.LOGIN_FAILED, reason + ": " + detail, address);
        return new Login.Refused(reason);
    }

    /** Changes a password after checking the current one, the policy and the history. */
    public void changePassword(String username, String current, String replacement, String address) {
        UserAccount account = users.findByUsername(username).orElseThrow(() -> new InvalidInput("policies.account.unknown", "username", username));
        if (current == null || !encoder.matches(current, account.passwordHash())) throw new InvalidInput("policies.password.wrong", "currentPassword");
        setPassword(account, replacement, address);
    }

    /** Sets a password without the current one: the first administrator's setup and an administrator's reset. */
    public void resetPassword(String username, String replacement, String address) {
        setPassword(users.findByUsername(username).orElseThrow(() -> new InvalidInput("policies.account.unknown", "username", username)),
                replacement, address);
    }

    private void setPassword(UserAccount account, String replacement, String address) {
        passwords.check(account.username(), replacement);
        for (String earlier : users.passwordHistory(account.id(), passwords.history())) {
            if (encoder.matches(replacement, earlier)) {
                throw new InvalidInput("policies.password.reused", "password", passwords.history());
            }
        }
        Instant now = clock.instant();
        users.changePassword(account.id(), encoder.encode(replacement), now);
        logins.append(now, account.username(), LoginEvent.Kind.PASSWORD_CHANGED, null, address);
    }

    /** Registers a client; a confidential one gets a secret, returned here and never again. */
    public IssuedSecret registerClient(String clientId, String name, String organisationCode, Set<String> grantTypes, Set<String> scopes,
                                       List<String> redirectUris, boolean confidential) {
        return register(clientId, name, organisationCode, grantTypes, scopes, redirectUris, confidential ? newSecret() : null);
    }

    /** Registers a client with a secret chosen by the caller: the demo's published clients only. */
    public ApiClient registerClientWithSecret(String clientId, String name, String organisationCode, Set<String> grantTypes, Set<String> scopes,
                                              List<String> redirectUris, String secret) {
        return register(clientId, name, organisationCode, grantTypes, scopes, redirectUris, secret).client();
    }

    /** A client with this secret (hashed once), or a public one for none. */
    private IssuedSecret register(String clientId, String name, String organisationCode, Set<String> grantTypes, Set<String> scopes,
                                  List<String> redirectUris, String secret) {
        Organisation organisation = organisations.findByCode(organisationCode)
                .orElseThrow(() -> new InvalidInput("policies.organisation.unknown", "organisation", organisationCode));
        if (clients.findByClientId(clientId).isPresent()) throw new InvalidInput("policies.exists", "clientId", clientId);
        Instant now = clock.instant();
        ApiClient client = clients.insert(new ApiClient(null, clientId, name, organisation.id(), secret == null ? null : encoder.encode(secret),
                secret == null ? null : now, grantTypes, scopes, redirectUris, clientRoles(organisation.kind()), true, now));
        return new IssuedSecret(client, secret);
    }

    /** The roles a client_credentials token carries: its organisation's. */
    private static Set<Role> clientRoles(OrganisationKind kind) {
        return switch (kind) {
            case ENTERPRISE -> Set.of(Role.ENTERPRISE_USER);
            case PARTNER_PARK -> Set.of(Role.PARTNER_PARK);
            case PROVINCIAL_REGULATOR, CITY_REGULATOR -> Set.of(Role.REGULATOR);
            case PARK_ADMINISTRATION, PUBLIC -> Set.of();
        };
    }

    /** A new secret for a client: by a system administrator, or by a member of the client's own organisation. */
    public IssuedSecret rotateSecret(String clientId, Viewer requester) {
        ApiClient client = clients.findByClientId(clientId).orElseThrow(() -> new InvalidInput("policies.client.unknown", "clientId", clientId));
        String owner = organisations.find(client.organisationId()).map(Organisation::code).orElse(null);
        if (!requester.has(Role.SYSTEM_ADMIN) && (owner == null || !owner.equals(requester.organisation()))) {
            throw new NotYours(new InvalidInput("policies.client.notYours", "clientId", clientId));
        }
        if (!client.confidential()) throw new InvalidInput("policies.client.public", "clientId", clientId);
        String secret = newSecret();
        Instant now = clock.instant();
        String hash = encoder.encode(secret);
        clients.changeSecret(client.id(), hash, now);
        return new IssuedSecret(client.withSecret(hash, now), secret);
    }

    public Optional<ApiClient> client(String clientId) {
        return clients.findByClientId(clientId);
    }

    public List<ApiClient> clients() {
        return clients.findAll();
    }

    public void recordLoginEvent(String principal, LoginEvent.Kind kind, String detail, String address) {
        logins.append(clock.instant(), principal, kind, detail, address);
    }

    public List<LoginEvent> loginEvents(String principal, LoginEvent.Kind kind, int limit) {
        return logins.recent(principal, kind, limit);
    }

    private static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

}
