package org.groundwatergateway.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;

/**
 * The authorization server and the resource server as real clients meet them (rest-assured over HTTP): discovery,
 * client credentials with a client an administrator registers, the token on SensorThings, WFS and REST; the
 * authorization code flow with PKCE through the login page; refresh; revocation; key rotation without downtime; and
 * every malformed or foreign credential refused with the standard's error, never a 500, and recorded.
 */
class IdentityFlowsTest extends RunningGateway {

    private OAuthFlows oauth;

    @Autowired
    JwtEncoder encoder;

    @BeforeEach
    void flows() {
        oauth = new OAuthFlows(http.base());
    }

    @Test
    void discoveryDescribesTheAuthorizationServer() {
        JsonPath discovery = given().get(http.base() + "/.well-known/openid-configuration").then().statusCode(200).extract().jsonPath();
        assertThat(discovery.getString("issuer")).isEqualTo(http.base());
        assertThat(discovery.getString("token_endpoint")).isEqualTo(http.base() + "/oauth2/token");
        assertThat(discovery.getList("grant_types_supported", String.class)).contains("authorization_code", "client_credentials", "refresh_token");
        assertThat(discovery.getList("code_challenge_methods_supported", String.class)).contains("S256");
        assertThat(discovery.getString("introspection_endpoint")).endsWith("/oauth2/introspect");
        assertThat(discovery.getString("revocation_endpoint")).endsWith("/oauth2/revoke");
        List<Map<String, Object>> keys = given().get(discovery.getString("jwks_uri")).then().statusCode(200).extract().jsonPath().getList("keys");
        assertThat(keys).isNotEmpty().allSatisfy(key -> assertThat(key).containsEntry("kty", "RSA").doesNotContainKey("d"));
        // The API description declares how to sign in, so Swagger UI and generated clients can.
        Map<String, Object> schemes = given().get(http.base() + "/v3/api-docs").jsonPath().getMap("components.securitySchemes");
        assertThat(schemes).containsKeys("oauth2", "bearer", "basic");
    }

    @Test
    void aRegisteredEnterpriseClientReadsThroughEveryDoorWithItsToken() {
        // The system administrator registers a client for enterprise E02; its secret is shown once.
        Response registered = given().auth().preemptive().basic("sysadmin", "demo-sysadmin").contentType("application/json")
                .body("{\"clientId\": \"e02-erp\", \"name\": \"海润精细化工 ERP\", \"organisation\": \"E02\", \"grantTypes\": [\"client_credentials\"], "
                        + "\"scopes\": [\"read\"]}")
                .post(http.base() + "/api/v1/clients");
        assertThat(registered.statusCode()).as(registered.asString()).isEqualTo(201);
        String secret = registered.jsonPath().getString("clientSecret");
        assertThat(secret).hasSizeGreaterThan(30);
        assertThat(given().auth().preemptive().basic("sysadmin", "demo-sysadmin").get(http.base() + "/api/v1/clients").asString())
                .contains("e02-erp").doesNotContain(secret);

        String token = oauth.clientToken("e02-erp", secret);
        JsonPath claims = OAuthFlows.claims(token);
        assertThat(claims.getString("org")).isEqualTo("E02");
        assertThat(claims.getString("org_kind")).isEqualTo("ENTERPRISE");
        assertThat(claims.getList("roles", String.class)).containsExactly("ENTERPRISE_USER");
        assertThat(claims.getString("aud")).isEqualTo("groundwater-gateway");
        assertThat(claims.getLong("exp") - claims.getLong("iat")).isEqualTo(600);

        JsonPath me = given().auth().oauth2(token).get(http.base() + "/api/v1/me").then().statusCode(200).extract().jsonPath();
        assertThat(me.getString("organisation")).isEqualTo("E02");
        given().auth().oauth2(token).get(http.base() + "/sta/v1.1/Things?$top=1").then().statusCode(200);
        given().auth().oauth2(token).get(http.base() + "/wfs?SERVICE=WFS&REQUEST=GetCapabilities").then().statusCode(200);
        given().auth().oauth2(token).get(http.base() + "/api/v1/wells").then().statusCode(200);
        // An enterprise may not read the park's on-call staff or write a well.
        given().auth().oauth2(token).get(http.base() + "/api/v1/on-call/contacts").then().statusCode(403);
        given().auth().oauth2(token).contentType("application/json").body("{}").post(http.base() + "/api/v1/wells").then().statusCode(403);
    }

