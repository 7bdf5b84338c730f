-- Laboratory details of readings that came from a lab report, and the column layouts of CSV imports.

CREATE TABLE lab_results (
    datastream_id    BIGINT NOT NULL REFERENCES datastreams (id),
    phenomenon_time  TIMESTAMP WITH TIME ZONE NOT NULL,
    sample_id        VARCHAR(64)  NOT NULL,
    lab_report_id    VARCHAR(64)  NOT NULL,
    detection_limit  DOUBLE PRECISION,
    non_detect       BOOLEAN NOT NULL,
    PRIMARY KEY (datastream_id, phenomenon_time)
);
CREATE INDEX lab_results_report ON lab_results (lab_report_id);

-- definition: JSON, {"columns": {"well": "井号", ...}, "timeFormat": "yyyy/M/d H:mm", "zone": "+08:00"}
CREATE TABLE import_templates (
    name        VARCHAR(64) PRIMARY KEY,
    definition  VARCHAR(4000) NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
