package org.groundwatergateway.gateway.config;

import org.groundwatergateway.gateway.sharing.WholeDatasets;
import org.groundwatergateway.policies.disclosed.DisclosedRecords;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The sharing policy before the REST resources it shows whole or not at all ({@link WholeDatasets}). */
@Configuration(proxyBeanMethods = false)
class SharingWebConfiguration implements WebMvcConfigurer {

    private final DisclosedRecords disclosed;

    SharingWebConfiguration(DisclosedRecords disclosed) {
        this.disclosed = disclosed;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new WholeDatasets(disclosed)).addPathPatterns(WholeDatasets.paths());
    }
}
