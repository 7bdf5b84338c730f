-- The tamper-evident audit of disclosures, logins and administrative actions (issue #13, item 8): an append-only,
-- hash-chained log. Each entry's hash covers its fields and the previous entry's hash, so a changed, deleted or
-- reordered row breaks the chain where it happened. Only the platform's single audit writer inserts; nothing
-- updates or deletes these rows.
CREATE TABLE audit_entries (
    seq             BIGINT       NOT NULL PRIMARY KEY, -- dense from 1, assigned in order by the writer: the receipt id
    at              TIMESTAMP WITH TIME ZONE NOT NULL,
    kind            VARCHAR(16)  NOT NULL,             -- AuditEntry.Kind
    action          VARCHAR(500) NOT NULL,             -- the door's operation, the login outcome, the administrative action
    door            VARCHAR(32),
    dataset         VARCHAR(100),
    policy_version  VARCHAR(64),
    -- Personal fields are salted SHA-256 hashes (hex); salts and plaintext are in audit_personal_data, which an
    -- erasure deletes: the hash stays in the chain and no longer leads to the person.
    principal_hash  CHAR(64),
    roles           VARCHAR(500),                      -- ';'-separated, sorted
    organisation    VARCHAR(64),
    address_hash    CHAR(64),
    subject_hash    CHAR(64),                          -- the person an administrative action was about
    row_count       BIGINT,
    value_count     BIGINT,
    content_hash    CHAR(64),                          -- SHA-256 of exactly what was disclosed, from the door
    previous_hash   CHAR(64)     NOT NULL,
    entry_hash      CHAR(64)     NOT NULL,
    CONSTRAINT audit_entries_kind CHECK (kind IN ('DISCLOSURE', 'LOGIN', 'ADMINISTRATION'))
);

-- The plaintext of personal fields, one row per entry and field. No foreign key to audit_entries: an erasure deletes
-- here only, and whether every entry is still in place is the chain's verification to say, not a constraint's.
CREATE TABLE audit_personal_data (
    entry_seq  BIGINT       NOT NULL,
    field      VARCHAR(16)  NOT NULL, -- PRINCIPAL, ADDRESS or SUBJECT
    salt       CHAR(32)     NOT NULL, -- 16 random bytes, hex; one per field, so a field kept gives no handle on an erased one
    plaintext  VARCHAR(500) NOT NULL,
    PRIMARY KEY (entry_seq, field)
);
CREATE INDEX audit_personal_data_plaintext ON audit_personal_data (plaintext, field);
