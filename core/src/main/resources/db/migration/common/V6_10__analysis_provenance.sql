-- Provenance of analysis results (issue #18, part 3): the model and its version that produced a stored result, and the
-- windows of readings an incident's analysis read (heads for the flow, concentrations for tracing). Results stored
-- before this migration have none of them: their provenance says the model version was not recorded.
ALTER TABLE incidents ADD COLUMN analysis_model VARCHAR(300);
ALTER TABLE incidents ADD COLUMN analysis_model_version VARCHAR(64);
ALTER TABLE incidents ADD COLUMN heads_from TIMESTAMP WITH TIME ZONE;
ALTER TABLE incidents ADD COLUMN heads_to TIMESTAMP WITH TIME ZONE;
ALTER TABLE incidents ADD COLUMN trace_from TIMESTAMP WITH TIME ZONE;
ALTER TABLE incidents ADD COLUMN trace_to TIMESTAMP WITH TIME ZONE;
ALTER TABLE plumes ADD COLUMN model_version VARCHAR(64);