    @Test
    void aPersonSignsInWithTheAuthorizationCodeFlowAndRefreshes() {
        OAuthFlows.Pkce pkce = OAuthFlows.Pkce.create();
        String code = oauth.authorizationCode("qgis", OAuthFlows.QGIS_REDIRECT, pkce, "duty", "demo-duty");
        Response tokens = oauth.exchange("qgis", "demo-secret-qgis", code, OAuthFlows.QGIS_REDIRECT, pkce.verifier());
        assertThat(tokens.statusCode()).as(tokens.asString()).isEqualTo(200);
        String access = tokens.jsonPath().getString("access_token");
        assertThat(tokens.jsonPath().getString("id_token")).isNotBlank();
        assertThat(OAuthFlows.claims(access).getString("sub")).isEqualTo("duty");
        assertThat(OAuthFlows.claims(access).getList("roles", String.class)).containsExactly("DUTY_OFFICER");
        assertThat(OAuthFlows.claims(access).getString("org")).isEqualTo("park-admin");
        given().auth().oauth2(access).get(http.base() + "/api/v1/on-call/now").then().statusCode(200);
        given().auth().oauth2(access).get(http.base() + "/userinfo").then().statusCode(200);

        String refreshToken = tokens.jsonPath().getString("refresh_token");
        Response refreshed = oauth.refresh("qgis", "demo-secret-qgis", refreshToken);
        assertThat(refreshed.statusCode()).as(refreshed.asString()).isEqualTo(200);
        String renewed = refreshed.jsonPath().getString("access_token");
        assertThat(renewed).isNotEqualTo(access);
        given().auth().oauth2(renewed).get(http.base() + "/api/v1/me").then().statusCode(200);
        // Refresh tokens are not reused: the first one is spent.
        assertThat(oauth.refresh("qgis", "demo-secret-qgis", refreshToken).jsonPath().getString("error")).isEqualTo("invalid_grant");

        // The same code again is refused, and revokes what was issued from it (RFC 6749 §4.1.2).
        Response replayed = oauth.exchange("qgis", "demo-secret-qgis", code, OAuthFlows.QGIS_REDIRECT, pkce.verifier());
        assertThat(replayed.statusCode()).isEqualTo(400);
        assertThat(replayed.jsonPath().getString("error")).isEqualTo("invalid_grant");
        given().auth().oauth2(renewed).get(http.base() + "/api/v1/me").then().statusCode(401);
    }

    @Test
    void aPkceVerifierThatDoesNotMatchIsRefused() {
        OAuthFlows.Pkce pkce = OAuthFlows.Pkce.create();
        String code = oauth.authorizationCode("portal", "http://localhost:8080/", pkce, "analyst", "demo-analyst");
        Response wrong = oauth.exchange("portal", null, code, "http://localhost:8080/", OAuthFlows.Pkce.create().verifier());
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(wrong.jsonPath().getString("error")).isEqualTo("invalid_grant");
        // The public portal client gets a token with the right verifier, but no refresh token (public clients cannot keep one).
        OAuthFlows.Pkce again = OAuthFlows.Pkce.create();
        Response right = oauth.exchange("portal", null, oauth.authorizationCode("portal", "http://localhost:8080/", again, "analyst", "demo-analyst"),
                "http://localhost:8080/", again.verifier());
        assertThat(right.statusCode()).as(right.asString()).isEqualTo(200);
        assertThat(right.jsonPath().getString("refresh_token")).isNull();
    }

