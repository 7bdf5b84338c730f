package org.groundwatergateway.gateway.config;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.groundwatergateway.core.storage.Database;
import org.groundwatergateway.gateway.security.AccessTokens;
import org.groundwatergateway.gateway.security.AuditTrail;
import org.groundwatergateway.gateway.sharing.DisclosureReceipts;
import org.groundwatergateway.gateway.security.FirstAccounts;
import org.groundwatergateway.gateway.security.Authorizations;
import org.groundwatergateway.gateway.security.LoginAudit;
import org.groundwatergateway.gateway.security.OperationPermissions;
import org.groundwatergateway.gateway.security.PasswordLogins;
import org.groundwatergateway.gateway.security.RegisteredClients;
import org.groundwatergateway.gateway.security.RememberedTokens;
import org.groundwatergateway.gateway.security.SigningKeys;
import org.groundwatergateway.gateway.security.TokenClaims;
import org.groundwatergateway.gateway.security.Viewers;
import org.groundwatergateway.policies.audit.AuditLog;
import org.groundwatergateway.policies.identity.Accounts;
import org.groundwatergateway.policies.identity.ApiClientRepository;
import org.groundwatergateway.policies.identity.LockoutPolicy;
import org.groundwatergateway.policies.identity.LoginEventRepository;
import org.groundwatergateway.policies.identity.OrganisationRepository;
import org.groundwatergateway.policies.identity.PasswordPolicy;
import org.groundwatergateway.policies.identity.UserAccountRepository;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * Who is asking, on every door. The platform is its own OAuth 2.1 / OpenID Connect authorization server (clients
 * and people from the accounts, signing keys and issued tokens in the database), and every other request is checked
 * by the permission matrix ({@link OperationPermissions}) after one of: a Bearer access token of ours (verified
 * locally, refused once revoked), HTTP Basic for desktop OGC clients (a verified password is remembered briefly), or
 * the session of the login page. Browser sessions are protected against cross-site requests; token and Basic
 * requests carry no cookie to forge.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    @Bean
    @Order(1)
    SecurityFilterChain authorizationServer(HttpSecurity http, RegisteredClients clients, Authorizations authorizations, LoginAudit audit,
                                            JwtDecoder jwtDecoder, PortalProperties portal) throws Exception {
        RequestMatcher[] endpoints = new RequestMatcher[1];
        http.oauth2AuthorizationServer(server -> {
            endpoints[0] = server.getEndpointsMatcher();
            server.registeredClientRepository(clients)
                    .authorizationService(authorizations)
                    .oidc(Customizer.withDefaults())
                    .tokenEndpoint(token -> token.accessTokenResponseHandler(audit.tokenIssued()).errorResponseHandler(audit.tokenRefused()))
                    .clientAuthentication(client -> client.errorResponseHandler(audit.clientRefused()))
                    .tokenRevocationEndpoint(revocation -> revocation.revocationResponseHandler(audit.tokenRevoked()))
                    .tokenIntrospectionEndpoint(introspection -> introspection.errorResponseHandler(audit.tokenRefused()));
        });
        http.securityMatcher(endpoints[0])
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                // A browser that is not signed in is sent to the login page; the token endpoints answer in JSON.
                .exceptionHandling(exceptions -> exceptions.defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"),
                        new MediaTypeRequestMatcher(MediaType.TEXT_HTML)))
                .oauth2ResourceServer(resource -> resource.jwt(jwt -> jwt.decoder(jwtDecoder)));
        securityHeaders(http, portal);
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain api(HttpSecurity http, PasswordLogins passwords, JwtDecoder jwtDecoder, LoginAudit audit, OperationPermissions permissions,
                            CorsProperties cors, PortalProperties portal) throws Exception {
        http.cors(c -> c.configurationSource(crossOrigin(cors)))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(HttpMethod.OPTIONS, "/**").permitAll()
                        .anyRequest().access(permissions))
                .authenticationProvider(passwords)
                .httpBasic(basic -> basic.authenticationEntryPoint(audit.challenge()))
                .formLogin(form -> form.loginPage("/login").failureHandler(audit.loginPageRefused()).defaultSuccessUrl("/", false))
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
                .oauth2ResourceServer(resource -> resource.jwt(jwt -> jwt.decoder(jwtDecoder).jwtAuthenticationConverter(tokenAuthorities()))
                        .authenticationEntryPoint(audit.challenge()))
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(audit.challenge()).accessDeniedHandler(permissions.deniedHandler()))
                // Only a browser session can be ridden by another site; Bearer and Basic requests bring no cookie.
                .csrf(csrf -> csrf.requireCsrfProtectionMatcher(request -> !isSafe(request.getMethod())
                        && request.getHeader("Authorization") == null && request.getSession(false) != null))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.IF_REQUIRED));
        securityHeaders(http, portal);
        return http.build();
    }

    /**
     * Added to Spring Security's defaults (nosniff, frame denial, no caching of authenticated answers). Every page the
     * gateway serves (sign-in, consent, Swagger UI, the OGC API's HTML) loads only its own scripts, so scripts are held
     * to this origin; inline styles stay allowed, as Swagger UI sets them, and images may be data: or blob: URLs, or tiles
     * of the hosts of the one tile service configured for the portal's map (gw.portal.base-tiles).
     * form-action is left out: the consent form ends in a redirect to the client's own redirect URI (QGIS on localhost),
     * which browsers would block under it. Referrers never leave the origin: URLs here can carry authorization codes.
     */
    private static void securityHeaders(HttpSecurity http, PortalProperties portal) throws Exception {
        String images = String.join(" ", Stream.concat(Stream.of("'self'", "data:", "blob:"),
                portal.tileSources().stream()).toList());
        http.headers(headers -> headers
                .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
                        + "img-src " + images + "; object-src 'none'; base-uri 'self'; frame-ancestors 'none'"))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                .contentTypeOptions(Customizer.withDefaults()));
    }

    /**
     * Cross-origin access on the configured paths for the configured origins only. Without credentials: a page of
     * another origin sends its own Bearer token, never this gateway's session cookie, so it cannot act as the person
     * signed in here. The headers a client of the data doors reads (receipts, Location of a created entity, Retry-After)
     * are exposed.
     */
    private static CorsConfigurationSource crossOrigin(CorsProperties properties) {
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        if (properties.allowedOrigins().isEmpty()) return source;
        CorsConfiguration configuration = new CorsConfiguration();
        configuration.setAllowedOrigins(properties.allowedOrigins());
        configuration.setAllowedMethods(properties.allowedMethods());
        configuration.setAllowedHeaders(List.of(HttpHeaders.AUTHORIZATION, HttpHeaders.CONTENT_TYPE, HttpHeaders.ACCEPT, HttpHeaders.ACCEPT_LANGUAGE));
        configuration.setExposedHeaders(List.of(AuditTrail.HEADER, DisclosureReceipts.HEADER, HttpHeaders.LOCATION, HttpHeaders.RETRY_AFTER, HttpHeaders.CONTENT_LANGUAGE));
        configuration.setAllowCredentials(false);
        configuration.setMaxAge(Duration.ofHours(1));
        properties.paths().forEach(path -> source.registerCorsConfiguration(path, configuration));
        return source;
    }

    private static boolean isSafe(String method) {
        return method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS") || method.equals("TRACE");
    }

    /** A token's roles are its authorities, as a password sign-in's are. */
    private static JwtAuthenticationConverter tokenAuthorities() {
        JwtGrantedAuthoritiesConverter roles = new JwtGrantedAuthoritiesConverter();
        roles.setAuthoritiesClaimName(Viewers.ROLES);
        roles.setAuthorityPrefix("ROLE_");
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(roles);
        return converter;
    }

    @Bean
    OperationPermissions operationPermissions() {
        return OperationPermissions.fromClasspath();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    Accounts accounts(Database database, AuditLog audit, PasswordEncoder encoder, SecurityProperties properties, Clock clock) {
        return new Accounts(new OrganisationRepository(database), new UserAccountRepository(database), new ApiClientRepository(database),
                new LoginEventRepository(database, audit), encoder,
                new PasswordPolicy(properties.passwordMinLength(), properties.passwordClasses(), properties.passwordHistory(), properties.passwordMaxAge()),
                new LockoutPolicy(properties.lockoutAttempts(), properties.lockoutDuration()), clock);
    }

    @Bean
    LoginAudit loginAudit(Accounts accounts) {
        return new LoginAudit(accounts);
    }

    @Bean
    PasswordLogins passwordLogins(Accounts accounts, SecurityProperties properties, Clock clock) {
        return new PasswordLogins(accounts, properties.basicCacheTtl(), clock);
    }

    @Bean
    FirstAccounts firstAccounts(Accounts accounts, PasswordLogins passwords, GatewayProperties gateway) {
        return new FirstAccounts(accounts, passwords, gateway.dataDir());
    }

    @Bean
    RegisteredClients registeredClients(Accounts accounts, SecurityProperties properties) {
        return new RegisteredClients(accounts, properties.accessTokenTtl(), properties.refreshTokenTtl());
    }

    @Bean
    Authorizations authorizations(Database database, RegisteredClients clients, Clock clock) {
        return new Authorizations(new JdbcOAuth2AuthorizationService(new JdbcTemplate(database.dataSource()), clients), clock);
    }

    @Bean
    SigningKeys signingKeys(Database database, Clock clock, SecurityProperties properties) {
        return new SigningKeys(database, clock, properties.accessTokenTtl());
    }

    /** The JWKS the authorization server publishes: every key a live token may carry. */
    @Bean
    JWKSource<SecurityContext> jwkSource(SigningKeys keys) {
        return keys.verificationSource();
    }

    @Bean
    JwtEncoder jwtEncoder(SigningKeys keys) {
        return new NimbusJwtEncoder(keys.signingSource());
    }

    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> tokenClaims(Accounts accounts, SecurityProperties properties) {
        return new TokenClaims(accounts, properties.audience());
    }

    @Bean
    AuthorizationServerSettings authorizationServerSettings(SecurityProperties properties) {
        AuthorizationServerSettings.Builder settings = AuthorizationServerSettings.builder();
        if (properties.issuer() != null && !properties.issuer().isBlank()) settings.issuer(properties.issuer());
        return settings.build();
    }

    /**
     * Verifies our own tokens locally: signature by a published key, lifetime and audience once per token, and on every
     * use that it was not revoked.
     */
    @Bean
    JwtDecoder jwtDecoder(SigningKeys keys, Authorizations authorizations, SecurityProperties properties, Clock clock) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(keys.verificationSource()).build();
        OAuth2TokenValidator<Jwt> audience = jwt -> jwt.getAudience() != null && jwt.getAudience().contains(properties.audience())
                ? OAuth2TokenValidatorResult.success()
                : OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "The token is not for audience " + properties.audience(), null));
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(new JwtTimestampValidator(), audience));
        return new RememberedTokens(decoder, authorizations, clock);
    }

    @Bean
    AccessTokens accessTokens(JwtDecoder decoder) {
        return token -> {
            try {
                return java.util.Optional.of(Viewers.of(decoder.decode(token)));
            } catch (org.springframework.security.oauth2.jwt.JwtException e) {
                return java.util.Optional.empty();
            }
        };
    }
}
