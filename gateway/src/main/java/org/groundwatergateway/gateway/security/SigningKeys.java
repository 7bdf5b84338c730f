package org.groundwatergateway.gateway.security;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.groundwatergateway.core.storage.Database;
import org.groundwatergateway.core.storage.Rows;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The RSA keys access and ID tokens are signed with, kept in the database so tokens survive a restart. The newest
 * key that is not retired signs; rotating retires it and makes a new one, and a retired key stays in the published
 * JWKS until the last token it signed has expired, so rotation needs no downtime.
 */
public final class SigningKeys {

    public record SigningKey(String kid, Instant createdAt, Instant retiredAt) {}

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration tokenLifetime;
    private volatile JWKSet published;
    private volatile JWKSet signing;

    public SigningKeys(Database database, Clock clock, Duration tokenLifetime) {
        this.jdbc = database.jdbc();
        this.clock = clock;
        this.tokenLifetime = tokenLifetime;
        if (jdbc.sql("SELECT COUNT(*) FROM signing_keys WHERE retired_at IS NULL").query(Long.class).single() == 0) insertNew();
        reload();
    }

    /** Retires the signing key and starts signing with a new one; returns the new key's id. */
    public synchronized String rotate() {
        jdbc.sql("UPDATE signing_keys SET retired_at = ? WHERE retired_at IS NULL").param(Rows.timestamp(clock.instant())).update();
        String kid = insertNew();
        reload();
        return kid;
    }

    /** Rotates when the signing key is older than {@code age}; true if it did. */
    public synchronized boolean rotateIfOlderThan(Duration age) {
        if (age.isZero() || keys().stream().filter(k -> k.retiredAt() == null).allMatch(k -> k.createdAt().plus(age).isAfter(clock.instant()))) {
            reload();
            return false;
        }
        rotate();
        return true;
    }

    public List<SigningKey> keys() {
        return jdbc.sql("SELECT kid, created_at, retired_at FROM signing_keys ORDER BY created_at DESC")
                .query((rs, row) -> new SigningKey(rs.getString("kid"), Rows.instant(rs, "created_at"), Rows.instant(rs, "retired_at"))).list();
    }

    /** Only the current key: what the token encoder may sign with. */
    public JWKSource<SecurityContext> signingSource() {
        return (JWKSelector selector, SecurityContext context) -> selector.select(signing);
    }

    /** The current key, private part included: federation messages are signed with it too (docs/federation.md). */
    public RSAKey current() {
        return (RSAKey) signing.getKeys().get(0);
    }

    /** Every key a live token may have been signed with, public parts only: the JWKS and the verifier read this. */
    public JWKSource<SecurityContext> verificationSource() {
        return (JWKSelector selector, SecurityContext context) -> selector.select(published);
    }

    /** Drops keys whose tokens have all expired from the published set. */
    public synchronized void reload() {
        Instant oldest = clock.instant().minus(tokenLifetime);
        List<RSAKey> keys = jdbc.sql("SELECT * FROM signing_keys WHERE retired_at IS NULL OR retired_at > ? ORDER BY created_at DESC")
                .param(Rows.timestamp(oldest)).query(SigningKeys::rsaKey).list();
        published = new JWKSet(keys.stream().map(k -> (JWK) k.toPublicJWK()).toList());
        signing = new JWKSet(keys.get(0));
    }

    private String insertNew() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            String kid = UUID.randomUUID().toString();
            jdbc.sql("INSERT INTO signing_keys (kid, private_key, public_key, created_at) VALUES (?, ?, ?, ?)")
                    .params(kid, Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()),
                            Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()), Rows.timestamp(clock.instant()))
                    .update();
            return kid;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("RSA is part of every Java runtime", e);
        }
    }

    private static RSAKey rsaKey(ResultSet rs, int row) throws SQLException {
        try {
            KeyFactory factory = KeyFactory.getInstance("RSA");
            RSAPublicKey publicKey = (RSAPublicKey) factory.generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(rs.getString("public_key"))));
            RSAPrivateKey privateKey = (RSAPrivateKey) factory.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(rs.getString("private_key"))));
            return new RSAKey.Builder(publicKey).privateKey(privateKey).keyID(rs.getString("kid")).build();
        } catch (NoSuchAlgorithmException | InvalidKeySpecException e) {
            throw new IllegalStateException("signing key " + rs.getString("kid") + " cannot be read: " + e.getMessage(), e);
        }
    }
}
