package org.groundwatergateway.gateway.federation;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import org.groundwatergateway.core.federation.CapAlert;
import org.groundwatergateway.core.federation.JointWarning;
import org.groundwatergateway.core.federation.JointWarnings;
import org.groundwatergateway.gateway.security.Viewers;
import org.groundwatergateway.policies.Viewer;
import org.groundwatergateway.policies.disclosed.DisclosedRecords;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Joint warnings with partner gateways (docs/federation.md "Joint warnings"): ours and partners', each with both sides'
 * acknowledgements and closes. They are alerts, so they are shown to whom the sharing policy shows alerts unmasked, whole
 * or not at all.
 */
@RestController
@RequestMapping("/api/v1/joint-warnings")
@Tag(name = "Joint warnings", description = "联合预警 / joint warnings with partner parks (CAP 1.2)")
public class JointWarningController {

    private static final String DATASET = "alerts";

    private final JointWarnings warnings;
    private final DisclosedRecords disclosed;

    public JointWarningController(JointWarnings warnings, DisclosedRecords disclosed) {
        this.warnings = warnings;
        this.disclosed = disclosed;
    }

    /**
     * A joint warning as the API shows it: {@code cap} is served on its own ({@code ?f=cap}). {@code here} is this gateway's
     * side of it (origin or target), which acknowledges and closes for its park; null where this gateway is only told of it
     * (a province).
     */
    public record JointWarningView(long id, String identifier, JointWarning.Side origin, JointWarning.Side target, boolean ours,
                                   JointWarning.Side here, Long incidentId, boolean exercise, String headlineZh, String headlineEn, Long alertId,
                                   Instant raisedAt, List<JointWarning.Step> acknowledgements, List<JointWarning.Step> closes, String state,
                                   Instant closedAt) {
        static JointWarningView of(JointWarning w, String gateway) {
            String state = w.closed() ? "CLOSED" : w.closes().isEmpty() ? "OPEN" : "CLOSING";
            JointWarning.Side here = w.origin().gateway().equals(gateway) ? w.origin() : w.target().gateway().equals(gateway) ? w.target() : null;
            return new JointWarningView(w.id(), w.identifier(), w.origin(), w.target(), w.origin().gateway().equals(gateway), here,
                    w.incidentId(), w.exercise(), w.headlineZh(), w.headlineEn(), w.alertId(), w.raisedAt(), w.acknowledgements(), w.closes(),
                    state, w.closedAt());
        }
    }

    public record Step(String note) {}

    @GetMapping
    @Operation(summary = "Joint warnings raised here or by partners, newest first, with each side's acknowledgements and closes")
    public List<JointWarningView> all() {
        disclosed.requireUnmasked(Viewers.current(), DATASET);
        return warnings.all().stream().map(w -> JointWarningView.of(w, warnings.gateway())).toList();
    }

    @GetMapping(value = "/{id}", produces = {MediaType.APPLICATION_JSON_VALUE, CapAlert.MEDIA_TYPE})
    @Operation(summary = "One joint warning as JSON, or its CAP 1.2 alert (?f=cap or Accept: application/cap+xml)")
    public ResponseEntity<?> one(@PathVariable long id, @RequestParam(required = false) String f,
                                 @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        JointWarning warning = shown(id);
        if ("cap".equals(f) || accept != null && accept.contains(CapAlert.MEDIA_TYPE)) {
            return ResponseEntity.ok().contentType(MediaType.parseMediaType(CapAlert.MEDIA_TYPE + ";charset=UTF-8")).body(warning.cap());
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(JointWarningView.of(warning, warnings.gateway()));
    }

    @PostMapping("/{id}/acknowledge")
    @Operation(summary = "Acknowledge a joint warning for this park: stops its escalation here and is shown at the partner")
    public JointWarningView acknowledge(@PathVariable long id, @RequestBody(required = false) Step step) {
        shown(id);
        Viewer viewer = Viewers.current();
        return JointWarningView.of(warnings.acknowledge(id, viewer.name(), step == null ? null : step.note()), warnings.gateway());
    }

    @PostMapping("/{id}/close")
    @Operation(summary = "Close a joint warning for this park; it is closed once the partner closes it too")
    public JointWarningView close(@PathVariable long id, @RequestBody(required = false) Step step) {
        shown(id);
        Viewer viewer = Viewers.current();
        return JointWarningView.of(warnings.close(id, viewer.name(), step == null ? null : step.note()), warnings.gateway());
    }

    private JointWarning shown(long id) {
        disclosed.requireUnmasked(Viewers.current(), DATASET);
        return warnings.find(id).orElseThrow(() -> new DisclosedRecords.NotDisclosed("joint warning " + id));
    }
}
