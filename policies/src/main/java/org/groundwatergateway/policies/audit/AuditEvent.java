package org.groundwatergateway.policies.audit;

import java.util.Set;
import java.util.TreeSet;
import org.groundwatergateway.policies.Role;
import org.groundwatergateway.policies.Viewer;

/**
 * What a door, the sign-in or an administrator's console hands to {@link AuditLog#append}: who, from where, and
 * what was disclosed or done. The log adds the time, the sequence number and the chain. Personal fields
 * ({@code principal}, {@code address}, {@code subject}) are stored as salted hashes with their plaintext kept apart.
 *
 * @param action      the operation (a door's request type, a login outcome, an administrative action), without personal data
 * @param roles       the roles held, in any order
 * @param subject     the person an administrative action was about, or null
 * @param contentHash lower-case hex SHA-256 of exactly the bytes disclosed ({@link #sha256}), or null for no disclosure
 */
public record AuditEvent(AuditEntry.Kind kind, String action, String door, String dataset, String policyVersion, String principal,
                         Set<Role> roles, String organisation, String address, String subject, Long rowCount, Long valueCount,
                         String contentHash) {

    public AuditEvent {
        if (kind == null) throw new IllegalArgumentException("kind: required");
        action = limited("action", action, 500);
        if (action == null) throw new IllegalArgumentException("action: required");
        door = limited("door", door, 32);
        dataset = limited("dataset", dataset, 100);
        policyVersion = limited("policyVersion", policyVersion, 64);
        principal = limited("principal", principal, 500);
        organisation = limited("organisation", organisation, 64);
        address = limited("address", address, 500);
        subject = limited("subject", subject, 500);
        roles = roles == null ? Set.of() : Set.copyOf(roles);
        if (rowCount != null && rowCount < 0) throw new IllegalArgumentException("rowCount: must not be negative, was " + rowCount);
        if (valueCount != null && valueCount < 0) throw new IllegalArgumentException("valueCount: must not be negative, was " + valueCount);
        if (contentHash != null && !contentHash.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("contentHash: must be 64 lower-case hex digits (SHA-256), was '" + contentHash + "'");
        }
        if (kind == AuditEntry.Kind.DISCLOSURE && (door == null || dataset == null || contentHash == null)) {
            throw new IllegalArgumentException("a disclosure needs its door, dataset and contentHash");
        }
    }

    /**
     * A door disclosed {@code rows} rows holding {@code values} values of {@code dataset} to {@code viewer}, under
     * the sharing policy's {@code policyVersion}; {@code contentHash} is {@link #sha256} of the response body exactly
     * as sent, {@code address} the client's address.
     */
    public static AuditEvent disclosure(Viewer viewer, String door, String action, String dataset, String policyVersion, long rows, long values,
                                        String contentHash, String address) {
        return new AuditEvent(AuditEntry.Kind.DISCLOSURE, action, door, dataset, policyVersion, viewer.name(), viewer.roles(),
                viewer.organisation(), address, null, rows, values, contentHash);
    }

    /** A sign-in, token or refusal: {@code outcome} as the audit of logins names it (LOGIN_SUCCEEDED, TOKEN_ISSUED, ...). */
    public static AuditEvent login(String principal, String outcome, String address) {
        return new AuditEvent(AuditEntry.Kind.LOGIN, outcome, null, null, null, principal, Set.of(), null, address, null, null, null, null);
    }

    /** An administrator did {@code action} (no personal data in it) about {@code subject}, a person, or null. */
    public static AuditEvent administration(Viewer administrator, String action, String subject, String address) {
        return new AuditEvent(AuditEntry.Kind.ADMINISTRATION, action, null, null, null, administrator.name(), administrator.roles(),
                administrator.organisation(), address, subject, null, null, null);
    }

    /** The content hash of a disclosed body: lower-case hex SHA-256 of its bytes. */
    public static String sha256(byte[] disclosed) {
        return AuditEntry.sha256(disclosed);
    }

    /** The roles as stored and hashed: sorted names, ';'-separated; null for none. */
    String rolesText() {
        if (roles.isEmpty()) return null;
        TreeSet<String> names = new TreeSet<>();
        roles.forEach(r -> names.add(r.name()));
        return String.join(";", names);
    }

    private static String limited(String field, String value, int max) {
        if (value == null || value.isBlank()) return null;
        if (value.length() > max) throw new IllegalArgumentException(field + ": at most " + max + " characters, was " + value.length());
        return value;
    }
}
