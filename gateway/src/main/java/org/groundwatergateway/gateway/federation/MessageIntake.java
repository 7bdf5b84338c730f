package org.groundwatergateway.gateway.federation;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.groundwatergateway.core.federation.ForeignDatastream;
import org.groundwatergateway.core.federation.ForeignObservation;
import org.groundwatergateway.core.federation.Mirrors;
import org.groundwatergateway.gateway.federation.MessageRefusal.Reason;
import org.groundwatergateway.policies.Viewer;
import org.groundwatergateway.policies.federation.Agreement;
import org.groundwatergateway.policies.federation.Agreements;
import org.groundwatergateway.policies.federation.Peer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Observations a partner pushes as signed messages, one stream per datastream ({@code Datastreams(<its id>)}):
 * verified, checked against the caller (the partner's own client here) and the agreements in force, numbered, and
 * merged into the same mirror the puller fills, so push and pull never store an observation twice. Body:
 * {@code {"datastream": id, "name", "disclosure", "licence", "observations": [{"id", "phenomenonTime", "result"}]}} ({@code licence}
 * optional; if given, the agreement's).
 */
public final class MessageIntake {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int MAX_OBSERVATIONS = 10_000;
    /** The longest name and disclosure a mirrored datastream keeps (its columns). */
    static final int MAX_NAME = 200;
    static final int MAX_DISCLOSURE = 2000;

    private final SignedMessages messages;
    private final Agreements agreements;
    private final Mirrors mirrors;
    private final Clock clock;

    public MessageIntake(SignedMessages messages, Agreements agreements, Mirrors mirrors, Clock clock) {
        this.messages = messages;
        this.agreements = agreements;
        this.mirrors = mirrors;
        this.clock = clock;
    }

    public Mirrors.Merged receive(Viewer caller, SignedMessages.Message message) {
        SignedMessages.Accepted verified = messages.verify(message, fromCaller(caller));
        Peer peer = verified.sender();
        JsonNode body = body(verified.body());
        long datastream = body.path("datastream").asLong(-1);
        if (!verified.stream().equals("Datastreams(" + datastream + ")")) {
            throw new MessageRefusal(Reason.MALFORMED, "stream " + verified.stream() + " does not carry datastream " + datastream);
        }
        Agreement agreement = agreements.receivingNow().stream().filter(a -> a.peerId() == peer.id() && a.datastreams().contains(datastream)).findFirst()
                .orElseThrow(() -> new MessageRefusal(Reason.NOT_AGREED, "no agreement in force with " + peer.gatewayId() + " covers datastream " + datastream));
        JsonNode licence = body.path("licence");
        if (!licence.isMissingNode() && !licence.isNull() && !(licence.isString() && licence.asString().equals(agreement.licence()))) {
            throw new MessageRefusal(Reason.LICENCE, "licence " + licence + " is not the agreement's (" + agreement.licence() + ")");
        }
        if (!agreements.accepts(agreement.licence())) {
            throw new MessageRefusal(Reason.LICENCE, "this gateway no longer accepts data under " + agreement.licence() + " (gw.federation.accepted-licences)");
        }
        List<ForeignObservation> observations = observations(body.path("observations"));
        ForeignDatastream stored = mirrors.datastream(peer.id(), datastream).orElse(null);
        String disclosure = body.path("disclosure").asString(stored == null ? null : stored.disclosure());
        if (stored != null && !stored.masksAs(agreement.id(), disclosure)) {
            throw new MessageRefusal(Reason.NOT_AGREED, "datastream " + datastream + " masked otherwise than agreed (was: " + stored.disclosure() + "; now: " + disclosure + ")");
        }
        String name = body.path("name").asString(stored == null ? "Datastreams(" + datastream + ")" : stored.name());
        if (name == null || name.isBlank() || name.length() > MAX_NAME) {
            throw new MessageRefusal(Reason.MALFORMED, "body.name", "name: 1 to " + MAX_NAME + " characters");
        }
        if (disclosure != null && disclosure.length() > MAX_DISCLOSURE) {
            throw new MessageRefusal(Reason.MALFORMED, "body.disclosure", "disclosure: at most " + MAX_DISCLOSURE + " characters");
        }
        // The sequence number, the datastream and its observations in one transaction: a message whose data cannot be
        // stored leaves its number free, so the sender's retry is not refused as a replay.
        return mirrors.inTransaction(() -> {
            messages.accept(verified);
            long local = mirrors.mirror(peer.id(), datastream, agreement.id(), name, stored == null ? null : stored.description(),
                    stored == null ? null : stored.unit(), stored == null ? null : stored.thing(), agreement.licence(), disclosure);
            return mirrors.merge(local, observations, clock.instant());
        });
    }

    /** The check that a message's sender is the caller, made before its keys are fetched: no stranger makes us call a partner. */
    static Consumer<Peer> fromCaller(Viewer caller) {
        return sender -> {
            if (!sender.inboundClientId().equals(caller.name())) {
                throw new MessageRefusal(Reason.UNKNOWN_SENDER, "gateway " + sender.gatewayId() + " sends with its client " + sender.inboundClientId()
                        + " here, not " + caller.name());
            }
        };
    }

    private static JsonNode body(String text) {
        try {
            JsonNode body = JSON.readTree(text);
            if (body.isObject()) return body;
        } catch (JacksonException e) {
            // refused below
        }
        throw new MessageRefusal(Reason.MALFORMED, "the body is not a JSON object");
    }

    /** The body's observations, a malformed one refused naming its member and position ({@code body.observations[2].result}). */
    private static List<ForeignObservation> observations(JsonNode array) {
        if (!array.isArray() || array.size() > MAX_OBSERVATIONS) {
            throw new MessageRefusal(Reason.MALFORMED, "body.observations", "observations: an array of at most " + MAX_OBSERVATIONS);
        }
        List<ForeignObservation> observations = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            JsonNode o = array.get(i);
            String at = "observations[" + i + "]";
            if (!o.path("id").canConvertToLong()) throw new MessageRefusal(Reason.MALFORMED, "body." + at + ".id", at + ".id: a whole number");
            JsonNode result = o.path("result");
            if (!(result.isNumber() || result.isNull())) {
                throw new MessageRefusal(Reason.MALFORMED, "body." + at + ".result", at + ".result: a number or null, not a "
                        + result.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
            }
            observations.add(new ForeignObservation(o.path("id").asLong(), instant(o.path("phenomenonTime"), at), result.isNumber() ? result.asDouble() : null));
        }
        return observations;
    }

    private static Instant instant(JsonNode time, String at) {
        try {
            if (time.isString()) return Instant.parse(time.asString());
        } catch (DateTimeParseException e) {
            // refused below
        }
        throw new MessageRefusal(Reason.MALFORMED, "body." + at + ".phenomenonTime", at + ".phenomenonTime: an ISO-8601 instant");
    }
}
