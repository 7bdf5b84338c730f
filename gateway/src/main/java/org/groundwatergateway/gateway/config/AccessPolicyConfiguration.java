package org.groundwatergateway.gateway.config;

import java.time.Clock;
import org.groundwatergateway.core.storage.Database;
import org.groundwatergateway.policies.AccessPolicy;
import org.groundwatergateway.policies.disclosed.DisclosedRecords;
import org.groundwatergateway.policies.identity.Accounts;
import org.groundwatergateway.policies.sharing.PolicyRepository;
import org.groundwatergateway.policies.sharing.SharingPolicies;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The access policy every output path asks: the active version of the sharing policy, swapped without a restart
 * when the security administrator activates another. The first start stores the open policy as version 1 (active:
 * everyone sees everything, as before) and the shipped default as draft version 2.
 */
@Configuration(proxyBeanMethods = false)
public class AccessPolicyConfiguration {

    @Bean
    SharingPolicies sharingPolicies(Database database, Accounts accounts, Clock clock) {
        SharingPolicies policies = new SharingPolicies(new PolicyRepository(database), accounts, clock);
        policies.start();
        return policies;
    }

    /** A view of the sharing policies rather than the service itself, so that a test may replace the one without the other. */
    @Bean
    AccessPolicy accessPolicy(SharingPolicies policies) {
        return policies::disclose;
    }

    @Bean
    DisclosedRecords disclosedRecords(AccessPolicy policy, Clock clock) {
        return new DisclosedRecords(policy, clock);
    }
}
