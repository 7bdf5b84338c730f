package org.groundwatergateway.gateway.federation;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.groundwatergateway.core.federation.JointWarning;
import org.groundwatergateway.core.federation.ForeignDatastream;
import org.groundwatergateway.core.federation.ForeignObservation;
import org.groundwatergateway.core.federation.MirrorState;
import org.groundwatergateway.core.federation.Mirrors;
import org.groundwatergateway.gateway.config.FederationProperties;
import org.groundwatergateway.gateway.security.AuditTrail;
import org.groundwatergateway.gateway.security.Viewers;
import org.groundwatergateway.gateway.web.RequestValues;
import org.groundwatergateway.policies.federation.Agreement;
import org.groundwatergateway.policies.federation.Agreements;
import org.groundwatergateway.policies.federation.Agreements.AgreementForm;
import org.groundwatergateway.policies.federation.Agreements.PeerForm;
import org.groundwatergateway.policies.federation.Peer;
import org.groundwatergateway.policies.sharing.ShareRefusal;
import org.groundwatergateway.core.problem.InvalidInput;
import org.groundwatergateway.gateway.web.LocalizedProblems;
import org.groundwatergateway.policies.Viewer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Federation (docs/federation.md): the security administrator's register of partner gateways and agreements (the
 * audit administrator reads it), with each partner's mirror state; and the mirrored foreign datastreams, with their
 * origin, for the park's staff, shown as the sharing policy shows {@code foreign_observations}.
 */
@RestController
public class FederationController {

    private final Agreements agreements;
    private final Mirrors mirrors;
    private final FederationProperties properties;
    private final MessageIntake intake;
    private final JointWarningExchange jointWarnings;
    private final MissingPartners missingPartners;
    private final IntakeLimiter limiter;
    private final AuditTrail trail;
    private final Clock clock;

    public FederationController(Agreements agreements, Mirrors mirrors, MessageIntake intake, JointWarningExchange jointWarnings,
                                MissingPartners missingPartners, FederationProperties properties, AuditTrail trail, Clock clock) {
        this.jointWarnings = jointWarnings;
        this.missingPartners = missingPartners;
        this.limiter = new IntakeLimiter(properties.intakePerMinute(), clock);
        this.agreements = agreements;
        this.intake = intake;
        this.mirrors = mirrors;
        this.properties = properties;
        this.trail = trail;
        this.clock = clock;
    }

    /** How a partner's mirror stands: FRESH, STALE (since the last whole pull) or NEVER pulled. */
    public record MirrorView(String state, Instant lastSuccessAt, Instant lastAttemptAt, int failures, String lastError, Instant nextAttemptAt) {
        static MirrorView of(MirrorState s, Instant now, FederationProperties properties) {
            String state = s.lastSuccessAt() == null ? "NEVER" : s.stale(now, properties.staleAfter()) ? "STALE" : "FRESH";
            return new MirrorView(state, s.lastSuccessAt(), s.lastAttemptAt(), s.failures(), s.lastError(), s.nextAttemptAt());
        }
    }

    /** A partner gateway as the API shows it: everything but the secret of our client there. */
    public record PeerView(long id, String gatewayId, String name, String parkCode, String baseUrl, String outboundClientId, String inboundClientId,
                           String boundary, String contact, Peer.Role role, String createdBy, Instant createdAt, MirrorView mirror) {}

    /** {@code grant}: for an agreement to share, the partner's grant that enforces it now (with its other agreements in force). */
    public record AgreementView(long id, long peer, Agreement.Direction direction, List<Long> datastreams, String level, String licence,
                                Instant validFrom, Instant validUntil, Long grant, Agreement.State state, String createdBy, Instant createdAt,
                                Agreement.End end) {}

    /** A mirrored datastream with its origin, and whether its mirror is current. */
    public record ForeignDatastreamView(long id, String name, String description, String unit, String thing, Origin origin, MirrorView mirror) {}

    /** Where foreign data comes from and on what terms: the partner's park and gateway, its id there, the licence, the source's masking. */
    public record Origin(String park, String gateway, long remoteId, String licence, String disclosure) {}

    public record Reason(String reason) {}

    @Operation(summary = "Partner gateways, each with its mirror state (FRESH, STALE with the last success, NEVER); never our client's secret")
    @GetMapping("/api/v1/federation/peers")
    public List<PeerView> peers() {
        return agreements.peers().stream().map(this::view).toList();
    }

