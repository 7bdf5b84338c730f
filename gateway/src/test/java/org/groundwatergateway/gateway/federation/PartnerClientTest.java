package org.groundwatergateway.gateway.federation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.groundwatergateway.core.testing.MutableClock;
import org.groundwatergateway.policies.federation.Peer;
import org.junit.jupiter.api.Test;

/** A partner's answers are read up to a size, and what the partner wrote never becomes our error message. */
class PartnerClientTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-04T08:00:00Z"));

    private static FakePartner.Answer answer(String path) {
        return switch (path) {
            case "/oauth2/token" -> new FakePartner.Answer(200, "{\"access_token\": \"t\", \"expires_in\": 300}");
            case "/big" -> new FakePartner.Answer(200, "[" + "1,".repeat(5_000) + "1]");
            case "/garbled" -> new FakePartner.Answer(200, "<html>secret-of-the-partner</html>");
            default -> new FakePartner.Answer(200, "{\"value\": []}");
        };
    }

    @Test
    void anAnswerBeyondTheSizeLimitFailsAndAGarbledOneIsNotQuoted() throws Exception {
        try (FakePartner partner = new FakePartner(PartnerClientTest::answer)) {
            Peer peer = new Peer(1, "gw-park-b", "Park B", "PB", partner.baseUrl(), "a-at-b", "secret", "b-at-a", null, null, Peer.Role.PARK, "test", clock.instant());
            PartnerClient client = new PartnerClient(Duration.ofSeconds(5), 1024, clock);
            assertThat(client.get(peer, "/small").body().path("value").isArray()).isTrue();
            assertThatThrownBy(() -> client.get(peer, "/big")).isInstanceOf(PartnerFailure.class).hasMessageContaining("more than 1024 bytes");
            assertThatThrownBy(() -> client.get(peer, "/garbled")).isInstanceOf(PartnerFailure.class)
                    .hasMessageContaining(PartnerFailure.UNREADABLE).hasMessageNotContaining("secret-of-the-partner");
        }
    }
}
