package org.groundwatergateway.gateway.notification;

import org.groundwatergateway.core.problem.InvalidInput;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import java.util.List;
import org.groundwatergateway.core.escalation.Delivery;
import org.groundwatergateway.core.escalation.Escalation;
import org.groundwatergateway.core.escalation.EscalationRepository;
import org.groundwatergateway.core.escalation.EscalationState;
import org.groundwatergateway.gateway.security.Viewers;
import org.groundwatergateway.gateway.web.NotFoundException;
import org.groundwatergateway.policies.disclosed.DisclosedRecords;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

@RestController
@RequestMapping("/api/v1/alerts")
@Tag(name = "Escalation", description = "报警升级与通知 / escalation, acknowledgement, deliveries, in-app push")
public class EscalationController {

    /** Who acknowledges (defaults to the signed-in account: shared control-room accounts name the person) and what they did. */
    public record AcknowledgeRequest(String who, String note) {}

    private final Escalation escalation;
    private final EscalationRepository store;
    private final AlertStream stream;

    private final DisclosedRecords disclosed;

    public EscalationController(Escalation escalation, EscalationRepository store, AlertStream stream, DisclosedRecords disclosed) {
        this.disclosed = disclosed;
        this.escalation = escalation;
        this.store = store;
        this.stream = stream;
    }

    @GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(summary = "In-app push: one server-sent event 'alert' per notification, as it is sent")
    public SseEmitter stream() {
        // The stream carries alerts as raised, values and all: only for an audience shown it unmasked.
        disclosed.requireUnmasked(Viewers.current(), AlertStream.DATASET);
        return stream.open();
    }

    @PostMapping("/{id}/acknowledge")
    @Operation(summary = "Acknowledge an alert, which stops its escalation; the first acknowledgement stands (any signed-in user)")
    public EscalationState acknowledge(@PathVariable long id, @RequestBody(required = false) AcknowledgeRequest request, Principal user) {
        String who = request != null && request.who() != null && !request.who().isBlank() ? request.who() : user.getName();
        return escalation.acknowledge(id, who, request == null ? null : request.note()).orElseThrow(() -> noEscalation(id));
    }

    @GetMapping("/{id}/escalation")
    @Operation(summary = "Where the alert stands on the chain: tier reached, next tier due, acknowledgement")
    public EscalationState state(@PathVariable long id) {
        return escalation.state(id).orElseThrow(() -> noEscalation(id));
    }

    @GetMapping("/{id}/deliveries")
    @Operation(summary = "Every notification attempt for the alert: channel, recipient, tier, SENT or FAILED with the error, time")
    public List<Delivery> deliveries(@PathVariable long id) {
        if (escalation.state(id).isEmpty()) throw noEscalation(id);
        return store.deliveries(id);
    }

    private static NotFoundException noEscalation(long id) {
        return new NotFoundException(new InvalidInput("gateway.notFound.escalation", "id", id));
    }
}
