package org.groundwatergateway.gateway.config;

import java.time.Clock;
import java.util.Set;
import org.groundwatergateway.core.storage.Database;
import org.groundwatergateway.gateway.notification.AlertStream;
import org.groundwatergateway.gateway.sharing.DisclosureReceipts;
import org.groundwatergateway.gateway.sharing.DisclosuresAsked;
import org.groundwatergateway.policies.AccessPolicy;
import org.groundwatergateway.policies.audit.AuditLog;
import org.groundwatergateway.policies.disclosed.DisclosedRecords;
import org.groundwatergateway.policies.identity.Accounts;
import org.groundwatergateway.policies.sharing.GrantTemplates;
import org.groundwatergateway.policies.sharing.Grants;
import org.groundwatergateway.policies.sharing.PolicyRepository;
import org.groundwatergateway.policies.sharing.ShareRepository;
import org.groundwatergateway.policies.sharing.ShareWorkflow;
import org.groundwatergateway.policies.sharing.SharingPolicies;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The access policy every output path asks: the active version of the sharing policy, swapped without a restart
 * when the security administrator activates another. The first start stores the open policy as version 1 (active:
 * everyone sees everything, as before) and the shipped default as draft version 2. Grants approved through the share
 * workflow take part in every evaluation.
 */
@Configuration(proxyBeanMethods = false)
public class AccessPolicyConfiguration {

    @Bean
    Grants grants(Database database, Clock clock) {
        return new Grants(new ShareRepository(database), clock);
    }

    @Bean
    SharingPolicies sharingPolicies(Database database, Grants grants, Accounts accounts, Clock clock) {
        SharingPolicies policies = new SharingPolicies(new PolicyRepository(database), grants, accounts, clock);
        policies.start();
        return policies;
    }

    /** Requests, decisions and grants; a decision reaches {@link Grants} (and so every door) before it returns. */
    @Bean
    ShareWorkflow shareWorkflow(Database database, Grants grants, Clock clock) {
        return new ShareWorkflow(new ShareRepository(database), GrantTemplates.shipped(), grants, clock);
    }

    /**
     * A view of the sharing policies rather than the service itself, so that a test may replace the one without the
     * other; every answer is noted for the request's receipt.
     */
    @Bean
    AccessPolicy accessPolicy(SharingPolicies policies) {
        return (viewer, dataset) -> DisclosuresAsked.record(dataset, policies.disclose(viewer, dataset));
    }

    /** Every answer of a data door is recorded in the audit log with its receipt; event streams are not (they never end). */
    @Bean
    FilterRegistrationBean<DisclosureReceipts> disclosureReceipts(AuditLog audit, SharingPolicies policies) {
        FilterRegistrationBean<DisclosureReceipts> registration = new FilterRegistrationBean<>(new DisclosureReceipts(audit, policies::activeVersion,
                Set.of(AlertStream.DESTINATION)));
        registration.addUrlPatterns("/wfs", "/wms", "/ows", "/ogcapi", "/ogcapi/*", "/sta/*", "/catalog", "/catalog/*", "/api/v1/wells", "/api/v1/wells/*",
                "/api/v1/datastreams", "/api/v1/datastreams/*", "/api/v1/quality-classes", "/api/v1/alerts", "/api/v1/alerts/*", "/api/v1/reports/*", "/api/v1/parks", "/api/v1/parks/*",
                "/api/v1/parameters", "/api/v1/parameters/*", "/api/v1/devices", "/api/v1/devices/*", "/api/v1/sensors/*", "/api/v1/on-call/*",
                "/api/v1/incidents", "/api/v1/incidents/*", "/api/v1/plans", "/api/v1/cameras", "/api/v1/drills", "/api/v1/drills/*", "/api/v1/data-quality",
                "/api/v1/federation/foreign-datastreams", "/api/v1/federation/foreign-datastreams/*");
        return registration;
    }

    @Bean
    DisclosedRecords disclosedRecords(AccessPolicy policy, Clock clock) {
        return new DisclosedRecords(policy, clock);
    }
}
