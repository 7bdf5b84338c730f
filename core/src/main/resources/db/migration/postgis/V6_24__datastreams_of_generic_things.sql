-- Issue #14: a Datastream of a generic Thing (created through SensorThings, V6_23) belongs to neither a well nor a
-- weather station; its Thing is named in sta_datastreams (V6_25). The check that every datastream names exactly one
-- of the two becomes "at most one". PostgreSQL named the unnamed check of V1_1 after the table's name at the time.
ALTER TABLE datastream_register DROP CONSTRAINT datastreams_check;
ALTER TABLE datastream_register ADD CONSTRAINT datastreams_at_one_place CHECK (well_id IS NULL OR weather_station_id IS NULL);
