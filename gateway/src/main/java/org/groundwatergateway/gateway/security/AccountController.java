package org.groundwatergateway.gateway.security;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.groundwatergateway.core.problem.InvalidInput;
import org.groundwatergateway.gateway.web.NotFoundException;
import org.groundwatergateway.gateway.web.RequestValues;
import org.groundwatergateway.policies.OrganisationKind;
import org.groundwatergateway.policies.Role;
import org.groundwatergateway.policies.Viewer;
import org.groundwatergateway.policies.identity.Accounts;
import org.groundwatergateway.policies.identity.ApiClient;
import org.groundwatergateway.policies.identity.LoginEvent;
import org.groundwatergateway.policies.identity.Organisation;
import org.groundwatergateway.policies.identity.UserAccount;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Accounts: one's own, and the administrators' consoles (三员分立: the system administrator manages organisations,
 * people and clients; the security administrator their roles; the audit administrator reads the audit of logins).
 * Who may call what is the permission matrix's business; this controller only validates and delegates, and records
 * each administrative change in the audit log (its receipt in the {@value AuditTrail#HEADER} header).
 */
@RestController
public class AccountController {

    private final Accounts accounts;
    private final FirstAccounts first;
    private final PasswordLogins passwords;
    private final SigningKeys keys;
    private final AuditTrail trail;

    public AccountController(Accounts accounts, FirstAccounts first, PasswordLogins passwords, SigningKeys keys, AuditTrail trail) {
        this.accounts = accounts;
        this.first = first;
        this.passwords = passwords;
        this.keys = keys;
        this.trail = trail;
    }

    public record SetupRequest(String token, String username, String password) {}

    @Operation(summary = "Create the first system administrator with the one-time setup token printed at the first start")
    @PostMapping("/api/v1/setup")
    @ResponseStatus(HttpStatus.CREATED)
    public Map<String, String> setUp(@RequestBody SetupRequest request, HttpServletRequest http) {
        first.setUp(request.token(), RequestValues.required("username", request.username()), RequestValues.required("password", request.password()),
                http.getRemoteAddr());
        trail.administration("set up the first system administrator", request.username());
        return Map.of("username", request.username(), "role", Role.SYSTEM_ADMIN.name());
    }

    @Operation(summary = "Who the caller is: account or client, organisation, its kind and roles")
    @GetMapping("/api/v1/me")
    public Viewer me() {
        return Viewers.current();
    }

    public record PasswordChange(String currentPassword, String newPassword) {}

    @Operation(summary = "Change one's own password (policy: length, character classes, history)")
    @PostMapping("/api/v1/me/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void changePassword(@RequestBody PasswordChange change, HttpServletRequest http) {
        String username = Viewers.current().name();
        accounts.changePassword(username, change.currentPassword(), RequestValues.required("newPassword", change.newPassword()), http.getRemoteAddr());
        passwords.forget(username);
    }

    public record OrganisationRequest(String code, String nameZh, String nameEn, String kind, String creditCode) {}

    @Operation(summary = "Organisations (system and security administrators)")
    @GetMapping("/api/v1/organisations")
    public List<Organisation> organisations() {
        return accounts.organisations();
    }

    @Operation(summary = "Register an organisation: park administration, regulator, enterprise (with its credit code), partner park")
    @PostMapping("/api/v1/organisations")
    @ResponseStatus(HttpStatus.CREATED)
    public Organisation createOrganisation(@RequestBody OrganisationRequest request) {
        Organisation created = accounts.createOrganisation(RequestValues.required("code", request.code()), request.nameZh(), request.nameEn(),
                RequestValues.enumValue("kind", OrganisationKind.class, RequestValues.required("kind", request.kind())), request.creditCode());
        trail.administration("create organisation " + created.code() + " (" + created.kind() + ")", null);
        return created;
    }

    /** An account as administrators see it: never its password hash. */
    public record AccountView(String username, String displayName, String organisation, Set<Role> roles, boolean enabled, boolean locked,
                              Instant passwordChangedAt) {}

    @Operation(summary = "People with accounts (system and security administrators)")
    @GetMapping("/api/v1/users")
    public List<AccountView> users() {
        Map<Long, String> codes = new LinkedHashMap<>();
        accounts.organisations().forEach(o -> codes.put(o.id(), o.code()));
        Instant now = Instant.now();
        return accounts.users().stream().map(u -> view(u, codes.get(u.organisationId()), now)).toList();
    }

    public record UserRequest(String username, String displayName, String organisation, List<String> roles, String password) {}

    @Operation(summary = "Create an account in an organisation, with its first roles and password (system administrator)")
    @PostMapping("/api/v1/users")
    @ResponseStatus(HttpStatus.CREATED)
    public AccountView createUser(@RequestBody UserRequest request) {
        UserAccount created = accounts.createUser(RequestValues.required("username", request.username()), request.displayName(),
                RequestValues.required("organisation", request.organisation()), roles(request.roles()), RequestValues.required("password", request.password()));
        trail.administration("create user in " + request.organisation() + " with roles " + created.roles(), created.username());
        return view(created, request.organisation(), Instant.now());
    }

    public record UserChange(Boolean enabled, String password) {}

    @Operation(summary = "Enable or disable an account, or reset its password (system administrator)")
    @PatchMapping("/api/v1/users/{username}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void changeUser(@PathVariable String username, @RequestBody UserChange change, HttpServletRequest http) {
        if (accounts.user(username).isEmpty()) throw new NotFoundException(new InvalidInput("gateway.notFound.account", "username", username));
        if (change.enabled() != null) {
            accounts.setEnabled(username, change.enabled());
            trail.administration(change.enabled() ? "enable user" : "disable user", username);
        }
        if (change.password() != null) {
            accounts.resetPassword(username, change.password(), http.getRemoteAddr());
            trail.administration("reset password", username);
        }
        passwords.forget(username);
    }

    @Operation(summary = "Set an account's roles (security administrator)")
    @PutMapping("/api/v1/users/{username}/roles")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void setRoles(@PathVariable String username, @RequestBody List<String> roles) {
        if (accounts.user(username).isEmpty()) throw new NotFoundException(new InvalidInput("gateway.notFound.account", "username", username));
        Set<Role> granted = roles(roles);
        accounts.setRoles(username, granted);
        trail.administration("set roles " + granted, username);
        passwords.forget(username);
    }

    /** A client as administrators see it: never its secret or hash. */
    public record ClientView(String clientId, String name, String organisation, Set<String> grantTypes, Set<String> scopes,
                             List<String> redirectUris, Set<Role> roles, boolean confidential, Instant secretRotatedAt, boolean enabled) {}

    @Operation(summary = "Registered OAuth2 clients (system administrator)")
    @GetMapping("/api/v1/clients")
    public List<ClientView> clients() {
        Map<Long, String> codes = new LinkedHashMap<>();
        accounts.organisations().forEach(o -> codes.put(o.id(), o.code()));
        return accounts.clients().stream().map(c -> view(c, codes.get(c.organisationId()))).toList();
    }

    public record ClientRequest(String clientId, String name, String organisation, List<String> grantTypes, List<String> scopes,
                                List<String> redirectUris, Boolean confidential) {}

    @Operation(summary = "Register an OAuth2 client for an organisation; a confidential client's secret is in this answer only")
    @PostMapping("/api/v1/clients")
    @ResponseStatus(HttpStatus.CREATED)
    public Map<String, Object> registerClient(@RequestBody ClientRequest request) {
        Accounts.IssuedSecret issued = accounts.registerClient(RequestValues.required("clientId", request.clientId()),
                RequestValues.required("name", request.name()), RequestValues.required("organisation", request.organisation()),
                Set.copyOf(RequestValues.required("grantTypes", request.grantTypes())), request.scopes() == null ? Set.of() : Set.copyOf(request.scopes()),
                request.redirectUris() == null ? List.of() : request.redirectUris(), !Boolean.FALSE.equals(request.confidential()));
        trail.administration("register client " + issued.client().clientId() + " for " + request.organisation(), null);
        return issued(issued, request.organisation());
    }

    @Operation(summary = "Replace a client's secret: system administrator, or a member of the client's own organisation")
    @PostMapping("/api/v1/clients/{clientId}/secret")
    public Map<String, Object> rotateSecret(@PathVariable String clientId) {
        if (accounts.client(clientId).isEmpty()) throw new NotFoundException(new InvalidInput("gateway.notFound.client", "clientId", clientId));
        Accounts.IssuedSecret issued = accounts.rotateSecret(clientId, Viewers.current());
        trail.administration("rotate the secret of client " + clientId, null);
        return issued(issued, accounts.organisation(issued.client().organisationId()).map(Organisation::code).orElse(null));
    }

    @Operation(summary = "Token signing keys, newest first; a retired key stays published until its last token expired")
    @GetMapping("/api/v1/signing-keys")
    public List<SigningKeys.SigningKey> signingKeys() {
        return keys.keys();
    }

    @Operation(summary = "Rotate the token signing key now (system administrator)")
    @PostMapping("/api/v1/signing-keys")
    @ResponseStatus(HttpStatus.CREATED)
    public Map<String, String> rotateKey() {
        String kid = keys.rotate();
        trail.administration("rotate the token signing key to " + kid, null);
        return Map.of("kid", kid);
    }

    @Operation(summary = "The audit of logins: sign-ins, failures, lockouts, tokens issued, refused and revoked (audit administrator)")
    @GetMapping("/api/v1/audit/logins")
    public List<LoginEvent> loginEvents(@RequestParam(required = false) String principal, @RequestParam(required = false) String kind,
                                        @RequestParam(defaultValue = "100") int limit) {
        return accounts.loginEvents(principal, kind == null ? null : RequestValues.enumValue("kind", LoginEvent.Kind.class, kind),
                RequestValues.limit("limit", limit, 10_000));
    }

    private static Set<Role> roles(List<String> names) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String name : RequestValues.required("roles", names)) roles.add(RequestValues.enumValue("roles", Role.class, name));
        return roles;
    }

    private static AccountView view(UserAccount u, String organisation, Instant now) {
        return new AccountView(u.username(), u.displayName(), organisation, u.roles(), u.enabled(), u.lockedAt(now), u.passwordChangedAt());
    }

    private static ClientView view(ApiClient c, String organisation) {
        return new ClientView(c.clientId(), c.name(), organisation, c.grantTypes(), c.scopes(), c.redirectUris(), c.roles(), c.confidential(),
                c.secretRotatedAt(), c.enabled());
    }

    private static Map<String, Object> issued(Accounts.IssuedSecret issued, String organisation) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("client", view(issued.client(), organisation));
        if (issued.secret() != null) answer.put("clientSecret", issued.secret());
        return answer;
    }
}
