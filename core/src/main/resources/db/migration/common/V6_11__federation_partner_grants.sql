-- One grant per partner (issue #19): what we share with a partner is the union of its agreements to share in force, so
-- the grants that enforce them are the partner's, not each agreement's (two grants to one organisation would combine
-- most restrictively: their row limits would intersect). Whenever an agreement to share with a partner is recorded or
-- ended, its grants are revoked and issued anew, one for each stretch of time over which the set of agreements in force
-- stays the same (so an agreement's start or expiry takes effect at that instant, with nothing to run); each records
-- here which agreements it carries. Rows are only inserted: a replaced grant is revoked, as a version of its own.

CREATE TABLE federation_partner_grants (
    grant_id  BIGINT NOT NULL PRIMARY KEY REFERENCES share_grants (id),
    peer_id   BIGINT NOT NULL REFERENCES federation_peers (id)
);
CREATE INDEX federation_partner_grants_peer ON federation_partner_grants (peer_id);

CREATE TABLE federation_partner_grant_agreements (
    grant_id      BIGINT NOT NULL REFERENCES federation_partner_grants (grant_id),
    agreement_id  BIGINT NOT NULL REFERENCES federation_agreements (id),
    PRIMARY KEY (grant_id, agreement_id)
);
CREATE INDEX federation_partner_grant_agreements_agreement ON federation_partner_grant_agreements (agreement_id);
