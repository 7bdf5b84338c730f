package org.groundwatergateway.core.soil;

import java.util.List;

/** Soil results just stored for a park (an upload of lab results), with their borings' codes. Published on the event bus. */
public record SoilResultsStored(long parkId, List<Result> results) {

    public record Result(String boringCode, SoilSample sample) {}

    public SoilResultsStored {
        results = List.copyOf(results);
    }
}
