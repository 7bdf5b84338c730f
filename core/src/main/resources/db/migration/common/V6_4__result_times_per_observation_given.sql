-- An observation may be given again at the time of a retracted one (a later version of that time, still a new
-- observation): its resultTime is its own, null included, so result times are kept per first version of an
-- observation given. A version's result time is that of the greatest first_version not above it: corrections keep it.
CREATE TABLE observation_result_times_given (
    datastream_id   BIGINT NOT NULL REFERENCES datastreams (id),
    phenomenon_time TIMESTAMP WITH TIME ZONE NOT NULL,
    first_version   INTEGER NOT NULL,
    result_time     TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (datastream_id, phenomenon_time, first_version)
);
INSERT INTO observation_result_times_given (datastream_id, phenomenon_time, first_version, result_time)
SELECT datastream_id, phenomenon_time, 1, result_time FROM observation_result_times;
DROP TABLE observation_result_times;
ALTER TABLE observation_result_times_given RENAME TO observation_result_times;
