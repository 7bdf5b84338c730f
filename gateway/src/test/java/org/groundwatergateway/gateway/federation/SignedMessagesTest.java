package org.groundwatergateway.gateway.federation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.groundwatergateway.core.storage.Database;
import org.groundwatergateway.core.testing.MutableClock;
import org.groundwatergateway.core.testing.TestDatabases;
import org.groundwatergateway.gateway.federation.MessageRefusal.Reason;
import org.groundwatergateway.gateway.federation.SignedMessages.Message;
import org.groundwatergateway.policies.federation.Peer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The six ways a message may be tampered with or mishandled, each refused for its own reason (and a clock too far
 * off); the untouched message is accepted, once. Park B signs with its key, park A receives knowing B as a partner
 * and B's published keys; the sequence ledger is the real one, on H2GIS.
 */
class SignedMessagesTest {

    private static final String STREAM = "Datastreams(12)";
    private static final String BODY = "{\"datastream\": 12, \"observations\": [{\"id\": 1, \"phenomenonTime\": \"2026-12-01T00:00:00Z\", \"result\": 7.1}]}";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-04T08:00:00Z"));
    private final Peer parkB = new Peer(1, "gw-park-b", "Park B", "PB", "http://127.0.0.1:1", "a-at-b", "secret", "b-at-a", null, null, Peer.Role.PARK, "test",
            clock.instant());
    private final AtomicInteger keyFetches = new AtomicInteger();
    private TestDatabases.TestDatabase database;
    private RSAKey keyOfB;
    private SignedMessages senderB;
    private SignedMessages receiverA;

    @BeforeEach
    void twoGateways() throws JOSEException {
        database = TestDatabases.h2gis();
        keyOfB = new RSAKeyGenerator(2048).keyID("b-1").generate();
        senderB = sender("gw-park-b", keyOfB);
        JWKSet published = new JWKSet(keyOfB.toPublicJWK());
        receiverA = new SignedMessages(() -> { throw new AssertionError("A signs nothing here"); }, "gw-park-a",
                id -> id.equals(parkB.gatewayId()) ? Optional.of(parkB) : Optional.empty(), (peer, again) -> {
                    keyFetches.incrementAndGet();
                    return published;
                }, new SequenceLedger(Database.migrate(database.dataSource())), Duration.ofMinutes(2), clock);
    }

    @AfterEach
    void close() throws Exception {
        database.close();
    }

    private SignedMessages sender(String gatewayId, RSAKey key) {
        // Only signs: it verifies nothing, so it needs no partners, keys or ledger.
        return new SignedMessages(() -> key, gatewayId, id -> Optional.empty(), (peer, again) -> new JWKSet(), null,
                Duration.ofMinutes(2), clock);
    }

    private Reason refusal(Message message) {
        try {
            receiverA.receive(message);
        } catch (MessageRefusal e) {
            System.out.println("Refused: " + e.getMessage());
            return e.reason();
        }
        throw new AssertionError("accepted: " + message);
    }

