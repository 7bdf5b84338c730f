package org.groundwatergateway.core.reading;

import java.util.List;

/** Readings that have just been committed to storage, in commit order. Published on the event bus. */
public record ReadingsCommitted(List<Reading> readings) {
    public ReadingsCommitted {
        readings = List.copyOf(readings);
    }
}
