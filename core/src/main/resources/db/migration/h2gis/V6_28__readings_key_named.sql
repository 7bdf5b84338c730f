-- The readings key (datastream_id, phenomenon_time, version) as a unique index of a name of ours rather than the index
-- H2 made for the constraint (READINGS_KEY_INDEX_9): SensorThings names it in an index hint (StaDialect.readingsByKey).
-- Without the hint H2 finds a datastream's first or last reading through the foreign key's index on datastream_id alone,
-- reading its whole history: on the demo year a page of 100 Datastreams (each with its time span) took 12.6 s.
ALTER TABLE readings DROP CONSTRAINT readings_key;
CREATE UNIQUE INDEX readings_key ON readings (datastream_id, phenomenon_time, version);
