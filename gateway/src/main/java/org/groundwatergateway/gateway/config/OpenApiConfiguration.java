package org.groundwatergateway.gateway.config;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.OAuthFlow;
import io.swagger.v3.oas.models.security.OAuthFlows;
import io.swagger.v3.oas.models.security.Scopes;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.groundwatergateway.gateway.security.OperationPermissions;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The API description's title and its security schemes, so Swagger UI can sign in (authorization code with PKCE,
 * client credentials, a pasted Bearer token, or Basic) and clients generated from it know how to authenticate. Which
 * role each operation needs is the permission matrix (docs/security.md).
 */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfiguration {

    static final String OAUTH2 = "oauth2";
    static final String BEARER = "bearer";
    static final String BASIC = "basic";

    @Bean
    ApiDescriptionCompletion apiDescriptionCompletion(OperationPermissions permissions) {
        return new ApiDescriptionCompletion(permissions);
    }

    @Bean
    OpenAPI openApi() {
        Scopes scopes = new Scopes().addString("openid", "OpenID Connect sign-in").addString("read", "read the park's data");
        SecurityScheme oauth2 = new SecurityScheme().type(SecurityScheme.Type.OAUTH2).description("The platform's own authorization server")
                .flows(new OAuthFlows()
                        .authorizationCode(new OAuthFlow().authorizationUrl("/oauth2/authorize").tokenUrl("/oauth2/token").refreshUrl("/oauth2/token").scopes(scopes))
                        .clientCredentials(new OAuthFlow().tokenUrl("/oauth2/token").scopes(new Scopes().addString("read", "read the park's data"))));
        return new OpenAPI()
                .info(new Info().title("Groundwater Gateway API · 化工园区地下水监测平台").version("v1")
                        .description("REST API of the platform. Sign in with OAuth2 (authorization code with PKCE, or client credentials), a Bearer "
                                + "access token, or HTTP Basic; what each role may call is the permission matrix in docs/security.md."))
                .components(new Components().addSecuritySchemes(OAUTH2, oauth2)
                        .addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT"))
                        .addSecuritySchemes(BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")))
                .addSecurityItem(new SecurityRequirement().addList(OAUTH2))
                .addSecurityItem(new SecurityRequirement().addList(BEARER))
                .addSecurityItem(new SecurityRequirement().addList(BASIC));
    }
}
