-- Why an incident's background analysis failed, in Chinese beside the English of analysis_error, so that each reader
-- is told it in their own language.
ALTER TABLE incidents ADD COLUMN analysis_error_zh VARCHAR(2000);
