package org.groundwatergateway.gateway.config;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Reads are open for now (the sharing policies arrive with the policies module); every write needs an
 * authenticated administrator. The only account so far is the demo one, which exists only with the demo.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    static final String DEMO_ADMIN = "admin";
    static final String DEMO_ADMIN_PASSWORD = "demo-admin";
    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

    @Bean
    SecurityFilterChain api(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers(HttpMethod.GET, "/**").permitAll()
                        .requestMatchers(HttpMethod.HEAD, "/**").permitAll()
                        .requestMatchers(HttpMethod.OPTIONS, "/**").permitAll()
                        // OGC requests by POST are reads too (XML-encoded GetFeature, GetMap); the policy layer decides what they see.
                        .requestMatchers(HttpMethod.POST, "/ows", "/wfs", "/wms").permitAll()
                        // Analyses compute on the caller's numbers or read what reads may see; a run is followed and
                        // cancelled by its unguessable id.
                        .requestMatchers(HttpMethod.POST, "/api/v1/analytics/**").permitAll()
                        .requestMatchers(HttpMethod.DELETE, "/api/v1/analytics/jobs/*").permitAll()
                        // Whoever is notified of an alert may acknowledge it, not only administrators.
                        .requestMatchers(HttpMethod.POST, "/api/v1/alerts/*/acknowledge").authenticated()
                        .anyRequest().hasRole("ADMIN"))
                .httpBasic(Customizer.withDefaults())
                // A stateless API authenticated on every request carries no session cookie to forge.
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        return http.build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    UserDetailsService users(DemoMode demoMode, PasswordEncoder encoder) {
        InMemoryUserDetailsManager users = new InMemoryUserDetailsManager();
        if (demoMode.enabled()) {
            log.warn("Demo mode: the account '{}' with the published password '{}' can change data. "
                    + "Never run the demo on a network others can reach.", DEMO_ADMIN, DEMO_ADMIN_PASSWORD);
            users.createUser(User.withUsername(DEMO_ADMIN).password(encoder.encode(DEMO_ADMIN_PASSWORD)).roles("ADMIN").build());
        }
        return users;
    }
}
