-- A partner gateway's role (issue #19 item 6, docs/federation.md "The province"): PARK, a neighbouring park whose boundary
-- a plume forecast is tested against, or PROVINCE, a provincial gateway aggregating several parks, which is told of every
-- joint warning (an addressee of its CAP alert, its acknowledgements and closes) but is no side of it.
ALTER TABLE federation_peers ADD COLUMN role VARCHAR(16) DEFAULT 'PARK' NOT NULL;

-- The last number of each outgoing stream to each partner, advanced by one UPDATE in the transaction writing the message:
-- the row's lock orders two writers (on one node or two), where MAX(sequence) + 1 let both take the same number.
CREATE TABLE federation_outbox_sequences (
    receiver  VARCHAR(100) NOT NULL,
    stream    VARCHAR(200) NOT NULL,
    last_sequence BIGINT   NOT NULL,
    PRIMARY KEY (receiver, stream)
);
INSERT INTO federation_outbox_sequences (receiver, stream, last_sequence)
    SELECT receiver, stream, MAX(sequence) FROM federation_outbox GROUP BY receiver, stream;
