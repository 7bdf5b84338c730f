-- Newest-first pages over every datastream (SensorThings /Observations?$orderby=phenomenonTime desc) read this index
-- backwards instead of sorting every reading. The id second matches the pages' tie-breaker.
CREATE INDEX readings_time ON readings (phenomenon_time, id);
