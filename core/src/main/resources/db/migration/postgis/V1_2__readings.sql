-- Readings: every version of every value, partitioned by month of phenomenon time. Monthly partitions
-- are created by the storage layer (PostgisDialect) before rows for a new month are written.
-- A correction adds a version and marks the one it replaces as no longer current; raw values are never
-- overwritten.
CREATE SEQUENCE readings_id_seq;
CREATE TABLE readings (
    id              BIGINT NOT NULL DEFAULT nextval('readings_id_seq'),
    datastream_id   BIGINT NOT NULL REFERENCES datastreams (id),
    phenomenon_time TIMESTAMP WITH TIME ZONE NOT NULL,
    result_value    DOUBLE PRECISION NOT NULL,
    raw_value       DOUBLE PRECISION NOT NULL,
    quality_flags   INTEGER NOT NULL DEFAULT 0,
    version         INTEGER NOT NULL DEFAULT 1,
    current_version BOOLEAN NOT NULL DEFAULT TRUE,
    source          VARCHAR(16) NOT NULL,
    received_time   TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (datastream_id, phenomenon_time, version)
) PARTITION BY RANGE (phenomenon_time);
CREATE INDEX readings_id ON readings (id);

CREATE INDEX parks_boundary ON parks USING GIST (boundary);
CREATE INDEX enterprises_boundary ON enterprises USING GIST (boundary);
CREATE INDEX wells_location ON wells USING GIST (location);
CREATE INDEX potential_sources_geom ON potential_sources USING GIST (geom);
CREATE INDEX receptors_geom ON receptors USING GIST (geom);
CREATE INDEX road_segments_geom ON road_segments USING GIST (geom);
