package org.groundwatergateway.ingest.qaqc;

/** What QA/QC needs to know about a datastream: its parameter, cadence, pair, place and sensor. */
public record StreamInfo(long id, String code, String parameter, int intervalMinutes, Long pairedId, Long wellId, long sensorId) {}
