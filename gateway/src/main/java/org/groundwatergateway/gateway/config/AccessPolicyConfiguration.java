package org.groundwatergateway.gateway.config;

import org.groundwatergateway.policies.AccessPolicy;
import org.groundwatergateway.policies.OpenAccessPolicy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The access policy every output path asks; open until role-based sharing is configured. */
@Configuration(proxyBeanMethods = false)
public class AccessPolicyConfiguration {

    @Bean
    AccessPolicy accessPolicy() {
        return new OpenAccessPolicy();
    }
}
