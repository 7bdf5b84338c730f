-- Newest-first pages over every datastream (SensorThings /Observations?$orderby=phenomenonTime desc): without an
-- index led by the time, each page sorted every reading (2.2 s on ten million). With it, the monthly partitions are
-- read backwards in order until the page is full. The id second matches the pages' tie-breaker.
CREATE INDEX readings_time ON readings (phenomenon_time, id);