    @Test
    void aRevokedTokenIsRefused() {
        String token = oauth.clientToken("enterprise-E03", "demo-secret-E03");
        given().auth().oauth2(token).get(http.base() + "/api/v1/me").then().statusCode(200);
        given().auth().preemptive().basic("enterprise-E03", "demo-secret-E03").formParam("token", token).formParam("token_type_hint", "access_token")
                .post(http.base() + "/oauth2/revoke").then().statusCode(200);
        Response refused = given().auth().oauth2(token).get(http.base() + "/api/v1/me");
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.header("WWW-Authenticate")).contains("invalid_token");
        JsonPath introspected = given().auth().preemptive().basic("enterprise-E03", "demo-secret-E03").formParam("token", token)
                .post(http.base() + "/oauth2/introspect").then().statusCode(200).extract().jsonPath();
        assertThat(introspected.getBoolean("active")).isFalse();
    }

    @Test
    void rotatingTheSigningKeyKeepsEarlierTokensValidUntilTheyExpire() {
        String before = oauth.clientToken("enterprise-E04", "demo-secret-E04");
        String oldKid = OAuthFlows.header(before).getString("kid");
        Response rotated = given().auth().preemptive().basic("sysadmin", "demo-sysadmin").post(http.base() + "/api/v1/signing-keys");
        assertThat(rotated.statusCode()).isEqualTo(201);
        String newKid = rotated.jsonPath().getString("kid");
        assertThat(newKid).isNotEqualTo(oldKid);

        given().auth().oauth2(before).get(http.base() + "/api/v1/me").then().statusCode(200);
        String after = oauth.clientToken("enterprise-E04", "demo-secret-E04");
        assertThat(OAuthFlows.header(after).getString("kid")).isEqualTo(newKid);
        given().auth().oauth2(after).get(http.base() + "/api/v1/me").then().statusCode(200);
        List<String> published = given().get(http.base() + "/oauth2/jwks").jsonPath().getList("keys.kid", String.class);
        assertThat(published).contains(oldKid, newKid);
    }

    @Test
    void malformedExpiredForeignAndMisaddressedCredentialsGetTheStandardsErrors() {
        int refusedBefore = loginEvents("TOKEN_REFUSED");
        int bearerBefore = loginEvents("BEARER_REFUSED");

        // Token endpoint (RFC 6749 §5.2).
        Response unknownClient = oauth.clientCredentials("no-such-client", "whatever");
        assertThat(unknownClient.statusCode()).isEqualTo(401);
        assertThat(unknownClient.jsonPath().getString("error")).isEqualTo("invalid_client");
        Response wrongSecret = oauth.clientCredentials("enterprise-E05", "not-the-secret");
        assertThat(wrongSecret.statusCode()).isEqualTo(401);
        assertThat(wrongSecret.jsonPath().getString("error")).isEqualTo("invalid_client");
        Response badGrant = given().auth().preemptive().basic("enterprise-E05", "demo-secret-E05").formParam("grant_type", "password")
                .post(http.base() + "/oauth2/token");
        assertThat(badGrant.statusCode()).isEqualTo(400);
        assertThat(badGrant.jsonPath().getString("error")).isEqualTo("unsupported_grant_type");
        Response unknownCode = oauth.exchange("qgis", "demo-secret-qgis", "not-a-code", OAuthFlows.QGIS_REDIRECT, "x".repeat(43));
        assertThat(unknownCode.statusCode()).isEqualTo(400);
        assertThat(unknownCode.jsonPath().getString("error")).isEqualTo("invalid_grant");

        // Resource server (RFC 6750 §3.1): malformed, expired, wrong audience, signed by a stranger.
        assertBearerRefused("not.a.jwt", "malformed");
        Instant now = Instant.now();
        assertBearerRefused(sign(now.minusSeconds(7200), now.minusSeconds(3600), "groundwater-gateway"), "expired");
        assertBearerRefused(sign(now, now.plusSeconds(600), "another-service"), "audience");
        String valid = oauth.clientToken("enterprise-E05", "demo-secret-E05");
        String[] parts = valid.split("\\.");
        assertBearerRefused(parts[0] + "." + parts[1] + "." + parts[2].substring(0, parts[2].length() - 6) + "AAAAAA", "");

        assertThat(loginEvents("TOKEN_REFUSED")).isGreaterThanOrEqualTo(refusedBefore + 4);
        assertThat(loginEvents("BEARER_REFUSED")).isGreaterThanOrEqualTo(bearerBefore + 4);
    }

    /** A token signed with the platform's own current key but claims chosen here: only lifetime or audience wrong. */
    private String sign(Instant issued, Instant expires, String audience) {
        JwtClaimsSet claims = JwtClaimsSet.builder().issuer(http.base()).subject("enterprise-E05").issuedAt(issued).notBefore(issued).expiresAt(expires)
                .audience(List.of(audience)).claim("org", "E05").claim("org_kind", "ENTERPRISE").claim("roles", List.of("ENTERPRISE_USER")).build();
        return encoder.encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).build(), claims)).getTokenValue();
    }

    private void assertBearerRefused(String token, String because) {
        Response refused = given().header("Authorization", "Bearer " + token).get(http.base() + "/api/v1/me");
        assertThat(refused.statusCode()).as(refused.asString()).isEqualTo(401);
        assertThat(refused.header("WWW-Authenticate")).startsWith("Bearer").contains("error=\"invalid_token\"").contains(because);
    }

    private int loginEvents(String kind) {
        return given().auth().preemptive().basic("auditor", "demo-auditor").queryParam("kind", kind).queryParam("limit", 10000)
                .get(http.base() + "/api/v1/audit/logins").then().statusCode(200).extract().jsonPath().getList("$").size();
    }
}