    @Test
    void anUntouchedMessageIsAcceptedOnceAndEachTamperingIsRefusedForItsReason() throws JOSEException {
        Message first = senderB.sign(STREAM, 1, BODY);
        SignedMessages.Accepted accepted = receiverA.receive(first);
        assertThat(accepted.sender().gatewayId()).isEqualTo("gw-park-b");
        assertThat(accepted.sequence()).isEqualTo(1);
        assertThat(accepted.body()).isEqualTo(BODY);

        // 1. body: the signed digest no longer matches.
        Message second = senderB.sign(STREAM, 2, BODY);
        assertThat(refusal(new Message(second.signature(), BODY.replace("7.1", "0.1")))).isEqualTo(Reason.BODY_TAMPERED);
        // 2. signature: a signed claim altered (the sequence number, here) breaks it.
        String[] parts = second.signature().split("\\.");
        String claims = new String(java.util.Base64.getUrlDecoder().decode(parts[1])).replace("\"seq\":2", "\"seq\":3");
        String forged = parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(claims.getBytes()) + "." + parts[2];
        assertThat(claims).contains("\"seq\":3");
        assertThat(refusal(new Message(forged, BODY))).isEqualTo(Reason.BAD_SIGNATURE);
        // ... and so does one signed by another key under B's key id.
        assertThat(refusal(sender("gw-park-b", new RSAKeyGenerator(2048).keyID("b-1").generate()).sign(STREAM, 2, BODY))).isEqualTo(Reason.BAD_SIGNATURE);
        // 3. sequence: one skipped.
        assertThat(refusal(senderB.sign(STREAM, 3, BODY))).isEqualTo(Reason.SEQUENCE_GAP);
        // 4. key: signed by a key B does not publish (B's JWKS asked again once, then refused).
        int fetches = keyFetches.get();
        assertThat(refusal(sender("gw-park-b", new RSAKeyGenerator(2048).keyID("stolen").generate()).sign(STREAM, 2, BODY))).isEqualTo(Reason.UNKNOWN_KEY);
        assertThat(keyFetches.get() - fetches).isEqualTo(2);
        // 5. sender: a gateway that is no partner of A.
        assertThat(refusal(sender("gw-park-x", keyOfB).sign(STREAM, 2, BODY))).isEqualTo(Reason.UNKNOWN_SENDER);
        // 6. replay: the first message again.
        assertThat(refusal(first)).isEqualTo(Reason.REPLAY);
        // Clock skew: a message sent three minutes ago (A allows two).
        Message late = senderB.sign(STREAM, 2, BODY);
        clock.advance(Duration.ofMinutes(3));
        assertThat(refusal(late)).isEqualTo(Reason.CLOCK_SKEW);

        // None of the refusals took a sequence number: the next one in order is still accepted, on this stream and on another.
        assertThat(receiverA.receive(senderB.sign(STREAM, 2, BODY)).sequence()).isEqualTo(2);
        assertThat(receiverA.receive(senderB.sign("Datastreams(13)", 7, BODY)).sequence()).isEqualTo(7);
        assertThat(refusal(senderB.sign(STREAM, 2, BODY))).isEqualTo(Reason.REPLAY);
        assertThat(refusal(new Message("not.a.jws", BODY))).isEqualTo(Reason.MALFORMED);
    }

    @Test
    void aSenderOtherThanTheCallerIsRefusedBeforeItsKeysAreFetched() {
        Message message = senderB.sign(STREAM, 1, BODY);
        assertThatThrownBy(() -> receiverA.verify(message, sender -> {
            throw new MessageRefusal(Reason.UNKNOWN_SENDER, "not the caller");
        })).isInstanceOf(MessageRefusal.class);
        assertThat(keyFetches.get()).as("no fetch for a message in another's name").isZero();
    }

    @Test
    void aFailedKeyFetchIsNotRepeatedWithinTheRefetchTime() throws Exception {
        try (FakePartner down = new FakePartner(path -> new FakePartner.Answer(503, "down"))) {
            Peer peer = new Peer(1, "gw-park-b", "Park B", "PB", down.baseUrl(), "a-at-b", "secret", "b-at-a", null, null, Peer.Role.PARK, "test", clock.instant());
            PartnerKeys keys = new PartnerKeys(Duration.ofSeconds(5), clock);
            for (int i = 0; i < 5; i++) {
                assertThatThrownBy(() -> keys.of(peer, true)).isInstanceOf(MessageRefusal.class)
                        .satisfies(e -> assertThat(((MessageRefusal) e).reason()).isEqualTo(Reason.UNKNOWN_KEY));
            }
            assertThat(down.count("/oauth2/jwks")).as("one fetch while it is down").isEqualTo(1);
            clock.advance(PartnerKeys.REFETCH.plusSeconds(1));
            assertThatThrownBy(() -> keys.of(peer, false)).isInstanceOf(MessageRefusal.class);
            assertThat(down.count("/oauth2/jwks")).as("asked again after the refetch time").isEqualTo(2);
        }
    }
}
