-- Retirement: a Datastream, Sensor, well or weather station taken out of service (a SensorThings DELETE) stays stored,
-- with its readings, for audit; raw values are never lost. Each table becomes the register of every entry ever made,
-- retired ones included, and its old name a view of the entries in service. Every read goes through the view and so
-- cannot show a retired entry by forgetting a condition; writes go to the register (an H2 view takes no writes).
-- A later change of a register's columns must create its view again (SELECT * is expanded when the view is made).
ALTER TABLE wells ADD COLUMN retired_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE wells RENAME TO well_register;
CREATE VIEW wells AS SELECT * FROM well_register WHERE retired_at IS NULL;

ALTER TABLE weather_stations ADD COLUMN retired_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE weather_stations RENAME TO weather_station_register;
CREATE VIEW weather_stations AS SELECT * FROM weather_station_register WHERE retired_at IS NULL;

ALTER TABLE sensors ADD COLUMN retired_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE sensors RENAME TO sensor_register;
CREATE VIEW sensors AS SELECT * FROM sensor_register WHERE retired_at IS NULL;

ALTER TABLE datastreams ADD COLUMN retired_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE datastreams RENAME TO datastream_register;
CREATE VIEW datastreams AS SELECT * FROM datastream_register WHERE retired_at IS NULL;

-- A parameter is national reference data (GB/T 14848, GB 36600 limits) that soil and lab results and warning rules
-- name: deleting its ObservedProperty retires the Datastreams observing it and withdraws it from SensorThings only.
ALTER TABLE parameters ADD COLUMN observed_property_retired_at TIMESTAMP WITH TIME ZONE;
