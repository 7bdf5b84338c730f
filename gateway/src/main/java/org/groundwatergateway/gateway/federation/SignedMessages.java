package org.groundwatergateway.gateway.federation;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.groundwatergateway.gateway.federation.MessageRefusal.Reason;
import org.groundwatergateway.policies.federation.Peer;

/**
 * Signed exchange messages between gateways (docs/federation.md, "Message format"). A message is its body (JSON text,
 * carried as is) and a compact JWS, {@code typ} {@value #TYPE}, signed RS256 by the sender's current signing key (the
 * one its authorization server signs tokens with, published in its JWKS at {@code /oauth2/jwks}), over the claims
 * {@code iss} (the sender's gateway id), {@code stream}, {@code seq} (1, 2, 3, ... per sender and stream), {@code iat}
 * (seconds) and {@code body_sha256} (base64url). The receiver refuses, with its reason, a message whose sender is not a
 * partner, whose key is not in the sender's JWKS, whose signature does not verify, whose body is not the signed one,
 * whose time is beyond the clock skew, or whose sequence number was accepted already or skips ahead.
 */
public final class SignedMessages {

    /** The JWS type of a federation message: no access token can pass for one, nor one for a token. */
    public static final String TYPE = "gw-federation+jws";

    /** A message as it travels. */
    public record Message(String signature, String body) {}

    /** A message verified and accepted: who sent it, on which stream, its number and time, and the body. */
    public record Accepted(Peer sender, String stream, long sequence, Instant sentAt, String body) {}

    /** The last sequence number accepted per sender and stream, and accepting the next one once only. */
    public interface Ledger {
        /** 0 if none was accepted yet. */
        long last(String sender, String stream);

        /** Records {@code sequence} as accepted after {@code previous}; false if another message got there first. */
        boolean accept(String sender, String stream, long previous, long sequence);
    }

    private final Supplier<RSAKey> signingKey;
    private final String gatewayId;
    private final Function<String, Optional<Peer>> peers;
    private final BiFunction<Peer, Boolean, JWKSet> keysOf;
    private final Ledger ledger;
    private final Duration skew;
    private final Clock clock;

    /**
     * @param signingKey our current signing key, with its private part
     * @param peers the registered partner with a gateway id
     * @param keysOf a partner's published keys; asked again ({@code true}) when a message names a key not among them
     */
    public SignedMessages(Supplier<RSAKey> signingKey, String gatewayId, Function<String, Optional<Peer>> peers, BiFunction<Peer, Boolean, JWKSet> keysOf,
                          Ledger ledger, Duration skew, Clock clock) {
        this.signingKey = signingKey;
        this.gatewayId = gatewayId;
        this.peers = peers;
        this.keysOf = keysOf;
        this.ledger = ledger;
        this.skew = skew;
        this.clock = clock;
    }

