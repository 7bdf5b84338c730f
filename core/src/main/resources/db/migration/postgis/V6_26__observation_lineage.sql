-- An Observation's SensorThings id stays the same through its versions: a correction, review decision, retraction or a
-- PATCH that moves it to another phenomenon time adds a row with an id of its own, and observation_id names the first
-- version of the lineage (NULL: the row is the first, its id is the Observation's). Versions were chained by
-- (datastream_id, phenomenon_time) until now; a version that no review or retraction wrote starts a lineage of its own
-- (an observation given again after a retraction). Only versions above 1 can continue one: single-version readings,
-- nearly all of them, are not touched.
ALTER TABLE readings ADD COLUMN observation_id BIGINT;
UPDATE readings r SET observation_id = (
    SELECT f.id FROM readings f WHERE f.datastream_id = r.datastream_id AND f.phenomenon_time = r.phenomenon_time
      AND f.version = (SELECT MAX(g.version) FROM readings g WHERE g.datastream_id = r.datastream_id
                         AND g.phenomenon_time = r.phenomenon_time AND g.version < r.version
                         AND g.source NOT IN ('review', 'retraction')))
WHERE r.version > 1 AND r.source IN ('review', 'retraction');
CREATE INDEX readings_observation ON readings (observation_id);
