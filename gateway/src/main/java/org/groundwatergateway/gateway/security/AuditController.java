package org.groundwatergateway.gateway.security;

import io.swagger.v3.oas.annotations.Operation;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.groundwatergateway.core.problem.InvalidInput;
import org.groundwatergateway.gateway.web.RequestValues;
import org.groundwatergateway.policies.audit.AuditEntry;
import org.groundwatergateway.policies.audit.AuditLog;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit administrator's console of the tamper-evident audit log: entries, verification of the chain and an export
 * for regulators; and the erasure of a person's personal data from it (security administrator). Who may call what
 * is the permission matrix's business.
 */
@RestController
public class AuditController {

    /** JSON lines, one object per line: the export's format. */
    static final MediaType JSON_LINES = MediaType.parseMediaType("application/x-ndjson");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final AuditLog audit;
    private final AuditTrail trail;

    public AuditController(AuditLog audit, AuditTrail trail) {
        this.audit = audit;
        this.trail = trail;
    }

    @Operation(summary = "Audit entries in order from a sequence number, with the plaintext of personal fields not erased (audit administrator)")
    @GetMapping("/api/v1/audit/entries")
    public List<AuditEntry> entries(@RequestParam(defaultValue = "1") long from, @RequestParam(defaultValue = "100") int limit) {
        return audit.entries(from, limit);
    }

    @Operation(summary = "Verify the whole audit chain: intact with its head, or the first changed, deleted or reordered entry (audit administrator)")
    @GetMapping("/api/v1/audit/verify")
    public AuditLog.Verification verify() {
        return audit.verify();
    }

    /** An exported entry: what its hash covers, the time exactly as hashed, no personal plaintext. */
    public record ExportedEntry(long seq, String at, AuditEntry.Kind kind, String action, String door, String dataset, String policyVersion,
                                String principalHash, String roles, String organisation, String addressHash, String subjectHash, Long rowCount,
                                Long valueCount, String contentHash, String previousHash, String entryHash) {
        static ExportedEntry of(AuditEntry e) {
            return new ExportedEntry(e.seq(), e.time(), e.kind(), e.action(), e.door(), e.dataset(), e.policyVersion(), e.principalHash(), e.roles(),
                    e.organisation(), e.addressHash(), e.subjectHash(), e.rowCount(), e.valueCount(), e.contentHash(), e.previousHash(), e.entryHash());
        }
    }

    @Operation(summary = "Export entries from..to as JSON lines for regulators: first the verification of the whole chain (its head hash is "
            + "the proof to keep), then one entry per line with its hashes and no personal plaintext (audit administrator)")
    @GetMapping("/api/v1/audit/export")
    public ResponseEntity<StreamingResponseBody> export(@RequestParam(defaultValue = "1") long from, @RequestParam(required = false) Long to) {
        AuditLog.Verification verification = audit.verify();
        long last = to == null ? verification.headSeq() : to;
        if (from < 1) throw new InvalidInput("gateway.atLeast", "from", 1, from);
        if (last < from) throw new InvalidInput("gateway.audit.toBeforeFrom", "to", from, last);
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("from", from);
        header.put("to", last);
        header.put("verification", verification);
        StreamingResponseBody body = out -> {
            line(out, header);
            audit.export(from, last, entry -> line(out, ExportedEntry.of(entry)));
        };
        return ResponseEntity.ok().contentType(JSON_LINES)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"audit-" + from + "-" + last + ".jsonl\"")
                .body(body);
    }

    public record ErasureRequest(String principal) {}

    @Operation(summary = "Erase a person's personal data from the audit log (name, addresses, name where an action was about them); the chain "
            + "stays verifiable and the erasure itself is recorded (security administrator)")
    @PostMapping("/api/v1/audit/erasures")
    public Map<String, Object> erase(@RequestBody ErasureRequest request) {
        String principal = RequestValues.required("principal", request.principal());
        int erased = audit.erase(principal);
        // The erasure is recorded without naming whom it was for: that name is what was just erased.
        long receipt = trail.administration("erase personal data from the audit log (" + erased + " fields)", null);
        return Map.of("fieldsErased", erased, "auditEntry", receipt);
    }

    private static void line(OutputStream out, Object value) {
        try {
            out.write(JSON.writeValueAsBytes(value));
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
