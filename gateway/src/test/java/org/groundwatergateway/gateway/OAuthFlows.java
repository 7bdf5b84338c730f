package org.groundwatergateway.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.config.RedirectConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The OAuth2 flows as real clients run them against the gateway, with rest-assured: client credentials, and the
 * authorization code flow with PKCE through the login page, as a browser would (cookies, the form's CSRF token,
 * redirects read one by one).
 */
final class OAuthFlows {

    static final RestAssuredConfig NO_REDIRECTS = RestAssuredConfig.config().redirect(RedirectConfig.redirectConfig().followRedirects(false));
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private final String base;

    OAuthFlows(String base) {
        this.base = base;
    }

    /** A token response of the client credentials grant (status checked by the caller). */
    Response clientCredentials(String clientId, String secret) {
        return given().config(NO_REDIRECTS).auth().preemptive().basic(clientId, secret).formParam("grant_type", "client_credentials")
                .post(base + "/oauth2/token");
    }

    String clientToken(String clientId, String secret) {
        Response response = clientCredentials(clientId, secret);
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
        return response.jsonPath().getString("access_token");
    }

    /** A PKCE verifier and its S256 challenge (RFC 7636). */
    record Pkce(String verifier, String challenge) {
        static Pkce create() {
            byte[] bytes = new byte[32];
            new SecureRandom().nextBytes(bytes);
            String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            try {
                byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
                return new Pkce(verifier, Base64.getUrlEncoder().withoutPadding().encodeToString(digest));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** Signs in on the login page and returns the authorization code the redirect carries. */
    String authorizationCode(String clientId, String redirectUri, Pkce pkce, String username, String password) {
        String authorize = base + "/oauth2/authorize?response_type=code&client_id=" + clientId + "&redirect_uri=" + redirectUri
                + "&scope=openid%20read&state=s1&code_challenge=" + pkce.challenge() + "&code_challenge_method=S256";
        // The URL is encoded already: rest-assured must not encode it again.
        Response first = given().config(NO_REDIRECTS).urlEncodingEnabled(false).accept("text/html").get(authorize);
        assertThat(first.statusCode()).isEqualTo(302);
        assertThat(first.header("Location")).endsWith("/login");
        String session = first.cookie("JSESSIONID");
        Response page = given().config(NO_REDIRECTS).cookie("JSESSIONID", session).accept("text/html").get(base + "/login");
        assertThat(page.statusCode()).isEqualTo(200);
        Matcher csrf = CSRF.matcher(page.asString());
        assertThat(csrf.find()).as("the login form carries a CSRF token").isTrue();
        Response login = given().config(NO_REDIRECTS).cookie("JSESSIONID", session).contentType("application/x-www-form-urlencoded")
                .formParam("username", username).formParam("password", password).formParam("_csrf", csrf.group(1)).post(base + "/login");
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.header("Location")).as("signed in, back to the authorization request").contains("/oauth2/authorize");
        String signedIn = login.cookie("JSESSIONID") != null ? login.cookie("JSESSIONID") : session;
        Response authorized = given().config(NO_REDIRECTS).urlEncodingEnabled(false).cookie("JSESSIONID", signedIn).accept("text/html")
                .get(login.header("Location"));
        assertThat(authorized.statusCode()).isEqualTo(302);
        URI redirect = URI.create(authorized.header("Location"));
        assertThat(redirect.toString()).startsWith(redirectUri);
        for (String parameter : redirect.getRawQuery().split("&")) {
            if (parameter.startsWith("code=")) return parameter.substring(5);
        }
        throw new AssertionError("no code in " + redirect);
    }

    /** Exchanges a code at the token endpoint; a confidential client authenticates with Basic, a public one names itself. */
    Response exchange(String clientId, String secret, String code, String redirectUri, String verifier) {
        var request = given().config(NO_REDIRECTS).formParam("grant_type", "authorization_code").formParam("code", code)
                .formParam("redirect_uri", redirectUri).formParam("code_verifier", verifier);
        request = secret == null ? request.formParam("client_id", clientId) : request.auth().preemptive().basic(clientId, secret);
        return request.post(base + "/oauth2/token");
    }

    Response refresh(String clientId, String secret, String refreshToken) {
        return given().config(NO_REDIRECTS).auth().preemptive().basic(clientId, secret).formParam("grant_type", "refresh_token")
                .formParam("refresh_token", refreshToken).post(base + "/oauth2/token");
    }

    /** A person's access token through the whole authorization code flow (with PKCE) of the demo's QGIS client. */
    String personToken(String username, String password) {
        Pkce pkce = Pkce.create();
        String code = authorizationCode("qgis", QGIS_REDIRECT, pkce, username, password);
        Response tokens = exchange("qgis", "demo-secret-qgis", code, QGIS_REDIRECT, pkce.verifier());
        assertThat(tokens.statusCode()).as(tokens.asString()).isEqualTo(200);
        return tokens.jsonPath().getString("access_token");
    }

    static final String QGIS_REDIRECT = "http://127.0.0.1:7070/";

    /** The claims of a JWT, unverified: for reading what a token says, never for trusting it. */
    static JsonPath claims(String jwt) {
        return new JsonPath(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8));
    }

    static JsonPath header(String jwt) {
        return new JsonPath(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[0]), StandardCharsets.UTF_8));
    }
}
