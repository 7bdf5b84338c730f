-- Where a partner's mirrored datastream measures: its Thing's Location as the partner shows it to us (coarsened, if
-- the partner's policy coarsens it), so that federated WFS / OGC API answers can place what partners share.
ALTER TABLE foreign_datastreams ADD COLUMN location GEOMETRY(POINT, 4490);
