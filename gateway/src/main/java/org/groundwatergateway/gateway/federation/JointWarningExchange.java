package org.groundwatergateway.gateway.federation;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.groundwatergateway.core.emergency.IncidentService;
import org.groundwatergateway.core.federation.CapAlert;
import org.groundwatergateway.core.federation.JointWarning;
import org.groundwatergateway.core.federation.JointWarnings;
import org.groundwatergateway.gateway.federation.MessageRefusal.Reason;
import org.groundwatergateway.policies.Viewer;
import org.groundwatergateway.policies.federation.Peer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Joint warnings between gateways as signed messages (docs/federation.md "Joint warnings"), on one stream per sender and
 * receiver, {@value #STREAM}: a raised warning ({@code ALERT}, carrying the CAP 1.2 alert), an acknowledgement
 * ({@code ACKNOWLEDGE}) and a close ({@code CLOSE}). Outgoing ones are written to the {@link Outbox} in the transaction
 * that records them and delivered in order every second; incoming ones are verified as every federation message is
 * (signature, body, time, sequence), and must be about a warning the sender is a side of.
 */
public final class JointWarningExchange implements JointWarnings.Courier {

    public static final String STREAM = "JointWarnings";
    /** Where a partner takes them. */
    public static final String PATH = "/api/v1/federation/joint-warning-messages";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Logger log = LoggerFactory.getLogger(JointWarningExchange.class);

    private final Outbox outbox;
    private final SignedMessages messages;
    private final PartnerClient client;
    private final Function<String, Optional<Peer>> peerByGateway;
    private final Supplier<List<Peer>> peers;
    private final Clock clock;
    private JointWarnings warnings;

    public JointWarningExchange(Outbox outbox, SignedMessages messages, PartnerClient client, Function<String, Optional<Peer>> peerByGateway,
                                Supplier<List<Peer>> peers, Clock clock) {
        this.outbox = outbox;
        this.messages = messages;
        this.client = client;
        this.peerByGateway = peerByGateway;
        this.peers = peers;
        this.clock = clock;
    }

    /** The service this exchange is the courier of (each needs the other). */
    public void serve(JointWarnings warnings) {
        this.warnings = warnings;
    }

    /**
     * An incident's forecast attached: a joint warning for each partner park whose registered boundary it reaches, each
     * sent to every provincial partner too.
     */
    public void forecasted(IncidentService.Forecasted forecasted) {
        List<Peer> all = peers.get();
        List<JointWarnings.Partner> partners = all.stream().filter(p -> p.role() == Peer.Role.PARK)
                .map(p -> new JointWarnings.Partner(p.gatewayId(), p.parkCode(), p.boundary())).toList();
        List<String> provinces = all.stream().filter(p -> p.role() == Peer.Role.PROVINCE).map(Peer::gatewayId).toList();
        for (JointWarning raised : warnings.forecast(forecasted.incident(), forecasted.forecast(), partners, provinces)) {
            log.info("Joint warning {} raised with {}", raised.identifier(), raised.target().gateway());
        }
    }

    @Override
    public void raised(String receiver, JointWarning warning) {
        ObjectNode body = JSON.createObjectNode().put("kind", "ALERT").put("identifier", warning.identifier());
        body.putObject("origin").put("gateway", warning.origin().gateway()).put("park", warning.origin().park());
        body.putObject("target").put("gateway", warning.target().gateway()).put("park", warning.target().park());
        body.put("cap", warning.cap());
        outbox.write(receiver, STREAM, body.toString(), clock.instant());
    }

    @Override
    public void stepped(String receiver, JointWarning warning, JointWarnings.StepKind kind, JointWarning.Step step) {
        // An addressee the origin named that is no partner of ours (a province we have not registered) cannot be sent to:
        // a letter for it would wait in the outbox for ever.
        if (peerByGateway.apply(receiver).isEmpty()) {
            log.info("Joint warning {}: addressee {} is no partner here; our {} is not sent to it", warning.identifier(), receiver, kind);
            return;
        }
        ObjectNode body = JSON.createObjectNode().put("kind", kind.name()).put("identifier", warning.identifier()).put("gateway", step.gateway())
                .put("park", step.park()).put("by", step.by()).put("note", step.note()).put("at", step.at().toString());
        outbox.write(receiver, STREAM, body.toString(), clock.instant());
    }

    /** Delivers what is waiting, each partner's in order; a partner that fails keeps the rest of its messages for the next round. */
    public int deliver() {
        int delivered = 0;
        Set<String> stopped = new HashSet<>();
        for (Outbox.Letter letter : outbox.pending()) {
            if (stopped.contains(letter.receiver())) continue;
            Optional<Peer> peer = peerByGateway.apply(letter.receiver());
            if (peer.isEmpty()) {
                stopped.add(letter.receiver());
                continue;
            }
            SignedMessages.Message message = messages.sign(letter.stream(), letter.sequence(), letter.body());
            String json = JSON.createObjectNode().put("signature", message.signature()).put("body", message.body()).toString();
            try {
                PartnerClient.Posted answer = client.post(peer.get(), PATH, json);
                // A replay means the partner took it before (our mark of delivery was lost): delivered all the same.
                if (answer.status() == 200 || answer.status() == 409 && answer.body() != null && answer.body().contains(Reason.REPLAY.name())) {
                    outbox.delivered(letter, clock.instant());
                    delivered++;
                    continue;
                }
                outbox.failed(letter, "partner answered " + answer.status());
            } catch (PartnerFailure e) {
                outbox.failed(letter, e.getMessage());
            }
            stopped.add(letter.receiver());
        }
        return delivered;
    }

    /** A partner's joint-warning message, verified and applied with its sequence number in one transaction. */
    public JointWarning receive(Viewer caller, SignedMessages.Message message) {
        SignedMessages.Accepted verified = messages.verify(message, MessageIntake.fromCaller(caller));
        if (!STREAM.equals(verified.stream())) throw new MessageRefusal(Reason.MALFORMED, "stream", "joint warnings travel on stream " + STREAM);
        String sender = verified.sender().gatewayId();
        JsonNode body = body(verified.body());
        Runnable accept = () -> messages.accept(verified);
        try {
            String kind = body.path("kind").asString("");
            // The sender's park is named as we registered it, whatever the message calls it: its origin is the partner we know.
            String park = verified.sender().parkCode();
            if (kind.equals("ALERT")) {
                JointWarning.Side origin = side(body.path("origin"));
                JointWarning.Side target = side(body.path("target"));
                // A province names the target park as it registered it, too: its steps then come under the same name.
                String targetPark = peerByGateway.apply(target.gateway()).map(Peer::parkCode).orElse(target.park());
                return warnings.received(sender, new JointWarning.Side(origin.gateway(), park), new JointWarning.Side(target.gateway(), targetPark),
                        text(body, "cap"), accept);
            }
            JointWarnings.StepKind step = JointWarnings.StepKind.valueOf(kind);
            return warnings.stepReceived(sender, text(body, "identifier"), step, new JointWarning.Step(text(body, "gateway"), park,
                    text(body, "by"), body.path("note").isString() ? body.path("note").asString() : null, Instant.parse(text(body, "at"))), accept);
        } catch (CapAlert.NotCap e) {
            throw new MessageRefusal(Reason.MALFORMED, "body.cap", e.getMessage());
        } catch (JointWarnings.NotTheirs e) {
            throw new MessageRefusal(Reason.NOT_AGREED, "body.identifier", e.getMessage());
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
            throw new MessageRefusal(Reason.MALFORMED, "body.kind", "kind ALERT, ACKNOWLEDGE or CLOSE, with its members");
        }
    }

    private static JointWarning.Side side(JsonNode node) {
        return new JointWarning.Side(text(node, "gateway"), text(node, "park"));
    }

    private static String text(JsonNode node, String name) {
        JsonNode value = node.path(name);
        if (!value.isString() || value.asString().isBlank() || value.asString().length() > 100_000) {
            throw new MessageRefusal(Reason.MALFORMED, "body." + name, name + " is required");
        }
        return value.asString();
    }

    private static JsonNode body(String text) {
        try {
            JsonNode body = JSON.readTree(text);
            if (body.isObject()) return body;
        } catch (JacksonException e) {
            // refused below
        }
        throw new MessageRefusal(Reason.MALFORMED, "body", "the body is not a JSON object");
    }
}
