-- Monthly operation and maintenance reports as generated (issue 16): the figures as JSON, never changed once stored, so
-- that the report of a month reads the same however late it is fetched. One per month of China Standard Time; a second
-- gateway generating the same month finds it stored and keeps the first. (MONTH is a keyword in H2, hence report_month.)
CREATE TABLE operations_reports (
    report_month  CHAR(7)      NOT NULL PRIMARY KEY, -- 2026-11
    generated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    generated_by  VARCHAR(100) NOT NULL,             -- the monthly job, or whoever asked for a finished month first
    content       VARCHAR      NOT NULL              -- gateway.report.OperationsReport as JSON
);
