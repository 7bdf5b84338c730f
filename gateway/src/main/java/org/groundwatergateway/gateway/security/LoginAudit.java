package org.groundwatergateway.gateway.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.groundwatergateway.core.problem.InvalidInput;
import org.groundwatergateway.gateway.web.LocalizedProblems;
import org.groundwatergateway.policies.identity.Accounts;
import org.groundwatergateway.policies.identity.LoginEvent;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.security.authentication.CredentialsExpiredException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.http.converter.OAuth2ErrorHttpMessageConverter;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AccessTokenAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.web.authentication.OAuth2AccessTokenResponseAuthenticationSuccessHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;

/**
 * Records every token issued or refused, every revocation and every refused bearer token in the audit of logins
 * (password logins are recorded by {@link Accounts} itself), and answers as the standards require: OAuth2 error
 * responses (RFC 6749 §5.2: 401 for a client that failed to authenticate, 400 otherwise), RFC 6750 challenges for
 * bearer tokens, a Basic challenge otherwise.
 */
public final class LoginAudit {

    private final Accounts accounts;
    private final OAuth2ErrorHttpMessageConverter errors = new OAuth2ErrorHttpMessageConverter();
    private final AuthenticationSuccessHandler tokenResponse = new OAuth2AccessTokenResponseAuthenticationSuccessHandler();

    public LoginAudit(Accounts accounts) {
        this.accounts = accounts;
    }

    public AuthenticationSuccessHandler tokenIssued() {
        return (request, response, authentication) -> {
            String client = authentication instanceof OAuth2AccessTokenAuthenticationToken token ? token.getRegisteredClient().getClientId() : authentication.getName();
            accounts.recordLoginEvent(client, LoginEvent.Kind.TOKEN_ISSUED, "grant_type=" + request.getParameter("grant_type"), request.getRemoteAddr());
            tokenResponse.onAuthenticationSuccess(request, response, authentication);
        };
    }

    public AuthenticationFailureHandler tokenRefused() {
        return (request, response, exception) -> refuse(request, response, exception, "token request");
    }

    public AuthenticationFailureHandler clientRefused() {
        return (request, response, exception) -> refuse(request, response, exception, "client authentication");
    }

    public AuthenticationSuccessHandler tokenRevoked() {
        return (request, response, authentication) -> {
            accounts.recordLoginEvent(clientOf(request), LoginEvent.Kind.TOKEN_REVOKED, null, request.getRemoteAddr());
            response.setStatus(HttpStatus.OK.value());
        };
    }

    /**
     * 401 for a request without valid credentials: an RFC 6750 challenge for a bearer token, else Basic; the body is
     * problem details in the caller's language, saying why without telling which accounts exist.
     */
    public AuthenticationEntryPoint challenge() {
        return (request, response, exception) -> {
            String authorization = request.getHeader("Authorization");
            InvalidInput reason;
            if (authorization != null && authorization.regionMatches(true, 0, "Bearer", 0, 6)) {
                accounts.recordLoginEvent("bearer", LoginEvent.Kind.BEARER_REFUSED, exception.getMessage(), request.getRemoteAddr());
                reason = tokenRefusal(exception);
                // RFC 6750 §3: error_description is printable ASCII, so the challenge says it in English; the body says
                // it in the caller's language.
                String code = exception instanceof OAuth2AuthenticationException oauth && oauth.getError() != null ? oauth.getError().getErrorCode()
                        : OAuth2ErrorCodes.INVALID_TOKEN;
                response.setHeader("WWW-Authenticate", "Bearer error=\"" + code + "\", error_description=\""
                        + reason.message(Locale.ENGLISH).replaceAll("[^\\x20-\\x21\\x23-\\x5B\\x5D-\\x7E]", "?")
                        + "\", error_uri=\"https://tools.ietf.org/html/rfc6750#section-3.1\"");
            } else {
                response.addHeader("WWW-Authenticate", "Basic realm=\"Groundwater Gateway\", charset=\"UTF-8\"");
                response.addHeader("WWW-Authenticate", "Bearer");
                reason = exception instanceof LockedException ? new InvalidInput("gateway.unauthorized.locked", null)
                        : exception instanceof CredentialsExpiredException ? new InvalidInput("gateway.unauthorized.expired", null)
                        : authorization == null ? new InvalidInput("gateway.unauthorized.signIn", null)
                        : new InvalidInput("gateway.unauthorized.credentials", null);
            }
            LocalizedProblems.write(request, response, HttpStatus.UNAUTHORIZED.value(), reason);
        };
    }

    /**
     * Why a bearer token was refused, from the catalogue: malformed, expired, for another audience, or otherwise no
     * good (a bad signature, a revoked or unknown token: the same words, which tell a forger nothing).
     */
    private static InvalidInput tokenRefusal(AuthenticationException exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof JwtValidationException invalid) {
                String said = invalid.getErrors().stream().map(e -> String.valueOf(e.getDescription())).reduce("", String::concat);
                if (said.contains("expired")) return new InvalidInput("gateway.unauthorized.tokenExpired", null);
                if (said.contains("aud")) return new InvalidInput("gateway.unauthorized.tokenAudience", null);
                return new InvalidInput("gateway.unauthorized.tokenClaims", null);
            }
            if (cause instanceof BadJwtException bad && bad.getMessage() != null && bad.getMessage().contains("Malformed")) {
                return new InvalidInput("gateway.unauthorized.tokenMalformed", null);
            }
        }
        return new InvalidInput("gateway.unauthorized.token", null);
    }

    /** The login page says why, without telling which accounts exist. */
    public AuthenticationFailureHandler loginPageRefused() {
        return (request, response, exception) -> {
            String reason = exception instanceof LockedException ? "locked" : exception instanceof CredentialsExpiredException ? "expired" : "bad";
            String lang = request.getParameter("lang");
            response.sendRedirect(request.getContextPath() + "/login?error=" + reason
                    + (lang == null ? "" : "&lang=" + URLEncoder.encode(lang, StandardCharsets.UTF_8)));
        };
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, AuthenticationException exception, String what) throws IOException {
        OAuth2Error error = exception instanceof OAuth2AuthenticationException oauth ? oauth.getError()
                : new OAuth2Error(OAuth2ErrorCodes.INVALID_REQUEST, exception.getMessage(), null);
        accounts.recordLoginEvent(clientOf(request), LoginEvent.Kind.TOKEN_REFUSED,
                what + ": " + error.getErrorCode() + (error.getDescription() == null ? "" : " (" + error.getDescription() + ")"), request.getRemoteAddr());
        ServletServerHttpResponse http = new ServletServerHttpResponse(response);
        http.setStatusCode(OAuth2ErrorCodes.INVALID_CLIENT.equals(error.getErrorCode()) ? HttpStatus.UNAUTHORIZED : HttpStatus.BAD_REQUEST);
        errors.write(error, null, http);
    }

    /** The client as the request names it (form parameter or Basic user), for the record only. */
    private static String clientOf(HttpServletRequest request) {
        String client = request.getParameter("client_id");
        if (client != null) return client;
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String decoded = new String(java.util.Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                return java.net.URLDecoder.decode(colon < 0 ? decoded : decoded.substring(0, colon), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return "?";
            }
        }
        return "?";
    }
}
