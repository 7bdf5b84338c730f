-- A sensor need not report through a data logger of the platform: one registered through SensorThings without an MN
-- (properties/mn) is described, linked to its Datastreams, and fed by SensorThings Observations only.
ALTER TABLE sensors ALTER COLUMN mn DROP NOT NULL;
