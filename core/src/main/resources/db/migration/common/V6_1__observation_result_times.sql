-- When an Observation's result was generated (SensorThings resultTime), for the readings whose sender gave one. Most
-- have none (a logger's packet carries only the time measured), so it is kept beside readings, not in them: the bulk
-- writes of readings stay as they are. Keyed by the observation rather than a version, so a correction keeps it.
CREATE TABLE observation_result_times (
    datastream_id   BIGINT NOT NULL REFERENCES datastreams (id),
    phenomenon_time TIMESTAMP WITH TIME ZONE NOT NULL,
    result_time     TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (datastream_id, phenomenon_time)
);
