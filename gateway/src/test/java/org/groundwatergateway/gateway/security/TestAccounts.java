package org.groundwatergateway.gateway.security;

import java.time.Clock;
import java.time.Duration;
import org.groundwatergateway.core.storage.Database;
import org.groundwatergateway.policies.OrganisationKind;
import org.groundwatergateway.policies.audit.AuditLog;
import org.groundwatergateway.policies.identity.Accounts;
import org.groundwatergateway.policies.identity.ApiClientRepository;
import org.groundwatergateway.policies.identity.LockoutPolicy;
import org.groundwatergateway.policies.identity.LoginEventRepository;
import org.groundwatergateway.policies.identity.OrganisationRepository;
import org.groundwatergateway.policies.identity.PasswordPolicy;
import org.groundwatergateway.policies.identity.UserAccountRepository;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

/**
 * Accounts over a test database for the store contracts: a park administration ({@code park-admin}) and one enterprise
 * ({@code E01}), a password history of 3, 90-day expiry, and a lockout after 3 failures for 15 minutes.
 */
public final class TestAccounts {

    private TestAccounts() {}

    public static Accounts withParkAndEnterprise(Database database, Clock clock, AuditLog audit) {
        Accounts accounts = new Accounts(new OrganisationRepository(database), new UserAccountRepository(database),
                new ApiClientRepository(database), new LoginEventRepository(database, audit), PasswordEncoderFactories.createDelegatingPasswordEncoder(),
                new PasswordPolicy(10, 3, 3, Duration.ofDays(90)), new LockoutPolicy(3, Duration.ofMinutes(15)), clock);
        accounts.createOrganisation("park-admin", "园区管委会", null, OrganisationKind.PARK_ADMINISTRATION, null);
        accounts.createOrganisation("E01", "江海石化", null, OrganisationKind.ENTERPRISE, "91320623MA107919XK");
        return accounts;
    }
}
