package org.groundwatergateway.gateway.config;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.DispatcherType;
import org.groundwatergateway.gateway.security.RateLimitFilter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Registers the rate limiter ahead of Spring Security's filter chain (whose order is
 * {@code spring.security.filter.order}, -100 by default), so credentials are counted before any of them is checked,
 * and after the container's character-encoding and observation filters, so refusals are measured like every answer.
 */
@Configuration(proxyBeanMethods = false)
public class RateLimitConfiguration {

    @Bean
    FilterRegistrationBean<RateLimitFilter> rateLimitFilter(RateLimitProperties properties, MeterRegistry meters,
                                                            ObjectProvider<SecurityFilterProperties> securityFilter) {
        FilterRegistrationBean<RateLimitFilter> registration = new FilterRegistrationBean<>(new RateLimitFilter(properties, meters));
        registration.setName("rateLimitFilter");
        registration.setOrder(securityFilter.getIfAvailable(SecurityFilterProperties::new).getOrder() - 10);
        registration.addUrlPatterns("/*");
        registration.setDispatcherTypes(DispatcherType.REQUEST);
        registration.setEnabled(properties.enabled());
        return registration;
    }
}
