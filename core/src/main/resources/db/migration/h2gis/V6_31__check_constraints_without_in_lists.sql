-- H2 2.4.240 evaluates a CHECK with an IN list of constants (or an OR of equalities, which it turns into one) with the
-- session that created the constraint: once that session is closed — a pooled connection retired or evicted, as the pool
-- does after a cancelled statement — every insert into the table fails, "Check constraint invalid" (h2database issues
-- 4291, 4302; fixed after 2.4.240). The audit log then could not store an entry. The same checks as CASE expressions,
-- which are evaluated with the inserting session. The names are those H2 gave the unnamed constraints (from the table's).
ALTER TABLE audit_entries DROP CONSTRAINT IF EXISTS audit_entries_kind;
ALTER TABLE audit_entries ADD CONSTRAINT audit_entries_kind
    CHECK (CASE WHEN kind = 'DISCLOSURE' THEN TRUE WHEN kind = 'LOGIN' THEN TRUE WHEN kind = 'ADMINISTRATION' THEN TRUE ELSE FALSE END);
ALTER TABLE plumes DROP CONSTRAINT IF EXISTS CONSTRAINT_8CDA7;
ALTER TABLE plumes ADD CONSTRAINT plumes_band
    CHECK (CASE WHEN band = 'P05' THEN TRUE WHEN band = 'P50' THEN TRUE WHEN band = 'P95' THEN TRUE ELSE FALSE END);
ALTER TABLE risk_zones DROP CONSTRAINT IF EXISTS CONSTRAINT_5BB48;
ALTER TABLE risk_zones ADD CONSTRAINT risk_zones_level
    CHECK (CASE WHEN risk_level = 'HIGH' THEN TRUE WHEN risk_level = 'MEDIUM' THEN TRUE WHEN risk_level = 'LOW' THEN TRUE ELSE FALSE END);
ALTER TABLE sta_unlinked_places DROP CONSTRAINT IF EXISTS CONSTRAINT_B2;
ALTER TABLE sta_unlinked_places ADD CONSTRAINT sta_unlinked_places_entity
    CHECK (CASE WHEN entity = 'LOCATION' THEN TRUE WHEN entity = 'HISTORICAL_LOCATION' THEN TRUE ELSE FALSE END);
