package org.groundwatergateway.gateway.config;

import java.time.Duration;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The web portal's build (portal/, served from {@code static/}): the operators' portal at {@code /} and the public
 * portal at {@code /public/} (its own page, {@code static/public/index.html}, which signs in nobody). Vite names every
 * file under {@code assets/} by a hash of its content, so a browser may keep them for good and a reload fetches only
 * the page, which names the current ones and is asked for afresh each time (Spring Security's no-cache default).
 */
@Configuration(proxyBeanMethods = false)
public class PortalConfiguration implements WebMvcConfigurer {

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/assets/**").addResourceLocations("classpath:/static/assets/")
                .setCacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable());
    }

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addRedirectViewController("/public", "/public/");
        registry.addViewController("/public/").setViewName("forward:/public/index.html");
    }
}