    @Operation(summary = "One partner gateway with its mirror state")
    @GetMapping("/api/v1/federation/peers/{id}")
    public PeerView peer(@PathVariable long id) {
        return view(agreements.peer(id));
    }

    @Operation(summary = "Register a partner gateway: its base URL, our client credentials there, its client here (of a partner park), "
            + "its park boundary (WKT), contact and role (PARK, or PROVINCE: told of every joint warning); invalid input is refused naming each field")
    @PostMapping("/api/v1/federation/peers")
    @ResponseStatus(HttpStatus.CREATED)
    public PeerView register(@RequestBody PeerForm form) {
        Peer peer = agreements.register(Viewers.current(), form);
        trail.administration("register partner gateway " + peer.gatewayId() + " (" + peer.baseUrl() + ")", null);
        return view(peer);
    }

    @Operation(summary = "Agreements with partner gateways, newest first")
    @GetMapping("/api/v1/federation/agreements")
    public List<AgreementView> agreements() {
        return agreements.agreements().stream().map(this::view).toList();
    }

    @Operation(summary = "One agreement")
    @GetMapping("/api/v1/federation/agreements/{id}")
    public AgreementView agreement(@PathVariable long id) {
        return view(agreements.agreement(id));
    }

    @Operation(summary = "Record an agreement: SHARE (our datastreams, granted to the partner's organisation at once) or RECEIVE "
            + "(the partner's, pulled into a read-only mirror), at a disclosure level (a grant template), under a licence, for a period")
    @PostMapping("/api/v1/federation/agreements")
    @ResponseStatus(HttpStatus.CREATED)
    public AgreementView agree(@RequestBody AgreementForm form) {
        Agreement agreement = agreements.agree(Viewers.current(), form);
        AgreementView view = view(agreement);
        trail.administration("agree " + agreement.direction() + " " + agreement.id() + " with partner " + agreement.peerId() + " of datastreams "
                + agreement.datastreams() + " at " + agreement.level() + (view.grant() == null ? "" : ": the partner's grants issued anew, grant "
                + view.grant() + " in force"), null);
        return view;
    }

    @Operation(summary = "End an agreement, with the reason: sharing under it stops from the next request on")
    @PostMapping("/api/v1/federation/agreements/{id}/end")
    public AgreementView end(@PathVariable long id, @RequestBody Reason reason) {
        Agreement ended = agreements.end(Viewers.current(), id, reason.reason());
        trail.administration("end agreement " + id + " with partner " + ended.peerId(), null);
        return view(ended);
    }

    @Operation(summary = "Datastreams partners share with us: read-only mirrors with their origin (park, gateway, licence, the source's disclosure) "
            + "and whether each is current or stale since its last success")
    @GetMapping("/api/v1/federation/foreign-datastreams")
    public ResponseEntity<List<ForeignDatastreamView>> foreignDatastreams() {
        List<ForeignDatastreamView> views = mirrors.datastreams(null).stream().map(this::view).toList();
        List<MissingPartners.Missing> missing = missingPartners.missing(Viewers.current());
        ResponseEntity.BodyBuilder answer = ResponseEntity.ok();
        if (!missing.isEmpty()) answer.header(MissingPartners.HEADER, MissingPartners.header(missing));
        return answer.body(views);
    }

    @Operation(summary = "One mirrored datastream with its origin")
    @GetMapping("/api/v1/federation/foreign-datastreams/{id}")
    public ForeignDatastreamView foreignDatastream(@PathVariable long id) {
        return view(foreign(id));
    }

    @Operation(summary = "A mirrored datastream's observations, oldest first, from an ISO-8601 time with an offset (optional), at most limit (1000)")
    @GetMapping("/api/v1/federation/foreign-datastreams/{id}/observations")
    public List<ForeignObservation> foreignObservations(@PathVariable long id, @RequestParam(required = false) String from,
                                                        @RequestParam(defaultValue = "1000") int limit) {
        ForeignDatastream datastream = foreign(id);
        Instant since = RequestValues.instant("from", from);
        RequestValues.limit("limit", limit, 10_000);
        return mirrors.observations(datastream.id(), since, limit);
    }

