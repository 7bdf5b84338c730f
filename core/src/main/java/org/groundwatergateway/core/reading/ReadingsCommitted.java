package org.groundwatergateway.core.reading;

import java.util.List;

/**
 * Readings that have just been committed to storage, in commit order. Published on the event bus.
 *
 * @param live whether they arrived as live data (devices, live uploads); imports of the past and the demo's history
 *     are not live, and warnings leave them alone — an alert is about now
 */
public record ReadingsCommitted(List<Reading> readings, boolean live) {
    public ReadingsCommitted {
        readings = List.copyOf(readings);
    }
}
