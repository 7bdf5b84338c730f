-- Each datastream's first current reading beside its latest (V3_2), kept by every write of readings (SqlDialect,
-- ReadingRepository), so that a Datastream's phenomenonTime in SensorThings and a dataset's period in the catalog are
-- read from one row instead of searched for in every monthly partition of the readings.
ALTER TABLE latest_readings ADD COLUMN first_phenomenon_time TIMESTAMP WITH TIME ZONE;
UPDATE latest_readings l SET first_phenomenon_time = (SELECT MIN(r.phenomenon_time) FROM readings r
                                                      WHERE r.datastream_id = l.datastream_id AND r.current_version);
-- A row of a datastream with no current reading left would be stale: the row is kept only while there is one.
DELETE FROM latest_readings WHERE first_phenomenon_time IS NULL;
ALTER TABLE latest_readings ALTER COLUMN first_phenomenon_time SET NOT NULL;
