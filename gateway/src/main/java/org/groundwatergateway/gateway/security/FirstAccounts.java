package org.groundwatergateway.gateway.security;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.groundwatergateway.core.demo.DemoPark;
import org.groundwatergateway.core.problem.CataloguedRefusal;
import org.groundwatergateway.core.problem.InvalidInput;
import org.groundwatergateway.policies.OrganisationKind;
import org.groundwatergateway.policies.Role;
import org.groundwatergateway.policies.identity.Accounts;
import org.groundwatergateway.policies.identity.LoginEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The accounts a fresh platform starts with. Outside demo mode there are none: the first system administrator is
 * made from {@code gw.security.initial-admin-password} or, without it, through a one-time setup token printed in the
 * log. The demo seeds one account per role and one API client per demo enterprise and for a partner park, all with
 * published passwords (README, "Accounts and sign-in").
 */
public final class FirstAccounts {

    /** The park administration's organisation, which the first administrator and the demo's staff belong to. */
    public static final String PARK_ADMINISTRATION = "park-admin";
    public static final String FIRST_ADMIN = "sysadmin";

    private static final Logger log = LoggerFactory.getLogger(FirstAccounts.class);
    private final Accounts accounts;
    private final PasswordLogins passwords;
    /** Where the setup token is also written, readable by the platform's own user only, and deleted once used. */
    private final Path tokenFile;
    private volatile byte[] setupTokenHash;

