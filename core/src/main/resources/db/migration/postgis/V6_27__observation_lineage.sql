-- An Observation's SensorThings id stays the same through its versions: a correction, review decision, retraction or a
-- PATCH that moves it to another phenomenon time adds a row with an id of its own, and observation_id names the first
-- version of the lineage (NULL: the row is the first, its id is the Observation's). Versions were chained by
-- (datastream_id, phenomenon_time) until now; a version that no review or retraction wrote starts a lineage of its own
-- (an observation given again after a retraction). Only versions above 1 can continue one: single-version readings,
-- nearly all of them, are not touched, and keep their ids as Observation ids.
-- Two current versions at one datastream and time (a race before this migration) would abort the unique index below:
-- all but the highest version stop being current, as a later version supersedes an earlier one.
UPDATE readings r SET current_version = FALSE
WHERE r.current_version AND EXISTS (SELECT 1 FROM readings h WHERE h.datastream_id = r.datastream_id
                                      AND h.phenomenon_time = r.phenomenon_time AND h.current_version AND h.version > r.version);
ALTER TABLE readings ADD COLUMN IF NOT EXISTS observation_id BIGINT;
UPDATE readings r SET observation_id = (
    SELECT f.id FROM readings f WHERE f.datastream_id = r.datastream_id AND f.phenomenon_time = r.phenomenon_time
      AND f.version = (SELECT MAX(g.version) FROM readings g WHERE g.datastream_id = r.datastream_id
                         AND g.phenomenon_time = r.phenomenon_time AND g.version < r.version
                         AND g.source NOT IN ('review', 'retraction')))
WHERE r.version > 1 AND r.source IN ('review', 'retraction');
-- The Observation's id as a column of its own, stored and indexed, so that /Observations(X), $filter=id eq X, a
-- retraction, a PATCH and provenance find every version of an Observation by one index. An expression index on
-- COALESCE(observation_id, id) would serve those queries too, but only where they spell the expression alike; the
-- column is one name for both dialects (H2 has no expression index). Adding a stored generated column rewrites the
-- whole table (docs/conformance.md, upgrade note). Each monthly partition gets its own index.
ALTER TABLE readings ADD COLUMN IF NOT EXISTS sta_id BIGINT GENERATED ALWAYS AS (COALESCE(observation_id, id)) STORED;
CREATE INDEX IF NOT EXISTS readings_sta_id ON readings (sta_id);
-- At most one current version per datastream and time, whatever writes it: a PATCH moving an Observation to a time
-- races an ingest or another PATCH there, and the loser is refused (or, for the intake, skipped as stored already)
-- instead of leaving two current readings at one time. A unique index on the partitioned table must hold the partition
-- key: phenomenon_time is in it.
CREATE UNIQUE INDEX IF NOT EXISTS readings_one_current ON readings (datastream_id, phenomenon_time) WHERE current_version;
-- A partner's Observation keeps its id when a PATCH there moves it in time: the mirror finds its copy by that id.
CREATE INDEX IF NOT EXISTS foreign_observations_remote ON foreign_observations (datastream_id, remote_id);