    @Operation(summary = "Receive a partner gateway's signed message (observations of a datastream an agreement in force covers); refused with "
            + "the reason: malformed, unknown sender or key, bad signature, tampered body, clock skew, a licence not agreed, replay (409) or sequence gap (409); "
            + "more than gw.federation.intake-per-minute from one partner's client: 429 with Retry-After")
    @PostMapping("/api/v1/federation/messages")
    public Mirrors.Merged receive(@RequestBody SignedMessages.Message message) {
        return taken(caller -> intake.receive(caller, message));
    }

    /** What a partner's joint-warning message did here: the warning's CAP identifier and whether it is closed now. */
    public record JointWarningTaken(String identifier, boolean closed) {}

    @Operation(summary = "Receive a partner gateway's signed joint-warning message (a CAP 1.2 alert about our boundary, an acknowledgement or a "
            + "close of a warning both hold), refused as other signed messages are, and as not agreed when the sender is no side of the warning")
    @PostMapping(JointWarningExchange.PATH)
    public JointWarningTaken receiveJointWarning(@RequestBody SignedMessages.Message message) {
        return taken(caller -> {
            JointWarning warning = jointWarnings.receive(caller, message);
            return new JointWarningTaken(warning.identifier(), warning.closed());
        });
    }

    /** Takes a partner's message within its client's rate, a refusal answered with its reason (replays and gaps as conflicts). */
    private <T> T taken(Function<Viewer, T> intake) {
        Viewer caller = Viewers.current();
        long wait = limiter.take(caller.name());
        if (wait > 0) throw new Flooded(caller.name(), wait);
        try {
            return intake.apply(caller);
        } catch (MessageRefusal e) {
            MessageRefusal.Reason reason = e.reason();
            boolean order = reason == MessageRefusal.Reason.REPLAY || reason == MessageRefusal.Reason.SEQUENCE_GAP;
            throw ShareRefusal.of(order ? ShareRefusal.Kind.CONFLICT : ShareRefusal.Kind.INVALID, e.field(), reason + ": " + e.detail(),
                    reason.zh() + "（" + reason + "）：" + e.detail());
        }
    }

    /** A partner's client pushing beyond {@code gw.federation.intake-per-minute}. */
    static final class Flooded extends RuntimeException {
        final String client;
        final long retryAfter;

        Flooded(String client, long retryAfter) {
            super("client " + client + " pushes beyond its rate");
            this.client = client;
            this.retryAfter = retryAfter;
        }
    }

    /** 429 in the caller's language, with Retry-After: the message is not verified, numbered or stored, so the sender resends it. */
    @ExceptionHandler(Flooded.class)
    void flooded(Flooded e, HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfter));
        LocalizedProblems.write(request, response, HttpStatus.TOO_MANY_REQUESTS.value(),
                new InvalidInput("gateway.federation.flooded", "iss", e.client, limiter.perMinute(), e.retryAfter));
    }

    private ForeignDatastream foreign(long id) {
        return mirrors.datastream(id).orElseThrow(() -> ShareRefusal.of(ShareRefusal.Kind.NOT_FOUND, "id", "no foreign datastream " + id,
                "没有编号为 " + id + " 的外部数据流"));
    }

    private PeerView view(Peer p) {
        return new PeerView(p.id(), p.gatewayId(), p.name(), p.parkCode(), p.baseUrl(), p.outboundClientId(), p.inboundClientId(), p.boundary(),
                p.contact(), p.role(), p.createdBy(), p.createdAt(), MirrorView.of(mirrors.state(p.id()), clock.instant(), properties));
    }

    private AgreementView view(Agreement a) {
        return new AgreementView(a.id(), a.peerId(), a.direction(), a.datastreams(), a.level(), a.licence(), a.validFrom(), a.validUntil(),
                agreements.grantOf(Viewers.current(), a),
                a.state(clock.instant()), a.createdBy(), a.createdAt(), a.end());
    }

    private ForeignDatastreamView view(ForeignDatastream d) {
        Peer peer = agreements.peer(d.peerId());
        return new ForeignDatastreamView(d.id(), d.name(), d.description(), d.unit(), d.thing(),
                new Origin(peer.parkCode(), peer.gatewayId(), d.remoteId(), d.licence(), d.disclosure()),
                MirrorView.of(mirrors.state(d.peerId()), clock.instant(), properties));
    }
}