    public FirstAccounts(Accounts accounts, PasswordLogins passwords, Path dataDir) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.tokenFile = dataDir.resolve("setup-token");
    }

    /** At start: the demo's accounts, the configured first administrator, or a setup token; nothing once any account exists. */
    public void prepare(boolean demo, String initialAdminPassword) {
        if (accounts.anyAccount()) return;
        if (demo) {
            seedDemo();
        } else if (initialAdminPassword != null && !initialAdminPassword.isBlank()) {
            createFirstAdmin(FIRST_ADMIN, initialAdminPassword, "configuration");
            log.info("First system administrator '{}' created from gw.security.initial-admin-password; remove the setting now.", FIRST_ADMIN);
        } else {
            byte[] token = new byte[24];
            new SecureRandom().nextBytes(token);
            String text = Base64.getUrlEncoder().withoutPadding().encodeToString(token);
            setupTokenHash = sha256(text);
            writeTokenFile(text);
            log.warn("No account exists yet. Create the first system administrator once, with this one-time setup token (also in {}):\n"
                    + "  curl -H 'Content-Type: application/json' -d '{{\"token\":\"{}\",\"username\":\"sysadmin\",\"password\":\"<a strong password>\"}}' "
                    + "http://<host>:<port>/api/v1/setup", tokenFile, text);
        }
    }

    /** Uses the setup token (once) to create the first system administrator. */
    public synchronized void setUp(String token, String username, String password, String address) {
        byte[] expected = setupTokenHash;
        if (expected == null || token == null || !MessageDigest.isEqual(expected, sha256(token))) {
            accounts.recordLoginEvent(username, LoginEvent.Kind.SETUP, "refused: wrong or used setup token", address);
            throw new SetupRefused();
        }
        createFirstAdmin(username, password, address);
        setupTokenHash = null;
        try {
            Files.deleteIfExists(tokenFile);
        } catch (IOException e) {
            log.warn("Could not delete the used setup token file {}: {}", tokenFile, e.toString());
        }
    }

    private void writeTokenFile(String token) {
        try {
            Files.createDirectories(tokenFile.getParent());
            Files.deleteIfExists(tokenFile);
            try {
                Files.createFile(tokenFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException e) {
                Files.createFile(tokenFile);
            }
            Files.writeString(tokenFile, token);
        } catch (IOException e) {
            log.warn("Could not write the setup token to {}: {}", tokenFile, e.toString());
        }
    }

    /** Thrown for a wrong, used or absent setup token. */
    public static final class SetupRefused extends CataloguedRefusal {
        SetupRefused() {
            super(new InvalidInput("gateway.forbidden.setup", "token"));
        }
    }

    private void createFirstAdmin(String username, String password, String address) {
        if (accounts.organisation(PARK_ADMINISTRATION).isEmpty()) {
            accounts.createOrganisation(PARK_ADMINISTRATION, "园区管委会", "Park administration", OrganisationKind.PARK_ADMINISTRATION, null);
        }
        accounts.createUser(username, "系统管理员", PARK_ADMINISTRATION, Set.of(Role.SYSTEM_ADMIN), password);
        accounts.recordLoginEvent(username, LoginEvent.Kind.SETUP, "first system administrator created", address);
        passwords.forget(username);
    }

    /** Demo accounts: name, roles, organisation; the password of each is {@code demo-<name>}. */
    private record DemoAccount(String username, String displayName, String organisation, Set<Role> roles) {}

    private static final String PROVINCE = "js-eeb";
    private static final String PARTNER = "partner-park";

    private void seedDemo() {
        accounts.createOrganisation(PARK_ADMINISTRATION, "海滨示范化工园区管委会", "Haibin Demonstration Chemical Park Administration",
                OrganisationKind.PARK_ADMINISTRATION, null);
        accounts.createOrganisation(PROVINCE, "江苏省生态环境厅", "Jiangsu Department of Ecology and Environment", OrganisationKind.PROVINCIAL_REGULATOR, null);
        accounts.createOrganisation("nt-eeb", "南通市生态环境局", "Nantong Ecology and Environment Bureau", OrganisationKind.CITY_REGULATOR, null);
        accounts.createOrganisation(PARTNER, "邻近化工园区", "Neighbouring chemical park", OrganisationKind.PARTNER_PARK, null);
        for (DemoPark.DemoEnterprise e : DemoPark.enterprises()) {
            accounts.createOrganisation(e.number(), e.nameZh(), e.nameEn(), OrganisationKind.ENTERPRISE, e.creditCode());
            accounts.registerClientWithSecret("enterprise-" + e.number(), e.nameZh() + " 数据接口", e.number(), Set.of("client_credentials"),
                    Set.of("read"), List.of(), "demo-secret-" + e.number());
        }
        accounts.registerClientWithSecret(PARTNER, "邻近化工园区网关", PARTNER, Set.of("client_credentials"), Set.of("read", "federation"),
                List.of(), "demo-secret-partner");
        // The portal: a public client with PKCE (no refresh token for a public client). QGIS's OAuth2 "Authorization Code"
        // method with its default redirect, confidential so that it may refresh.
        accounts.registerClient("portal", "地下水监测门户", PARK_ADMINISTRATION, Set.of("authorization_code"), Set.of("read"),
                List.of("http://localhost:8080/", "http://127.0.0.1:8080/", "http://localhost:8080/swagger-ui/oauth2-redirect.html"), false);
        accounts.registerClientWithSecret("qgis", "QGIS", PARK_ADMINISTRATION, Set.of("authorization_code", "refresh_token"), Set.of("read"),
                List.of("http://127.0.0.1:7070/"), "demo-secret-qgis");
        Set<Role> operations = EnumSet.of(Role.DUTY_OFFICER, Role.SUPERVISOR, Role.EMERGENCY_TEAM, Role.ANALYST, Role.DATA_REVIEWER, Role.OM_ENGINEER);
        for (DemoAccount a : List.of(
                new DemoAccount("admin", "园区运营（演示，全部业务角色）", PARK_ADMINISTRATION, operations),
                new DemoAccount("duty", "值班员 张伟", PARK_ADMINISTRATION, Set.of(Role.DUTY_OFFICER)),
                new DemoAccount("supervisor", "主管 王芳", PARK_ADMINISTRATION, Set.of(Role.SUPERVISOR)),
                new DemoAccount("emergency", "应急队伍 李强", PARK_ADMINISTRATION, Set.of(Role.EMERGENCY_TEAM)),
                new DemoAccount("analyst", "分析员 刘洋", PARK_ADMINISTRATION, Set.of(Role.ANALYST)),
                new DemoAccount("reviewer", "数据审核员 陈静", PARK_ADMINISTRATION, Set.of(Role.DATA_REVIEWER)),
                new DemoAccount("om", "运维工程师 杨磊", PARK_ADMINISTRATION, Set.of(Role.OM_ENGINEER)),
                new DemoAccount("sysadmin", "系统管理员", PARK_ADMINISTRATION, Set.of(Role.SYSTEM_ADMIN)),
                new DemoAccount("secadmin", "安全管理员", PARK_ADMINISTRATION, Set.of(Role.SECURITY_ADMIN)),
                new DemoAccount("auditor", "审计管理员", PARK_ADMINISTRATION, Set.of(Role.AUDIT_ADMIN)),
                new DemoAccount("regulator", "省厅监管员", PROVINCE, Set.of(Role.REGULATOR)),
                new DemoAccount("enterprise", "江海石化 环保专员", "E01", Set.of(Role.ENTERPRISE_USER)),
                new DemoAccount("partner", "邻近园区 联络员", PARTNER, Set.of(Role.PARTNER_PARK)))) {
            accounts.createDemoUser(a.username(), a.displayName(), a.organisation(), a.roles(), "demo-" + a.username());
        }
        log.warn("Demo mode: accounts with published passwords (admin / demo-admin, duty / demo-duty, … see the README) and demo API "
                + "clients exist. Never run the demo on a network others can reach.");
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