    /** Signs a body as message {@code sequence} of one of our streams. */
    public Message sign(String stream, long sequence, String body) {
        RSAKey key = signingKey.get();
        Map<String, Object> claims = Map.of("iss", gatewayId, "stream", stream, "seq", sequence, "iat", clock.instant().getEpochSecond(),
                "body_sha256", digest(body));
        JWSObject jws = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).type(new JOSEObjectType(TYPE)).build(),
                new Payload(claims));
        try {
            jws.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign with key " + key.getKeyID(), e);
        }
        return new Message(jws.serialize(), body);
    }

    /** Verifies a message and accepts its sequence number, or refuses it with the reason. */
    public Accepted receive(Message message) {
        return accept(verify(message));
    }

    /**
     * Verifies everything of a message but its sequence number: who sent it, with which key, that the signed part and
     * the body are as signed, and its time. The caller may check more of it before {@link #accept}ing it.
     */
    public Accepted verify(Message message) {
        return verify(message, peer -> { });
    }

    /**
     * As {@link #verify(Message)}, with a check of the sender (that it is the caller, say) made as soon as it is known
     * and before its keys are asked for: a message in a stranger's name makes us fetch nothing.
     */
    public Accepted verify(Message message, Consumer<Peer> senderCheck) {
        if (message == null || message.signature() == null || message.body() == null) throw new MessageRefusal(Reason.MALFORMED, "signature and body are required");
        JWSObject jws;
        Map<String, Object> claims;
        try {
            jws = JWSObject.parse(message.signature());
            claims = jws.getPayload().toJSONObject();
        } catch (ParseException e) {
            throw new MessageRefusal(Reason.MALFORMED, "not a compact JWS: " + e.getMessage());
        }
        JWSHeader header = jws.getHeader();
        if (claims == null || !JWSAlgorithm.RS256.equals(header.getAlgorithm()) || header.getType() == null || !TYPE.equals(header.getType().getType())) {
            throw new MessageRefusal(Reason.MALFORMED, "expected an RS256 JWS of type " + TYPE);
        }
        String sender = text(claims, "iss");
        Peer peer = peers.apply(sender).orElseThrow(() -> new MessageRefusal(Reason.UNKNOWN_SENDER, "gateway " + sender + " is not a registered partner"));
        senderCheck.accept(peer);
        RSAKey key = key(peer, header.getKeyID());
        try {
            if (!jws.verify(new RSASSAVerifier(key))) throw new MessageRefusal(Reason.BAD_SIGNATURE, "the signature does not verify under key " + key.getKeyID());
        } catch (JOSEException e) {
            throw new MessageRefusal(Reason.BAD_SIGNATURE, e.getMessage());
        }
        if (!MessageDigest.isEqual(digest(message.body()).getBytes(StandardCharsets.US_ASCII), text(claims, "body_sha256").getBytes(StandardCharsets.US_ASCII))) {
            throw new MessageRefusal(Reason.BODY_TAMPERED, "the body's SHA-256 is not the signed one");
        }
        Instant sentAt = Instant.ofEpochSecond(number(claims, "iat"));
        Duration off = Duration.between(sentAt, clock.instant()).abs();
        if (off.compareTo(skew) > 0) {
            throw new MessageRefusal(Reason.CLOCK_SKEW, "sent " + sentAt + ", " + off.toSeconds() + " s from our clock (at most " + skew.toSeconds() + " s)");
        }
        return new Accepted(peer, text(claims, "stream"), number(claims, "seq"), sentAt, message.body());
    }

    /** Accepts a verified message's sequence number: the next of its sender's stream, once. */
    public Accepted accept(Accepted message) {
        String sender = message.sender().gatewayId();
        String stream = message.stream();
        long sequence = message.sequence();
        long last = ledger.last(sender, stream);
        if (sequence <= last) throw new MessageRefusal(Reason.REPLAY, "sequence " + sequence + " of " + stream + " was accepted already (last " + last + ")");
        // The first message of a stream may start anywhere: a partner's history begins before we knew it.
        if (last > 0 && sequence != last + 1) {
            throw new MessageRefusal(Reason.SEQUENCE_GAP, "sequence " + sequence + " of " + stream + " after " + last + "; expected " + (last + 1));
        }
        if (!ledger.accept(sender, stream, last, sequence)) {
            throw new MessageRefusal(Reason.REPLAY, "sequence " + sequence + " of " + stream + " was accepted meanwhile");
        }
        return message;
    }

    /** The partner's key of this id, asking for its keys again once if it is not among those known (the partner rotated). */
    private RSAKey key(Peer peer, String kid) {
        if (kid == null) throw new MessageRefusal(Reason.UNKNOWN_KEY, "the message names no key id");
        JWK key = keysOf.apply(peer, false).getKeyByKeyId(kid);
        if (key == null) key = keysOf.apply(peer, true).getKeyByKeyId(kid);
        if (!(key instanceof RSAKey rsa)) throw new MessageRefusal(Reason.UNKNOWN_KEY, "gateway " + peer.gatewayId() + " publishes no RSA key " + kid);
        return rsa;
    }

    private static String text(Map<String, Object> claims, String name) {
        if (claims.get(name) instanceof String value && !value.isBlank()) return value;
        throw new MessageRefusal(Reason.MALFORMED, "claim " + name + " must be a non-empty string");
    }

    private static long number(Map<String, Object> claims, String name) {
        if (claims.get(name) instanceof Number value && value.longValue() >= 0 && value.doubleValue() == value.longValue()) return value.longValue();
        throw new MessageRefusal(Reason.MALFORMED, "claim " + name + " must be a whole number");
    }

    static String digest(String body) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java", e);
        }
    }
}
