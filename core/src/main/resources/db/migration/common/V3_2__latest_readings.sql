-- The latest current reading of each datastream, kept up to date by every write of readings (SqlDialect), so maps
-- and the latest-readings layer do not search the readings table for it.
CREATE TABLE latest_readings (
    datastream_id   BIGINT PRIMARY KEY REFERENCES datastreams (id),
    phenomenon_time TIMESTAMP WITH TIME ZONE NOT NULL,
    result_value    DOUBLE PRECISION NOT NULL,
    quality_flags   INTEGER NOT NULL
);

INSERT INTO latest_readings (datastream_id, phenomenon_time, result_value, quality_flags)
SELECT datastream_id, phenomenon_time, result_value, quality_flags FROM (
    SELECT datastream_id, phenomenon_time, result_value, quality_flags,
           ROW_NUMBER() OVER (PARTITION BY datastream_id ORDER BY phenomenon_time DESC) AS newest
    FROM readings WHERE current_version) ranked
WHERE newest = 1;
