package org.groundwatergateway.policies.audit;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;

/**
 * One entry of the audit log as stored and chained. Personal fields appear only as salted hashes; their plaintext
 * (while not erased) is in {@link Personal}.
 *
 * <p>{@link #entryHash} is the SHA-256 of the entry's {@linkplain #canonical() canonical form}, which includes the
 * previous entry's hash but not the sequence number: the chain's links, not a column, fix the order, so a row moved
 * to another number is told apart from a row whose content changed.
 *
 * @param seq the receipt id: dense from 1 in the order the entries were appended
 */
public record AuditEntry(long seq, Instant at, Kind kind, String action, String door, String dataset, String policyVersion,
                         String principalHash, String roles, String organisation, String addressHash, String subjectHash,
                         Long rowCount, Long valueCount, String contentHash, String previousHash, String entryHash,
                         Personal personal) {

    public enum Kind { DISCLOSURE, LOGIN, ADMINISTRATION }

    /** The hash before the first entry. */
    public static final String GENESIS = "0".repeat(64);

    /** The plaintext of the personal fields, each null when there was none or it was erased. */
    public record Personal(String principal, String address, String subject) {
        public static final Personal NONE = new Personal(null, null, null);
    }

    /** Microseconds: what both databases keep of a timestamp, so the hashed time is the stored time. */
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    /**
     * The bytes the entry hash covers, documented in docs/security.md so that a regulator can recompute it from an
     * export: each field in this order as a netstring ({@code <UTF-8 byte length>:<bytes>,}), an absent field as
     * {@code -,}; the time as {@code yyyy-MM-ddTHH:mm:ss.ffffffZ} in UTC, counts in decimal.
     */
    public byte[] canonical() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        for (String field : new String[] {previousHash, time(), kind.name(), action, door, dataset, policyVersion, principalHash, roles,
                organisation, addressHash, subjectHash, rowCount == null ? null : rowCount.toString(),
                valueCount == null ? null : valueCount.toString(), contentHash}) {
            if (field == null) {
                out.writeBytes(new byte[] {'-', ','});
            } else {
                byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
                out.writeBytes((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
                out.writeBytes(bytes);
                out.write(',');
            }
        }
        return out.toByteArray();
    }

    /** The time as the hash covers it: UTC, to the microsecond, always six fraction digits. */
    public String time() {
        return TIME.format(at);
    }

    /** The hash this entry's fields give, to compare with the stored {@link #entryHash}. */
    public String computedHash() {
        return sha256(canonical());
    }

    /** Lower-case hex SHA-256, the form of every hash in the audit log. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** This numbered entry as the writer chains it: linked to the previous entry's hash, and hashed. */
    AuditEntry chained(String previousHash) {
        String hash = new AuditEntry(seq, at, kind, action, door, dataset, policyVersion, principalHash, roles, organisation, addressHash,
                subjectHash, rowCount, valueCount, contentHash, previousHash, null, personal).computedHash();
        return new AuditEntry(seq, at, kind, action, door, dataset, policyVersion, principalHash, roles, organisation, addressHash,
                subjectHash, rowCount, valueCount, contentHash, previousHash, hash, personal);
    }

    AuditEntry withPersonal(Personal plaintext) {
        return new AuditEntry(seq, at, kind, action, door, dataset, policyVersion, principalHash, roles, organisation, addressHash,
                subjectHash, rowCount, valueCount, contentHash, previousHash, entryHash, plaintext);
    }
}
